// "Resend" and "Edit and resend" from the panel: the background sends the request itself, only
// to an API origin a profile is configured for, with the chosen profile's key set here (the page
// never has it), no cookies, no redirects, and the same time limit as Check key. The answer comes
// back as an exchange for the panel's decoder, its Authorization header masked.
import type { Header } from '../core/exchange';
import { maskKey } from '../core/keys';
import { RESEND_METHODS, resendTarget } from '../core/resend';
import type { ResendRequest, ResendResult } from '../shared/protocol';
import { readSettings } from './store';
import { hasAccess } from './access';
import { CHECK_TIMEOUT_MS } from './check-key';
import { done, type Handler } from './handler';

/** Headers the page may not choose: the key, cookies, and what fetch sets itself. */
const DROPPED =
  /^(authorization|cookie|cookie2|host|content-length|connection|origin|referer|transfer-encoding|keep-alive|upgrade|te|trailer|expect|proxy-.*|sec-.*|:.*)$/i;
/** Bodies larger than this are cut in the answer (the panel keeps bodies bounded too). */
const RESEND_BODY_LIMIT = 1_000_000;

export const resend: Handler<'resend'> = async (req) => done(await send(req));

async function send(req: ResendRequest): Promise<ResendResult> {
  const method = String(req.method).toUpperCase();
  const s = await readSettings();
  const target = resendTarget(String(req.url), [...new Set(s.profiles.flatMap((p) => p.origins))]);
  if (!target.ok)
    return target.reason === 'resendBadUrl'
      ? { kind: 'refused', reason: target.reason }
      : { kind: 'refused', reason: target.reason, origin: target.origin };
  if (!(RESEND_METHODS as readonly string[]).includes(method)) return { kind: 'refused', reason: 'resendBadMethod' };
  const url = new URL(String(req.url));
  const origin = target.origin;
  let key: string | null = null;
  if (req.profileId !== null) {
    const p = s.profiles.find((x) => x.id === req.profileId);
    if (!p || !p.origins.includes(origin)) return { kind: 'refused', reason: 'resendProfileOrigin', origin };
    if (!p.key) return { kind: 'refused', reason: 'resendNoKey' };
    key = p.key;
  }
  if (!(await hasAccess(origin))) return { kind: 'refused', reason: 'resendNoAccess', origin };

  const headers = new Headers();
  for (const h of Array.isArray(req.headers) ? req.headers : []) {
    if (typeof h?.name !== 'string' || typeof h.value !== 'string' || DROPPED.test(h.name.trim())) continue;
    try {
      headers.append(h.name.trim(), h.value);
    } catch {
      /* a header name fetch refuses is left out */
    }
  }
  if (key) headers.set('Authorization', `Api-Key ${key}`);
  const body = method === 'GET' || method === 'HEAD' ? undefined : typeof req.body === 'string' && req.body !== '' ? req.body : undefined;
  const started = Date.now();
  let res: Response;
  try {
    res = await fetch(url.href, {
      method,
      headers,
      body,
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
      signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'TimeoutError') return { kind: 'timeout' };
    return { kind: 'network', message: e instanceof Error ? e.message : String(e) };
  }
  const text = await res.text().catch(() => '');
  const durationMs = Date.now() - started;
  const requestHeaders: Header[] = [];
  headers.forEach((value, name) =>
    requestHeaders.push({ name, value: name === 'authorization' && key ? `Api-Key ${maskKey(key)}` : value }),
  );
  const responseHeaders: Header[] = [];
  res.headers.forEach((value, name) => responseHeaders.push({ name, value }));
  return {
    kind: 'done',
    exchange: {
      method,
      url: url.href,
      status: res.status,
      statusText: res.statusText,
      requestHeaders,
      responseHeaders,
      requestBody: body,
      requestMimeType: headers.get('content-type') ?? undefined,
      responseBody: text.slice(0, RESEND_BODY_LIMIT),
      responseMimeType: res.headers.get('content-type') ?? undefined,
      responseTruncated: text.length > RESEND_BODY_LIMIT,
      startedAt: started,
      durationMs,
      size: text.length,
    },
  };
}
