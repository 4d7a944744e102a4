// Exports for sharing a request: cURL, fetch, Python requests, HAR. The key is replaced by
// $MAIAGENT_API_KEY (an environment variable in snippets) unless the caller passes it in explicitly
// (the user chose to include it). URLs are written in their parsed, canonical form, so that the
// host a snippet connects to is the host the panel showed and judged.
import { DEFAULT_API_ORIGIN } from './constants';
import type { Exchange, Header } from './exchange';
import { cleanHeaders, type HarEntry } from './har';
import { isAuthorizationHeader, KEY_PLACEHOLDER } from './redact';
import {
  cookieValuesOf,
  credentialsOf,
  isCredentialHeader,
  NO_SECRETS,
  redactHarEntry,
  redactText,
  REDACTED,
  secretSegments,
  secretsMatcher,
  type Secrets,
  type Segment,
} from './secrets';

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
const KEY_ENV = 'MAIAGENT_API_KEY';

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

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** What every snippet writes: canonical URL, method, headers and body, each cut where a secret was. */
interface Portable {
  /** False when the URL is not an API origin: no Authorization line, no variable anywhere. */
  sendKey: boolean;
  url: Segment[];
  method: string;
  /** The scheme of our own Authorization line; the credential is the key or the variable. */
  authScheme: string;
  headers: Segment[][];
  body: Segment[] | null;
}

function portable(ex: Exchange, secrets: Secrets, apiOrigins: readonly string[] | undefined): Portable {
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
function join(segs: Segment[], literal: (s: string) => string, secret: (original: string) => string, glue: string): string {
  const parts = segs.filter((x) => x !== '').map((x) => (typeof x === 'string' ? literal(x) : secret(x.secret)));
  return parts.length ? parts.join(glue) : literal('');
}

/** POSIX single quotes: nothing inside is expanded by the shell, `$` included. NUL cannot be passed in an argument at all. */
function shellQuote(s: string): string {
  return `'${s.replace(/\0/g, '').replace(/'/g, `'\\''`)}'`;
}

/** How a secret found in the request is written: the key if the user asked for it, else the variable (only for an API origin), else inert text. */
function secretWriter(
  p: Portable,
  key: string | undefined,
  literal: (s: string) => string,
  variable: string,
): (original: string) => string {
  return (original) => (!p.sendKey ? literal(KEY_PLACEHOLDER) : key !== undefined && original === key ? literal(key) : variable);
}

export function toCurl(ex: Exchange, opts: SnippetOptions = {}): string {
  const p = portable(ex, opts.secrets ?? NO_SECRETS, opts.apiOrigins);
  const key = p.sendKey ? opts.key : undefined;
  // Only our own variable stands outside the quotes, so that the shell fills in the key.
  const secret = secretWriter(p, key, shellQuote, `"$${KEY_ENV}"`);
  const sh = (segs: Segment[]) => join(segs, shellQuote, secret, '');
  const lines = [`curl ${sh(p.url)}`];
  // [ ] { } in a URL are curl's glob patterns unless switched off.
  if (p.url.some((x) => typeof x === 'string' && /[[\]{}]/.test(x))) lines.push('  --globoff');
  if (p.method !== 'GET') lines.push(`  -X ${TOKEN.test(p.method) && !p.method.includes("'") ? p.method : shellQuote(p.method)}`);
  if (p.sendKey)
    lines.push(
      key === undefined
        ? `  -H ${shellQuote(`Authorization: ${p.authScheme} `)}"$${KEY_ENV}"`
        : `  -H ${shellQuote(`Authorization: ${p.authScheme} ${key}`)}`,
    );
  for (const h of p.headers) lines.push(`  -H ${sh(h)}`);
  if (p.body) lines.push(`  --data-raw ${sh(p.body)}`);
  return lines.join(' \\\n');
}

export function toFetch(ex: Exchange, opts: SnippetOptions = {}): string {
  const p = portable(ex, opts.secrets ?? NO_SECRETS, opts.apiOrigins);
  const key = p.sendKey ? opts.key : undefined;
  // JSON.stringify makes every page-supplied value an inert string literal.
  const lit = (s: string) => JSON.stringify(s);
  const js = (segs: Segment[]) => join(segs, lit, secretWriter(p, key, lit, `process.env.${KEY_ENV}`), ' + ');
  const headers: string[] = [];
  if (p.sendKey)
    headers.push(
      `    "Authorization": ${key === undefined ? `${lit(`${p.authScheme} `)} + process.env.${KEY_ENV}` : lit(`${p.authScheme} ${key}`)},`,
    );
  for (const h of p.headers) {
    const [name, ...rest] = splitHeader(h);
    headers.push(`    ${lit(name)}: ${js(rest)},`);
  }
  const init = [`  method: ${lit(p.method)},`, '  headers: {', ...headers, '  },'];
  if (p.body) init.push(`  body: ${js(p.body)},`);
  return `await fetch(${js(p.url)}, {\n${init.join('\n')}\n});`;
}

/** A Python string literal in ASCII: quotes, backslashes, controls and non-ASCII all escaped. */
function pyString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c < 0x7f) out += ch;
    else if (c <= 0xffff) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += `\\U${c.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

export function toPython(ex: Exchange, opts: SnippetOptions = {}): string {
  const p = portable(ex, opts.secrets ?? NO_SECRETS, opts.apiOrigins);
  const key = p.sendKey ? opts.key : undefined;
  const env = `os.environ[${pyString(KEY_ENV)}]`;
  const py = (segs: Segment[]) => join(segs, pyString, secretWriter(p, key, pyString, env), ' + ');
  const headers: string[] = [];
  if (p.sendKey)
    headers.push(
      `        "Authorization": ${key === undefined ? `${pyString(`${p.authScheme} `)} + ${env}` : pyString(`${p.authScheme} ${key}`)},`,
    );
  for (const h of p.headers) {
    const [name, ...rest] = splitHeader(h);
    headers.push(`        ${pyString(name)}: ${py(rest)},`);
  }
  const args = [`    ${pyString(p.method)},`, `    ${py(p.url)},`, '    headers={', ...headers, '    },'];
  // Bytes, not str: requests would send a str body as Latin-1.
  if (p.body) args.push(`    data=(${py(p.body)}).encode("utf-8"),`);
  return [
    'import os',
    '',
    'import requests',
    '',
    'response = requests.request(',
    ...args,
    ')',
    'print(response.status_code)',
    'print(response.text)',
  ].join('\n');
}

/** `Name: value` segments back into the name and the value's segments (names hold no secret). */
function splitHeader(segs: Segment[]): [string, ...Segment[]] {
  const first = segs[0];
  if (typeof first !== 'string' || !first.includes(': ')) return ['X-Redacted', ...segs];
  const at = first.indexOf(': ');
  return [first.slice(0, at), first.slice(at + 2), ...segs.slice(1)];
}

/**
 * A HAR 1.2 file of the given entries: every credential header replaced, every cookie emptied, and
 * every form of every secret (the given keys and any credential a request carried) replaced wherever
 * it appears in an entry.
 */
export function toHar(entries: readonly HarEntry[], creator: { name: string; version: string }, secrets: Secrets = NO_SECRETS): string {
  // A key one entry sent may be echoed by another: every entry's credentials are secrets for all.
  const all = secretsMatcher([
    ...secrets.original.values(),
    ...entries.flatMap((e) => [...credentialsOf(cleanHeaders(e.request.headers)), ...credentialsOf(cleanHeaders(e.response.headers))]),
  ]);
  // Imported files may hold anything: keep only well-formed headers, then replace secrets.
  const clean = entries.map((e) =>
    redactHarEntry(
      {
        ...e,
        request: { ...e.request, headers: cleanHeaders(e.request.headers) },
        response: { ...e.response, headers: cleanHeaders(e.response.headers) },
      },
      all,
    ),
  );
  return JSON.stringify({ log: { version: '1.2', creator, entries: clean } }, null, 2);
}
