// Host matching: which origins may receive the key, compared exactly (scheme, host, port).

export type OriginProblem = 'originInvalid' | 'originInsecure' | 'originHasPath' | 'originIpv6';

export type OriginCheck = { ok: true; origin: string } | { ok: false; problem: OriginProblem };

const LOOPBACK = new Set(['localhost', '127.0.0.1']);

/** Parse an origin the user typed; `https` required except for loopback hosts. */
export function normalizeOrigin(input: string): OriginCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, problem: 'originInvalid' };
  }
  if (url.username || url.password || url.search || url.hash) return { ok: false, problem: 'originInvalid' };
  // IPv6 literals are refused: browsers' host-permission patterns and DNR's domain lists do not
  // take them reliably, so access could never be granted. `localhost` reaches the same machine.
  if (url.hostname.startsWith('[')) return { ok: false, problem: 'originIpv6' };
  if (url.pathname !== '/' && url.pathname !== '') return { ok: false, problem: 'originHasPath' };
  // Plain host names only: `*`, `_` or a trailing dot would widen the rule's URL filter or the
  // permission pattern beyond the one host the user meant.
  if (!isPlainHost(url.hostname)) return { ok: false, problem: 'originInvalid' };
  if (url.protocol === 'https:') return { ok: true, origin: url.origin };
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return { ok: true, origin: url.origin };
  if (url.protocol === 'http:') return { ok: false, problem: 'originInsecure' };
  return { ok: false, problem: 'originInvalid' };
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** A DNS name of letters, digits and hyphens in dot-separated labels, or an IPv4 address. */
function isPlainHost(host: string): boolean {
  if (host.length > 253 || host.endsWith('.')) return false;
  return host.split('.').every((l) => LABEL.test(l));
}

/** A host-permission match pattern for an origin: `https://host:port/*` (ports are ignored by Chrome's patterns). */
export function originToMatchPattern(origin: string): string {
  const u = new URL(origin);
  return `${u.protocol}//${u.hostname}/*`;
}
