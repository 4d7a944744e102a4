// Which earlier request a request is the follow-up of: DevTools lists a redirect and the request
// the browser then made as two entries; the second is linked to the first by its Location.
import { headerValue, type Exchange } from '../exchange';
import type { RedirectOrigin } from './types';

/** How far back to look, and how long a browser takes at most to follow. */
const LOOK_BACK = 20;
const FOLLOW_MS = 10_000;

/** `earlier` oldest first; the newest redirect whose Location is this URL, if any. */
export function linkRedirect(earlier: readonly Exchange[], ex: Exchange): RedirectOrigin | null {
  for (let i = earlier.length - 1; i >= Math.max(0, earlier.length - LOOK_BACK); i--) {
    const r = earlier[i]!;
    if (![301, 302, 303, 307, 308].includes(r.status)) continue;
    const location = headerValue(r.responseHeaders, 'location');
    if (!location) continue;
    let target: string;
    try {
      target = new URL(location, r.url).href;
    } catch {
      continue;
    }
    if (target !== ex.url) continue;
    if (r.startedAt !== undefined && ex.startedAt !== undefined && (ex.startedAt < r.startedAt || ex.startedAt - r.startedAt > FOLLOW_MS))
      continue;
    return { method: r.method, status: r.status, url: r.url };
  }
  return null;
}
