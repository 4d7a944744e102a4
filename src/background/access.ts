// Host access: the rules act only where the browser grants the extension access, for both the
// request URL and the page that sent it. Users' own sites are granted at run time, from a click.
import { ext as browser } from '../platform/ext';
import { originToMatchPattern } from '../core/origins';
import { DEFAULT_API_ORIGIN, DOCS_ORIGIN } from '../core/settings';

/**
 * Origins whose access the manifest asks for at install (host_permissions). Asked for like any
 * other: Chrome lets the user limit site access, and Firefox can withhold or withdraw it in
 * about:addons, so "built in" says where access comes from, not that it is there.
 */
export const BUILT_IN = new Set([DEFAULT_API_ORIGIN, DOCS_ORIGIN]);

/** Whether the browser grants the extension access to `origin` right now. */
export async function hasAccess(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originToMatchPattern(origin)] });
  } catch {
    return false;
  }
}

/** Give back access the user no longer needs (never the built-in hosts). */
export async function revokeAccess(origin: string, stillNeeded: readonly string[]): Promise<void> {
  if (BUILT_IN.has(origin)) return;
  const pattern = originToMatchPattern(origin);
  // `stillNeeded` is what remains configured after the removal: the same origin may still be a
  // profile's API origin, or another port of the same host may need the same pattern.
  if (stillNeeded.some((o) => originToMatchPattern(o) === pattern)) return;
  try {
    await browser.permissions.remove({ origins: [pattern] });
  } catch {
    /* already gone */
  }
}
