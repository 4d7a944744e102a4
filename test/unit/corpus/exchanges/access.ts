// 403s that have nothing to do with the key: CSRF from a session cookie, permissions, firewalls.
import { API, APP, apiKey, apiResponse, BOT, DOCS, entry, request, SRC, type Case } from './build';

const SESSION = 'csrftoken=Xc9qB2mZ7vR4tY1uW6eA8dF3gH5jK0lN; sessionid=4h7k2m9q1w3e5r8t0y6u2i4o7p9a1s3d';
const csrf = (reason: string, page: string) => apiResponse(403, 'Forbidden', { json: { detail: `CSRF Failed: ${reason}` }, page });

export const accessCases: Case[] = [
  {
    id: 'csrf-token-missing',
    title: "fetch(..., {credentials: 'include'}) from the developer's app while signed in to the console: the session cookie makes Django check CSRF",
    source: SRC.drfAuth,
    expect: 'csrfSession',
    entry: entry(request('POST', `${API}/api/v1/chatbots/`, { auth: apiKey(), body: { name: 'FAQ bot' }, page: APP, cookie: SESSION }), csrf('CSRF token missing.', APP)),
    settings: { allowedSites: [DOCS, APP] },
  },
  {
    id: 'csrf-origin-untrusted',
    title: 'Django 4 origin check: the page origin is not in CSRF_TRUSTED_ORIGINS',
    source: SRC.djangoCsrf,
    expect: 'csrfSession',
    entry: entry(
      request('PATCH', `${API}/api/v1/chatbots/${BOT}/`, { auth: apiKey(), body: { name: 'Renamed' }, page: APP, cookie: SESSION }),
      csrf(`Origin checking failed - ${APP} does not match any trusted origins.`, APP),
    ),
    settings: { allowedSites: [DOCS, APP] },
  },
  {
    id: 'csrf-cookie-not-set',
    title: 'A form on the API origin itself (browsable API) posts without the csrftoken cookie',
    source: SRC.djangoCsrf,
    expect: 'csrfSession',
    entry: entry(request('POST', `${API}/api/v1/conversations/`, { body: { webChat: '9d1c3e5a-7b2f-4a8e-b6d0-1f3a5c7e9b2d' }, page: API, cookie: 'sessionid=4h7k2m9q1w3e5r8t0y6u2i4o7p9a1s3d' }), csrf('CSRF cookie not set.', API)),
    settings: { pageOrigin: API },
  },
  {
    id: 'csrf-token-length',
    title: 'A stale X-CSRFToken header of the wrong length',
    source: SRC.djangoCsrf,
    expect: 'csrfSession',
    entry: entry(
      request('DELETE', `${API}/api/v1/chatbots/${BOT}/`, { auth: apiKey(), page: APP, cookie: SESSION, extra: { 'x-csrftoken': 'undefined' } }),
      csrf("CSRF token from the 'X-Csrftoken' HTTP header has incorrect length.", APP),
    ),
  },
  {
    id: 'permission-denied',
    title: "A valid key whose user may not manage this organisation's chatbots",
    source: SRC.drfExceptions,
    expect: 'noPermission',
    entry: entry(request('DELETE', `${API}/api/v1/chatbots/${BOT}/`, { auth: apiKey() }), apiResponse(403, 'Forbidden', { json: { detail: 'You do not have permission to perform this action.' } })),
  },
  {
    id: 'permission-denied-envelope-camel',
    title: 'The same permission refusal with a code field, as DRF sends it with camelCase rendering',
    source: SRC.camel,
    expect: 'noPermission',
    entry: entry(request('POST', `${API}/api/v1/knowledge-bases/`, { auth: apiKey(), body: { name: 'Docs' } }), apiResponse(403, 'Forbidden', { json: { detail: 'You do not have permission to perform this action.', code: 'permission_denied' } })),
  },
  {
    id: 'cloudflare-1020',
    title: 'A Cloudflare firewall rule blocks the caller (error 1020 page)',
    source: SRC.cloudflare,
    expect: 'wafBlocked',
    entry: entry(
      request('POST', `${API}/api/v1/messages/`, { auth: apiKey(), body: { conversation: 'c', content: '<script>alert(1)</script>' }, page: APP }),
      {
        status: 403,
        statusText: 'Forbidden',
        headers: [
          { name: 'cf-ray', value: '8e7b2c1d9a4f3e21-TPE' },
          { name: 'content-type', value: 'text/html; charset=UTF-8' },
          { name: 'server', value: 'cloudflare' },
        ],
        content: { mimeType: 'text/html', text: '<!DOCTYPE html><html lang="en-US"><head><title>Attention Required! | Cloudflare</title></head><body><h1 data-translate="block_headline">Sorry, you have been blocked</h1><h2>You are unable to access maiagent.ai</h2><p>Error code: 1020</p></body></html>' },
      },
    ),
  },
  {
    id: 'aws-waf',
    title: 'An AWS WAF rule on the load balancer answers 403 before Django',
    source: 'https://docs.aws.amazon.com/waf/latest/developerguide/customizing-the-response-for-blocked-requests.html',
    expect: 'wafBlocked',
    entry: entry(request('POST', `${API}/api/v1/chatbots/${BOT}/completions/`, { auth: apiKey(), body: { conversation: null, message: { content: "' OR 1=1 --" } } }), {
      status: 403,
      statusText: 'Forbidden',
      headers: [
        { name: 'server', value: 'awselb/2.0' },
        { name: 'content-type', value: 'text/html' },
        { name: 'content-length', value: '118' },
      ],
      content: { mimeType: 'text/html', text: '<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n</body>\r\n</html>\r\n' },
    }),
  },
  {
    id: 'forbidden-plan',
    title: 'A feature not in the organisation\'s plan, refused in the API\'s own words',
    source: SRC.drfExceptions,
    expect: 'forbidden',
    entry: entry(request('POST', `${API}/api/v1/web-chats/`, { auth: apiKey(), body: { name: 'Shop chat', chatbot: BOT } }), apiResponse(403, 'Forbidden', { json: { detail: 'Your organization has reached the maximum number of web chats.' } })),
  },
];
