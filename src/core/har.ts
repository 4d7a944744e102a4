// HAR entries (from chrome.devtools.network or an imported .har file) to the Exchange the
// decoder reads. Tolerant of missing parts: imported files come from many tools.
import type { Exchange, Header } from './exchange';

export interface HarHeader {
  name: string;
  value: string;
}
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

/** Only headers with a string name and value; anything else in an imported file is dropped. */
const isHeader = (h: unknown): h is HarHeader =>
  !!h && typeof (h as HarHeader).name === 'string' && typeof (h as HarHeader).value === 'string';

/**
 * The entry's headers as an exchange's. The entry's own array when every header is well formed
 * (the usual case): a copy of each header for 10,000 imported requests was megabytes of heap.
 */
export const cleanHeaders = (hs: unknown): Header[] =>
  Array.isArray(hs) ? (hs.every(isHeader) ? hs : hs.filter(isHeader).map((h) => ({ name: h.name, value: h.value }))) : [];

export function isHarEntry(x: unknown): x is HarEntry {
  if (!x || typeof x !== 'object') return false;
  const e = x as { request?: { method?: unknown; url?: unknown }; response?: { status?: unknown } };
  return (
    typeof e.request?.method === 'string' &&
    typeof e.request.url === 'string' &&
    typeof e.response?.status === 'number' &&
    Number.isFinite(e.response.status)
  );
}

const maybeString = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
const size = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : undefined);

/**
 * `body` overrides the HAR's own content text (DevTools delivers it separately via getContent);
 * when getContent had nothing, the HAR's own text is used. Fields of the wrong type (imported
 * files come from many tools) are dropped rather than passed on to the decoder.
 */
export function harToExchange(e: HarEntry, body?: { text: string | null; encoding?: string | null }): Exchange {
  const content = e.response.content ?? {};
  const { text, encoding } =
    typeof body?.text === 'string'
      ? { text: body.text, encoding: body.encoding }
      : { text: maybeString(content.text), encoding: maybeString(content.encoding) };
  const started = typeof e.startedDateTime === 'string' ? Date.parse(e.startedDateTime) : NaN;
  const postData = e.request.postData;
  return {
    method: e.request.method,
    url: e.request.url,
    // Some tools write -1 for "no response"; the decoder's word for that is 0.
    status: e.response.status >= 0 ? e.response.status : 0,
    statusText: maybeString(e.response.statusText),
    requestHeaders: cleanHeaders(e.request.headers),
    responseHeaders: cleanHeaders(e.response.headers),
    requestBody: maybeString(postData?.text),
    requestMimeType: maybeString(postData?.mimeType),
    responseBody: text,
    responseBase64: encoding === 'base64',
    responseMimeType: maybeString(content.mimeType),
    error: maybeString(e.response._error) ?? maybeString(e._error),
    startedAt: Number.isFinite(started) ? started : undefined,
    durationMs: typeof e.time === 'number' && e.time >= 0 ? e.time : undefined,
    // bodySize is -1 (or null in some tools) when unknown; then the decoded size stands in.
    size: size(e.response.bodySize) ?? size(content.size),
  };
}

/** At most this much of a body is kept, captured or imported: larger ones froze the panel. */
export const BODY_CAP = 1_000_000;
/** Larger HAR files are refused before they are read. */
export const HAR_FILE_MAX_BYTES = 100 * 1024 * 1024;

export interface CappedBody {
  text: string | null;
  encoding: string | null;
  truncated: boolean;
}

/** The first BODY_CAP characters of a body; base64 is cut on a 4-character boundary to stay decodable. */
export function capBody(text: string | null, encoding: string | null): CappedBody {
  if (text === null || text.length <= BODY_CAP) return { text, encoding, truncated: false };
  const at = encoding === 'base64' ? BODY_CAP - (BODY_CAP % 4) : BODY_CAP;
  return { text: text.slice(0, at), encoding, truncated: true };
}

/**
 * An imported entry with its bodies capped like captured ones, so that neither the row nor the entry
 * it keeps holds a 100 MB string; `body` says whether the response body was cut.
 */
export function capImported(e: HarEntry): { entry: HarEntry; body: CappedBody; requestTruncated: boolean } {
  const content = e.response.content ?? {};
  const body = capBody(maybeString(content.text) ?? null, maybeString(content.encoding) ?? null);
  const post = e.request.postData;
  const postText = maybeString(post?.text);
  const requestTruncated = postText !== undefined && postText.length > BODY_CAP;
  const entry: HarEntry = {
    ...e,
    request: requestTruncated ? { ...e.request, postData: { ...post, text: postText.slice(0, BODY_CAP) } } : e.request,
    response: body.truncated ? { ...e.response, content: { ...content, text: body.text ?? undefined } } : e.response,
  };
  return { entry, body, requestTruncated };
}

/** A name or message from a file, cut for a message line (a 5 MB name is not shown whole). */
export function shorten(s: string, max = 80): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** Why a file is not a HAR file, as a message name the panel translates. */
export class HarError extends Error {
  constructor(readonly problem: 'harNotJson' | 'harNoEntries' | 'harTooLarge') {
    super(problem);
  }
}

/** Parse a whole HAR file; throws a HarError when it is not one. */
export function parseHar(text: string): HarEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new HarError('harNotJson');
  }
  const entries = (data as { log?: { entries?: unknown } })?.log?.entries;
  if (!Array.isArray(entries)) throw new HarError('harNoEntries');
  return entries.filter(isHarEntry);
}
