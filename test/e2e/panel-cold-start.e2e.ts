// Cold start of the DevTools panel: the inspected page keeps calling the API while the panel
// opens. Requests that finish before the panel loads come from DevTools' log (getHAR), those
// during its start-up from both sources, later ones from the listener: each must show once.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPanel, poll, type Cdp } from './devtools';
import { saveKeyInPopup } from './user';
import { ADA, useExtension } from './setup';

const KEY = 'Cs7Dt8Ev.coldStartSecret01234';
/** Requests per round, one every INTERVAL ms: they span the panel's opening. */
const COUNT = 40;
const INTERVAL_MS = 40;
const ROUNDS = 3;

const env = useExtension({ [KEY]: ADA }, { devtools: true });

/** Start calling the API from the page, without waiting: COUNT requests, one every INTERVAL_MS. */
function startCalling(page: Page, round: number): Promise<void> {
  return page.evaluate(
    ({ round, count, interval }) => {
      (window as unknown as { calling: Promise<number> }).calling = (async () => {
        const sent: Promise<unknown>[] = [];
        for (let i = 0; i < count; i++) {
          sent.push(fetch(`https://api.maiagent.ai/api/v1/cold/?round=${round}&n=${i}`, { credentials: 'omit' }).catch(() => undefined));
          await new Promise((r) => setTimeout(r, interval));
        }
        await Promise.all(sent);
        return count;
      })();
    },
    { round, count: COUNT, interval: INTERVAL_MS },
  );
}

/** Every row's path, in list order: the list is virtualised, so scroll through it, reading rows by position. */
const paths = (panel: Cdp) =>
  panel.eval<string[]>(`(async () => {
    const list = document.querySelector('[role=listbox]');
    const byPos = new Map();
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    list.scrollTop = 0;
    await frame();
    for (let guard = 0; guard < 1000; guard++) {
      for (const r of document.querySelectorAll('[role=option]')) byPos.set(Number(r.getAttribute('aria-posinset')), r.querySelector('.path').textContent);
      const before = list.scrollTop;
      list.scrollTop += Math.max(22, list.clientHeight / 2);
      await frame();
      if (list.scrollTop === before) break;
    }
    for (const r of document.querySelectorAll('[role=option]')) byPos.set(Number(r.getAttribute('aria-posinset')), r.querySelector('.path').textContent);
    return [...byPos.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p);
  })()`);

describe('DevTools panel, cold start', () => {
  it(`lists every API request made while the panel opens exactly once (${ROUNDS} panels, ${COUNT} requests each)`, async () => {
    await (await saveKeyInPopup(env.b, KEY)).close();
    for (let round = 1; round <= ROUNDS; round++) {
      // A new tab gets its own DevTools window (--auto-open-devtools-for-tabs), so its panel starts cold.
      const page = await env.b.ctx.newPage();
      const url = `https://docs.maiagent.ai/?cold=${round}`;
      await page.goto(url);
      const panel = await openPanel(env.b.profileDir, env.b.extId, url, () => startCalling(page, round));
      try {
        expect(await page.evaluate(() => (window as unknown as { calling: Promise<number> }).calling)).toBe(COUNT);
        const want = Array.from({ length: COUNT }, (_, i) => `/api/v1/cold/?round=${round}&n=${i}`);
        let last: string[] = [];
        const seen = await poll(`all ${COUNT} requests of round ${round}`, async () => {
          last = (await paths(panel)).filter((x) => x.startsWith('/api/v1/cold/'));
          return want.every((w) => last.includes(w)) ? last : null;
        }).catch(async (e: Error) => {
          // Say what DevTools itself recorded, to tell a request the panel lost from one DevTools never saw.
          const text = await panel
            .eval<string>(
              `new Promise((res) => {
            chrome.devtools.inspectedWindow.eval('location.href', {}, (href) => chrome.devtools.network.getHAR((h) => setTimeout(() => res(JSON.stringify({
              har: h.entries.length, cold: h.entries.filter((e) => e.request.url.includes('/cold/')).map((e) => e.request.url.split('n=')[1] + ':' + e.response.status).join(' '), href,
            }) + ' ' + document.body.innerText), 1000)));
          })`,
            )
            .catch(String);
          throw new Error(`${e.message}; missing: ${want.filter((w) => !last.includes(w)).join(' ')}; panel: ${text.slice(0, 600)}`);
        });
        // Late duplicates would arrive after the last original: give them time to show.
        await new Promise((r) => setTimeout(r, 500));
        const final = (await paths(panel)).filter((x) => x.startsWith('/api/v1/cold/'));
        expect(final.length, `rows: ${final.join(' ')}`).toBe(COUNT);
        expect(new Set(final).size).toBe(COUNT);
        expect(final.sort()).toEqual(want.sort());
        expect(seen.length).toBeLessThanOrEqual(COUNT);
        // No start-up step failed, so no problem is shown.
        expect(await panel.eval<number>(`document.querySelectorAll('[data-problem]').length`)).toBe(0);
      } finally {
        panel.close();
        await page.close();
      }
    }
  });
});
