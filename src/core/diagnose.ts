// Diagnosis: why a response came back as it did, cross-checked against what was really sent,
// and what to do about it. Pure: the shells supply the context (settings, fingerprints).
import { decode, type Decoded, type FieldError } from './decode';
import { headerValue, type Exchange } from './exchange';
import { normalizeKey, type KeyProblem } from './keys';
import { msg, type Msg } from './messages';
import { normalizeOrigin } from './origins';
import { keyFromAuthorization, maskAuthorization } from './redact';

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
/** Headers gateways and frameworks use to name one request in their logs. */
const REQUEST_ID_HEADERS = ['x-request-id', 'x-correlation-id', 'request-id', 'x-trace-id', 'x-amzn-requestid', 'x-amz-cf-id', 'cf-ray', 'x-cloud-trace-context'];

type Part = Pick<Diagnosis, 'cause' | 'fixes' | 'offer'>;

export function diagnose(ex: Exchange, ctx: AuthContext): Diagnosis {
  const decoded = decode(ex);
  const sent = headerValue(ex.requestHeaders, 'authorization') ?? null;
  const base = { decoded, sentAuthorization: sent === null ? null : maskAuthorization(sent) };
  let url: URL | null = null;
  try {
    url = new URL(ex.url);
  } catch {
    /* keep null */
  }
  const status = ex.status;
  const complaint = status === 401 || status === 403 ? authComplaint(decoded, ex) : null;

  if (status === 0) return { ...base, ...failed(ex) };
  // DRF answers 403 instead of 401 when the first authentication class sends no WWW-Authenticate,
  // so the two authentication bodies are read the same way under either status.
  if (complaint === NOT_PROVIDED) return { ...base, ...notProvided(sent, url, ctx) };
  if (complaint === INVALID_FORMAT) return { ...base, ...invalidFormat(sent) };
  if (status === 401) return { ...base, ...rejectedKey(sent, ctx) };
  if (status === 403) return { ...base, cause: msg('cause403'), fixes: [msg('fix403')] };
  if (status === 400) return { ...base, ...badRequest(decoded, ex) };
  if (status === 404) return { ...base, ...notFound(url) };
  if (status === 405) {
    const allow = headerValue(ex.responseHeaders, 'allow');
    return { ...base, cause: msg('cause405', ex.method.toUpperCase()), fixes: [allow ? msg('fix405Allow', allow) : msg('fix405')] };
  }
  if (status === 415) {
    const type = headerValue(ex.requestHeaders, 'content-type') ?? ex.requestMimeType;
    return { ...base, cause: msg('cause415', type || '—'), fixes: [msg('fix415')] };
  }
  if (status === 429) {
    const wait = headerValue(ex.responseHeaders, 'retry-after')?.trim();
    return { ...base, cause: msg('cause429'), fixes: [wait ? msg('fix429Wait', wait) : msg('fix429NoWait'), msg('fix429Backoff')] };
  }
  if ([301, 302, 303, 307, 308].includes(status)) return { ...base, ...redirect(ex, url) };
  if (status >= 500 && status < 600) return { ...base, ...serverError(ex) };
  if (status >= 400 && status < 500) {
    // 409/422 and friends can carry DRF field errors too; those say more than "refused".
    if (fieldsOf(decoded) !== null) return { ...base, ...badRequest(decoded, ex) };
    return { ...base, cause: msg('cause4xx'), fixes: [msg('fix4xx')] };
  }
  return { ...base, cause: null, fixes: [] };
}

/**
 * Which of the two documented authentication bodies the server sent, in whatever wrapping:
 * DRF's `{detail}`, an envelope, the browsable API's HTML page, or plain text.
 */
function authComplaint(decoded: Decoded, ex: Exchange): string | null {
  const said = [decoded.serverMessage ?? '', ex.responseBase64 || typeof ex.responseBody !== 'string' ? '' : ex.responseBody];
  for (const phrase of [NOT_PROVIDED, INVALID_FORMAT]) {
    if (said.some((s) => s.toLowerCase().includes(phrase.toLowerCase()))) return phrase;
  }
  return null;
}

function failed(ex: Exchange): Pick<Diagnosis, 'cause' | 'fixes'> {
  const e = (ex.error ?? '').toUpperCase();
  if (/BLOCKED_BY_(CLIENT|ADMINISTRATOR)/.test(e)) return { cause: msg('cause0Blocked'), fixes: [msg('fix0Blocked')] };
  if (/INTERNET_DISCONNECTED|NAME_NOT_RESOLVED|NETWORK_CHANGED|ADDRESS_UNREACHABLE|CONNECTION_(REFUSED|RESET|TIMED_OUT|CLOSED)/.test(e)) {
    return { cause: msg('cause0Offline'), fixes: [msg('fix0Offline')] };
  }
  if (e.includes('ABORTED') || e.includes('CANCELED')) return { cause: msg('cause0Cancelled'), fixes: [msg('fix0Cancelled')] };
  return { cause: msg('cause0Cors'), fixes: [msg('fix0Cors')] };
}

const BEARER = /^\s*bearer\b/i;

function notProvided(sent: string | null, url: URL | null, ctx: AuthContext): Part {
  const format = msg('fixHeaderFormat');
  if (sent !== null) {
    if (BEARER.test(sent)) return { cause: msg('causeBearerIgnored'), fixes: [format] };
    // The API reads only "Api-Key …": another scheme (Token, Basic) or a bare key counts as nothing,
    // which is a format problem of the page's header, not a header lost on the way.
    if (!/^\s*api-key\b/i.test(sent)) return { cause: msg('causeInvalidFormat'), fixes: [msg('fixMissingPrefix'), format] };
    return { cause: msg('causeHeaderStripped'), fixes: [msg('fixHeaderStripped'), format] };
  }
  if (!ctx.enabled) return { cause: msg('causeInjectionOff'), fixes: [msg('fixInjectionOff'), format] };
  // Without any key nothing is sent anywhere; that comes before where the request went.
  if (ctx.keyedOrigins.length === 0) return { cause: msg('causeNoKey'), fixes: [msg('fixNoKey'), format] };
  if (url && url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) return { cause: msg('causePlainHttp'), fixes: [msg('fixPlainHttp')] };
  const origin = url?.origin ?? '';
  if (!ctx.keyedOrigins.includes(origin)) {
    return { cause: msg('causeOtherHost', origin || '—', ctx.keyedOrigins.join(', ')), fixes: [msg('fixOtherHost'), format] };
  }
  // Only a web page can be a site to allow; an opaque ("null") or extension page is not one.
  const page = ctx.pageOrigin && /^https?:\/\//i.test(ctx.pageOrigin) ? ctx.pageOrigin : null;
  const site = page ? normalizeOrigin(page) : null;
  const siteOrigin = site?.ok ? site.origin : page;
  if (page && siteOrigin !== origin && !ctx.allowedSites.includes(siteOrigin!)) {
    // An insecure http site cannot be allowed, so it gets the explanation but no offer.
    const offer = site?.ok ? { offer: { kind: 'allowSite' as const, origin: site.origin } } : {};
    return { cause: msg('causeSiteNotAllowed', page), fixes: [msg('fixSiteNotAllowed'), format], ...offer };
  }
  return { cause: msg('causeNotSentUnknown'), fixes: [msg('fixNotSentUnknown'), format] };
}

/** Key problems the API's format check trips over (length is checked later, as an unknown key). */
const FORMAT_KEY_PROBLEMS: readonly KeyProblem[] = ['keyQuotes', 'keyControl', 'keyNonAscii', 'keyBadChars'];

function invalidFormat(sent: string | null): Pick<Diagnosis, 'cause' | 'fixes'> {
  if (sent === null) return { cause: msg('causeInvalidFormatNone'), fixes: [msg('fixHeaderFormat')] };
  const fixes: Msg[] = [];
  const bearer = BEARER.test(sent);
  const doubled = /api-key\s+api-key/i.test(sent);
  if (bearer) fixes.push(msg('fixUseApiKeyNotBearer'));
  if (doubled) fixes.push(msg('fixDoubledPrefix'));
  // A doubled prefix adds a word of its own; only words beyond "Api-Key <key>" are stray spaces.
  const words = sent.trim().split(/\s+/).length - (doubled ? 1 : 0);
  if (/^\s|\s$|\s{2,}|[^\S ]/.test(sent) || words > 2) fixes.push(msg('fixStraySpaces'));
  if (!/^\s*api-key\s/i.test(sent) && !bearer) fixes.push(msg('fixMissingPrefix'));
  const key = keyFromAuthorization(sent);
  const check = key === null ? null : normalizeKey(key);
  if (check && !check.ok && FORMAT_KEY_PROBLEMS.includes(check.problem)) fixes.push(msg(check.problem));
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

/** Field errors as DRF sends them, or inside an error envelope's `details`. */
function fieldsOf(decoded: Decoded): FieldError[] | null {
  const b = decoded.body;
  if (b.kind === 'fields') return b.fields;
  if (b.kind === 'envelope' && b.fields) return b.fields;
  return null;
}

function badRequest(decoded: Decoded, ex: Exchange): Pick<Diagnosis, 'cause' | 'fixes'> {
  const fields = fieldsOf(decoded);
  if (!fields) return { cause: msg('cause400'), fixes: [msg('fix400')] };
  const sentFields = sentBodyFields(ex.requestBody, ex.requestMimeType ?? headerValue(ex.requestHeaders, 'content-type'));
  const fixes: Msg[] = fields.map((f) => {
    const text = f.messages.join(' ');
    // "Required" only says the field was absent when it is a top-level field the body really lacked.
    const topLevel = !f.path.includes('.') && !f.path.includes('[');
    const absent = topLevel && f.messages.includes(REQUIRED) && !(sentFields ?? []).includes(f.path);
    return absent ? msg('fixFieldMissing', f.path, text) : msg('fixField', f.path, text);
  });
  if (fields.some((f) => f.messages.includes(REQUIRED))) {
    fixes.push(sentFields === null ? msg('fixNoBodySent') : msg('fixSentFields', sentFields.length ? sentFields.join(', ') : '—'));
  }
  return { cause: msg('cause400Fields', String(fields.length)), fixes };
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

function notFound(url: URL | null): Part {
  if (!url) return { cause: msg('cause404'), fixes: [msg('fix404')] };
  const path = url.pathname;
  if (!path.endsWith('/') && !/\.[a-z0-9]+$/i.test(path)) {
    const fixed = `${url.origin}${path}/${url.search}`;
    return { cause: msg('cause404Slash'), fixes: [msg('fix404Slash', fixed)], offer: { kind: 'url', url: fixed } };
  }
  // `/api/chatbots/` (no version) and `/v1/chatbots/` (no /api) both miss the /api/v1/ prefix.
  if ((path.startsWith('/api/') && !/^\/api\/(v\d+|users)\//.test(path)) || /^\/v\d+\//.test(path)) {
    return { cause: msg('cause404Version'), fixes: [msg('fix404Version')] };
  }
  return { cause: msg('cause404'), fixes: [msg('fix404')] };
}

function redirect(ex: Exchange, url: URL | null): Pick<Diagnosis, 'cause' | 'fixes'> {
  const location = headerValue(ex.responseHeaders, 'location');
  let target: URL | null = null;
  try {
    if (location) target = new URL(location, ex.url);
  } catch {
    /* no usable Location */
  }
  if (!url || !target) return { cause: null, fixes: [] };
  const method = ex.method.toUpperCase();
  const slashOnly = target.origin === url.origin && target.pathname === `${url.pathname}/`;
  if (slashOnly && method !== 'GET' && method !== 'HEAD') {
    // 301/302 (and 303 always) make the browser repeat a POST as GET, without its body.
    const lost = ex.status === 301 || ex.status === 302 || ex.status === 303;
    return { cause: msg(lost ? 'causeRedirectBodyLost' : 'causeRedirectSlash', method), fixes: [msg('fixRedirectSlash', target.href)] };
  }
  // http → https on the same host: the plain-http request itself never carried the key.
  if (url.protocol === 'http:' && target.protocol === 'https:' && target.host === url.host) {
    return { cause: msg('causePlainHttp'), fixes: [msg('fixPlainHttp')] };
  }
  if (target.origin !== url.origin) return { cause: msg('causeRedirectOtherHost', target.origin), fixes: [msg('fixRedirectOtherHost')] };
  return { cause: null, fixes: [] };
}

function serverError(ex: Exchange): Pick<Diagnosis, 'cause' | 'fixes'> {
  const id = REQUEST_ID_HEADERS.map((h) => headerValue(ex.responseHeaders, h)?.trim()).find(Boolean);
  const fixes = [ex.status === 500 ? msg('fix500') : msg('fix5xxRetry')];
  if (id) fixes.push(msg('fix5xxRequestId', id));
  return { cause: msg(ex.status === 500 ? 'cause500' : 'cause5xx'), fixes };
}
