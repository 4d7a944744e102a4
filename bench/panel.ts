// Figure 3: the panel page, opened in a normal tab (a HAR viewer there), with a 10,000-entry HAR.
// Coded against the panel's contract: a file input named "Import HAR", data-testid="row-count"
// with the number of entries shown, a listbox "Requests" that scrolls, a text field "Filter".
// When the contract is not (yet) met the figures say "not available" and why.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Launched } from '../test/e2e/browser';
import { quietExtensionPage, withBrowser } from './env';
import type { Measurement, Outcome, RunOptions } from './figures';
import { writeHar, type GeneratedHar } from './har';
import { Trace, longestTask } from './trace';

const ENTRIES = 10_000;
/** Matches the throttled requests only (their path and their summary). */
const FILTER_TEXT = 'throttled';
const MB = 1024 * 1024;

declare global {
  interface Window {
    __panelBench?: {
      counts: { t: number; text: string }[];
      fileChangeAt: number | null;
      filterInputAt: number | null;
      longtasks: { start: number; duration: number }[];
    };
  }
}

const countOf = (text: string): number | null => {
  const m = /\d[\d,.\u202f\u00a0]*/.exec(text);
  return m ? Number(m[0].replace(/[^\d]/g, '')) : null;
};

/** What of the contract the page lacks (empty when all is there). */
async function missingContract(page: Page): Promise<string[]> {
  const checks: [string, () => Promise<number>][] = [
    ['a file input named "Import HAR"', () => page.getByLabel('Import HAR', { exact: true }).count()],
    ['an element with data-testid="row-count"', () => page.getByTestId('row-count').count()],
    ['a listbox named "Requests"', () => page.getByRole('listbox', { name: 'Requests', exact: true }).count()],
    ['a text field named "Filter"', () => page.getByLabel('Filter', { exact: true }).count()],
  ];
  // Give the page a moment to render before declaring anything missing.
  const end = Date.now() + 5_000;
  let missing: string[];
  do {
    missing = [];
    for (const [what, count] of checks) if ((await count().catch(() => 0)) === 0) missing.push(what);
    if (missing.length === 0) break;
    await page.waitForTimeout(100);
  } while (Date.now() < end);
  return missing;
}

/** Watch row-count, the file input's change, the filter's input and long tasks, on the page's clock. */
async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    const b = {
      counts: [] as { t: number; text: string }[],
      fileChangeAt: null as number | null,
      filterInputAt: null as number | null,
      longtasks: [] as { start: number; duration: number }[],
    };
    window.__panelBench = b;
    const rc = document.querySelector('[data-testid="row-count"]')!;
    b.counts.push({ t: performance.now(), text: rc.textContent ?? '' });
    new MutationObserver(() => {
      const text = rc.textContent ?? '';
      if (b.counts.at(-1)?.text !== text) b.counts.push({ t: performance.now(), text });
    }).observe(rc, { subtree: true, childList: true, characterData: true });
    window.addEventListener(
      'change',
      (e) => {
        if (e.target instanceof HTMLInputElement && e.target.type === 'file') b.fileChangeAt ??= performance.now();
      },
      true,
    );
    window.addEventListener(
      'input',
      (e) => {
        if (e.target instanceof HTMLInputElement && e.target.type !== 'file' && e.target.type !== 'number')
          b.filterInputAt ??= performance.now();
      },
      true,
    );
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      /* no longtask support: the trace still tells */
    }
  });
}

/** Wait until row-count has shown `pred` and kept it for `quietMs`; the time it first showed it. */
async function countSettles(
  page: Page,
  pred: (n: number) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<{ at: number; n: number }> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const counts = await page.evaluate(() => window.__panelBench!.counts);
    const last = counts.at(-1);
    const n = last ? countOf(last.text) : null;
    if (last && n !== null && pred(n)) {
      await page.waitForTimeout(150);
      const again = await page.evaluate(() => window.__panelBench!.counts.at(-1));
      if (again && again.t === last.t) return { at: last.t, n };
      continue;
    }
    if (Date.now() > end) throw new Error(`${what}: row-count still says "${last?.text ?? ''}" after ${timeoutMs / 1000} s`);
    await page.waitForTimeout(20);
  }
}

/** The panel shows only the newest N by default; raise "Keep last" so all entries are kept. */
async function keepAll(page: Page, n: number): Promise<string | null> {
  const keep = page.getByLabel('Keep last');
  if ((await keep.count()) === 0) return null;
  const before = Number(await keep.inputValue());
  if (before >= n) return null;
  await keep.fill(String(n));
  await keep.press('Tab');
  return `"Keep last" was ${before}; the bench set it to ${n}`;
}

interface RunResult {
  importMs: number;
  importWallMs: number;
  filterMs: number;
  filterShown: number;
  longestTaskMs: number;
  longestTaskCpuMs: number;
  longestTaskSource: string;
  /** What the longest task was busy with (trace events nested in it). */
  longestTaskInside: { name: string; ms: number; cpuMs: number | null; count: number }[];
  longtasksObserved: number;
  maxFrameGapMs: number;
  scrollFrames: number;
  scrollMs: number;
  heapMB: number;
  heapTotalMB: number;
}

async function oneRun(b: Launched, harPath: string, smoke: boolean): Promise<RunResult> {
  const page = await b.ctx.newPage();
  try {
    await page.goto(`chrome-extension://${b.extId}/src/panel/panel.html`);
    const missing = await missingContract(page);
    if (missing.length) throw new Unavailable(`the panel page lacks ${missing.join(', ')}`);
    await instrument(page);

    // Import: from the file input's change to row-count showing every entry.
    const wall0 = Date.now();
    await page.getByLabel('Import HAR', { exact: true }).setInputFiles(harPath);
    const shown = await countSettles(page, (n) => n >= ENTRIES, 'import');
    const importWallMs = Date.now() - wall0;
    if (shown.n !== ENTRIES) throw new Error(`after the import row-count shows ${shown.n}, not ${ENTRIES}`);
    const fileChangeAt = await page.evaluate(() => window.__panelBench!.fileChangeAt);
    if (fileChangeAt === null) throw new Error('the file input fired no change event');
    const importMs = shown.at - fileChangeAt;

    // Scroll through the whole list, one screenful per frame, while tracing the main thread.
    const cdp = await b.ctx.newCDPSession(page);
    const trace = new Trace(cdp);
    const list = page.getByRole('listbox', { name: 'Requests', exact: true });
    await list.evaluate((el) => {
      el.scrollTop = 0;
    });
    await trace.start();
    const scroll = await list.evaluate(async (el, fast) => {
      // (No named inner functions: tsx would wrap them in a helper the page does not have.)
      const t0 = performance.now();
      let prev = await new Promise<number>((r) => requestAnimationFrame(r));
      let maxGap = 0;
      let frames = 0;
      const step = Math.max(1, el.clientHeight) * (fast ? 4 : 1);
      while (el.scrollTop + el.clientHeight < el.scrollHeight - 1) {
        el.scrollTop += step;
        const now = await new Promise<number>((r) => requestAnimationFrame(r));
        maxGap = Math.max(maxGap, now - prev);
        prev = now;
        frames += 1;
      }
      // Two more frames so the last screenful is rendered.
      await new Promise<number>((r) => requestAnimationFrame(r));
      await new Promise<number>((r) => requestAnimationFrame(r));
      // The list may keep its row elements in any order (it reuses them): the last row is the highest position.
      const positions = [...el.querySelectorAll('[role="option"]')].map((o) => Number(o.getAttribute('aria-posinset')));
      const lastPos = positions.length ? Math.max(...positions) : NaN;
      return { t0, t1: performance.now(), maxGap, frames, lastPos, scrollHeight: el.scrollHeight };
    }, smoke);
    const events = await trace.stop();
    // BENCH_TRACE_DIR=folder keeps the scroll trace, to open in DevTools' Performance panel.
    if (process.env.BENCH_TRACE_DIR) {
      writeFileSync(join(process.env.BENCH_TRACE_DIR, `panel-scroll-${Date.now()}.json`), JSON.stringify({ traceEvents: events }));
    }
    const task = longestTask(events, `chrome-extension://${b.extId}/src/panel/panel.html`);
    const longtasks = await page.evaluate(
      ({ t0, t1 }) => window.__panelBench!.longtasks.filter((l) => l.start >= t0 && l.start <= t1),
      scroll,
    );
    const observedMax = longtasks.reduce((m, l) => Math.max(m, l.duration), 0);
    const longestTaskMs = Number.isFinite(task.ms) ? task.ms : observedMax;
    if (Number.isFinite(scroll.lastPos) && scroll.lastPos < ENTRIES - 1) {
      throw new Error(`scrolled to the bottom but the last row shown is #${scroll.lastPos} of ${ENTRIES}`);
    }

    // Filter: from the input event (the text entered at once) to row-count showing fewer rows.
    await page.evaluate(() => {
      window.__panelBench!.filterInputAt = null;
    });
    await page.getByLabel('Filter', { exact: true }).fill(FILTER_TEXT);
    const narrowed = await countSettles(page, (n) => n < ENTRIES, 'filter');
    const filterInputAt = await page.evaluate(() => window.__panelBench!.filterInputAt);
    if (filterInputAt === null) throw new Error('the Filter field fired no input event');
    if (narrowed.n === 0) throw new Error(`filtering for "${FILTER_TEXT}" left no rows`);
    const filterMs = narrowed.at - filterInputAt;

    // Heap after a full garbage collection, with the 10,000 entries loaded.
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
    await cdp.detach().catch(() => undefined);

    return {
      importMs,
      importWallMs,
      filterMs,
      filterShown: narrowed.n,
      longestTaskMs,
      longestTaskCpuMs: task.cpuMs,
      longestTaskInside: task.inside,
      longestTaskSource: Number.isFinite(task.ms)
        ? `trace (${task.tasks} tasks on the panel's main thread, ${task.over50} ≥ 50 ms)`
        : 'longtask observer (no trace)',
      longtasksObserved: longtasks.length,
      maxFrameGapMs: scroll.maxGap,
      scrollFrames: scroll.frames,
      scrollMs: scroll.t1 - scroll.t0,
      heapMB: heap.usedSize / MB,
      heapTotalMB: heap.totalSize / MB,
    };
  } finally {
    await page.close();
  }
}

class Unavailable extends Error {}

const FIGURES = ['panel.import', 'panel.filter', 'panel.longtask', 'panel.longtaskCpu', 'panel.heap'] as const;

export const panel: Measurement = {
  id: 'panel',
  title: 'Panel at scale (10,000-entry HAR in the panel page)',
  figures: [
    { id: 'panel.import', name: 'Panel: import 10k HAR → all rows shown', unit: 'ms', target: { op: '<', value: 1000 }, digits: 0 },
    { id: 'panel.filter', name: 'Panel: Filter narrows 10k rows', unit: 'ms', target: { op: '<', value: 1000 }, digits: 1 },
    {
      id: 'panel.longtask',
      name: 'Panel: longest task while scrolling',
      unit: 'ms',
      target: { op: '<', value: 50 },
      digits: 1,
      verdict: 'max',
    },
    { id: 'panel.longtaskCpu', name: 'Panel: longest task, CPU time only', unit: 'ms', target: null, digits: 1 },
    { id: 'panel.heap', name: 'Panel: JS heap after import (GC)', unit: 'MB', target: { op: '<', value: 60 }, digits: 1 },
  ],
  async run(opts: RunOptions): Promise<Outcome> {
    const dir = mkdtempSync(join(tmpdir(), 'maiagent-bench-'));
    const samples: Record<string, number[]> = {};
    const runs: RunResult[] = [];
    let har: GeneratedHar | undefined;
    let keepNote: string | null = null;
    try {
      har = writeHar(join(dir, 'maiagent-10k.har'), ENTRIES);
      opts.log(`  generated ${har.entries} entries, ${(har.bytes / MB).toFixed(1)} MB`);
      await withBrowser(async ({ b }) => {
        // Something must keep the extension's renderer alive between the panel tabs.
        await quietExtensionPage(b);
        const setup = await b.ctx.newPage();
        await setup.goto(`chrome-extension://${b.extId}/src/panel/panel.html`);
        const missing = await missingContract(setup);
        if (missing.length) throw new Unavailable(`the panel page lacks ${missing.join(', ')}`);
        keepNote = await keepAll(setup, ENTRIES);
        await setup.close();
        for (let run = 0; run < opts.iterations; run++) {
          const r = await oneRun(b, har!.path, opts.smoke);
          runs.push(r);
          (samples['panel.import'] ??= []).push(r.importMs);
          (samples['panel.filter'] ??= []).push(r.filterMs);
          (samples['panel.longtask'] ??= []).push(r.longestTaskMs);
          (samples['panel.heap'] ??= []).push(r.heapMB);
          if (Number.isFinite(r.longestTaskCpuMs)) (samples['panel.longtaskCpu'] ??= []).push(r.longestTaskCpuMs);
          opts.log(
            `  run ${run + 1}: import ${r.importMs.toFixed(0)} ms, filter ${r.filterMs.toFixed(1)} ms (${r.filterShown} rows), ` +
              `longest task ${r.longestTaskMs.toFixed(1)} ms (CPU ${r.longestTaskCpuMs.toFixed(1)} ms), heap ${r.heapMB.toFixed(1)} MB`,
          );
          const inside = r.longestTaskInside
            .slice(0, 4)
            .map((e) => `${e.name} ${e.ms.toFixed(1)} ms${e.cpuMs === null ? '' : ` (CPU ${e.cpuMs.toFixed(1)})`}`);
          if (inside.length) opts.log(`    longest task held: ${inside.join(', ')}`);
        }
      });
    } catch (e) {
      if (!(e instanceof Unavailable)) throw e;
      opts.log(`  not available: ${e.message}`);
      return {
        samples: {},
        reasons: Object.fromEntries(FIGURES.map((id) => [id, e.message])),
        details: {
          available: false,
          reason: e.message,
          ...(har ? { har: { entries: har.entries, bytes: har.bytes, statuses: har.statuses } } : {}),
        },
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return {
      samples,
      details: {
        available: true,
        har: har ? { entries: har.entries, bytes: har.bytes, statuses: har.statuses } : null,
        filterText: FILTER_TEXT,
        ...(keepNote ? { setting: keepNote } : {}),
        method: {
          import: 'page clock: file input change event → row-count first shows 10000 (and stays)',
          filter:
            'page clock: input event of the Filter field (text entered at once) → row-count first shows the narrowed count (and stays)',
          longtask:
            'longest RunTask on the panel renderer main thread in a DevTools trace while scrolling the listbox one screenful per frame, top to bottom',
          heap: 'Runtime.getHeapUsage usedSize after HeapProfiler.collectGarbage, 10,000 entries loaded; 1 MB = 2^20 bytes',
        },
        runs,
      },
    };
  },
};
