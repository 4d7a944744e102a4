// The per-tab count of requests that got the key, read when the popup asks. Chrome could keep it
// on the badge (displayActionCountAsBadgeText), but then it updates the badge on its main thread
// for every matched request (measured ~110 µs of CPU each, the whole gap to a one-rule injector:
// issue #15). Asking once when the popup opens costs nothing per request. Reading matched rules
// needs activeTab for the tab, which the toolbar click grants.
import { ext as browser } from '../platform/ext';
import { countInjected, type MatchedInfo, type RuleLike } from '../core/matched';

/** null when the browser will not tell (no activeTab grant, quota, or no such API). */
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
