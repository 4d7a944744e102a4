// The same situations as Firefox's HAR export records them: HTTP/1.1-style header names, no
// pseudo-headers, no `_error` for a failed request, a charset in the content mimeType.
import type { HarEntry } from '../../../../src/core/har';
import { API, APP, BOT, DOCS, PAGE_KEY, SRC, STORED_KEY, type Case } from './build';

const FF_UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

function ff(method: string, url: string, headers: Record<string, string>, status: number, statusText: string, resHeaders: Record<string, string>, text: string, mime: string, post?: string): HarEntry {
  const u = new URL(url);
  return {
    startedDateTime: '2024-11-25T14:41:12.031+08:00',
    time: 211,
    request: {
      method,
      url,
      headers: Object.entries({ Host: u.host, 'User-Agent': FF_UA, Accept: '*/*', 'Accept-Language': 'ja,en-US;q=0.7,en;q=0.3', 'Accept-Encoding': 'gzip, deflate, br, zstd', ...headers, Connection: 'keep-alive', 'Sec-Fetch-Dest': 'empty', 'Sec-Fetch-Mode': 'cors', 'Sec-Fetch-Site': 'cross-site' }).map(([name, value]) => ({ name, value })),
      ...(post !== undefined ? { postData: { mimeType: 'application/json', text: post } } : {}),
    },
    response: {
      status,
      statusText,
      headers: Object.entries({ Server: 'nginx', Date: 'Mon, 25 Nov 2024 06:41:12 GMT', ...resHeaders }).map(([name, value]) => ({ name, value })),
      content: { mimeType: mime, size: text.length, text },
    },
  };
}
const JSON_UTF8 = 'application/json; charset=utf-8';

export const firefoxCases: Case[] = [
  {
    id: 'ff-revoked-key',
    title: 'Firefox: the stored key refused after Check key refused it too',
    source: SRC.auth,
    expect: 'keyRevoked',
    entry: ff('GET', `${API}/api/v1/chatbots/`, { Authorization: `Api-Key ${STORED_KEY}`, Origin: DOCS, Referer: `${DOCS}/` }, 401, 'Unauthorized', { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer realm="api"' }, '{"detail":"Authentication credentials were not provided."}', JSON_UTF8),
    settings: { lastCheck: { outcome: 'refused', origin: API, at: Date.parse('2024-11-25T06:00:00Z') } },
  },
  {
    id: 'ff-page-key',
    title: "Firefox: the app's own key, refused",
    source: SRC.apiKey,
    expect: 'pageKeyRefused',
    entry: ff('GET', `${API}/api/users/current/`, { Authorization: `Api-Key ${PAGE_KEY}`, Origin: APP, Referer: `${APP}/settings` }, 401, 'Unauthorized', { 'Content-Type': 'application/json' }, '{"detail":"Authentication credentials were not provided."}', JSON_UTF8),
    settings: { allowedSites: [DOCS, APP] },
  },
  {
    id: 'ff-bearer',
    title: 'Firefox: Bearer with the API key',
    source: SRC.simplejwt,
    expect: 'schemeBearer',
    entry: ff('GET', `${API}/api/v1/chatbots/`, { Authorization: `Bearer ${STORED_KEY}`, Origin: APP }, 401, 'Unauthorized', { 'Content-Type': 'application/json' }, '{"detail":"Given token not valid for any token type","code":"token_not_valid","messages":[{"tokenClass":"AccessToken","tokenType":"access","message":"Token is invalid or expired"}]}', JSON_UTF8),
  },
  {
    id: 'ff-failed-no-error',
    title: 'Firefox: a failed cross-origin request (no _error in its HAR)',
    source: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS/Errors',
    expect: 'netCors',
    entry: { ...ff('POST', `${API}/api/v1/chatbots/${BOT}/completions/`, { Authorization: `Api-Key ${STORED_KEY}`, Origin: APP }, 0, '', {}, '', 'x-unknown', '{"conversation":null,"message":{"content":"hi"}}'), response: { status: 0, statusText: '', headers: [], content: { size: 0, mimeType: 'x-unknown' } } },
  },
  {
    id: 'ff-stream-json-label',
    title: 'Firefox: a finished stream labelled application/json',
    source: SRC.completion,
    expect: null,
    entry: ff('POST', `${API}/api/v1/chatbots/${BOT}/completions/`, { Authorization: `Api-Key ${STORED_KEY}`, Origin: DOCS, 'Content-Type': 'application/json' }, 200, 'OK', { 'Content-Type': 'application/json' }, 'data: {"conversationId":"c","content":"こんにちは","done":false}\n\ndata: {"conversationId":"c","content":"","done":true}\n\n', 'application/json', '{"conversation":null,"message":{"content":"こんにちは"},"isStreaming":true}'),
  },
];
