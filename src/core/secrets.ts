// Secrets out of every export and display: the API key (and any credential a request carried) in
// any header, URL, body or cookie, and every cookie. Pure; the shells say which keys they know.
import { maskKey } from './keys';
import { KEY_PLACEHOLDER, keyFromAuthorization } from './redact';

/** What a cookie's value becomes in an export. */
export const REDACTED = '[redacted]';

/** Shorter "secrets" (a stray `test` in a header) would blank out ordinary words. */
const MIN_SECRET = 8;

/** Headers whose whole value is a credential. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'api-key']);

export function isCredentialHeader(name: string): boolean {
  return CREDENTIAL_HEADERS.has(name.toLowerCase());
}

export interface Secrets {
  /** Matches any known form of any secret, longest first; null when there is none. */
  re: RegExp | null;
  /** Each form matched, to the secret it is a form of. */
  original: ReadonlyMap<string, string>;
}

export const NO_SECRETS: Secrets = { re: null, original: new Map() };

/** The ways a secret shows up in text: as is, URL-encoded (both flavours), escaped in JSON. */
function formsOf(secret: string): string[] {
  const url = encodeURIComponent(secret);
  return [secret, url, url.replace(/%20/g, '+'), JSON.stringify(secret).slice(1, -1), secret.replace(/\//g, '\\/')];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function secretsMatcher(secrets: Iterable<string>): Secrets {
  const original = new Map<string, string>();
  for (const raw of secrets) {
    const s = raw.trim();
    if (s.length < MIN_SECRET) continue;
    for (const f of formsOf(s)) if (!original.has(f)) original.set(f, s);
  }
  if (original.size === 0) return NO_SECRETS;
  // Longest first: the regex takes the first alternative that matches at a position.
  const forms = [...original.keys()].sort((a, b) => b.length - a.length);
  return { re: new RegExp(forms.map(escapeRe).join('|'), 'g'), original };
}

/** The credentials request headers carried: the key of `Api-Key <key>`, or the value after its scheme. */
export function credentialsOf(headers: readonly { name: string; value: string }[] | undefined): string[] {
  const out: string[] = [];
  for (const h of headers ?? []) {
    if (!isCredentialHeader(h.name) || typeof h.value !== 'string') continue;
    const key = keyFromAuthorization(h.value);
    if (key) out.push(key);
    const rest = h.value
      .trim()
      .replace(/^(?:api-key|bearer|token|basic)\s+/i, '')
      .trim();
    if (rest) out.push(rest);
  }
  return out;
}

/** Every form of every secret replaced (by the placeholder unless told otherwise). */
export function redactText(text: string, s: Secrets, replace: (secret: string) => string = () => KEY_PLACEHOLDER): string {
  if (!s.re || !text) return text;
  return text.replace(s.re, (m) => replace(s.original.get(m) ?? m));
}

/** For display: each secret shown in its masked form (`g5BnKD...Xs`), so the user sees which key it was. */
export function maskText(text: string, s: Secrets): string {
  return redactText(text, s, maskKey);
}

export type Segment = string | { secret: string };

/** Text cut at each secret, so that a snippet can put an expression (the environment variable) there. */
export function secretSegments(text: string, s: Secrets): Segment[] {
  if (!s.re || !text) return [text];
  const out: Segment[] = [];
  let at = 0;
  for (const m of text.matchAll(s.re)) {
    if (m.index > at) out.push(text.slice(at, m.index));
    out.push({ secret: s.original.get(m[0]) ?? m[0] });
    at = m.index + m[0].length;
  }
  if (at < text.length || out.length === 0) out.push(text.slice(at));
  return out;
}

/** Bytes as a binary string (one char per byte), as atob gives them. */
function binary(s: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(s)) out += String.fromCharCode(b);
  return out;
}

/** A base64 body: decoded, cleaned byte-wise (the key is ASCII), encoded again. */
export function redactBase64(b64: string, s: Secrets, replacement = KEY_PLACEHOLDER): string {
  if (!s.re || !b64) return b64;
  let bytes: string;
  try {
    bytes = atob(b64.replace(/\s+/g, ''));
  } catch {
    return redactText(b64, s, () => replacement);
  }
  const forms = [...s.original.keys()].map(binary).sort((a, b) => b.length - a.length);
  const re = new RegExp(forms.map(escapeRe).join('|'), 'g');
  const cleaned = bytes.replace(re, replacement);
  return cleaned === bytes ? b64 : btoa(cleaned);
}

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

/** A header as it may leave: credentials replaced, cookies emptied, the key removed from the rest. */
function redactHeader(name: string, value: string, s: Secrets): string {
  const n = name.toLowerCase();
  if (isCredentialHeader(n)) {
    const scheme = /^\s*(api-key|bearer|token|basic)\b/i.exec(value)?.[1];
    return scheme ? `${scheme} ${KEY_PLACEHOLDER}` : KEY_PLACEHOLDER;
  }
  if (n === 'cookie') return redactCookieHeader(value);
  if (n === 'set-cookie' || n === 'set-cookie2') return redactSetCookie(value);
  return redactText(value, s);
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Every string anywhere in a value (names too), cleaned. */
function deepRedact(x: unknown, clean: (s: string) => string): unknown {
  if (typeof x === 'string') return clean(x);
  if (Array.isArray(x)) return x.map((v) => deepRedact(v, clean));
  if (isRecord(x)) return Object.fromEntries(Object.entries(x).map(([k, v]) => [clean(k), deepRedact(v, clean)]));
  return x;
}

function cookieArrayValues(part: unknown): string[] {
  if (!isRecord(part) || !Array.isArray(part.cookies)) return [];
  return part.cookies.flatMap((c) => (isRecord(c) && typeof c.value === 'string' ? [c.value] : []));
}

function cleanHeaderList(hs: unknown, s: Secrets): unknown {
  if (!Array.isArray(hs)) return hs;
  return hs.map((h) =>
    isRecord(h) && typeof h.name === 'string' && typeof h.value === 'string' ? { ...h, value: redactHeader(h.name, h.value, s) } : h,
  );
}

function cleanCookieList(cs: unknown): unknown {
  if (!Array.isArray(cs)) return cs;
  return cs.map((c) => (isRecord(c) ? { ...c, value: REDACTED } : c));
}

/**
 * A HAR entry (any shape an imported file may have) with every cookie emptied, every credential
 * header replaced, and every form of every secret replaced wherever it appears — URL, query,
 * bodies (base64 ones decoded first), errors, comments and fields this code does not know.
 */
export function redactHarEntry<T>(entry: T, secrets: Secrets): T {
  if (!isRecord(entry)) return deepRedact(entry, (x) => redactText(x, secrets)) as T;
  const s = secretsMatcher([
    ...new Set([...secrets.original.values(), ...credentialsOf(harHeaders(entry.request)), ...credentialsOf(harHeaders(entry.response))]),
  ]);
  // A cookie's value repeated elsewhere (an echo in a body) goes too.
  const cookies = secretsMatcher([
    ...cookieValuesOf(harHeaders(entry.request)),
    ...cookieValuesOf(harHeaders(entry.response)),
    ...cookieArrayValues(entry.request),
    ...cookieArrayValues(entry.response),
  ]);
  const req = isRecord(entry.request) ? entry.request : undefined;
  const res = isRecord(entry.response) ? entry.response : undefined;
  const content = res && isRecord(res.content) ? res.content : undefined;
  const base64 = content && content.encoding === 'base64' && typeof content.text === 'string';
  const structured = {
    ...entry,
    ...(req ? { request: { ...req, headers: cleanHeaderList(req.headers, s), cookies: cleanCookieList(req.cookies) } } : {}),
    ...(res
      ? {
          response: {
            ...res,
            headers: cleanHeaderList(res.headers, s),
            cookies: cleanCookieList(res.cookies),
            ...(content
              ? {
                  content: {
                    ...content,
                    text: base64 ? redactBase64(redactBase64(content.text as string, s), cookies, REDACTED) : content.text,
                  },
                }
              : {}),
          },
        }
      : {}),
  };
  if (req && req.cookies === undefined) delete (structured.request as Record<string, unknown>).cookies;
  if (res && res.cookies === undefined) delete (structured.response as Record<string, unknown>).cookies;
  return deepRedact(structured, (x) => redactText(redactText(x, s), cookies, () => REDACTED)) as T;
}

function harHeaders(part: unknown): { name: string; value: string }[] {
  if (!isRecord(part) || !Array.isArray(part.headers)) return [];
  return part.headers.filter(
    (h): h is { name: string; value: string } => isRecord(h) && typeof h.name === 'string' && typeof h.value === 'string',
  );
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

/** What pages know of a stored key: its masked form (`g5BnKD...Xs`) and its fingerprint. */
export interface KnownKey {
  masked: string;
  fingerprint: string;
}

const KEY_CHAR = /[A-Za-z0-9._-]/;
/** Enough for any real text; a body built to make us hash forever gets cut short. */
const MAX_CANDIDATES = 2000;

/**
 * The stored keys that appear in these texts, found without holding them: each place where a key's
 * visible start is followed by its visible end is hashed and compared with its fingerprint. So a
 * page learns a key only from text that already contains it. Keys of 10 characters or fewer are
 * masked whole and cannot be found this way.
 */
export async function findStoredKeys(
  texts: readonly string[],
  keys: readonly KnownKey[],
  fingerprint: (s: string) => Promise<string>,
): Promise<string[]> {
  const found = new Set<string>();
  const tried = new Set<string>();
  for (const k of keys) {
    const m = /^(.+)\.\.\.(.+)$/.exec(k.masked);
    if (!m || !k.fingerprint) continue;
    const [, head, tail] = m as unknown as [string, string, string];
    // maskKey shows 6 + 2 characters of keys of 16 or more, 3 + 1 of shorter ones.
    const [min, max] = head.length >= 6 ? [16, 512] : [11, 15];
    for (const text of texts) {
      for (let at = text.indexOf(head); at >= 0 && tried.size < MAX_CANDIDATES; at = text.indexOf(head, at + 1)) {
        let end = at;
        while (end < text.length && end - at < max && KEY_CHAR.test(text[end]!)) end++;
        const run = text.slice(at, end);
        for (let len = min; len <= run.length; len++) {
          const candidate = run.slice(0, len);
          if (!candidate.endsWith(tail) || tried.has(candidate)) continue;
          tried.add(candidate);
          if ((await fingerprint(candidate)) === k.fingerprint) found.add(candidate);
        }
      }
    }
  }
  return [...found];
}
