// Answers from something other than the API's own code: the S3 bucket of the presigned upload,
// gateways and CDNs (HTML pages), and the server's own 5xx.
import { headerValue } from '../../exchange';
import { msg, type Msg } from '../../messages';
import type { Facts } from '../facts';
import { finding, said } from '../finding';
import type { Finding } from '../types';

/** Headers gateways and frameworks use to name one request in their logs. */
const REQUEST_ID_HEADERS = [
  'x-request-id',
  'x-correlation-id',
  'request-id',
  'x-trace-id',
  'x-amzn-requestid',
  'x-amz-request-id',
  'x-amz-cf-id',
  'cf-ray',
  'x-cloud-trace-context',
];

export function s3Rule(f: Facts): Finding | null {
  const b = f.decoded.body;
  if (!f.s3 || b.kind !== 'xmlError') return null;
  const ev = [msg('evS3', b.code, b.requestId ?? headerValue(f.ex.responseHeaders, 'x-amz-request-id') ?? '—'), ...said(b.message)];
  if (/policy expired/i.test(b.message)) return finding('s3PolicyExpired', msg('causeS3PolicyExpired'), [msg('fixS3PolicyExpired')], ev);
  if (b.code === 'EntityTooLarge' || /exceeds the maximum allowed size/i.test(b.message))
    return finding('s3TooLarge', msg('causeS3TooLarge'), [msg('fixS3TooLarge')], ev);
  return finding('s3Rejected', msg('causeS3Rejected', b.code), [msg('fixS3Rejected')], ev);
}

export function serverRule(f: Facts): Finding | null {
  const s = f.status;
  if (s < 500 || s >= 600) return null;
  const id = REQUEST_ID_HEADERS.map((h) => headerValue(f.ex.responseHeaders, h)?.trim()).find(Boolean);
  const withId = (fixes: Msg[]) => (id ? [...fixes, msg('fix5xxRequestId', id)] : fixes);
  const page = f.decoded.body.kind === 'html' ? [msg('evGatewayPage', f.said || String(s))] : said(f.said);
  if (s === 504 || s === 524) return finding('gatewayTimeout', msg('causeGatewayTimeout'), withId([msg('fixGatewayTimeout')]), page);
  if (s === 502) return finding('badGateway', msg('causeBadGateway'), withId([msg('fix5xxRetry')]), page);
  if (s === 503) return finding('unavailable', msg('causeUnavailable'), withId([msg('fix5xxRetry')]), page);
  return finding('serverError', msg(s === 500 ? 'cause500' : 'cause5xx'), withId([s === 500 ? msg('fix500') : msg('fix5xxRetry')]), page);
}
