// Ask the browser for host access from the user's click (the browser requires a gesture).
import { ext as browser } from '../platform/ext';
import { normalizeOrigin, originToMatchPattern } from '../core/origins';

/** True when every origin is usable: valid, and granted (or already granted). */
export async function requestAccess(origins: readonly string[]): Promise<boolean> {
  const patterns = origins.flatMap((o) => {
    const r = normalizeOrigin(o);
    return r.ok ? [originToMatchPattern(r.origin)] : [];
  });
  if (patterns.length === 0) return true;
  try {
    return await browser.permissions.request({ origins: patterns });
  } catch {
    return false;
  }
}
