// Where a request went: ids not found, paths that match nothing, pagination, APPEND_SLASH
// redirects and what the browser does with them (Fetch), and 405s. Both /api/ and /api/v1/ serve
// every endpoint: a prefix is never the cause.
import { API, apiKey, apiResponse, BOT, CONV, entry, KB, request, SRC, type Case } from './build';

const DJANGO_404 =
  '<!doctype html>\n<html lang="en">\n<head>\n  <title>Not Found</title>\n</head>\n<body>\n  <h1>Not Found</h1><p>The requested resource was not found on this server.</p>\n</body>\n</html>\n';
const moved = (location: string, status = 301) => apiResponse(status, status === 301 ? 'Moved Permanently' : status === 302 ? 'Found' : status === 303 ? 'See Other' : status === 307 ? 'Temporary Redirect' : 'Permanent Redirect', { headers: { location, 'content-length': '0' }, text: '', type: 'text/html; charset=utf-8' });
const runtimeError = (method: string, path: string) =>
  `<!DOCTYPE html>\n<html lang="en">\n<head>\n  <meta http-equiv="content-type" content="text/html; charset=utf-8">\n  <title>RuntimeError\n          at ${path}</title>\n</head>\n<body>\n<div id="summary">\n  <h1>RuntimeError\n       at ${path}</h1>\n  <pre class="exception_value">You called this URL via ${method}, but the URL doesn&#x27;t end in a slash and you have APPEND_SLASH set. Django can&#x27;t redirect to the slash URL while maintaining ${method} data. Change your form to point to api.maiagent.ai${path}/ (note the trailing slash), or set APPEND_SLASH=False in your Django settings.</pre>\n</div>\n</body>\n</html>`;
const notAllowed = (method: string, allow: string) => apiResponse(405, 'Method Not Allowed', { json: { detail: `Method "${method}" not allowed.` }, headers: { allow } });
const list = (n: number) => ({ count: n, next: null, previous: null, results: Array.from({ length: n }, (_, i) => ({ id: `${i}`, name: `Bot ${i}` })) });
const at = (ms: number) => new Date(Date.parse('2024-11-25T06:41:12.031Z') + ms).toISOString();

export const routingCases: Case[] = [
  {
    id: 'id-not-found-api-prefix',
    title: 'GET /api/chatbots/<id>/ (the /api/ prefix the reference documents) with an id from another organisation',
    source: SRC.openapi,
    expect: 'idNotFound',
    entry: entry(request('GET', `${API}/api/chatbots/0b7e6c2a-4f1d-4e3b-9a8c-5d2f1e0a9b7c/`, { auth: apiKey() }), apiResponse(404, 'Not Found', { json: { detail: 'Not found.' } })),
  },
  {
    id: 'id-not-found-v1',
    title: 'GET /api/v1/chatbots/<id>/ with a deleted id (DRF 3.15 keeps Http404\'s message)',
    source: SRC.drfExceptions,
    expect: 'idNotFound',
    entry: entry(request('GET', `${API}/api/v1/chatbots/${BOT}/`, { auth: apiKey() }), apiResponse(404, 'Not Found', { json: { detail: 'No Chatbot matches the given query.' } })),
  },
  {
    id: 'id-not-uuid',
    title: 'A conversation id that is not a UUID ("conv_xxx" from the example output) is just "Not found."',
    source: SRC.completion,
    expect: 'idNotFound',
    entry: entry(request('GET', `${API}/api/v1/conversations/conv_xxx/messages/`, { auth: apiKey() }), apiResponse(404, 'Not Found', { json: { detail: 'Not found.' } })),
  },
  {
    id: 'delete-file-not-found',
    title: 'DELETE a knowledge-base file that was already deleted',
    source: SRC.examples,
    expect: 'idNotFound',
    entry: entry(request('DELETE', `${API}/api/v1/knowledge-bases/${KB}/files/7a9c1e3b-5d7f-4b2a-8c6e-0f1a3b5c7d9e/`, { auth: apiKey() }), apiResponse(404, 'Not Found', { json: { detail: 'Not found.' } })),
  },
  {
    id: 'no-route-typo',
    title: 'GET /api/v1/chatbot/ (singular): no URL pattern, Django\'s own 404 page',
    source: SRC.djangoDefaults,
    expect: 'noRoute',
    entry: entry(request('GET', `${API}/api/v1/chatbot/`, { auth: apiKey() }), apiResponse(404, 'Not Found', { text: DJANGO_404 })),
  },
  {
    id: 'no-route-v2',
    title: 'GET /api/v2/chatbots/: a version that does not exist',
    source: SRC.djangoDefaults,
    expect: 'noRoute',
    entry: entry(request('GET', `${API}/api/v2/chatbots/`, { auth: apiKey() }), apiResponse(404, 'Not Found', { text: DJANGO_404 })),
  },
  {
    id: 'no-route-no-slash-unknown',
    title: 'A slash-less path whose slashed form does not exist either: APPEND_SLASH does not redirect, the 404 stands',
    source: SRC.djangoCommon,
    expect: 'noRoute',
    entry: entry(request('GET', `${API}/api/v1/knowledge-base`, { auth: apiKey() }), apiResponse(404, 'Not Found', { text: DJANGO_404 })),
  },
  {
    id: 'invalid-page',
    title: '?page=12 past the last page',
    source: SRC.drfPagination,
    expect: 'invalidPage',
    entry: entry(request('GET', `${API}/api/v1/chatbots/?page=12`, { auth: apiKey() }), apiResponse(404, 'Not Found', { json: { detail: 'Invalid page.' } })),
  },
  {
    id: 'invalid-cursor',
    title: 'A hand-edited cursor on a cursor-paginated list',
    source: SRC.drfPagination,
    expect: 'invalidCursor',
    entry: entry(request('GET', `${API}/api/v1/conversations/${CONV}/messages/?cursor=cD0yMDI0LTExLTI1`, { auth: apiKey() }), apiResponse(404, 'Not Found', { json: { detail: 'Invalid cursor' } })),
  },
  {
    id: 'post-no-slash-301',
    title: 'POST /api/v1/chatbots (no slash): APPEND_SLASH answers 301',
    source: SRC.djangoCommon,
    expect: 'redirectBodyLost',
    entry: entry(request('POST', `${API}/api/v1/chatbots`, { auth: apiKey(), body: { name: 'FAQ bot' } }), moved(`/api/v1/chatbots/`)),
  },
  {
    id: 'post-no-slash-followup-200',
    title: 'The GET the browser then made: a 200 list instead of a created chatbot',
    source: SRC.fetch,
    expect: 'redirectBodyLost',
    before: [entry(request('POST', `${API}/api/v1/chatbots`, { auth: apiKey(), body: { name: 'FAQ bot' } }), moved(`/api/v1/chatbots/`))],
    entry: entry(request('GET', `${API}/api/v1/chatbots/`, { auth: apiKey() }), apiResponse(200, 'OK', { json: list(3) }), 120, at(150)),
  },
  {
    id: 'upload-url-no-slash-405',
    title: 'POST /api/v1/upload-presigned-url (no slash) → 301 → the browser\'s GET gets 405',
    source: SRC.fetch,
    expect: 'methodAfterRedirect',
    before: [entry(request('POST', `${API}/api/v1/upload-presigned-url`, { auth: apiKey(), body: { filename: 'faq.pdf', modelName: 'chatbot-file', fieldName: 'file', fileSize: 48213 } }), moved('/api/v1/upload-presigned-url/'))],
    entry: entry(request('GET', `${API}/api/v1/upload-presigned-url/`, { auth: apiKey() }), notAllowed('GET', 'POST, OPTIONS'), 90, at(140)),
  },
  {
    id: 'completion-no-slash-301',
    title: 'POST …/completions (no slash) gets 301',
    source: SRC.djangoCommon,
    expect: 'redirectBodyLost',
    entry: entry(request('POST', `${API}/api/v1/chatbots/${BOT}/completions`, { auth: apiKey(), body: { conversation: null, message: { content: 'Hi' } } }), moved(`/api/v1/chatbots/${BOT}/completions/`)),
  },
  {
    id: 'completion-no-slash-followup-405',
    title: '…and the GET that followed is refused with 405',
    source: SRC.fetch,
    expect: 'methodAfterRedirect',
    before: [entry(request('POST', `${API}/api/v1/chatbots/${BOT}/completions`, { auth: apiKey(), body: { conversation: null, message: { content: 'Hi' } } }), moved(`/api/v1/chatbots/${BOT}/completions/`))],
    entry: entry(request('GET', `${API}/api/v1/chatbots/${BOT}/completions/`, { auth: apiKey() }), notAllowed('GET', 'POST, OPTIONS'), 80, at(120)),
  },
  {
    id: 'patch-no-slash-301',
    title: 'PATCH without the slash: 301, and the browser repeats the PATCH with its body',
    source: SRC.fetch,
    expect: 'redirectSlash',
    entry: entry(request('PATCH', `${API}/api/v1/chatbots/${BOT}`, { auth: apiKey(), body: { name: 'Renamed' } }), moved(`/api/v1/chatbots/${BOT}/`)),
  },
  {
    id: 'delete-no-slash-301',
    title: 'DELETE without the slash: 301, method kept',
    source: SRC.fetch,
    expect: 'redirectSlash',
    entry: entry(request('DELETE', `${API}/api/v1/knowledge-bases/${KB}`, { auth: apiKey() }), moved(`/api/v1/knowledge-bases/${KB}/`)),
  },
  {
    id: 'put-308',
    title: 'PUT redirected with 308: method and body kept',
    source: SRC.fetch,
    expect: 'redirectSlash',
    entry: entry(request('PUT', `${API}/api/v1/knowledge-bases/${KB}`, { auth: apiKey(), body: { name: 'KB' } }), moved(`/api/v1/knowledge-bases/${KB}/`, 308)),
  },
  {
    id: 'post-307',
    title: 'POST redirected with 307: method and body kept',
    source: SRC.fetch,
    expect: 'redirectSlash',
    entry: entry(request('POST', `${API}/api/v1/messages`, { auth: apiKey(), body: { conversation: CONV, content: 'hi' } }), moved('/api/v1/messages/', 307)),
  },
  {
    id: 'put-303',
    title: 'A 303 turns the PUT into a GET without body',
    source: SRC.fetch,
    expect: 'redirectBodyLost',
    entry: entry(request('PUT', `${API}/api/v1/knowledge-bases/${KB}/`, { auth: apiKey(), body: { name: 'KB' } }), moved(`/api/v1/knowledge-bases/${KB}/?saved=1`, 303)),
  },
  {
    id: 'get-no-slash-301',
    title: 'GET without the slash: 301 and the browser follows; nothing lost',
    source: SRC.djangoCommon,
    expect: null,
    entry: entry(request('GET', `${API}/api/v1/chatbots`, { auth: apiKey() }), moved('/api/v1/chatbots/')),
  },
  {
    id: 'http-to-https',
    title: 'http:// answered with a redirect to https',
    source: SRC.auth,
    expect: 'redirectToHttps',
    entry: entry(request('GET', 'http://api.maiagent.ai/api/v1/chatbots/', { page: null }), { ...moved('https://api.maiagent.ai/api/v1/chatbots/'), headers: [{ name: 'location', value: 'https://api.maiagent.ai/api/v1/chatbots/' }, { name: 'server', value: 'awselb/2.0' }] }),
  },
  {
    id: 'redirect-other-host',
    title: 'A redirect to the console login page on another host: the key does not follow',
    source: SRC.fetch,
    expect: 'redirectOtherHost',
    entry: entry(request('GET', `${API}/api/v1/chatbots/${BOT}/export/`, { auth: apiKey() }), moved('https://admin.maiagent.ai/login?next=/chatbots/', 302)),
  },
  {
    id: 'debug-runtime-error-post',
    title: 'A DEBUG server (local or on-premises) turns the slash-less POST into a RuntimeError page',
    source: SRC.djangoCommon,
    expect: 'appendSlashDebug',
    entry: entry(request('POST', 'http://localhost:8000/api/v1/conversations', { auth: apiKey(), body: { webChat: 'w' }, page: 'http://localhost:5173' }), apiResponse(500, 'Internal Server Error', { text: runtimeError('POST', '/api/v1/conversations'), page: 'http://localhost:5173' })),
    settings: { keyedOrigins: ['http://localhost:8000'] },
  },
  {
    id: 'debug-runtime-error-patch',
    title: 'The same page for a slash-less PATCH',
    source: SRC.djangoCommon,
    expect: 'appendSlashDebug',
    entry: entry(request('PATCH', `http://localhost:8000/api/v1/chatbots/${BOT}`, { auth: apiKey(), body: { name: 'x' }, page: 'http://localhost:5173' }), apiResponse(500, 'Internal Server Error', { text: runtimeError('PATCH', `/api/v1/chatbots/${BOT}`), page: 'http://localhost:5173' })),
  },
  {
    id: 'delete-on-list',
    title: 'DELETE on the list endpoint',
    source: SRC.drfExceptions,
    expect: 'methodNotAllowed',
    entry: entry(request('DELETE', `${API}/api/v1/chatbots/`, { auth: apiKey() }), notAllowed('DELETE', 'GET, POST, HEAD, OPTIONS')),
  },
  {
    id: 'get-on-completions',
    title: 'GET on completions (typed in the address bar)',
    source: SRC.drfExceptions,
    expect: 'methodNotAllowed',
    entry: entry(request('GET', `${API}/api/v1/chatbots/${BOT}/completions/`, { auth: apiKey() }), notAllowed('GET', 'POST, OPTIONS')),
  },
  {
    id: 'api-prefix-list-ok',
    title: 'GET /api/chatbots/ without v1 works: both prefixes serve every endpoint',
    source: SRC.openapi,
    expect: null,
    entry: entry(request('GET', `${API}/api/chatbots/`, { auth: apiKey() }), apiResponse(200, 'OK', { json: list(2) })),
  },
];
