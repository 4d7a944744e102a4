// Exports for sharing a request: cURL, fetch, HAR. The key is replaced by $MAIAGENT_API_KEY unless
// the caller passes it in explicitly (the user chose to include it).
import type { Exchange, Header } from './exchange';
import { cleanHeaders, type HarEntry } from './har';
import { isAuthorizationHeader, KEY_PLACEHOLDER } from './redact';

/** Headers the browser sets by itself; a copied request does not need them. */
const BROWSER_HEADERS = new Set([
  'host', 'connection', 'content-length', 'accept-encoding', 'user-agent', 'origin', 'referer', 'cookie',
  'sec-ch-ua', 'sec-ch-ua-mobile', 'sec-ch-ua-platform', 'sec-fetch-dest', 'sec-fetch-mode', 'sec-fetch-site',
  'sec-fetch-user', 'priority', 'pragma', 'cache-control', 'accept-language', 'dnt',
]);

/** The Authorization value with its credential swapped for the placeholder (or the given key). */
export function redactAuthorization(value: string, key?: string): string {
  return `${authScheme(value)} ${key ?? KEY_PLACEHOLDER}`;
}

/** The scheme the request used, if it is one of the known ones; otherwise MaiAgent's own. */
function authScheme(value: string): string {
  const first = value.trim().split(/\s+/)[0] ?? '';
  return /^(api-key|bearer|token)$/i.test(first) ? first : 'Api-Key';
}

interface PortableHeader extends Header {
  /** The one header whose credential is ours to fill in; everything else is the page's text. */
  auth?: boolean;
}

function portableHeaders(ex: Exchange): PortableHeader[] {
  const sent = ex.requestHeaders.find((h) => isAuthorizationHeader(h.name));
  const rest = ex.requestHeaders.filter(
    (h) => !h.name.startsWith(':') && !BROWSER_HEADERS.has(h.name.toLowerCase()) && !isAuthorizationHeader(h.name),
  );
  return [{ name: 'Authorization', value: authScheme(sent?.value ?? ''), auth: true }, ...rest];
}

/** POSIX single quotes: nothing inside is expanded by the shell, `$` included. */
function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export function toCurl(ex: Exchange, key?: string): string {
  const lines = [`curl ${shellQuote(ex.url)}`];
  if (ex.method.toUpperCase() !== 'GET') lines.push(`  -X ${/^[A-Z]+$/.test(ex.method.toUpperCase()) ? ex.method.toUpperCase() : shellQuote(ex.method)}`);
  for (const h of portableHeaders(ex)) {
    // Only our own Authorization line leaves the quotes, so that the shell fills in the key.
    if (h.auth) lines.push(key === undefined ? `  -H ${shellQuote(`Authorization: ${h.value} `)}"${KEY_PLACEHOLDER}"` : `  -H ${shellQuote(`Authorization: ${h.value} ${key}`)}`);
    else lines.push(`  -H ${shellQuote(`${h.name}: ${h.value}`)}`);
  }
  if (ex.requestBody) lines.push(`  --data-raw ${shellQuote(ex.requestBody)}`);
  return lines.join(' \\\n');
}

export function toFetch(ex: Exchange, key?: string): string {
  const headers = portableHeaders(ex).map((h) => {
    // JSON.stringify makes every page-supplied value an inert string literal.
    const value = h.auth
      ? key === undefined
        ? `${JSON.stringify(`${h.value} `)} + process.env.MAIAGENT_API_KEY`
        : JSON.stringify(`${h.value} ${key}`)
      : JSON.stringify(h.value);
    return `    ${JSON.stringify(h.name)}: ${value},`;
  });
  const init = [`  method: ${JSON.stringify(ex.method.toUpperCase())},`, '  headers: {', ...headers, '  },'];
  if (ex.requestBody) init.push(`  body: ${JSON.stringify(ex.requestBody)},`);
  return `await fetch(${JSON.stringify(ex.url)}, {\n${init.join('\n')}\n});`;
}

/** A HAR 1.2 file of the given entries with every Authorization credential replaced. */
export function toHar(entries: readonly HarEntry[], creator: { name: string; version: string }): string {
  // Imported files may hold anything: keep only well-formed headers, then replace credentials.
  const scrub = (hs: unknown) =>
    cleanHeaders(hs).map((h) => (isAuthorizationHeader(h.name) ? { ...h, value: redactAuthorization(h.value) } : h));
  const clean = entries.map((e) => ({
    ...e,
    request: { ...e.request, headers: scrub(e.request.headers) },
    response: { ...e.response, headers: cleanHeaders(e.response.headers) },
  }));
  return JSON.stringify({ log: { version: '1.2', creator, entries: clean } }, null, 2);
}
