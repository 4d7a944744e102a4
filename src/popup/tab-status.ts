// Whether the page in the current tab gets the key, worked out from the state the background
// publishes, and how many of the tab's requests got it. Asked by the popup when it opens: the
// toolbar click grants activeTab, which reading the tab's matched rules needs. Nothing per request
// (a count on the badge would make Chrome redraw it for every matched request: issue #15).
import { ext as browser } from '../platform/ext';
import { countInjected, type MatchedInfo, type RuleLike } from '../core/matched';
import { normalizeOrigin } from '../core/origins';
import type { PublicState } from '../shared/protocol';

export interface TabStatus {
  origin: string | null;
  /** allowed: requests from this page get the key. */
  verdict: 'allowed' | 'apiOrigin' | 'notAllowed' | 'notWeb' | 'insecure' | 'noAccess' | 'injectionOff' | 'noKey';
}

export function tabStatus(state: PublicState, url: string): TabStatus {
  let origin: string | null = null;
  try {
    const u = new URL(url);
    if (u.protocol === 'http:' || u.protocol === 'https:') origin = u.origin;
  } catch {
    /* not a web page */
  }
  const verdict = (): TabStatus['verdict'] => {
    if (!origin) return 'notWeb';
    if (!state.enabled) return 'injectionOff';
    // API origins whose active profile has a key: what the rules inject.
    const keyed = Object.keys(state.active).filter((o) => state.profiles.some((p) => p.id === state.active[o] && p.hasKey));
    if (keyed.length === 0) return 'noKey';
    if (keyed.includes(origin)) return state.missingApiAccess.includes(origin) ? 'noAccess' : 'apiOrigin';
    const site = state.sites.find((s) => s.origin === origin);
    if (site) return site.granted ? 'allowed' : 'noAccess';
    if (!normalizeOrigin(origin).ok) return 'insecure';
    return 'notAllowed';
  };
  return { origin, verdict: verdict() };
}

/** Requests of the tab that got the key; null when the browser will not tell (no activeTab grant, quota, or no such API). */
export async function injectedInTab(tabId: number): Promise<number | null> {
  // The polyfill's types lack getMatchedRules; both browsers have it (Chrome 91+, Firefox 113+).
  const dnr = browser.declarativeNetRequest as typeof browser.declarativeNetRequest & {
    getMatchedRules(filter: { tabId: number }): Promise<{ rulesMatchedInfo: MatchedInfo[] }>;
  };
  try {
    const [matched, dynamic, session] = await Promise.all([
      dnr.getMatchedRules({ tabId }),
      dnr.getDynamicRules() as Promise<RuleLike[]>,
      dnr.getSessionRules() as Promise<RuleLike[]>,
    ]);
    return countInjected(matched.rulesMatchedInfo, { dynamic, session });
  } catch {
    return null;
  }
}
