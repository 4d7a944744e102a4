// Cookies never leave: their values are emptied in headers, and found so that an echo is caught too.

/** What a cookie's value becomes in an export. */
export const REDACTED = '[redacted]';

/** `a=1; b=2` → `a=[redacted]; b=[redacted]`: the names help, the values are sessions. */
export function redactCookieHeader(value: string): string {
  return value
    .split(';')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0 ? part : `${part.slice(0, eq)}=${REDACTED}`;
    })
    .join(';');
}

/** `sid=abc; Path=/; HttpOnly` → `sid=[redacted]; Path=/; HttpOnly`; one cookie per line (as Chrome joins them). */
export function redactSetCookie(value: string): string {
  return value
    .split('\n')
    .map((line) => {
      const semi = line.indexOf(';');
      const pair = semi < 0 ? line : line.slice(0, semi);
      const eq = pair.indexOf('=');
      // A pair without `=` is a value without a name: all of it goes.
      const cleaned = eq < 0 ? REDACTED : `${pair.slice(0, eq)}=${REDACTED}`;
      return cleaned + (semi < 0 ? '' : line.slice(semi));
    })
    .join('\n');
}

/** Cookie values a request sent or a response set, so that an echo of one (in a body) is caught too. */
export function cookieValuesOf(headers: readonly { name: string; value: string }[] | undefined): string[] {
  const out: string[] = [];
  for (const h of headers ?? []) {
    const n = h.name.toLowerCase();
    const pairs =
      n === 'cookie'
        ? h.value.split(';')
        : n === 'set-cookie' || n === 'set-cookie2'
          ? h.value.split('\n').map((l) => l.split(';')[0] ?? '')
          : [];
    for (const pair of pairs) {
      const eq = pair.indexOf('=');
      const v = (eq < 0 ? pair : pair.slice(eq + 1)).trim();
      if (v) out.push(v);
    }
  }
  return out;
}
