// What every snippet writes, in any language: canonical URL, method, headers and body, each cut
// where a secret was, so that each language puts its own expression (key or variable) there.
import { DEFAULT_API_ORIGIN } from '../constants';
import type { Exchange, Header } from '../exchange';
import { isAuthorizationHeader, KEY_PLACEHOLDER } from '../redact';
import {
  cookieValuesOf,
  credentialsOf,
  isCredentialHeader,
  redactText,
  REDACTED,
  secretSegments,
  secretsMatcher,
  type Secrets,
  type Segment,
} from '../secrets';
import { canonicalUrl } from './canonical-url';

/** Headers the browser sets by itself; a copied request does not need them. */
const BROWSER_HEADERS = new Set([
  'host',
  'connection',
  'content-length',
  'accept-encoding',
  'user-agent',
  'origin',
  'referer',
  'cookie',
  'sec-ch-ua',
  'sec-ch-ua-mobile',
  'sec-ch-ua-platform',
  'sec-fetch-dest',
  'sec-fetch-mode',
  'sec-fetch-site',
  'sec-fetch-user',
  'priority',
  'pragma',
  'cache-control',
  'accept-language',
  'dnt',
  'proxy-authorization',
]);

/** The environment variable snippets read the key from. */
export const KEY_ENV = 'MAIAGENT_API_KEY';

export interface SnippetOptions {
  /** The key to write in, when the user asked for it (and only for an API origin). */
  key?: string | undefined;
  /** Keys to find and replace wherever else they appear (the request's own credentials are added). */
  secrets?: Secrets | undefined;
  /** Origins that get the key; a snippet for any other origin carries no key and no variable. */
  apiOrigins?: readonly string[] | undefined;
}

class InvalidUrlError extends Error {
  constructor() {
    super('invalid URL');
  }
}

/** The Authorization value with its credential swapped for the placeholder (or the given key). */
export function redactAuthorization(value: string, key?: string): string {
  return `${authScheme(value)} ${key ?? KEY_PLACEHOLDER}`;
}

/** The scheme the request used, if it is one of the known ones; otherwise MaiAgent's own. */
function authScheme(value: string): string {
  const first = value.trim().split(/\s+/)[0] ?? '';
  return /^(api-key|bearer|token)$/i.test(first) ? first : 'Api-Key';
}

/** An RFC 9110 token: what a header name or a method may be written as without quoting. */
export const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export interface Portable {
  /** False when the URL is not an API origin: no Authorization line, no variable anywhere. */
  sendKey: boolean;
  url: Segment[];
  method: string;
  /** The scheme of our own Authorization line; the credential is the key or the variable. */
  authScheme: string;
  headers: Segment[][];
  body: Segment[] | null;
}

export function portable(ex: Exchange, secrets: Secrets, apiOrigins: readonly string[] | undefined): Portable {
  const url = canonicalUrl(ex.url);
  if (url === null) throw new InvalidUrlError();
  // The request's own credentials are secrets too, wherever else they appear.
  const s = secretsMatcher([...secrets.original.values(), ...credentialsOf(ex.requestHeaders)]);
  // Cookies are not copied, and neither is a cookie's value that the request repeats elsewhere.
  const cookies = secretsMatcher([...cookieValuesOf(ex.requestHeaders), ...cookieValuesOf(ex.responseHeaders)]);
  // Keys first (a cookie may hold the key: it then becomes the variable), then the cookies.
  const segments = (text: string, m: Secrets = s) =>
    secretSegments(text, m).map((x) => (typeof x === 'string' ? redactText(x, cookies, () => REDACTED) : x));
  const sent = ex.requestHeaders.find((h) => isAuthorizationHeader(h.name));
  const headers = ex.requestHeaders
    .filter((h) => TOKEN.test(h.name) && !BROWSER_HEADERS.has(h.name.toLowerCase()) && !isAuthorizationHeader(h.name))
    // A line break in a value would start a header of its own.
    .map((h: Header) =>
      segments(
        `${h.name}: ${h.value.replace(/[\r\n\0]+/g, ' ')}`,
        isCredentialHeader(h.name) ? secretsMatcher([...s.original.values(), h.value.trim()]) : s,
      ),
    );
  return {
    sendKey: (apiOrigins ?? [DEFAULT_API_ORIGIN]).includes(new URL(url).origin),
    url: segments(url),
    method: ex.method.toUpperCase(),
    authScheme: authScheme(sent?.value ?? ''),
    headers,
    body: ex.requestBody ? segments(ex.requestBody) : null,
  };
}

/** A segment list as one expression of a language: literals joined with the key's expression. */
export function join(segs: Segment[], literal: (s: string) => string, secret: (original: string) => string, glue: string): string {
  const parts = segs.filter((x) => x !== '').map((x) => (typeof x === 'string' ? literal(x) : secret(x.secret)));
  return parts.length ? parts.join(glue) : literal('');
}

/** How a secret found in the request is written: the key if the user asked for it, else the variable (only for an API origin), else inert text. */
export function secretWriter(
  p: Portable,
  key: string | undefined,
  literal: (s: string) => string,
  variable: string,
): (original: string) => string {
  return (original) => (!p.sendKey ? literal(KEY_PLACEHOLDER) : key !== undefined && original === key ? literal(key) : variable);
}

/** `Name: value` segments back into the name and the value's segments (names hold no secret). */
export function splitHeader(segs: Segment[]): [string, ...Segment[]] {
  const first = segs[0];
  if (typeof first !== 'string' || !first.includes(': ')) return ['X-Redacted', ...segs];
  const at = first.indexOf(': ');
  return [first.slice(0, at), first.slice(at + 2), ...segs.slice(1)];
}
