// "Open in tab": which addresses the extension may open with the key. Pure: the background
// validates the user's input here before it opens anything.
import { activeKeys, type Settings } from './settings';

/** Each is an i18n message name. */
export type ApiTabProblem = 'urlInvalid' | 'urlNotApi' | 'keyMissing' | 'injectionOffNote' | 'openTabNoAccess' | 'openTabFailed';
export type ApiTabCheck = { ok: true; url: string } | { ok: false; problem: ApiTabProblem };

/**
 * The canonical URL to open, if `input` is an http(s) address on an API origin that has an active
 * key. A bare path (`/api/users/current/`) is taken relative to `defaultOrigin`.
 */
export function checkApiTabUrl(s: Settings, input: string, defaultOrigin: string, granted?: ReadonlySet<string>): ApiTabCheck {
  let url: URL;
  try {
    url = new URL(input.trim(), input.trim().startsWith('/') ? defaultOrigin : undefined);
  } catch {
    return { ok: false, problem: 'urlInvalid' };
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) return { ok: false, problem: 'urlInvalid' };
  const apiOrigins = new Set(s.profiles.flatMap((p) => p.origins));
  if (!apiOrigins.has(url.origin)) return { ok: false, problem: 'urlNotApi' };
  if (!s.enabled) return { ok: false, problem: 'injectionOffNote' };
  if (!activeKeys(s).some((k) => k.origin === url.origin)) return { ok: false, problem: 'keyMissing' };
  // Without host access no rule is installed for the origin: the tab would open without the key.
  if (granted && !granted.has(url.origin)) return { ok: false, problem: 'openTabNoAccess' };
  return { ok: true, url: url.href };
}

/** How many "Open in tab" tabs keep their rule; the oldest falls out first. */
export const MAX_API_TABS = 20;

/** The tab list after opening `tabId`: no duplicates, newest last, at most MAX_API_TABS. */
export function withApiTab(tabs: readonly number[], tabId: number): number[] {
  return [...tabs.filter((t) => t !== tabId), tabId].slice(-MAX_API_TABS);
}
