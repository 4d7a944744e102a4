// Host matching: which origins may receive the key, compared exactly (scheme, host, port).

export type OriginProblem = 'originInvalid' | 'originInsecure' | 'originHasPath';

export type OriginCheck = { ok: true; origin: string } | { ok: false; problem: OriginProblem };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Parse an origin the user typed; `https` required except for loopback hosts. */
export function normalizeOrigin(input: string): OriginCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, problem: 'originInvalid' };
  }
  if (url.username || url.password || url.search || url.hash) return { ok: false, problem: 'originInvalid' };
  if (url.pathname !== '/' && url.pathname !== '') return { ok: false, problem: 'originHasPath' };
  if (url.protocol === 'https:') return { ok: true, origin: url.origin };
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return { ok: true, origin: url.origin };
  if (url.protocol === 'http:') return { ok: false, problem: 'originInsecure' };
  return { ok: false, problem: 'originInvalid' };
}

/** True when `url` is on exactly `origin` (same scheme, host and port). */
export function isSameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/** Escape a string for use inside a RE2 regular expression. */
export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A host-permission match pattern for an origin: `https://host:port/*` (ports are ignored by Chrome's patterns). */
export function originToMatchPattern(origin: string): string {
  const u = new URL(origin);
  return `${u.protocol}//${u.hostname}/*`;
}

export function hostOf(origin: string): string {
  return new URL(origin).hostname;
}
