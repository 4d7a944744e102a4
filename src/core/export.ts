// Exports for sharing a request: cURL, fetch, HAR. The key is replaced by $MAIAGENT_API_KEY unless
// the caller passes it in explicitly (the user chose to include it).
import type { Exchange, Header } from './exchange';
import type { HarEntry } from './har';
import { isAuthorizationHeader, KEY_PLACEHOLDER } from './redact';

/** Headers the browser sets by itself; a copied request does not need them. */
const BROWSER_HEADERS = new Set([
  'host', 'connection', 'content-length', 'accept-encoding', 'user-agent', 'origin', 'referer', 'cookie',
  'sec-ch-ua', 'sec-ch-ua-mobile', 'sec-ch-ua-platform', 'sec-fetch-dest', 'sec-fetch-mode', 'sec-fetch-site',
  'sec-fetch-user', 'priority', 'pragma', 'cache-control', 'accept-language', 'dnt',
]);

/** The Authorization value with its credential swapped for the placeholder (or the given key). */
export function redactAuthorization(value: string, key?: string): string {
  const m = /^(\s*\S+)(\s+)([\s\S]*)$/.exec(value);
  const credential = key ?? KEY_PLACEHOLDER;
  if (!m) return credential;
  return `${m[1]}${m[2]}${credential}`;
}

function portableHeaders(ex: Exchange, key?: string): Header[] {
  const out = ex.requestHeaders
    .filter((h) => !h.name.startsWith(':') && !BROWSER_HEADERS.has(h.name.toLowerCase()))
    .map((h) => (isAuthorizationHeader(h.name) ? { name: 'Authorization', value: redactAuthorization(h.value, key) } : h));
  if (!out.some((h) => isAuthorizationHeader(h.name))) out.unshift({ name: 'Authorization', value: `Api-Key ${key ?? KEY_PLACEHOLDER}` });
  return out;
}

/** POSIX shell quoting; the placeholder stays outside single quotes so the shell expands it. */
function shellQuote(s: string): string {
  const parts = s.split(KEY_PLACEHOLDER).map((p) => `'${p.replace(/'/g, `'\\''`)}'`);
  return parts.join(`"${KEY_PLACEHOLDER}"`).replace(/^''(?=")/, '').replace(/(?<=")''$/, '');
}

export function toCurl(ex: Exchange, key?: string): string {
  const lines = [`curl ${shellQuote(ex.url)}`];
  if (ex.method.toUpperCase() !== 'GET') lines.push(`  -X ${ex.method.toUpperCase()}`);
  for (const h of portableHeaders(ex, key)) lines.push(`  -H ${shellQuote(`${h.name}: ${h.value}`)}`);
  if (ex.requestBody) lines.push(`  --data-raw ${shellQuote(ex.requestBody)}`);
  return lines.join(' \\\n');
}

export function toFetch(ex: Exchange, key?: string): string {
  const headers = portableHeaders(ex, key).map((h) => {
    const value = key === undefined && h.value.includes(KEY_PLACEHOLDER)
      ? `\`${h.value.replace(/[`\\]/g, '\\$&').replace(KEY_PLACEHOLDER, '${process.env.MAIAGENT_API_KEY}')}\``
      : JSON.stringify(h.value);
    return `    ${JSON.stringify(h.name)}: ${value},`;
  });
  const init = [`  method: ${JSON.stringify(ex.method.toUpperCase())},`, '  headers: {', ...headers, '  },'];
  if (ex.requestBody) init.push(`  body: ${JSON.stringify(ex.requestBody)},`);
  return `await fetch(${JSON.stringify(ex.url)}, {\n${init.join('\n')}\n});`;
}

/** A HAR 1.2 file of the given entries with every Authorization credential replaced. */
export function toHar(entries: readonly HarEntry[], creator: { name: string; version: string }): string {
  const scrub = (hs: { name: string; value: string }[] | undefined) =>
    (hs ?? []).map((h) => (isAuthorizationHeader(h.name) ? { ...h, value: redactAuthorization(h.value) } : h));
  const clean = entries.map((e) => ({
    ...e,
    request: { ...e.request, headers: scrub(e.request.headers) },
    response: { ...e.response, headers: e.response.headers ?? [] },
  }));
  return JSON.stringify({ log: { version: '1.2', creator, entries: clean } }, null, 2);
}
