// The background is the only writer of DNR rules. Every change goes through one queue and one
// atomic update per rule set (all old rules out, the new set in), as uBlock Origin does.
import type { DeclarativeNetRequest } from 'webextension-polyfill';
import { ext as browser } from '../platform/ext';
import { compileRules, sameRules, type DnrRule } from '../core/rules';
import { defaultSettings, type Settings } from '../core/settings';
import { readSettings } from './store';
import { hasAccess } from './access';
import { liveApiTabs } from './api-tab-list';
import { toolbarKey, updateToolbar } from './toolbar';

let queue: Promise<unknown> = Promise.resolve();
/** What the toolbar last showed (per wake-up), so unchanged state costs no action calls. */
let lastToolbar = '';

export interface ReconcileResult {
  changed: boolean;
}

/** Make the installed rules match storage. Serialised: a second call waits for the first. */
export function reconcile(): Promise<ReconcileResult> {
  const run = queue.then(applyRules);
  queue = run.catch((e: unknown) => {
    // Report the failure without rule contents: they hold the key.
    console.error('MaiAgent DevTools: rule update failed:', e instanceof Error ? e.message : 'unknown error');
  });
  return run;
}

type Dnr = typeof browser.declarativeNetRequest;

async function replace(
  get: () => Promise<DeclarativeNetRequest.Rule[]>,
  update: Dnr['updateDynamicRules'],
  wanted: DnrRule[],
): Promise<boolean> {
  const installed = await get();
  if (sameRules(installed, wanted)) return false;
  await update({ removeRuleIds: installed.map((r) => r.id), addRules: wanted });
  return true;
}

/** Every configured origin (sites and all profiles' API origins) the browser grants access to. */
async function grantedOrigins(s: Settings): Promise<Set<string>> {
  const all = [...new Set([...s.sites, ...s.profiles.flatMap((p) => p.origins)])];
  const ok = await Promise.all(all.map(async (o) => ((await hasAccess(o)) ? o : null)));
  return new Set(ok.filter((o): o is string => o !== null));
}

/** After a failed update, take every rule out: no key is better than a stale or forgotten one. */
async function failClosed(): Promise<void> {
  const dnr = browser.declarativeNetRequest;
  await dnr.updateSessionRules({ removeRuleIds: (await dnr.getSessionRules()).map((r) => r.id) }).catch(() => undefined);
  await dnr.updateDynamicRules({ removeRuleIds: (await dnr.getDynamicRules()).map((r) => r.id) }).catch(() => undefined);
}

async function applyRules(): Promise<ReconcileResult> {
  let settings: Settings;
  let granted: Set<string>;
  let a: boolean;
  let b: boolean;
  try {
    settings = await readSettings();
    granted = await grantedOrigins(settings);
    const wanted = compileRules(settings, {
      extensionHost: new URL(browser.runtime.getURL('')).hostname,
      apiTabs: await liveApiTabs(),
      granted: (o) => granted.has(o),
    });
    const dnr = browser.declarativeNetRequest;
    // Session rules first, so that a key moving from session to local is never in both sets at once with stale ids.
    a = await replace(
      () => dnr.getSessionRules(),
      (o) => dnr.updateSessionRules(o),
      wanted.session,
    );
    b = await replace(
      () => dnr.getDynamicRules(),
      (o) => dnr.updateDynamicRules(o),
      wanted.dynamic,
    );
  } catch (e) {
    // Whatever failed (storage, the tab list, the update itself), no rule may outlive it.
    await failClosed();
    lastToolbar = '';
    await updateToolbar({ ...defaultSettings(), enabled: false, sites: [] }).catch(() => undefined);
    throw e;
  }
  const look = toolbarKey(settings);
  if (look !== lastToolbar) {
    await updateToolbar(settings);
    lastToolbar = look;
  }
  applied = { settings, granted };
  return { changed: a || b };
}

/** What the last successful run read and installed: settings and the origins with access. */
let applied: { settings: Settings; granted: ReadonlySet<string> } | null = null;

/**
 * Reconcile, then answer with what is in effect. Handlers report state from here instead of
 * reading storage and asking for permissions a second time.
 */
export async function settled(): Promise<{ settings: Settings; granted: ReadonlySet<string> }> {
  await reconcile();
  return applied!;
}
