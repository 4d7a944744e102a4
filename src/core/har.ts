// HAR entries (from chrome.devtools.network or an imported .har file) to the Exchange the
// decoder reads. Tolerant of missing parts: imported files come from many tools.
import type { Exchange, Header } from './exchange';

export interface HarHeader { name: string; value: string }
export interface HarEntry {
  startedDateTime?: string;
  time?: number;
  request: { method: string; url: string; headers?: HarHeader[]; postData?: { mimeType?: string; text?: string } };
  response: {
    status: number;
    statusText?: string;
    headers?: HarHeader[];
    content?: { size?: number; mimeType?: string; text?: string; encoding?: string };
    bodySize?: number;
    _error?: string | null;
  };
  _error?: string | null;
}

const headers = (hs: unknown): Header[] =>
  Array.isArray(hs)
    ? hs.filter((h): h is HarHeader => !!h && typeof h.name === 'string' && typeof h.value === 'string').map((h) => ({ name: h.name, value: h.value }))
    : [];

export function isHarEntry(x: unknown): x is HarEntry {
  if (!x || typeof x !== 'object') return false;
  const e = x as { request?: { method?: unknown; url?: unknown }; response?: { status?: unknown } };
  return typeof e.request?.method === 'string' && typeof e.request.url === 'string' && typeof e.response?.status === 'number';
}

/** `body` overrides the HAR's own content text (DevTools delivers it separately via getContent). */
export function harToExchange(e: HarEntry, body?: { text: string | null; encoding?: string | null }): Exchange {
  const content = e.response.content ?? {};
  const text = body ? body.text ?? undefined : content.text;
  const encoding = body ? body.encoding : content.encoding;
  const started = e.startedDateTime ? Date.parse(e.startedDateTime) : NaN;
  const size = e.response.bodySize !== undefined && e.response.bodySize >= 0 ? e.response.bodySize : content.size;
  return {
    method: e.request.method,
    url: e.request.url,
    status: e.response.status,
    statusText: e.response.statusText,
    requestHeaders: headers(e.request.headers),
    responseHeaders: headers(e.response.headers),
    requestBody: e.request.postData?.text,
    requestMimeType: e.request.postData?.mimeType,
    responseBody: text ?? undefined,
    responseBase64: encoding === 'base64',
    responseMimeType: content.mimeType,
    error: e.response._error ?? e._error ?? undefined,
    startedAt: Number.isFinite(started) ? started : undefined,
    durationMs: typeof e.time === 'number' ? e.time : undefined,
    size: typeof size === 'number' && size >= 0 ? size : undefined,
  };
}

/** Parse a whole HAR file; throws a plain Error with a short reason when it is not one. */
export function parseHar(text: string): HarEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('not JSON');
  }
  const entries = (data as { log?: { entries?: unknown } })?.log?.entries;
  if (!Array.isArray(entries)) throw new Error('no log.entries');
  return entries.filter(isHarEntry);
}
