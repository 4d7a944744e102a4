// Figure 2: from the user's click in the popup to the first API request that carries the new key.
// A docs page polls the API's echo endpoint in a tight loop and notes when the new key first comes
// back; the popup notes the click. Both read `performance.timeOrigin + performance.now()`, each
// corrected by its own offset to Date.now() (the system clock all processes share), so the two
// processes' clocks agree.
import type { Locator, Page } from 'playwright-core';
import { API, KEY_A, KEY_B, docsPage, message, quietExtensionPage, saveKeyInPopup, withBrowser } from './env';
import { quantile, type Measurement, type Outcome, type RunOptions } from './figures';

const ECHO = `${API}/__echo`;
const API_ORIGIN = API;

declare global {
  interface Window {
    __bench?: {
      want: string | null;
      seenAt: number | null;
      seenSentAt: number | null;
      polls: number;
      stop: boolean;
      clickAt?: number | null;
    };
  }
}

/** ms to add to `performance.timeOrigin + performance.now()` in the page to get Date.now() time. */
async function clockOffset(page: Page): Promise<number> {
  return page.evaluate(() => {
    const d: number[] = [];
    for (let i = 0; i < 2000; i++) d.push(Date.now() - (performance.timeOrigin + performance.now()));
    d.sort((a, b) => a - b);
    // Date.now() has 1 ms steps: the middle of the spread is the offset, to about ±0.5 ms.
    return (d[0]! + d[d.length - 1]!) / 2;
  });
}

/** Start the docs page's poll loop (runs until stopped); it notes when `want` first comes back. */
async function startPolling(docs: Page): Promise<void> {
  await docs.evaluate((echo) => {
    window.__bench = { want: null, seenAt: null, seenSentAt: null, polls: 0, stop: false };
    const b = window.__bench;
    void (async () => {
      while (!b.stop) {
        const sentAt = performance.timeOrigin + performance.now();
        try {
          const r = await fetch(echo, { credentials: 'omit', cache: 'no-store' });
          const j = (await r.json()) as { authorization: string | null };
          const at = performance.timeOrigin + performance.now();
          b.polls += 1;
          if (b.want !== null && b.seenAt === null && j.authorization === b.want) {
            b.seenAt = at;
            b.seenSentAt = sentAt;
          }
        } catch {
          /* keep polling */
        }
      }
    })();
  }, ECHO);
}

async function expect(docs: Page, want: string): Promise<void> {
  await docs.evaluate((want) => {
    const b = window.__bench!;
    b.want = want;
    b.seenAt = null;
    b.seenSentAt = null;
  }, want);
}

async function seen(docs: Page): Promise<{ seenAt: number; seenSentAt: number }> {
  const h = await docs.waitForFunction(
    () => (window.__bench?.seenAt != null ? { seenAt: window.__bench.seenAt, seenSentAt: window.__bench.seenSentAt! } : null),
    undefined,
    {
      timeout: 10_000,
      polling: 5,
    },
  );
  return (await h.jsonValue())!;
}

/** Note when the next event of `type` on the element fires (its timestamp, on the page's clock). */
async function noteEvent(target: Locator, type: string): Promise<void> {
  await target.evaluate((el, type) => {
    window.__bench = { want: null, seenAt: null, seenSentAt: null, polls: 0, stop: false, clickAt: null };
    el.addEventListener(
      type,
      (e) => {
        window.__bench!.clickAt = performance.timeOrigin + e.timeStamp;
      },
      { capture: true, once: true },
    );
  }, type);
}

async function clickTime(page: Page): Promise<number> {
  const h = await page.waitForFunction(() => window.__bench?.clickAt ?? null, undefined, { timeout: 5_000, polling: 5 });
  return (await h.jsonValue())!;
}

interface Change {
  ms: number;
  /** From the click to when the first request with the new key was sent (a lower bound). */
  sentMs: number;
}

function summarize(changes: Change[]) {
  const ms = changes.map((c) => c.ms);
  return { p50: quantile(ms, 0.5)!, p95: quantile(ms, 0.95)!, max: Math.max(...ms) };
}

export const propagation: Measurement = {
  id: 'propagation',
  title: 'Rule propagation (popup click → first request with the new key)',
  figures: [
    { id: 'propagation.replace.p50', name: 'Propagation, replace key: p50', unit: 'ms', target: null, digits: 1 },
    { id: 'propagation.replace.p95', name: 'Propagation, replace key: p95', unit: 'ms', target: { op: '<', value: 100 }, digits: 1 },
    { id: 'propagation.switch.p50', name: 'Propagation, switch profile: p50', unit: 'ms', target: null, digits: 1 },
    { id: 'propagation.switch.p95', name: 'Propagation, switch profile: p95', unit: 'ms', target: { op: '<', value: 100 }, digits: 1 },
  ],
  async run(opts: RunOptions): Promise<Outcome> {
    const changes = opts.smoke ? 10 : 30;
    const out: Record<string, number[]> = {};
    const push = (id: string, v: number) => (out[id] ??= []).push(v);
    const runs: unknown[] = [];

    await withBrowser(async ({ b }) => {
      const popup = await saveKeyInPopup(b, KEY_A);
      const docs = await docsPage(b);
      await startPolling(docs);
      // The popup is what the user looks at: a hidden page gets no animation frames, which
      // Playwright's click waits for (and the docs page's loop needs none).
      await popup.bringToFront();
      const [offPopup, offDocs] = [await clockOffset(popup), await clockOffset(docs)];
      const toWall = (page: 'popup' | 'docs', t: number) => t + (page === 'popup' ? offPopup : offDocs);
      let current = KEY_A;

      // Replace key: "Replace key", type the other key into "API key", click "Save".
      for (let run = 0; run < opts.iterations; run++) {
        const list: Change[] = [];
        for (let i = 0; i < changes; i++) {
          const next = current === KEY_A ? KEY_B : KEY_A;
          await popup.getByRole('button', { name: 'Replace key' }).click();
          const field = popup.getByLabel('API key');
          await field.fill(next);
          const save = popup.getByRole('button', { name: 'Save' });
          await expect(docs, `Api-Key ${next}`);
          await noteEvent(save, 'click');
          await save.click();
          const clickAt = toWall('popup', await clickTime(popup));
          const s = await seen(docs);
          list.push({ ms: toWall('docs', s.seenAt) - clickAt, sentMs: toWall('docs', s.seenSentAt) - clickAt });
          // The form closes when the background has answered; the next change starts from there.
          await popup.getByRole('button', { name: 'Replace key' }).waitFor({ timeout: 10_000 });
          current = next;
        }
        const r = summarize(list);
        push('propagation.replace.p50', r.p50);
        push('propagation.replace.p95', r.p95);
        runs.push({ kind: 'replace', run: run + 1, ...r, changes: list });
        opts.log(`  replace key, run ${run + 1}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms`);
      }

      // Switch profile: two profiles for the API, flip the "Active key for …" combobox.
      const ctl = await quietExtensionPage(b);
      const other = current === KEY_A ? KEY_B : KEY_A;
      // message() throws on a refusal: the state it answers has the new profile.
      await message<{ profiles: { id: string }[] }>(ctl, 'addProfile', { key: other, name: 'Second', origins: [API_ORIGIN] });
      await ctl.close();
      await popup.reload();
      await popup.bringToFront();
      const combo = popup.getByRole('combobox', { name: `Active key for ${API_ORIGIN}` });
      await combo.waitFor();
      const options = await combo
        .locator('option')
        .evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
      if (options.length < 2) throw new Error(`the combobox offers ${options.length} profile(s), expected 2`);
      // Which key each option stands for: switch once and read what the API receives.
      const keyOf = new Map<string, string>();
      for (const o of options) {
        await combo.selectOption(o.value);
        await popup.waitForTimeout(200);
        const got = await docs.evaluate(
          async (echo) =>
            ((await (await fetch(echo, { credentials: 'omit', cache: 'no-store' })).json()) as { authorization: string }).authorization,
          ECHO,
        );
        keyOf.set(o.value, got);
      }
      let active = await combo.inputValue();
      for (let run = 0; run < opts.iterations; run++) {
        const list: Change[] = [];
        for (let i = 0; i < changes; i++) {
          const next = options.find((o) => o.value !== active)!;
          await expect(docs, keyOf.get(next.value)!);
          await noteEvent(combo, 'change');
          await combo.selectOption(next.value);
          const clickAt = toWall('popup', await clickTime(popup));
          const s = await seen(docs);
          list.push({ ms: toWall('docs', s.seenAt) - clickAt, sentMs: toWall('docs', s.seenSentAt) - clickAt });
          active = next.value;
        }
        const r = summarize(list);
        push('propagation.switch.p50', r.p50);
        push('propagation.switch.p95', r.p95);
        runs.push({ kind: 'switch', run: run + 1, ...r, changes: list });
        opts.log(`  switch profile, run ${run + 1}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms`);
      }
      const polls = await docs.evaluate(() => {
        window.__bench!.stop = true;
        return window.__bench!.polls;
      });
      runs.push({ polls });
    });

    return {
      samples: out,
      details: {
        changesPerRun: changes,
        method:
          'ms from the click (popup, event timestamp) to the response of the first echo request that carried the new key (docs page), clocks aligned through Date.now(); sentMs in runs[] is when that request was sent',
        runs,
      },
    };
  },
};
