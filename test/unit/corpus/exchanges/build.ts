// Builders for realistic HAR entries: the header sets Chrome records for a fetch() from a page,
// and the headers the API (Django + DRF behind nginx on AWS) and S3 send back. Cases state only
// what differs; everything else is what a real exchange carries.
import type { HarEntry, HarHeader } from '../../../../src/core/har';
import type { CauseId, Snapshot } from '../../../../src/core/diagnose';

export const API = 'https://api.maiagent.ai';
export const DOCS = 'https://docs.maiagent.ai';
export const APP = 'https://app.example-shop.tw';
/** The key stored in the extension (shape of djangorestframework-api-key: 8-char prefix, dot, 32-char secret). */
export const STORED_KEY = 'g5BnKDab.Zx81uQ9fLmN2pR4sT6vW8yXsAb3Cd5Ef';
/** Another real-looking key the page hard-coded. */
export const PAGE_KEY = 'Q7wErTy1.Mn0bVc9XzLk8JhGf7DsA6pOi5UyT4rE3';
/** A console login token (simplejwt access token shape). */
export const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0b2tlbl90eXBlIjoiYWNjZXNzIiwiZXhwIjoxNzMyNjAwMDAwLCJqdGkiOiI5ZjNhIiwidXNlcl9pZCI6ImE4YzQifQ.3kQm1sVbX9cZ0pL2nR7tY4uW6eA8dF1gH5jK3lN0oPq';

export const BOT = '1af8b729-cbca-4c07-b685-6d2a5f0e9c31';
export const CONV = '5c0e2d4a-9b7f-4e1a-8c3d-2f6b1a9e7d40';
export const KB = '8e2f4a6c-1b3d-4f5e-9a7c-0d2e4f6a8b1c';

export interface Case {
  /** Short unique slug. */
  id: string;
  /** What the developer did. */
  title: string;
  /** Public source of the behaviour: a docs URL, or a library's file. */
  source: string;
  /** The cause a developer needs; null when nothing went wrong. */
  expect: CauseId | null;
  entry: HarEntry;
  /** Entries DevTools listed just before (a redirect this request followed). */
  before?: HarEntry[];
  /**
   * The settings when captured: by default a developer with the stored key active on the API
   * origin, injection on, the docs site allowed. 'file': an imported HAR.
   */
  settings?: 'file' | Partial<Snapshot>;
}

const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

const h = (pairs: Record<string, string | undefined>): HarHeader[] =>
  Object.entries(pairs)
    .filter((p): p is [string, string] => p[1] !== undefined)
    .map(([name, value]) => ({ name, value }));

export interface RequestOptions {
  /** The page that made the call; null for a navigation or a tool without Origin. */
  page?: string | null;
  auth?: string | null;
  body?: unknown;
  /** Raw body text (overrides body), with its content type. */
  raw?: string;
  contentType?: string;
  cookie?: string;
  extra?: Record<string, string>;
}

/** A fetch() from a page, as Chrome's HAR records it over HTTP/2. */
export function request(method: string, url: string, o: RequestOptions = {}): HarEntry['request'] {
  const u = new URL(url);
  const page = o.page === undefined ? DOCS : o.page;
  const text = o.raw ?? (o.body === undefined ? undefined : JSON.stringify(o.body));
  const type = o.contentType ?? (text === undefined ? undefined : 'application/json');
  const crossSite = page !== null && new URL(page).origin !== u.origin;
  return {
    method,
    url,
    headers: h({
      ':authority': u.host,
      ':method': method,
      ':path': u.pathname + u.search,
      ':scheme': u.protocol.slice(0, -1),
      accept: 'application/json, text/plain, */*',
      'accept-encoding': 'gzip, deflate, br, zstd',
      'accept-language': 'zh-TW,zh;q=0.9,en-US;q=0.8,en;q=0.7',
      authorization: o.auth ?? undefined,
      'content-type': type,
      cookie: o.cookie,
      origin: page !== null && (method !== 'GET' || crossSite) ? page : undefined,
      priority: 'u=1, i',
      referer: page !== null ? `${page}/` : undefined,
      'sec-ch-ua': '"Google Chrome";v="131", "Chromium";v="131", "Not_A Brand";v="24"',
      'sec-ch-ua-mobile': '?0',
      'sec-ch-ua-platform': '"Linux"',
      'sec-fetch-dest': 'empty',
      'sec-fetch-mode': 'cors',
      'sec-fetch-site': page === null ? 'none' : crossSite ? (new URL(page).hostname.endsWith('maiagent.ai') ? 'same-site' : 'cross-site') : 'same-origin',
      'user-agent': UA,
      ...o.extra,
    }),
    ...(text !== undefined ? { postData: { mimeType: type!, text } } : {}),
  };
}

export const apiKey = (key = STORED_KEY) => `Api-Key ${key}`;

export interface ResponseOptions {
  headers?: Record<string, string>;
  /** JSON body (serialised), or raw text with `type`. */
  json?: unknown;
  text?: string;
  type?: string;
  error?: string;
  page?: string | null;
}

/** The API's usual response headers: Django behind nginx, CORS for the page that asked. */
export function apiResponse(status: number, statusText: string, o: ResponseOptions = {}): HarEntry['response'] {
  const text = o.text ?? (o.json === undefined ? '' : JSON.stringify(o.json));
  const type = o.type ?? (o.json !== undefined ? 'application/json' : o.text !== undefined ? 'text/html; charset=utf-8' : undefined);
  const page = o.page === undefined ? DOCS : o.page;
  return {
    status,
    statusText,
    headers: h({
      'access-control-allow-credentials': page ? 'true' : undefined,
      'access-control-allow-origin': page ?? undefined,
      allow: undefined,
      'content-length': String(new TextEncoder().encode(text).length),
      'content-type': type,
      'cross-origin-opener-policy': 'same-origin',
      date: 'Mon, 25 Nov 2024 06:41:12 GMT',
      'referrer-policy': 'same-origin',
      server: 'nginx',
      vary: 'Accept, origin, Cookie',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      ...o.headers,
    }),
    content: { size: text.length, mimeType: (type ?? 'x-unknown').split(';')[0]!, text },
    bodySize: text.length,
    ...(o.error ? { _error: o.error } : {}),
  };
}

export function entry(req: HarEntry['request'], res: HarEntry['response'], time = 182.4, at = '2024-11-25T06:41:12.031Z'): HarEntry {
  return { startedDateTime: at, time, request: req, response: res };
}

/** DRF's answer to a request without usable credentials (NotAuthenticated), as MaiAgent documents it. */
export const NOT_PROVIDED = { detail: 'Authentication credentials were not provided.' };
/** The first authenticator's challenge (simplejwt's JWTAuthentication) makes it a 401. */
export const WWW_AUTH = { 'www-authenticate': 'Bearer realm="api"' };

export const SRC = {
  auth: 'https://docs.maiagent.ai/api/api-doc-en/preparation/authentication',
  authJa: 'https://docs.maiagent.ai/api/api-doc-ja/preparation/authentication',
  status: 'https://docs.maiagent.ai/api/api-doc-en/preparation (1.2 Status Codes)',
  examples: 'Playma-Co-Ltd/maiagent-api-examples: examples/python/utils/maiagent.py',
  completion: 'Playma-Co-Ltd/maiagent-api-examples: python/messages/chatbot_completion.md',
  openapi: 'MaiAgent-steven/maiagent_api_doc: api_reference.md',
  drfExceptions: 'encode/django-rest-framework: rest_framework/exceptions.py',
  drfViews: 'encode/django-rest-framework: rest_framework/views.py (permission_denied raises NotAuthenticated)',
  drfAuth: 'encode/django-rest-framework: rest_framework/authentication.py',
  drfPagination: 'encode/django-rest-framework: rest_framework/pagination.py',
  drfParsers: 'encode/django-rest-framework: rest_framework/parsers.py',
  drfFields: 'encode/django-rest-framework: rest_framework/fields.py',
  apiKey: 'florimondmanca/djangorestframework-api-key: src/rest_framework_api_key/permissions.py (KeyParser, HasAPIKey)',
  simplejwt: 'jazzband/djangorestframework-simplejwt: rest_framework_simplejwt/authentication.py',
  camel: 'vbabiy/djangorestframework-camel-case: djangorestframework_camel_case/render.py',
  djangoCommon: 'django/django: django/middleware/common.py (APPEND_SLASH)',
  djangoCsrf: 'django/django: django/middleware/csrf.py',
  djangoDefaults: 'django/django: django/views/defaults.py (page_not_found)',
  fetch: 'https://fetch.spec.whatwg.org/#http-redirect-fetch',
  s3Post: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html',
  s3Errors: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html',
  chromeNet: 'chromium/chromium: net/base/net_error_list.h',
  nginx: 'nginx/nginx: src/http/ngx_http_special_response.c',
  alb: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-troubleshooting.html',
  cloudflare: 'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-1xxx-errors/',
  retryAfter: 'https://www.rfc-editor.org/rfc/rfc9110#field.retry-after',
} as const;
