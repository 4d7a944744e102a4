// Requests the background sends itself: "Resend" and "Edit and resend" from the panel, and Check
// key (check-key.ts). Only to an API origin a profile is configured for, with the chosen profile's
// key set here (the page never has it), no cookies, no redirects, a 10 s limit. The answer comes
// back as an exchange for the panel's decoder, the key masked wherever it appears.
import type { Exchange, Header } from '../core/exchange';
import { maskKeyIn } from '../core/keys';
import { RESEND_METHODS, resendTarget } from '../core/resend';
import type { ResendRequest, ResendResult } from '../shared/protocol';
import { readSettings } from './store';
import { hasAccess } from './access';
import { done, type Handler } from './handler';

const SEND_TIMEOUT_MS = 10_000;
/** Headers the page may not choose: the key, cookies, and what fetch sets itself. */
const DROPPED =
  /^(authorization|cookie|cookie2|host|content-length|connection|origin|referer|transfer-encoding|keep-alive|upgrade|te|trailer|expect|proxy-.*|sec-.*|:.*)$/i;
/** Bodies larger than this are cut in the answer (the panel keeps bodies bounded too). */
const RESEND_BODY_LIMIT = 1_000_000;

export type Sent = { kind: 'done'; exchange: Exchange } | { kind: 'timeout' } | { kind: 'network'; message: string };

/** Send one request with `key` (already in `headers`, if any); whatever the answer repeats of the key is masked. */
export async function sendRequest(method: string, url: string, headers: Headers, body: string | undefined, key: string): Promise<Sent> {
  const mask = (s: string) => maskKeyIn(s, key);
  const started = Date.now();
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      body,
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'TimeoutError') return { kind: 'timeout' };
    return { kind: 'network', message: mask(e instanceof Error ? e.message : String(e)) };
  }
  const text = await res.text().catch(() => '');
  const list = (h: Headers) => {
    const out: Header[] = [];
    h.forEach((value, name) => out.push({ name, value: mask(value) }));
    return out;
  };
  return {
    kind: 'done',
    exchange: {
      method,
      url,
      status: res.status,
      statusText: mask(res.statusText),
      requestHeaders: list(headers),
      responseHeaders: list(res.headers),
      requestBody: body,
      requestMimeType: headers.get('content-type') ?? undefined,
      responseBody: mask(text.slice(0, RESEND_BODY_LIMIT)),
      responseMimeType: res.headers.get('content-type') ?? undefined,
      responseTruncated: text.length > RESEND_BODY_LIMIT,
      startedAt: started,
      durationMs: Date.now() - started,
      size: text.length,
    },
  };
}

export const resend: Handler<'resend'> = async (req) => done(await resendChecked(req));

async function resendChecked(req: ResendRequest): Promise<ResendResult> {
  const method = req.method.toUpperCase();
  const s = await readSettings();
  const target = resendTarget(req.url, [...new Set(s.profiles.flatMap((p) => p.origins))]);
  if (!target.ok)
    return target.reason === 'resendBadUrl'
      ? { kind: 'refused', reason: target.reason }
      : { kind: 'refused', reason: target.reason, origin: target.origin };
  if (!(RESEND_METHODS as readonly string[]).includes(method)) return { kind: 'refused', reason: 'resendBadMethod' };
  const origin = target.origin;
  let key = '';
  if (req.profileId !== null) {
    const p = s.profiles.find((x) => x.id === req.profileId);
    if (!p || !p.origins.includes(origin)) return { kind: 'refused', reason: 'resendProfileOrigin', origin };
    if (!p.key) return { kind: 'refused', reason: 'resendNoKey' };
    key = p.key;
  }
  if (!(await hasAccess(origin))) return { kind: 'refused', reason: 'resendNoAccess', origin };

  const headers = new Headers();
  for (const h of req.headers) {
    if (DROPPED.test(h.name.trim())) continue;
    try {
      headers.append(h.name.trim(), h.value);
    } catch {
      /* a header name fetch refuses is left out */
    }
  }
  if (key) headers.set('Authorization', `Api-Key ${key}`);
  const body = method === 'GET' || method === 'HEAD' ? undefined : req.body || undefined;
  return sendRequest(method, new URL(req.url).href, headers, body, key);
}
