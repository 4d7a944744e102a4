// A HAR entry of any shape (an imported file may hold anything) cleaned of every secret and cookie.
import { KEY_PLACEHOLDER } from '../redact';
import { cookieValuesOf, redactCookieHeader, REDACTED, redactSetCookie } from './cookies';
import { credentialsOf, isCredentialHeader } from './credentials';
import { escapeRe, redactText, secretsMatcher, type Secrets } from './matcher';

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
/** Array.isArray, typed as unknown items (not any). */
const isList = (x: unknown): x is readonly unknown[] => Array.isArray(x);

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
  if (!isList(hs)) return hs;
  return hs.map((h) =>
    isRecord(h) && typeof h.name === 'string' && typeof h.value === 'string' ? { ...h, value: redactHeader(h.name, h.value, s) } : h,
  );
}

function cleanCookieList(cs: unknown): unknown {
  if (!isList(cs)) return cs;
  return cs.map((c) => (isRecord(c) ? { ...c, value: REDACTED } : c));
}

function harHeaders(part: unknown): { name: string; value: string }[] {
  if (!isRecord(part) || !Array.isArray(part.headers)) return [];
  return part.headers.filter(
    (h): h is { name: string; value: string } => isRecord(h) && typeof h.name === 'string' && typeof h.value === 'string',
  );
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
