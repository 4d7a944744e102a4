// URLs as a browser reads them, so that the host a snippet connects to is the host the panel
// showed and judged.

/**
 * The URL as a browser (and the panel) reads it: `new URL(raw).href`, without user name and
 * password. `https://api.maiagent.ai\@evil.test/` becomes `https://api.maiagent.ai/@evil.test/`,
 * which curl and Python send to the same host. Null when the URL does not parse.
 */
export function canonicalUrl(raw: string): string | null {
  try {
    const u = new URL(raw);
    u.username = '';
    u.password = '';
    return u.href;
  } catch {
    return null;
  }
}

/** True when the URL as written is not how it is read (beyond the `/` a bare origin gets). */
export function urlNotCanonical(raw: string): boolean {
  const c = canonicalUrl(raw);
  return c === null || (c !== raw && c !== `${raw}/`);
}

/** The origin of the canonical URL: what decides whether the key belongs in a request. */
export function canonicalOrigin(raw: string): string | null {
  const c = canonicalUrl(raw);
  return c === null ? null : new URL(c).origin;
}
