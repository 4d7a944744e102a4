// Figure 1: what header injection costs a page's API requests, and whether the extension's
// service worker takes part in them (it must not: the rules run in the browser's network code).
import type { Page } from 'playwright-core';
import { WorkerControl } from '../test/e2e/worker';
import { API, KEY_A, docsPage, message, quietExtensionPage, withBrowser } from './env';
import { median, sleep, type Measurement, type Outcome, type RunOptions } from './figures';

const URL_ = `${API}/api/users/current/`;
const BATCH = 50;

interface BatchResult {
  on: boolean;
  latencies: number[];
  starts: number;
  runningAfter: boolean;
  withHeader: number;
  requests: number;
}

/** `count` sequential fetches from the page; each latency from fetch() to the body read, in ms. */
function fetchBatch(page: Page, count: number, tag: string): Promise<number[]> {
  return page.evaluate(
    async ({ url, count, tag }) => {
      const out: number[] = [];
      for (let i = 0; i < count; i++) {
        const t0 = performance.now();
        const r = await fetch(`${url}?b=${tag}&i=${i}`, { credentials: 'omit', cache: 'no-store' });
        await r.text();
        out.push(performance.now() - t0);
      }
      return out;
    },
    { url: URL_, count, tag },
  );
}

export const injection: Measurement = {
  id: 'injection',
  title: 'Injection overhead',
  figures: [
    { id: 'injection.ratio', name: 'Injection: median latency on/off', unit: '×', target: { op: '<=', value: 1.03 }, digits: 3 },
    { id: 'injection.workerEvents', name: 'Injection: worker starts in batches', unit: '', target: { op: '==', value: 0 }, digits: 0 },
    { id: 'injection.onMs', name: 'Injection: median latency, on', unit: 'ms', target: null, digits: 2 },
    { id: 'injection.offMs', name: 'Injection: median latency, off', unit: 'ms', target: null, digits: 2 },
    { id: 'injection.addedMs', name: 'Injection: added latency (on − off)', unit: 'ms', target: null, digits: 2 },
  ],
  async run(opts: RunOptions): Promise<Outcome> {
    const total = opts.smoke ? 200 : 1000;
    const batches = Math.max(2, Math.round(total / BATCH));
    const ratio: number[] = [];
    const events: number[] = [];
    const onMs: number[] = [];
    const offMs: number[] = [];
    const perRun: unknown[] = [];
    const problems: string[] = [];

    await withBrowser(async ({ server, b }) => {
      const ctl = await quietExtensionPage(b);
      await message(ctl, 'saveKey', { key: KEY_A });
      const docs = await docsPage(b);
      const worker = await WorkerControl.attach(b, ctl);
      // Warm both paths (connection, rule matching, server code) before anything counts.
      for (const enabled of [false, true]) {
        await message(ctl, 'setEnabled', { enabled });
        await fetchBatch(docs, BATCH, 'warm');
      }
      let enabled = true;

      for (let run = 0; run < opts.iterations; run++) {
        const results: BatchResult[] = [];
        // Alternate which state goes first from run to run, so a drift in speed favours neither.
        const firstOn = run % 2 === 0;
        for (let i = 0; i < batches; i++) {
          const on = (i % 2 === 0) === firstOn;
          if (on !== enabled) {
            const reply: { enabled: boolean } = await message<{ enabled: boolean }>(ctl, 'setEnabled', { enabled: on });
            if (reply.enabled !== on) throw new Error(`setEnabled(${on}) answered enabled=${reply.enabled}`);
            enabled = on;
          }
          // The toggle woke the worker; stop it so that any start during the batch is the batch's doing.
          await worker.stop();
          const startsBefore = worker.starts;
          const reqBefore = server.requests.length;
          const latencies = await fetchBatch(docs, BATCH, `${run}-${i}`);
          // Worker status arrives as CDP events; give a late one time to land.
          await sleep(60);
          const got = server.requests.slice(reqBefore).filter((r) => r.path.startsWith('/api/users/current/'));
          results.push({
            on,
            latencies,
            starts: worker.starts - startsBefore,
            runningAfter: worker.running().length > 0,
            withHeader: got.filter((r) => r.headers.authorization === `Api-Key ${KEY_A}`).length,
            requests: got.length,
          });
        }
        const lat = (on: boolean) => results.filter((r) => r.on === on).flatMap((r) => r.latencies);
        const mOn = median(lat(true))!;
        const mOff = median(lat(false))!;
        // A start is the worker's doing; a worker found running with no start seen is counted too.
        const ev = results.reduce((n, r) => n + Math.max(r.starts, r.runningAfter ? 1 : 0), 0);
        for (const r of results) {
          const want = r.on ? r.requests : 0;
          if (r.requests !== BATCH || r.withHeader !== want) {
            problems.push(`run ${run + 1}: a batch with injection ${r.on ? 'on' : 'off'} had ${r.withHeader}/${r.requests} requests with the key (expected ${want}/${BATCH})`);
          }
        }
        ratio.push(mOn / mOff);
        events.push(ev);
        onMs.push(mOn);
        offMs.push(mOff);
        perRun.push({
          requests: results.length * BATCH,
          medianOnMs: mOn,
          medianOffMs: mOff,
          ratio: mOn / mOff,
          workerStarts: results.reduce((n, r) => n + r.starts, 0),
          batchesEndingWithWorkerRunning: results.filter((r) => r.runningAfter).length,
        });
        opts.log(`  run ${run + 1}: on ${mOn.toFixed(2)} ms, off ${mOff.toFixed(2)} ms, ratio ${(mOn / mOff).toFixed(3)}, worker events ${ev}`);
      }
      await worker.detach();
    });

    return {
      samples: {
        'injection.ratio': ratio,
        'injection.workerEvents': events,
        'injection.onMs': onMs,
        'injection.offMs': offMs,
        'injection.addedMs': onMs.map((on, i) => on - offMs[i]!),
      },
      ...(problems.length ? { reasons: { 'injection.ratio': `header check failed: ${problems[0]}` } } : {}),
      details: {
        requestsPerRun: batches * BATCH,
        batchSize: BATCH,
        url: URL_,
        note: 'With injection on the server answers 200 (user JSON), with it off 401 ({"detail": ...}); both bodies are ~100 bytes.',
        headerCheck: problems.length ? problems : 'every "on" request carried the key, no "off" request did',
        runs: perRun,
      },
    };
  },
};
