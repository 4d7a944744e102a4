// A response body, base64 or text, labelled or not, read as the kind it is: stream, XML error,
// JSON, HTML page, plain text or binary. Never throws.
import { headerValue, type Exchange, type Header } from '../exchange';
import { decodeJson } from './json';
import { decodeHtml, decodeXmlError } from './markup';
import { decodeJsonChunks, decodeSse, looksLikeJsonChunks, looksLikeSse } from './stream';
import type { DecodedBody } from './types';
import { stringOrEmpty } from './values';

const TEXT_MIME = /^(text\/|application\/(json|.*\+json|javascript|xml|.*\+xml|x-www-form-urlencoded|problem\+json))/i;

type BodySource = Pick<Exchange, 'responseBody' | 'responseBase64' | 'responseMimeType' | 'responseHeaders'> & { status?: number };

export function decodeBody(ex: BodySource): DecodedBody {
  try {
    return decodeBodyUnsafe(ex);
  } catch {
    // Last resort for inputs no branch foresaw: the decoder must never take the panel down.
    return { kind: 'text', text: stringOrEmpty(ex.responseBody).slice(0, 2000) };
  }
}

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

function mimeOf(ex: BodySource): string {
  const headers: Header[] = Array.isArray(ex.responseHeaders) ? ex.responseHeaders : [];
  const raw = stringOrEmpty(ex.responseMimeType) || stringOrEmpty(headerValue(headers, 'content-type'));
  return raw.split(';')[0]!.trim().toLowerCase();
}

function decodeBodyUnsafe(ex: BodySource): DecodedBody {
  const mime = mimeOf(ex);
  let text = stringOrEmpty(ex.responseBody);
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
