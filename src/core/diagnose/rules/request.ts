// What the request carried: field errors (snake_case or camelCase), unreadable JSON, the wrong
// content type, too much of it, or too many requests.
import { isNonField, type FieldError } from '../../decode';
import { headerValue } from '../../exchange';
import { msg, type Msg } from '../../messages';
import type { Facts } from '../facts';
import { REQUIRED } from '../facts';
import { finding, said } from '../finding';
import type { Finding } from '../types';

export function requestRule(f: Facts): Finding | null {
  const s = f.status;
  if (s < 400 || s >= 500) return null;
  const fields = fieldsOf(f);
  if (s === 415 || /^unsupported media type/i.test(f.said)) {
    const type = headerValue(f.ex.requestHeaders, 'content-type') ?? f.ex.requestMimeType;
    return finding('unsupportedMedia', msg('cause415', type || '—'), [msg('fix415')], said(f.said));
  }
  if (s === 429) return throttled(f);
  if (s === 413)
    return finding(
      'payloadTooLarge',
      msg('causePayloadTooLarge'),
      [msg('fixPayloadTooLarge')],
      f.decoded.body.kind === 'html' ? [msg('evGatewayPage', f.said || '413')] : said(f.said),
    );
  if (fields) return fieldErrors(f, fields);
  if (/^(json parse error|malformed request)/i.test(f.said))
    return finding('malformedJson', msg('causeMalformedJson'), [msg('fixMalformedJson')], said(f.said));
  if (s === 400) return finding('badRequest', msg('cause400'), [msg('fix400')], said(f.said));
  return finding('clientError', msg('cause4xx'), [msg('fix4xx')], said(f.said));
}

/** Field errors as DRF sends them, or inside an error envelope's `details`. */
function fieldsOf(f: Facts): FieldError[] | null {
  const b = f.decoded.body;
  if (b.kind === 'fields') return b.fields;
  if (b.kind === 'envelope' && b.fields) return b.fields;
  return null;
}

function fieldErrors(f: Facts, fields: FieldError[]): Finding {
  const ex = f.ex;
  const sentFields = sentBodyFields(ex.requestBody, ex.requestMimeType ?? headerValue(ex.requestHeaders, 'content-type'));
  const fixes: Msg[] = fields.map((fe) => {
    const text = fe.messages.join(' ');
    if (isNonField(fe.path)) return msg('fixNonField', text);
    // "Required" only says the field was absent when it is a top-level field the body really lacked.
    const topLevel = !fe.path.includes('.') && !fe.path.includes('[');
    const absent = topLevel && fe.messages.includes(REQUIRED) && !(sentFields ?? []).includes(fe.path);
    return absent ? msg('fixFieldMissing', fe.path, text) : msg('fixField', fe.path, text);
  });
  if (fields.some((fe) => fe.messages.includes(REQUIRED))) {
    fixes.push(sentFields === null ? msg('fixNoBodySent') : msg('fixSentFields', sentFields.length ? sentFields.join(', ') : '—'));
  }
  return finding('fieldErrors', msg('cause400Fields', String(fields.length)), fixes, said(f.said));
}

/** Retry-After is seconds or an HTTP date; DRF's detail says "Expected available in N seconds." */
function throttled(f: Facts): Finding {
  const raw = headerValue(f.ex.responseHeaders, 'retry-after')?.trim();
  const fromDetail = /expected available in (\d+) seconds?/i.exec(f.said)?.[1];
  const fixes: Msg[] = [];
  const ev: Msg[] = said(f.said);
  if (raw) ev.push(msg('evRetryAfter', raw));
  const secs = raw && /^\d+$/.test(raw) ? Number(raw) : fromDetail ? Number(fromDetail) : null;
  if (secs !== null) {
    fixes.push(secs >= 120 ? msg('fixWaitMinutes', String(Math.ceil(secs / 60)), String(secs)) : msg('fixWaitSeconds', String(secs)));
  } else if (raw && Number.isFinite(Date.parse(raw))) {
    fixes.push(msg('fixWaitUntil', `${new Date(Date.parse(raw)).toISOString().slice(0, 19).replace('T', ' ')} UTC`));
  } else fixes.push(msg('fix429NoWait'));
  fixes.push(msg('fix429Backoff'));
  return finding('throttled', msg('cause429'), fixes, ev);
}

/**
 * Top-level field names of a request body (JSON, form-encoded or multipart); null when there was
 * no body. `mimeType` is the request's Content-Type, when known.
 */
export function sentBodyFields(body: string | undefined, mimeType?: string): string[] | null {
  if (typeof body !== 'string' || body === '') return null;
  const type = (mimeType ?? '').toLowerCase();
  if (type.includes('multipart/form-data') || /^--[^\r\n]+\r?\ncontent-disposition:/i.test(body)) return multipartNames(body);
  try {
    const v: unknown = JSON.parse(body);
    if (v && typeof v === 'object' && !Array.isArray(v)) return Object.keys(v);
    return [];
  } catch {
    if (type.includes('x-www-form-urlencoded') || /^[\w.%[\]-]+=/.test(body)) return unique([...new URLSearchParams(body).keys()]);
    return [];
  }
}

function multipartNames(body: string): string[] {
  return unique([...body.matchAll(/content-disposition:[^\r\n]*?\bname="([^"]*)"/gi)].map((m) => m[1]!));
}

const unique = (xs: string[]): string[] => [...new Set(xs)];
