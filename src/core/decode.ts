// Response decoder: status meaning plus what the body says, for every shape the MaiAgent API
// (Django REST framework) and the proxies in front of it produce. Pure; never throws.
import { headerValue, type Exchange } from './exchange';
import { msg, type MessageKey, type Msg } from './messages';

export interface FieldError {
  /** `name`, `messages[1].content`, or `non_field_errors`. */
  path: string;
  messages: string[];
}

export type Body =
  | { kind: 'empty' }
  | { kind: 'detail'; detail: string; code?: string }
  | { kind: 'fields'; fields: FieldError[] }
  | { kind: 'envelope'; code?: string; message: string; details?: string }
  | { kind: 'message'; message: string }
  | { kind: 'list'; count: number | null; returned: number; hasNext: boolean; hasPrevious: boolean }
  | { kind: 'json'; value: unknown }
  | { kind: 'invalidJson'; excerpt: string }
  | { kind: 'html'; title: string | null; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'binary'; bytes: number; mimeType: string }
  | { kind: 'sse'; events: number; error: string | null };

export interface Decoded {
  meaning: Msg;
  body: Body;
  /** The server's own words for the one-line summary (verbatim, never translated). */
  serverMessage: string | null;
}

const MEANINGS: Record<number, MessageKey> = {
  0: 'status0', 200: 'status200', 201: 'status201', 204: 'status204',
  301: 'status301', 302: 'status302', 304: 'status304', 307: 'status307', 308: 'status308',
  400: 'status400', 401: 'status401', 403: 'status403', 404: 'status404', 405: 'status405',
  406: 'status406', 409: 'status409', 413: 'status413', 415: 'status415', 422: 'status422',
  429: 'status429', 500: 'status500', 502: 'status502', 503: 'status503', 504: 'status504',
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

const TEXT_MIME = /^(text\/|application\/(json|.*\+json|javascript|xml|.*\+xml|x-www-form-urlencoded|problem\+json))/i;

function base64ToText(b64: string): { text: string; binary: boolean; bytes: number } {
  let bin: string;
  try {
    bin = atob(b64.replace(/\s+/g, ''));
  } catch {
    return { text: '', binary: true, bytes: 0 };
  }
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), binary: false, bytes: bytes.length };
  } catch {
    return { text: '', binary: true, bytes: bytes.length };
  }
}

export function decodeBody(ex: Pick<Exchange, 'responseBody' | 'responseBase64' | 'responseMimeType' | 'responseHeaders'>): Body {
  const mime = (ex.responseMimeType || headerValue(ex.responseHeaders, 'content-type') || '').split(';')[0]!.trim().toLowerCase();
  let text = ex.responseBody ?? '';
  if (ex.responseBase64 && text) {
    const t = base64ToText(text);
    if (t.binary || (mime && !TEXT_MIME.test(mime) && !looksTextual(t.text))) {
      return { kind: 'binary', bytes: t.bytes, mimeType: mime || 'application/octet-stream' };
    }
    text = t.text;
  }
  if (text.trim() === '') return { kind: 'empty' };
  if (mime === 'text/event-stream') return decodeSse(text);
  const trimmed = text.trimStart();
  const jsonish = mime.includes('json') || trimmed.startsWith('{') || trimmed.startsWith('[');
  if (jsonish) {
    try {
      return decodeJson(JSON.parse(text));
    } catch {
      if (mime.includes('json') || !/^<|^[A-Za-z]/.test(trimmed)) return { kind: 'invalidJson', excerpt: text.slice(0, 200) };
    }
  }
  if (mime === 'text/html' || /^<(!doctype|html|head|body)/i.test(trimmed)) return decodeHtml(text);
  if (!looksTextual(text)) return { kind: 'binary', bytes: text.length, mimeType: mime || 'application/octet-stream' };
  return { kind: 'text', text: text.slice(0, 2000) };
}

function looksTextual(s: string): boolean {
  // eslint-disable-next-line no-control-regex
  const ctrl = s.slice(0, 512).match(/[\u0000-\u0008\u000e-\u001f]/g);
  return !ctrl || ctrl.length < 2;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStringList = (x: unknown): x is string[] => Array.isArray(x) && x.length > 0 && x.every((s) => typeof s === 'string');

function stringify(x: unknown): string {
  if (typeof x === 'string') return x;
  if (isStringList(x)) return x.join(' ');
  try {
    return JSON.stringify(x);
  } catch {
    return String(x);
  }
}

export function decodeJson(value: unknown): Body {
  if (isRecord(value)) {
    if ('detail' in value && Object.keys(value).filter((k) => k !== 'code' && k !== 'status_code').length === 1) {
      const d = value.detail;
      if (isRecord(d) && typeof d.message === 'string') return { kind: 'detail', detail: d.message, ...(typeof d.code === 'string' ? { code: d.code } : {}) };
      return { kind: 'detail', detail: stringify(d), ...(typeof value.code === 'string' ? { code: value.code } : {}) };
    }
    if (value.success === false && isRecord(value.error)) {
      const e = value.error;
      return {
        kind: 'envelope',
        message: typeof e.message === 'string' ? e.message : stringify(e),
        ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: String(e.code) } : {}),
        ...(e.details !== undefined ? { details: stringify(e.details) } : {}),
      };
    }
    if ('results' in value && Array.isArray(value.results) && ('count' in value || 'next' in value)) {
      return {
        kind: 'list',
        count: typeof value.count === 'number' ? value.count : null,
        returned: value.results.length,
        hasNext: typeof value.next === 'string' && value.next !== '',
        hasPrevious: typeof value.previous === 'string' && value.previous !== '',
      };
    }
    const fields = fieldErrors(value);
    if (fields) return { kind: 'fields', fields };
    if (Object.keys(value).length <= 3 && typeof value.error === 'string') return { kind: 'message', message: value.error };
    if (Object.keys(value).length <= 3 && isRecord(value.error) && typeof value.error.message === 'string') return { kind: 'message', message: value.error.message };
    if (Object.keys(value).length <= 3 && typeof value.message === 'string') return { kind: 'message', message: value.message };
  }
  if (isStringList(value)) return { kind: 'fields', fields: [{ path: 'non_field_errors', messages: value }] };
  return { kind: 'json', value };
}

/** DRF validation errors: every leaf is a list of strings, possibly nested in objects and lists. */
export function fieldErrors(value: Record<string, unknown>): FieldError[] | null {
  const out: FieldError[] = [];
  const walk = (node: unknown, path: string): boolean => {
    if (isStringList(node)) {
      out.push({ path, messages: node });
      return true;
    }
    if (typeof node === 'string' && path) {
      out.push({ path, messages: [node] });
      return true;
    }
    if (Array.isArray(node)) {
      if (node.length === 0) return true;
      return node.every((item, i) => (isRecord(item) && Object.keys(item).length === 0) || walk(item, `${path}[${i}]`));
    }
    if (isRecord(node)) {
      const entries = Object.entries(node);
      if (entries.length === 0) return true;
      return entries.every(([k, v]) => walk(v, path ? `${path}.${k}` : k));
    }
    return false;
  };
  const ok = Object.keys(value).length > 0 && Object.values(value).some((v) => Array.isArray(v) || isRecord(v)) && walk(value, '');
  return ok && out.length > 0 ? out : null;
}

function decodeHtml(html: string): Body {
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  const title = m ? decodeEntities(m[1]!.replace(/\s+/g, ' ').trim()) : null;
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  const text = decodeEntities((h1?.[1] ?? '').replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim());
  return { kind: 'html', title: title || null, text };
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

function decodeSse(text: string): Body {
  let events = 0;
  let error: string | null = null;
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
    if (name === 'error' && error === null) error = payload || name;
    else if (error === null && payload.startsWith('{')) {
      try {
        const j: unknown = JSON.parse(payload);
        if (isRecord(j) && (j.error !== undefined || j.type === 'error')) error = stringify(isRecord(j.error) && j.error.message ? j.error.message : j.error ?? j.message ?? payload);
      } catch {
        /* a data line that is not JSON is an ordinary event */
      }
    }
  }
  return { kind: 'sse', events, error };
}

/** The server's message for the one-line summary. */
export function serverMessage(body: Body): string | null {
  switch (body.kind) {
    case 'detail': return body.detail;
    case 'fields': return body.fields.map((f) => f.path).join(', ');
    case 'envelope': return body.message;
    case 'message': return body.message;
    case 'html': return body.title ?? (body.text || null);
    case 'text': return body.text.split('\n')[0]!.slice(0, 200);
    case 'sse': return body.error;
    case 'invalidJson': return null;
    default: return null;
  }
}

export function decode(ex: Exchange): Decoded {
  const body = ex.status === 0 ? ({ kind: 'empty' } as const) : decodeBody(ex);
  return { meaning: statusMeaning(ex.status), body, serverMessage: serverMessage(body) };
}
