// The background is the only writer of DNR rules. Every change goes through one queue and one
// atomic updateDynamicRules call (all old rules out, the new set in), as uBlock Origin does.
import browser from 'webextension-polyfill';
import tldsUrl from 'tlds/index.json?url';
import { compileRules, initiatorRoots, sameRules } from '../core/rules';
import { readSettings } from '../shared/store';

let queue: Promise<void> = Promise.resolve();

export function reconcile(): Promise<void> {
  const run = queue.then(applyRules);
  queue = run.catch((e: unknown) => {
    // Report the failure without rule contents: they hold the key.
    console.error('MaiAgent DevTools: rule update failed:', e instanceof Error ? e.message : 'unknown error');
  });
  return run;
}

let roots: Promise<string[]> | null = null;

/** The TLD list ships as a file, not code, to keep the worker small; read once per wake-up. */
function loadRoots(): Promise<string[]> {
  roots ??= fetch(browser.runtime.getURL(tldsUrl))
    .then((r) => r.json() as Promise<string[]>)
    .then(initiatorRoots)
    .catch((e: unknown) => {
      roots = null;
      throw e;
    });
  return roots;
}

async function applyRules(): Promise<void> {
  const settings = await readSettings();
  const wanted = compileRules(settings, await loadRoots());
  const installed = await browser.declarativeNetRequest.getDynamicRules();
  if (sameRules(installed, wanted)) return;
  await browser.declarativeNetRequest.updateDynamicRules({
    removeRuleIds: installed.map((r) => r.id),
    addRules: wanted as browser.DeclarativeNetRequest.Rule[],
  });
}
