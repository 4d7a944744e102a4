// Diagnosis: why a response came back as it did, cross-checked against what was really sent,
// and what to do about it. Pure: the shells supply the context (settings, fingerprints).
import { decode, type Decoded } from './decode';
import { headerValue, type Exchange } from './exchange';
import { msg, type Msg } from './messages';
import { maskAuthorization } from './redact';

export const NOT_PROVIDED = 'Authentication credentials were not provided.';
export const INVALID_FORMAT = 'Invalid API key format.';
export const REQUIRED = 'This field is required.';

export interface AuthContext {
  /** Injection switched on. */
  enabled: boolean;
  /** API origins that have an active key. */
  keyedOrigins: readonly string[];
  /** Sites whose requests get the header. */
  allowedSites: readonly string[];
  /** Fingerprint of the stored key for this request's origin, or null. */
  storedFingerprint: string | null;
  /** Fingerprint of the key in the Authorization header that was sent, or null. */
  sentFingerprint: string | null;
  /** Origin of the page that sent the request, when known (from the inspected tab). */
  pageOrigin?: string | null | undefined;
}

export interface Diagnosis {
  decoded: Decoded;
  /** What went wrong; null for success responses that need no explanation. */
  cause: Msg | null;
  fixes: Msg[];
  /** The Authorization header as sent, masked; null when none was sent. */
  sentAuthorization: string | null;
  /** An offer the panel can act on: allow this site, or try this corrected URL. */
  offer?: { kind: 'allowSite'; origin: string } | { kind: 'url'; url: string } | undefined;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function diagnose(ex: Exchange, ctx: AuthContext): Diagnosis {
  const decoded = decode(ex);
  const sent = headerValue(ex.requestHeaders, 'authorization') ?? null;
  const base = { decoded, sentAuthorization: sent === null ? null : maskAuthorization(sent) };
  const detail = decoded.body.kind === 'detail' ? decoded.body.detail : null;
  let url: URL | null = null;
  try {
    url = new URL(ex.url);
  } catch {
    /* keep null */
  }
  const origin = url?.origin ?? '';

  switch (ex.status) {
    case 0:
      return { ...base, ...failed(ex) };
    case 401:
      if (detail === NOT_PROVIDED) return { ...base, ...notProvided(sent, url, ctx) };
      if (detail === INVALID_FORMAT) return { ...base, ...invalidFormat(sent) };
      return { ...base, ...rejectedKey(sent, ctx) };
    case 400:
      return { ...base, ...badRequest(decoded, ex) };
    case 403:
      return { ...base, cause: msg('cause403'), fixes: [msg('fix403')] };
    case 404:
      return { ...base, ...notFound(url) };
    case 405: {
      const allow = headerValue(ex.responseHeaders, 'allow');
      return { ...base, cause: msg('cause405', ex.method.toUpperCase()), fixes: [allow ? msg('fix405Allow', allow) : msg('fix405')] };
    }
    case 415:
      return { ...base, cause: msg('cause415', headerValue(ex.requestHeaders, 'content-type') ?? '—'), fixes: [msg('fix415')] };
    case 429: {
      const wait = headerValue(ex.responseHeaders, 'retry-after');
      return { ...base, cause: msg('cause429'), fixes: [wait ? msg('fix429Wait', wait) : msg('fix429NoWait'), msg('fix429Backoff')] };
    }
    case 301: case 302: case 307: case 308:
      return { ...base, ...redirect(ex, url, origin) };
    default:
      if (ex.status >= 500) {
        const id = ['x-request-id', 'x-correlation-id', 'x-amzn-requestid', 'cf-ray'].map((h) => headerValue(ex.responseHeaders, h)).find(Boolean);
        const fixes = [ex.status === 500 ? msg('fix500') : msg('fix5xxRetry')];
        if (id) fixes.push(msg('fix5xxRequestId', id));
        return { ...base, cause: msg(ex.status === 500 ? 'cause500' : 'cause5xx'), fixes };
      }
      if (ex.status >= 400) return { ...base, cause: msg('cause4xx'), fixes: [msg('fix4xx')] };
      return { ...base, cause: null, fixes: [] };
  }
}

function failed(ex: Exchange): Pick<Diagnosis, 'cause' | 'fixes'> {
  const e = (ex.error ?? '').toUpperCase();
  if (e.includes('BLOCKED_BY_CLIENT')) return { cause: msg('cause0Blocked'), fixes: [msg('fix0Blocked')] };
  if (e.includes('INTERNET_DISCONNECTED') || e.includes('NAME_NOT_RESOLVED') || e.includes('NETWORK_CHANGED')) return { cause: msg('cause0Offline'), fixes: [msg('fix0Offline')] };
  if (e.includes('ABORTED') || e.includes('CANCELED')) return { cause: msg('cause0Cancelled'), fixes: [msg('fix0Cancelled')] };
  return { cause: msg('cause0Cors'), fixes: [msg('fix0Cors')] };
}

function notProvided(sent: string | null, url: URL | null, ctx: AuthContext): Pick<Diagnosis, 'cause' | 'fixes' | 'offer'> {
  const format = msg('fixHeaderFormat');
  if (sent !== null) {
    if (/^\s*bearer\b/i.test(sent)) return { cause: msg('causeBearerIgnored'), fixes: [format] };
    return { cause: msg('causeHeaderStripped'), fixes: [msg('fixHeaderStripped'), format] };
  }
  if (!ctx.enabled) return { cause: msg('causeInjectionOff'), fixes: [msg('fixInjectionOff'), format] };
  if (url && url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) return { cause: msg('causePlainHttp'), fixes: [msg('fixPlainHttp')] };
  const origin = url?.origin ?? '';
  if (!ctx.keyedOrigins.includes(origin)) {
    if (ctx.keyedOrigins.length === 0) return { cause: msg('causeNoKey'), fixes: [msg('fixNoKey'), format] };
    return { cause: msg('causeOtherHost', origin, ctx.keyedOrigins.join(', ')), fixes: [msg('fixOtherHost'), format] };
  }
  const page = ctx.pageOrigin ?? null;
  if (page && page !== origin && !ctx.allowedSites.includes(page)) {
    return { cause: msg('causeSiteNotAllowed', page), fixes: [msg('fixSiteNotAllowed'), format], offer: { kind: 'allowSite', origin: page } };
  }
  return { cause: msg('causeNotSentUnknown'), fixes: [msg('fixNotSentUnknown'), format] };
}

function invalidFormat(sent: string | null): Pick<Diagnosis, 'cause' | 'fixes'> {
  const fixes: Msg[] = [];
  if (sent === null) return { cause: msg('causeInvalidFormatNone'), fixes: [msg('fixHeaderFormat')] };
  if (/^\s*bearer\b/i.test(sent)) fixes.push(msg('fixUseApiKeyNotBearer'));
  if (/api-key\s+api-key/i.test(sent)) fixes.push(msg('fixDoubledPrefix'));
  if (/^\s|\s$|\s{2,}/.test(sent) || sent.trim().split(/\s+/).length > 2) fixes.push(msg('fixStraySpaces'));
  if (!/^\s*api-key\s/i.test(sent) && !/^\s*bearer\b/i.test(sent)) fixes.push(msg('fixMissingPrefix'));
  fixes.push(msg('fixHeaderFormat'));
  return { cause: msg('causeInvalidFormat'), fixes };
}

function rejectedKey(sent: string | null, ctx: AuthContext): Pick<Diagnosis, 'cause' | 'fixes'> {
  if (sent === null) return { cause: msg('cause401Other'), fixes: [msg('fixHeaderFormat')] };
  if (ctx.storedFingerprint && ctx.sentFingerprint === ctx.storedFingerprint) {
    return { cause: msg('causeStoredKeyRejected', ctx.storedFingerprint), fixes: [msg('fixStoredKeyRejected')] };
  }
  if (ctx.storedFingerprint) {
    return { cause: msg('causePageKeyRejected', ctx.sentFingerprint ?? '—', ctx.storedFingerprint), fixes: [msg('fixPageKeyRejected')] };
  }
  return { cause: msg('causeKeyRejectedNoStored'), fixes: [msg('fixStoredKeyRejected')] };
}

function badRequest(decoded: Decoded, ex: Exchange): Pick<Diagnosis, 'cause' | 'fixes'> {
  if (decoded.body.kind !== 'fields') return { cause: msg('cause400'), fixes: [msg('fix400')] };
  const sentFields = sentBodyFields(ex.requestBody);
  const fixes: Msg[] = decoded.body.fields.map((f) =>
    f.messages.includes(REQUIRED) && !f.path.includes('.') && !f.path.includes('[')
      ? msg('fixFieldMissing', f.path, f.messages.join(' '))
      : msg('fixField', f.path, f.messages.join(' ')),
  );
  if (decoded.body.fields.some((f) => f.messages.includes(REQUIRED))) {
    fixes.push(sentFields === null ? msg('fixNoBodySent') : msg('fixSentFields', sentFields.length ? sentFields.join(', ') : '—'));
  }
  return { cause: msg('cause400Fields', String(decoded.body.fields.length)), fixes };
}

/** Top-level field names of a JSON (or form-encoded) request body; null when there was no body. */
export function sentBodyFields(body: string | undefined): string[] | null {
  if (body === undefined || body === '') return null;
  try {
    const v: unknown = JSON.parse(body);
    if (v && typeof v === 'object' && !Array.isArray(v)) return Object.keys(v);
    return [];
  } catch {
    if (/^[\w.%-]+=/.test(body)) return [...new URLSearchParams(body).keys()];
    return [];
  }
}

function notFound(url: URL | null): Pick<Diagnosis, 'cause' | 'fixes' | 'offer'> {
  if (url && !url.pathname.endsWith('/') && !/\.[a-z0-9]+$/i.test(url.pathname)) {
    const fixed = `${url.origin}${url.pathname}/${url.search}`;
    return { cause: msg('cause404Slash'), fixes: [msg('fix404Slash', fixed)], offer: { kind: 'url', url: fixed } };
  }
  if (url && url.pathname.startsWith('/api/') && !/^\/api\/(v\d+|users)\//.test(url.pathname)) {
    return { cause: msg('cause404Version'), fixes: [msg('fix404Version')] };
  }
  return { cause: msg('cause404'), fixes: [msg('fix404')] };
}

function redirect(ex: Exchange, url: URL | null, origin: string): Pick<Diagnosis, 'cause' | 'fixes'> {
  const location = headerValue(ex.responseHeaders, 'location') ?? '';
  let target: URL | null = null;
  try {
    target = new URL(location, ex.url);
  } catch {
    /* no usable Location */
  }
  const method = ex.method.toUpperCase();
  const slashOnly = url && target && target.origin === origin && target.pathname === `${url.pathname}/`;
  if (slashOnly && method !== 'GET' && method !== 'HEAD') {
    const lost = ex.status === 301 || ex.status === 302;
    return { cause: msg(lost ? 'causeRedirectBodyLost' : 'causeRedirectSlash', method), fixes: [msg('fixRedirectSlash', target!.href)] };
  }
  if (target && target.origin !== origin) return { cause: msg('causeRedirectOtherHost', target.origin), fixes: [msg('fixRedirectOtherHost')] };
  return { cause: null, fixes: [] };
}
