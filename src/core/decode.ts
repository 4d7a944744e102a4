// Response decoder: status meaning plus what the body says, for every shape the MaiAgent API
// (Django REST framework) and the proxies in front of it produce. Pure; never throws.
import { headerValue, type Exchange, type Header } from './exchange';
import { msg, type MessageKey, type Msg } from './messages';

export interface FieldError {
  /** `name`, `messages[1].content`, or `non_field_errors`. */
  path: string;
  messages: string[];
}

export type Body =
  | { kind: 'empty' }
  /** `messages`: simplejwt's per-token-class reasons (`{detail, code, messages: [{message}]}`). */
  | { kind: 'detail'; detail: string; code?: string; messages?: string[] }
  | { kind: 'fields'; fields: FieldError[] }
  /** `fields` is set when `error.details` holds DRF field errors. */
  | { kind: 'envelope'; code?: string; message: string; details?: string; fields?: FieldError[] }
  | { kind: 'message'; message: string }
  | { kind: 'list'; count: number | null; returned: number; hasNext: boolean; hasPrevious: boolean }
  | { kind: 'json'; value: unknown }
  | { kind: 'invalidJson'; excerpt: string }
  | { kind: 'html'; title: string | null; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'binary'; bytes: number; mimeType: string }
  /**
   * A stream of events (SSE, or JSON chunks one per line). `done`: some chunk said `done: true`;
   * null when no chunk carries a `done` field at all.
   */
  | { kind: 'sse'; events: number; error: string | null; done: boolean | null }
  /** An XML error document, as S3 (the presigned upload) answers: `<Error><Code>…</Code><Message>…</Message>`. */
  | { kind: 'xmlError'; code: string; message: string; requestId: string | null };

export interface Decoded {
  meaning: Msg;
  body: Body;
  /** The server's own words for the one-line summary (verbatim, never translated). */
  serverMessage: string | null;
}

const MEANINGS: Record<number, MessageKey> = {
  0: 'status0',
  200: 'status200',
  201: 'status201',
  204: 'status204',
  301: 'status301',
  302: 'status302',
  304: 'status304',
  307: 'status307',
  308: 'status308',
  400: 'status400',
  401: 'status401',
  403: 'status403',
  404: 'status404',
  405: 'status405',
  406: 'status406',
  409: 'status409',
  413: 'status413',
  415: 'status415',
  422: 'status422',
  429: 'status429',
  500: 'status500',
  502: 'status502',
  503: 'status503',
  504: 'status504',
};

export function statusMeaning(status: number): Msg {
  const exact = MEANINGS[status];
  if (exact) return msg(exact);
  if (status >= 200 && status < 300) return msg('status2xx', String(status));
  if (status >= 300 && status < 400) return msg('status3xx', String(status));
  if (status >= 400 && status < 500) return msg('status4xx', String(status));
  if (status >= 500 && status < 600) return msg('status5xx', String(status));
  return msg('statusOther', String(status));
}

/** A 2xx body is data, never an error report: its string lists are not field errors. */
const isSuccess = (status: number | undefined): boolean => status !== undefined && status >= 200 && status < 300;

const TEXT_MIME = /^(text\/|application\/(json|.*\+json|javascript|xml|.*\+xml|x-www-form-urlencoded|problem\+json))/i;
/** Nesting deeper than this is not a DRF error report; it also keeps the walk off the stack limit. */
const MAX_DEPTH = 64;

/** null when the text is not base64 at all (then it is read as it is). */
function base64ToText(b64: string): { text: string; binary: boolean; bytes: number } | null {
  let bin: string;
  try {
    bin = atob(b64.replace(/\s+/g, ''));
  } catch {
    return null;
  }
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), binary: false, bytes: bytes.length };
  } catch {
    return { text: '', binary: true, bytes: bytes.length };
  }
}

const str = (x: unknown): string => (typeof x === 'string' ? x : '');

type BodySource = Pick<Exchange, 'responseBody' | 'responseBase64' | 'responseMimeType' | 'responseHeaders'> & { status?: number };

export function decodeBody(ex: BodySource): Body {
  try {
    return decodeBodyUnsafe(ex);
  } catch {
    // Last resort for inputs no branch foresaw: the decoder must never take the panel down.
    return { kind: 'text', text: str(ex.responseBody).slice(0, 2000) };
  }
}

function mimeOf(ex: BodySource): string {
  const headers: Header[] = Array.isArray(ex.responseHeaders) ? ex.responseHeaders : [];
  const raw = str(ex.responseMimeType) || str(headerValue(headers, 'content-type'));
  return raw.split(';')[0]!.trim().toLowerCase();
}

function decodeBodyUnsafe(ex: BodySource): Body {
  const mime = mimeOf(ex);
  let text = str(ex.responseBody);
  if (ex.responseBase64 && text) {
    const t = base64ToText(text);
    if (t && (t.binary || (mime && !TEXT_MIME.test(mime) && !looksTextual(t.text)))) {
      return { kind: 'binary', bytes: t.bytes, mimeType: mime || 'application/octet-stream' };
    }
    if (t) text = t.text;
  }
  // A UTF-8 byte-order mark is not JSON whitespace: JSON.parse would refuse an otherwise valid body.
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  if (text.trim() === '') return { kind: 'empty' };
  const trimmed = text.trimStart();
  // Completion streams are not always labelled text/event-stream (some gateways say JSON or text).
  if (mime === 'text/event-stream' || looksLikeSse(trimmed)) return decodeSse(text);
  if (looksLikeJsonChunks(trimmed)) return decodeJsonChunks(trimmed);
  if (/^<\?xml[^>]*>\s*<Error>|^<Error>/.test(trimmed)) {
    const xml = decodeXmlError(trimmed);
    if (xml) return xml;
  }
  const jsonish = mime.includes('json') || trimmed.startsWith('{') || trimmed.startsWith('[');
  if (jsonish) {
    try {
      return decodeJson(JSON.parse(text), ex.status);
    } catch {
      // Under a JSON label, a gateway's HTML page or plain-text error is still best read as such.
      if (!/^[<A-Za-z]/.test(trimmed)) return { kind: 'invalidJson', excerpt: text.slice(0, 200) };
    }
  }
  if (mime === 'text/html' || mime === 'application/xhtml+xml' || /^<(!doctype|html|head|body|title|h1|!--)/i.test(trimmed)) {
    return decodeHtml(text, ex.status);
  }
  if (!looksTextual(text)) return { kind: 'binary', bytes: text.length, mimeType: mime || 'application/octet-stream' };
  return { kind: 'text', text: text.slice(0, 2000) };
}

function looksTextual(s: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this counts
  const ctrl = s.slice(0, 512).match(/[\u0000-\u0008\u000e-\u001f]/g);
  return !ctrl || ctrl.length < 2;
}

/** An unlabelled stream: the first line is an SSE field and some line carries data. */
function looksLikeSse(s: string): boolean {
  return /^(event|data|id|retry):/.test(s) && /^data:/m.test(s);
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStringList = (x: unknown): x is string[] => Array.isArray(x) && x.length > 0 && x.every((s) => typeof s === 'string');

function stringify(x: unknown): string {
  if (typeof x === 'string') return x;
  if (isStringList(x)) return x.join(' ');
  try {
    return JSON.stringify(x) ?? String(x);
  } catch {
    return String(x);
  }
}

/** `status` (when known) keeps success bodies from being read as error reports. */
export function decodeJson(value: unknown, status?: number): Body {
  const errorsPossible = !isSuccess(status);
  if (isRecord(value)) {
    // simplejwt: `{detail, code, messages: [{tokenClass, tokenType, message}]}` is one complaint, not field errors.
    if (typeof value.detail === 'string' && typeof value.code === 'string' && Array.isArray(value.messages)) {
      const messages = value.messages.map((m) => (isRecord(m) && typeof m.message === 'string' ? m.message : stringify(m)));
      return { kind: 'detail', detail: value.detail, code: value.code, messages };
    }
    if ('detail' in value && Object.keys(value).filter((k) => k !== 'code' && k !== 'status_code').length === 1) {
      const d = value.detail;
      if (isRecord(d) && typeof d.message === 'string')
        return { kind: 'detail', detail: d.message, ...(typeof d.code === 'string' ? { code: d.code } : {}) };
      return { kind: 'detail', detail: stringify(d), ...(typeof value.code === 'string' ? { code: value.code } : {}) };
    }
    if (value.success === false && isRecord(value.error)) return envelope(value.error);
    if ('results' in value && Array.isArray(value.results) && ('count' in value || 'next' in value)) {
      return {
        kind: 'list',
        count: typeof value.count === 'number' ? value.count : null,
        returned: value.results.length,
        hasNext: typeof value.next === 'string' && value.next !== '',
        hasPrevious: typeof value.previous === 'string' && value.previous !== '',
      };
    }
    const small = Object.keys(value).length <= 3;
    // Before field errors: `{"error": {"message": "…", "type": "…"}}` has only string leaves and
    // would read as fields `error.message`, `error.type`; DRF's own leaves are lists.
    if (small && isRecord(value.error) && typeof value.error.message === 'string') return { kind: 'message', message: value.error.message };
    const fields = errorsPossible ? fieldErrors(value) : null;
    if (fields) return { kind: 'fields', fields };
    if (small && typeof value.error === 'string') return { kind: 'message', message: value.error };
    if (small && typeof value.message === 'string') return { kind: 'message', message: value.message };
  }
  if (errorsPossible && isStringList(value)) return { kind: 'fields', fields: [{ path: 'non_field_errors', messages: value }] };
  // Bulk endpoints report one error object per item: `[{}, {"name": [...]}]`.
  if (errorsPossible && Array.isArray(value) && value.length > 0 && value.every(isRecord)) {
    const fields = fieldErrors(value);
    if (fields) return { kind: 'fields', fields };
  }
  return { kind: 'json', value };
}

/** `{success: false, error: {code, message, details}}`. */
function envelope(e: Record<string, unknown>): Body {
  const fields = isRecord(e.details) || Array.isArray(e.details) ? fieldErrors(e.details) : null;
  return {
    kind: 'envelope',
    message: typeof e.message === 'string' ? e.message : stringify(e),
    ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: String(e.code) } : {}),
    ...(e.details !== undefined ? { details: stringify(e.details) } : {}),
    ...(fields ? { fields } : {}),
  };
}

/** DRF's ListField and DictField report items under string keys ("0"): shown as list indices. */
function childPath(path: string, key: string): string {
  if (/^\d+$/.test(key)) return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

/** DRF validation errors: every leaf is a list of strings, possibly nested in objects and lists. */
function fieldErrors(value: Record<string, unknown> | unknown[]): FieldError[] | null {
  const out: FieldError[] = [];
  const walk = (node: unknown, path: string, depth: number): boolean => {
    if (depth > MAX_DEPTH) return false;
    if (isStringList(node)) {
      out.push({ path, messages: node });
      return true;
    }
    if (typeof node === 'string' && path) {
      out.push({ path, messages: [node] });
      return true;
    }
    if (Array.isArray(node)) {
      // An empty object stands for an item without errors (`messages[0]` in `[{}, {...}]`).
      return node.every((item, i) => (isRecord(item) && Object.keys(item).length === 0) || walk(item, `${path}[${i}]`, depth + 1));
    }
    if (isRecord(node)) return Object.entries(node).every(([k, v]) => walk(v, childPath(path, k), depth + 1));
    return false;
  };
  const values = Array.isArray(value) ? value : Object.values(value);
  // Some list or object is required: `{"id": "x", "name": "y"}` is data, not an error report.
  const ok = values.length > 0 && values.some((v) => Array.isArray(v) || isRecord(v)) && walk(value, '', 0);
  return ok && out.length > 0 ? out : null;
}

const DRF_TITLE = /django rest framework/i;

function decodeHtml(html: string, status?: number): Body {
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  const title = m ? decodeEntities(m[1]!.replace(/\s+/g, ' ').trim()) : null;
  if (title && DRF_TITLE.test(title)) {
    const inner = browsableContent(html, status);
    if (inner) return inner;
  }
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  const text = decodeEntities(
    (h1?.[1] ?? '')
      .replace(/<[^>]*>/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  return { kind: 'html', title: title || null, text };
}

/**
 * DRF's browsable API (what an API URL opened in a tab shows) prints the JSON response inside a
 * `<pre>`, after the status line and headers; reading it gives the same answer as a fetch would.
 */
function browsableContent(html: string, status?: number): Body | null {
  for (const pre of html.matchAll(/<pre[^>]*>([\s\S]*?)<\/pre>/gi)) {
    const text = decodeEntities(pre[1]!.replace(/<[^>]*>/g, ''));
    const start = text.search(/[{[]/);
    if (start < 0) continue;
    try {
      return decodeJson(JSON.parse(text.slice(start)), status);
    } catch {
      /* not the response block */
    }
  }
  return null;
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—' };

function codePoint(n: number): string {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '\uFFFD';
}

function decodeEntities(s: string): string {
  return (
    s
      .replace(/&(lt|gt|quot|apos|nbsp|ndash|mdash);/g, (_, name: string) => NAMED_ENTITIES[name]!)
      // Django escapes ' as &#x27;; an out-of-range number must not make fromCodePoint throw.
      .replace(/&#[xX]([0-9a-fA-F]{1,8});/g, (_, h: string) => codePoint(parseInt(h, 16)))
      .replace(/&#(\d{1,10});/g, (_, n: string) => codePoint(Number(n)))
      .replace(/&amp;/g, '&')
  );
}

function decodeSse(text: string): Body {
  let events = 0;
  let error: string | null = null;
  let done: boolean | null = null;
  for (const block of text.split(/\r?\n\r?\n/)) {
    if (!block.trim()) continue;
    let name = 'message';
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith('event:')) name = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (data.length === 0 && name === 'message') continue;
    events += 1;
    const payload = data.join('\n');
    if (error === null) error = sseError(name, payload);
    done = chunkDone(payload, done);
  }
  return { kind: 'sse', events, error, done };
}

/** A completion chunk's `done` flag folded into what earlier chunks said. */
function chunkDone(payload: string, before: boolean | null): boolean | null {
  if (!payload.startsWith('{')) return before;
  try {
    const j: unknown = JSON.parse(payload);
    if (isRecord(j) && typeof j.done === 'boolean') return before === true || j.done;
  } catch {
    /* not JSON */
  }
  return before;
}

/** Two or more JSON objects one after another, the first a chunk with `content` or `done`. */
function looksLikeJsonChunks(s: string): boolean {
  return /^\{[^\n]*"(content|done)"[^\n]*\}\s*\r?\n\s*\{/.test(s);
}

function decodeJsonChunks(text: string): Body {
  let events = 0;
  let error: string | null = null;
  let done: boolean | null = null;
  for (const line of text.split(/\r?\n/)) {
    const l = line.trim();
    if (!l) continue;
    events += 1;
    if (error === null) error = sseError('message', l);
    done = chunkDone(l, done);
  }
  return { kind: 'sse', events, error, done };
}

function xmlTag(xml: string, tag: string): string | null {
  const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml);
  return m ? decodeEntities(m[1]!.trim()) : null;
}

function decodeXmlError(xml: string): Body | null {
  const code = xmlTag(xml, 'Code');
  if (code === null) return null;
  return { kind: 'xmlError', code, message: xmlTag(xml, 'Message') ?? '', requestId: xmlTag(xml, 'RequestId') };
}

/** The error an event reports: an `event: error`, or a data JSON with a non-empty `error`. */
function sseError(name: string, payload: string): string | null {
  let j: unknown = null;
  if (payload.startsWith('{')) {
    try {
      j = JSON.parse(payload);
    } catch {
      /* a data line that is not JSON is an ordinary event */
    }
  }
  const rec = isRecord(j) ? j : null;
  // Chunks often carry `"error": null` on success; only a real value is an error.
  const e = rec?.error;
  const hasError = e !== undefined && e !== null && e !== false && e !== '';
  if (name !== 'error' && !hasError && rec?.type !== 'error') return null;
  if (!rec) return payload || name;
  const inner = isRecord(e) ? (e.message ?? e.detail ?? e) : hasError ? e : (rec.message ?? rec.detail ?? payload);
  return stringify(inner);
}

/** The server's message for the one-line summary. */
export function serverMessage(body: Body): string | null {
  switch (body.kind) {
    case 'detail':
      return body.detail;
    case 'fields':
      return fieldsSummary(body.fields);
    case 'envelope':
      return body.message;
    case 'message':
      return body.message;
    case 'html':
      return body.title ?? (body.text || null);
    case 'text':
      return (
        body.text
          .split('\n')
          .map((l) => l.trim())
          .find(Boolean)
          ?.slice(0, 200) ?? null
      );
    case 'sse':
      return body.error;
    case 'xmlError':
      return body.message ? `${body.code}: ${body.message}` : body.code;
    default:
      return null;
  }
}

/** DRF's key for errors of no one field, also in its camelCase rendering. */
export const isNonField = (path: string): boolean => path === 'non_field_errors' || path === 'nonFieldErrors';

/** Field names; errors that belong to no field are shown by their words, which say more. */
function fieldsSummary(fields: FieldError[]): string {
  return fields.map((f) => (isNonField(f.path) ? f.messages.join(' ') : f.path)).join(', ');
}

export function decode(ex: Exchange): Decoded {
  const body = ex.status === 0 ? ({ kind: 'empty' } as const) : decodeBody(ex);
  return { meaning: statusMeaning(ex.status), body, serverMessage: serverMessage(body) };
}
