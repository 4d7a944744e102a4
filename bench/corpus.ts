// A mixed, real-shaped set of API exchanges for the decoder benchmark and the generated HAR: the
// Chrome HAR export and response bodies of test/unit/corpus, plus the JSON answers the API gives
// (DRF bodies for 200/201/400/401/403/404/405/415/429 and failed requests).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHar, type HarEntry, type HarHeader } from '../src/core/har';
import { maskAuthorization } from '../src/core/redact';
import {
  DJANGO_500,
  DRF_BROWSABLE_400,
  DRF_BROWSABLE_401,
  LB_503,
  NGINX_413,
  NGINX_502,
  PNG_BASE64,
  SSE_OK,
} from '../test/unit/corpus/bodies';

const CORPUS = resolve(import.meta.dirname, '../test/unit/corpus');
const API = 'https://api.maiagent.ai';
const DOCS = 'https://docs.maiagent.ai';
const KEY = 'g5BnKDab.Zx81uQ9fLmN2pR4sT6vW8yXs';
const MASKED_AUTH = maskAuthorization(`Api-Key ${KEY}`);

const NOT_PROVIDED = 'Authentication credentials were not provided.';
const INVALID_FORMAT = 'Invalid API key format.';
const REQUIRED = 'This field is required.';

/** A template: one exchange, the way a HAR file holds it (without times). */
export type Template = HarEntry;

interface Spec {
  method?: string;
  path: string;
  status: number;
  body?: unknown;
  text?: string;
  mime?: string;
  encoding?: string;
  /** Authorization as sent; undefined: the masked key; null: none. */
  auth?: string | null;
  reqBody?: unknown;
  respHeaders?: HarHeader[];
  error?: string;
}

function entry(s: Spec): Template {
  const method = s.method ?? 'GET';
  const text = s.text ?? (s.body === undefined ? '' : JSON.stringify(s.body));
  const mime = s.mime ?? (s.body === undefined ? 'text/plain' : 'application/json');
  const reqHeaders: HarHeader[] = [
    { name: ':authority', value: 'api.maiagent.ai' },
    { name: 'accept', value: 'application/json' },
    { name: 'origin', value: DOCS },
    { name: 'referer', value: `${DOCS}/` },
    { name: 'user-agent', value: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36' },
  ];
  const auth = s.auth === undefined ? MASKED_AUTH : s.auth;
  if (auth !== null) reqHeaders.push({ name: 'authorization', value: auth });
  // A string request body is sent as it is, as text/plain (the 415 case); anything else as JSON.
  const post = s.reqBody === undefined ? undefined : typeof s.reqBody === 'string' ? s.reqBody : JSON.stringify(s.reqBody);
  const postMime = typeof s.reqBody === 'string' ? 'text/plain' : 'application/json';
  if (post !== undefined) reqHeaders.push({ name: 'content-type', value: postMime });
  return {
    request: {
      method,
      url: `${API}${s.path}`,
      headers: reqHeaders,
      ...(post !== undefined ? { postData: { mimeType: postMime, text: post } } : {}),
    },
    response: {
      status: s.status,
      statusText: '',
      headers: [
        { name: 'content-type', value: mime },
        { name: 'vary', value: 'Accept, Origin' },
        { name: 'access-control-allow-origin', value: DOCS },
        ...(s.respHeaders ?? []),
      ],
      content: { size: text.length, mimeType: mime, text, ...(s.encoding ? { encoding: s.encoding } : {}) },
      bodySize: s.status === 0 ? -1 : text.length,
      ...(s.error ? { _error: s.error } : {}),
    },
  };
}

const bots = (page: number) => ({
  count: 45,
  next: page < 3 ? `${API}/api/v1/chatbots/?page=${page + 1}` : null,
  previous: page > 1 ? `${API}/api/v1/chatbots/?page=${page - 1}` : null,
  results: Array.from({ length: 20 }, (_, i) => ({
    id: `bot-${(page - 1) * 20 + i + 1}`,
    name: `Chatbot ${(page - 1) * 20 + i + 1}`,
    rag: null,
    created_at: '2024-05-01T08:00:00Z',
  })),
});

/** The synthesized part of the corpus: what the API and the proxies in front of it answer. */
function synthesized(): Template[] {
  const html = 'text/html; charset=utf-8';
  return [
    entry({
      path: '/api/users/current/',
      status: 200,
      body: {
        id: 'u1',
        name: 'Ada Tester',
        email: 'ada@example.com',
        company: 'Example Co',
        permissions: ['chatbot.view', 'chatbot.change'],
      },
    }),
    entry({ path: '/api/v1/chatbots/?page=1', status: 200, body: bots(1) }),
    entry({ path: '/api/v1/chatbots/?page=2', status: 200, body: bots(2) }),
    entry({
      method: 'POST',
      path: '/api/v1/chatbots/',
      status: 201,
      reqBody: { name: 'Support bot', rag: 'rag-1' },
      body: { id: 'bot-new', name: 'Support bot', rag: 'rag-1' },
    }),
    entry({
      method: 'PATCH',
      path: '/api/v1/chatbots/bot-7/',
      status: 200,
      reqBody: { name: 'Renamed' },
      body: { id: 'bot-7', name: 'Renamed', rag: null },
    }),
    entry({ method: 'DELETE', path: '/api/v1/chatbots/bot-9/', status: 204 }),
    entry({ method: 'POST', path: '/api/v1/chatbots/', status: 400, reqBody: { name: 'x' }, body: { rag: [REQUIRED] } }),
    entry({ method: 'POST', path: '/api/v1/chatbots/', status: 400, reqBody: {}, body: { name: [REQUIRED], rag: [REQUIRED] } }),
    entry({
      method: 'PUT',
      path: '/api/v1/chatbots/bot-3/',
      status: 400,
      reqBody: { name: 'n'.repeat(120) },
      body: { name: ['Ensure this field has no more than 100 characters.'] },
    }),
    entry({
      method: 'POST',
      path: '/api/v1/chatbots/bot-1/completions/',
      status: 400,
      reqBody: { messages: [{ role: 'user' }] },
      body: { messages: [{ content: [REQUIRED] }] },
    }),
    entry({
      method: 'POST',
      path: '/api/v1/chatbots/bot-1/completions/',
      status: 400,
      reqBody: { message: 'hi' },
      body: { non_field_errors: ['Invalid data. Expected a dictionary, but got str.'] },
    }),
    entry({
      path: '/api/users/current/',
      status: 401,
      auth: null,
      body: { detail: NOT_PROVIDED },
      respHeaders: [{ name: 'www-authenticate', value: 'Api-Key' }],
    }),
    entry({
      path: '/api/v1/chatbots/',
      status: 401,
      auth: 'Bearer g5BnKD...Xs',
      body: { detail: INVALID_FORMAT },
      respHeaders: [{ name: 'www-authenticate', value: 'Api-Key' }],
    }),
    entry({
      path: '/api/v1/chatbots/',
      status: 401,
      body: { detail: 'Invalid API key.' },
      respHeaders: [{ name: 'www-authenticate', value: 'Api-Key' }],
    }),
    entry({ path: '/api/users/current/', status: 401, auth: null, text: DRF_BROWSABLE_401, mime: html }),
    entry({
      path: '/api/v1/organizations/other-org/',
      status: 403,
      body: { detail: 'You do not have permission to perform this action.' },
    }),
    entry({ path: '/api/v1/chatbots/', status: 403, auth: null, body: { detail: NOT_PROVIDED } }),
    entry({ path: '/api/v1/chatbot/', status: 404, body: { detail: 'Not found.' } }),
    entry({
      method: 'DELETE',
      path: '/api/v1/conversations/c-404/',
      status: 404,
      body: { detail: 'No Conversation matches the given query.' },
    }),
    entry({
      method: 'PUT',
      path: '/api/users/current/',
      status: 405,
      body: { detail: 'Method "PUT" not allowed.' },
      respHeaders: [{ name: 'allow', value: 'GET, HEAD, OPTIONS' }],
    }),
    entry({
      method: 'POST',
      path: '/api/v1/chatbots/',
      status: 415,
      reqBody: 'name=x',
      body: { detail: 'Unsupported media type "text/plain" in request.' },
    }),
    entry({
      path: '/api/v1/throttled/',
      status: 429,
      body: { detail: 'Request was throttled. Expected available in 30 seconds.' },
      respHeaders: [{ name: 'retry-after', value: '30' }],
    }),
    entry({ method: 'POST', path: '/api/v1/chatbots/bot-1/completions/', status: 429, body: { detail: 'Request was throttled.' } }),
    entry({
      path: '/api/v1/broken/',
      status: 500,
      text: DJANGO_500,
      mime: html,
      respHeaders: [{ name: 'x-request-id', value: 'req-5f2c9a' }],
    }),
    entry({ method: 'POST', path: '/api/v1/chatbots/', status: 500, body: { detail: 'A server error occurred.' } }),
    entry({ path: '/api/v1/chatbots/', status: 502, text: NGINX_502, mime: 'text/html' }),
    entry({ method: 'POST', path: '/api/v1/files/', status: 413, text: NGINX_413, mime: 'text/html' }),
    entry({ path: '/api/v1/chatbots/', status: 503, text: LB_503, mime: 'text/html' }),
    entry({ method: 'POST', path: '/api/v1/chatbots/', status: 400, text: DRF_BROWSABLE_400, mime: html }),
    entry({
      method: 'POST',
      path: '/api/v1/chatbots/bot-1/completions/',
      status: 200,
      reqBody: { messages: [{ role: 'user', content: 'Hello' }] },
      text: SSE_OK,
      mime: 'text/event-stream',
    }),
    entry({ path: '/static/logo.png', status: 200, text: PNG_BASE64, mime: 'image/png', encoding: 'base64' }),
    entry({ path: '/api/v1/chatbots/', status: 0, error: 'net::ERR_FAILED' }),
    entry({ path: '/api/v1/chatbots/', status: 0, error: 'net::ERR_BLOCKED_BY_CLIENT' }),
  ];
}

/** Every template: the Chrome export's valid entries, then the synthesized ones. */
export function templates(): Template[] {
  const exported = parseHar(readFileSync(resolve(CORPUS, 'chrome-export.har'), 'utf8'));
  return [...exported, ...synthesized()];
}

/** The status classes the generated HAR must cover (the brief's list). */
export const REQUIRED_STATUSES = [200, 201, 400, 401, 403, 404, 429, 500];
