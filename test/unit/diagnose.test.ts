import { describe, expect, it } from 'vitest';
import { diagnose, INVALID_FORMAT, NOT_PROVIDED, REQUIRED, sentBodyFields, type AuthContext } from '../../src/core/diagnose';
import type { Exchange, Header } from '../../src/core/exchange';
import { DJANGO_500, DRF_BROWSABLE_401, NGINX_502 } from './corpus/bodies';

const API = 'https://api.maiagent.ai';
const DOCS = 'https://docs.maiagent.ai';
const KEY = 'g5BnKDab.Zx81uQ9fLmN2pR4sT6vW8yXs';
const MASKED = 'g5BnKD...Xs';
const STORED = '1a2b3c4d';
const OTHER = '9f8e7d6c';
const INVALID_KEY = 'Invalid API key.';

/** A signed-in developer on the docs site: injection on, a key for the API, docs allowed. */
function ctx(over: Partial<AuthContext> = {}): AuthContext {
  return { enabled: true, keyedOrigins: [API], allowedSites: [DOCS], storedFingerprint: STORED, sentFingerprint: null, pageOrigin: DOCS, ...over };
}

function ex(over: Partial<Exchange> = {}): Exchange {
  return { method: 'GET', url: `${API}/api/v1/chatbots/`, status: 200, requestHeaders: [], responseHeaders: [], ...over };
}
const json = (status: number, body: unknown, over: Partial<Exchange> = {}): Exchange =>
  ex({ status, responseBody: JSON.stringify(body), responseMimeType: 'application/json', ...over });
const auth = (value: string): Header[] => [{ name: 'Authorization', value }];
const detail401 = (text: string, over: Partial<Exchange> = {}) => json(401, { detail: text }, { responseHeaders: [{ name: 'WWW-Authenticate', value: 'Api-Key' }], ...over });

describe('status 0: the request failed', () => {
  it.each([
    ['net::ERR_BLOCKED_BY_CLIENT', 'cause0Blocked', 'fix0Blocked'],
    ['net::ERR_BLOCKED_BY_ADMINISTRATOR', 'cause0Blocked', 'fix0Blocked'],
    ['net::ERR_INTERNET_DISCONNECTED', 'cause0Offline', 'fix0Offline'],
    ['net::ERR_NAME_NOT_RESOLVED', 'cause0Offline', 'fix0Offline'],
    ['net::ERR_CONNECTION_REFUSED', 'cause0Offline', 'fix0Offline'],
    ['net::ERR_ABORTED', 'cause0Cancelled', 'fix0Cancelled'],
    ['net::ERR_CANCELED', 'cause0Cancelled', 'fix0Cancelled'],
    ['net::ERR_FAILED', 'cause0Cors', 'fix0Cors'],
    [undefined, 'cause0Cors', 'fix0Cors'],
  ])('%s → %s', (error, cause, fix) => {
    const d = diagnose(ex({ status: 0, error }), ctx());
    expect(d.cause).toEqual({ key: cause });
    expect(d.fixes).toEqual([{ key: fix }]);
    expect(d.decoded.meaning).toEqual({ key: 'status0' });
    expect(d.decoded.body).toEqual({ kind: 'empty' });
    expect(d.offer).toBeUndefined();
  });
});

describe('401 "Authentication credentials were not provided." with no Authorization sent', () => {
  const notProvided = (over: Partial<Exchange> = {}) => detail401(NOT_PROVIDED, over);

  it('injection off', () => {
    const d = diagnose(notProvided(), ctx({ enabled: false }));
    expect(d.cause).toEqual({ key: 'causeInjectionOff' });
    expect(d.fixes).toEqual([{ key: 'fixInjectionOff' }, { key: 'fixHeaderFormat' }]);
    expect(d.sentAuthorization).toBeNull();
    expect(d.decoded.serverMessage).toBe(NOT_PROVIDED);
  });
  it('no key stored', () => {
    const d = diagnose(notProvided(), ctx({ keyedOrigins: [], storedFingerprint: null }));
    expect(d.cause).toEqual({ key: 'causeNoKey' });
    expect(d.fixes).toEqual([{ key: 'fixNoKey' }, { key: 'fixHeaderFormat' }]);
  });
  it('no key stored comes before plain http: without a key nothing is sent anywhere', () => {
    expect(diagnose(notProvided({ url: 'http://api.maiagent.ai/api/v1/chatbots/' }), ctx({ keyedOrigins: [] })).cause).toEqual({ key: 'causeNoKey' });
  });
  it('request origin is not a keyed origin (through a docs proxy host)', () => {
    const d = diagnose(notProvided({ url: `${DOCS}/api-proxy/api/v1/chatbots/` }), ctx());
    expect(d.cause).toEqual({ key: 'causeOtherHost', subs: [DOCS, API] });
    expect(d.fixes).toEqual([{ key: 'fixOtherHost' }, { key: 'fixHeaderFormat' }]);
    expect(d.offer).toBeUndefined();
  });
  it('lists every keyed origin', () => {
    const d = diagnose(notProvided({ url: 'https://staging-api.maiagent.ai/api/v1/chatbots/' }), ctx({ keyedOrigins: [API, 'http://localhost:8000'] }));
    expect(d.cause).toEqual({ key: 'causeOtherHost', subs: ['https://staging-api.maiagent.ai', `${API}, http://localhost:8000`] });
  });
  it('plain http', () => {
    const d = diagnose(notProvided({ url: 'http://api.maiagent.ai/api/v1/chatbots/' }), ctx());
    expect(d.cause).toEqual({ key: 'causePlainHttp' });
    expect(d.fixes).toEqual([{ key: 'fixPlainHttp' }]);
  });
  it('http on a loopback keyed origin is not "plain http"', () => {
    const d = diagnose(notProvided({ url: 'http://localhost:8000/api/v1/chatbots/' }), ctx({ keyedOrigins: ['http://localhost:8000'], pageOrigin: 'http://localhost:8000' }));
    expect(d.cause).toEqual({ key: 'causeNotSentUnknown' });
  });
  it("page's site not allowed: explains and offers to allow it", () => {
    const d = diagnose(notProvided(), ctx({ pageOrigin: 'https://app.example.com' }));
    expect(d.cause).toEqual({ key: 'causeSiteNotAllowed', subs: ['https://app.example.com'] });
    expect(d.fixes).toEqual([{ key: 'fixSiteNotAllowed' }, { key: 'fixHeaderFormat' }]);
    expect(d.offer).toEqual({ kind: 'allowSite', origin: 'https://app.example.com' });
  });
  it('a local dev site (http://localhost:5173) can be offered too', () => {
    expect(diagnose(notProvided(), ctx({ pageOrigin: 'http://localhost:5173' })).offer).toEqual({ kind: 'allowSite', origin: 'http://localhost:5173' });
  });
  it('an insecure http site is explained but cannot be offered', () => {
    const d = diagnose(notProvided(), ctx({ pageOrigin: 'http://app.example.com' }));
    expect(d.cause).toEqual({ key: 'causeSiteNotAllowed', subs: ['http://app.example.com'] });
    expect(d.offer).toBeUndefined();
  });
  it.each([['null'], ['chrome-extension://abcdefghijklmnop'], ['file://']])('a %s page is no site to allow: unknown', (pageOrigin) => {
    const d = diagnose(notProvided(), ctx({ pageOrigin }));
    expect(d.cause).toEqual({ key: 'causeNotSentUnknown' });
    expect(d.offer).toBeUndefined();
  });
  it('unknown: an allowed page, the API itself, or no page known', () => {
    for (const pageOrigin of [DOCS, API, null, undefined]) {
      const d = diagnose(notProvided(), ctx({ pageOrigin }));
      expect(d.cause).toEqual({ key: 'causeNotSentUnknown' });
      expect(d.fixes).toEqual([{ key: 'fixNotSentUnknown' }, { key: 'fixHeaderFormat' }]);
      expect(d.offer).toBeUndefined();
    }
  });
  it("reads the same complaint from DRF's browsable API page (an API URL opened in a tab)", () => {
    const d = diagnose(ex({ status: 401, responseBody: DRF_BROWSABLE_401, responseMimeType: 'text/html' }), ctx({ enabled: false }));
    expect(d.cause).toEqual({ key: 'causeInjectionOff' });
  });
  it('reads the complaint inside an error envelope', () => {
    const d = diagnose(json(401, { success: false, error: { code: 'not_authenticated', message: NOT_PROVIDED } }), ctx({ keyedOrigins: [] }));
    expect(d.cause).toEqual({ key: 'causeNoKey' });
  });
  it('reads it under 403 too (DRF sends 403 when no WWW-Authenticate applies)', () => {
    const d = diagnose(json(403, { detail: NOT_PROVIDED }), ctx({ enabled: false }));
    expect(d.cause).toEqual({ key: 'causeInjectionOff' });
  });
});

describe('401 "not provided" although a header was sent', () => {
  it('a correct header was stripped on the way', () => {
    const d = diagnose(detail401(NOT_PROVIDED, { requestHeaders: auth(`Api-Key ${KEY}`) }), ctx());
    expect(d.cause).toEqual({ key: 'causeHeaderStripped' });
    expect(d.fixes).toEqual([{ key: 'fixHeaderStripped' }, { key: 'fixHeaderFormat' }]);
    expect(d.sentAuthorization).toBe(`Api-Key ${MASKED}`);
  });
  it('a Bearer header is ignored', () => {
    const d = diagnose(detail401(NOT_PROVIDED, { requestHeaders: auth(`Bearer ${KEY}`) }), ctx());
    expect(d.cause).toEqual({ key: 'causeBearerIgnored' });
    expect(d.fixes).toEqual([{ key: 'fixHeaderFormat' }]);
    expect(d.sentAuthorization).toBe(`Bearer ${MASKED}`);
  });
  it.each([[`Token ${KEY}`], [KEY], [`ApiKey ${KEY}`]])('another scheme or a bare key (%s) was not read, not stripped', (value) => {
    const d = diagnose(detail401(NOT_PROVIDED, { requestHeaders: auth(value) }), ctx());
    expect(d.cause).toEqual({ key: 'causeInvalidFormat' });
    expect(d.fixes).toEqual([{ key: 'fixMissingPrefix' }, { key: 'fixHeaderFormat' }]);
  });
});

describe('401 "Invalid API key format."', () => {
  const format = (value: string) => diagnose(detail401(INVALID_FORMAT, { requestHeaders: auth(value) }), ctx());
  it('Bearer', () => {
    const d = format(`Bearer ${KEY}`);
    expect(d.cause).toEqual({ key: 'causeInvalidFormat' });
    expect(d.fixes).toEqual([{ key: 'fixUseApiKeyNotBearer' }, { key: 'fixHeaderFormat' }]);
    expect(d.sentAuthorization).toBe(`Bearer ${MASKED}`);
  });
  it('doubled prefix, single spaces: not also "stray spaces"', () => {
    const d = format(`Api-Key Api-Key ${KEY}`);
    expect(d.fixes).toEqual([{ key: 'fixDoubledPrefix' }, { key: 'fixHeaderFormat' }]);
    expect(d.sentAuthorization).toBe(`Api-Key Api-Key ${MASKED}`);
  });
  it('doubled prefix with a double space', () => {
    const d = format(`Api-Key  Api-Key ${KEY}`);
    expect(d.fixes).toEqual([{ key: 'fixDoubledPrefix' }, { key: 'fixStraySpaces' }, { key: 'fixHeaderFormat' }]);
    expect(d.sentAuthorization).toBe(`Api-Key␣␣Api-Key ${MASKED}`);
  });
  it.each([
    [` Api-Key ${KEY}`, `␣Api-Key ${MASKED}`],
    [`Api-Key ${KEY} `, `Api-Key ${MASKED}␣`],
    [`Api-Key   ${KEY}`, `Api-Key␣␣␣${MASKED}`],
    [`Api-Key\t${KEY}`, `Api-Key␣${MASKED}`],
    [`Api-Key\u00a0${KEY}`, `Api-Key␣${MASKED}`],
    [`Api-Key ${KEY.slice(0, 16)} ${KEY.slice(16)}`, `Api-Key g5BnKD...Q9 fLmN2p...Xs`],
  ])('stray spaces in %j, shown as ␣', (value, shown) => {
    const d = format(value);
    expect(d.fixes).toEqual([{ key: 'fixStraySpaces' }, { key: 'fixHeaderFormat' }]);
    expect(d.sentAuthorization).toBe(shown);
  });
  it('missing prefix', () => {
    expect(format(`Api-Key:${KEY}`).fixes).toEqual([{ key: 'fixMissingPrefix' }, { key: 'fixHeaderFormat' }]);
  });
  it('characters the key cannot hold: quotes, look-alike letters', () => {
    expect(format(`Api-Key "${KEY}"`).fixes).toEqual([{ key: 'keyQuotes' }, { key: 'fixHeaderFormat' }]);
    expect(format(`Api-Key ${KEY.replace('a', 'а')}`).fixes).toEqual([{ key: 'keyNonAscii' }, { key: 'fixHeaderFormat' }]);
  });
  it('no header visible at all', () => {
    const d = diagnose(detail401(INVALID_FORMAT), ctx());
    expect(d.cause).toEqual({ key: 'causeInvalidFormatNone' });
    expect(d.fixes).toEqual([{ key: 'fixHeaderFormat' }]);
    expect(d.sentAuthorization).toBeNull();
  });
});

describe('other 401: the key was refused', () => {
  const refused = (c: Partial<AuthContext>, header: string | null = `Api-Key ${KEY}`) =>
    diagnose(detail401(INVALID_KEY, { requestHeaders: header === null ? [] : auth(header) }), ctx(c));
  it('the stored key itself (fingerprints equal)', () => {
    const d = refused({ sentFingerprint: STORED });
    expect(d.cause).toEqual({ key: 'causeStoredKeyRejected', subs: [STORED] });
    expect(d.fixes).toEqual([{ key: 'fixStoredKeyRejected' }]);
    expect(d.sentAuthorization).toBe(`Api-Key ${MASKED}`);
  });
  it("the page's own key (fingerprints differ)", () => {
    const d = refused({ sentFingerprint: OTHER });
    expect(d.cause).toEqual({ key: 'causePageKeyRejected', subs: [OTHER, STORED] });
    expect(d.fixes).toEqual([{ key: 'fixPageKeyRejected' }]);
  });
  it('no stored key to compare with', () => {
    const d = refused({ sentFingerprint: OTHER, storedFingerprint: null, keyedOrigins: [] });
    expect(d.cause).toEqual({ key: 'causeKeyRejectedNoStored' });
    expect(d.fixes).toEqual([{ key: 'fixStoredKeyRejected' }]);
  });
  it('no header sent and an unexpected 401 body', () => {
    const d = refused({}, null);
    expect(d.cause).toEqual({ key: 'cause401Other' });
    expect(d.fixes).toEqual([{ key: 'fixHeaderFormat' }]);
  });
});

describe('403, 404, 405, 415', () => {
  it('403: permission', () => {
    const d = diagnose(json(403, { detail: 'You do not have permission to perform this action.' }, { requestHeaders: auth(`Api-Key ${KEY}`) }), ctx());
    expect(d.cause).toEqual({ key: 'cause403' });
    expect(d.fixes).toEqual([{ key: 'fix403' }]);
    expect(d.decoded.serverMessage).toBe('You do not have permission to perform this action.');
  });
  it('404 without the trailing slash: offers the corrected URL, keeping the query', () => {
    const d = diagnose(json(404, { detail: 'Not found.' }, { url: `${API}/api/v1/chatbots?page=2&search=a%20b#top` }), ctx());
    const fixed = `${API}/api/v1/chatbots/?page=2&search=a%20b`;
    expect(d.cause).toEqual({ key: 'cause404Slash' });
    expect(d.fixes).toEqual([{ key: 'fix404Slash', subs: [fixed] }]);
    expect(d.offer).toEqual({ kind: 'url', url: fixed });
  });
  it.each([[`${API}/api/chatbots/`], [`${API}/v1/chatbots/`]])('404 with a wrong version prefix: %s', (url) => {
    const d = diagnose(json(404, { detail: 'Not found.' }, { url }), ctx());
    expect(d.cause).toEqual({ key: 'cause404Version' });
    expect(d.fixes).toEqual([{ key: 'fix404Version' }]);
    expect(d.offer).toBeUndefined();
  });
  it.each([[`${API}/api/v1/chatbots/does-not-exist/`], [`${API}/api/users/nobody/`], [`${API}/openapi.json`]])('404 on a wrong id or file: %s', (url) => {
    const d = diagnose(json(404, { detail: 'No Chatbot matches the given query.' }, { url }), ctx());
    expect(d.cause).toEqual({ key: 'cause404' });
    expect(d.fixes).toEqual([{ key: 'fix404' }]);
    expect(d.offer).toBeUndefined();
  });
  it('405 lists Allow', () => {
    const d = diagnose(json(405, { detail: 'Method "DELETE" not allowed.' }, { method: 'delete', responseHeaders: [{ name: 'allow', value: 'GET, POST, HEAD, OPTIONS' }] }), ctx());
    expect(d.cause).toEqual({ key: 'cause405', subs: ['DELETE'] });
    expect(d.fixes).toEqual([{ key: 'fix405Allow', subs: ['GET, POST, HEAD, OPTIONS'] }]);
  });
  it('405 without Allow', () => {
    expect(diagnose(json(405, { detail: 'Method "PUT" not allowed.' }, { method: 'PUT' }), ctx()).fixes).toEqual([{ key: 'fix405' }]);
  });
  it('415 names the type that was sent, from the header or the HAR', () => {
    const body = { detail: 'Unsupported media type "text/plain;charset=UTF-8" in request.' };
    expect(diagnose(json(415, body, { method: 'POST', requestHeaders: [{ name: 'Content-Type', value: 'text/plain;charset=UTF-8' }] }), ctx()).cause)
      .toEqual({ key: 'cause415', subs: ['text/plain;charset=UTF-8'] });
    expect(diagnose(json(415, body, { method: 'POST', requestMimeType: 'application/x-www-form-urlencoded' }), ctx()).cause)
      .toEqual({ key: 'cause415', subs: ['application/x-www-form-urlencoded'] });
    const none = diagnose(json(415, body, { method: 'POST' }), ctx());
    expect(none.cause).toEqual({ key: 'cause415', subs: ['—'] });
    expect(none.fixes).toEqual([{ key: 'fix415' }]);
  });
});

describe('redirects', () => {
  const moved = (status: number, method: string, location: string, url = `${API}/api/v1/chatbots`) =>
    diagnose(ex({ status, method, url, responseHeaders: [{ name: 'Location', value: location }] }), ctx());
  it.each([[301], [302]])('%i on POST from a missing slash: the body was lost', (status) => {
    const d = moved(status, 'POST', '/api/v1/chatbots/');
    expect(d.cause).toEqual({ key: 'causeRedirectBodyLost', subs: ['POST'] });
    expect(d.fixes).toEqual([{ key: 'fixRedirectSlash', subs: [`${API}/api/v1/chatbots/`] }]);
  });
  it.each([[307], [308]])('%i on POST from a missing slash: body kept, still a detour', (status) => {
    const d = moved(status, 'post', `${API}/api/v1/chatbots/`);
    expect(d.cause).toEqual({ key: 'causeRedirectSlash', subs: ['POST'] });
    expect(d.fixes).toEqual([{ key: 'fixRedirectSlash', subs: [`${API}/api/v1/chatbots/`] }]);
  });
  it('a GET redirected to the slash needs nothing', () => {
    const d = moved(301, 'GET', '/api/v1/chatbots/');
    expect(d.cause).toBeNull();
    expect(d.fixes).toEqual([]);
  });
  it('a redirect to another origin: the key does not follow', () => {
    const d = moved(302, 'GET', 'https://other.maiagent.ai/__echo', `${API}/api/v1/redirect-out/`);
    expect(d.cause).toEqual({ key: 'causeRedirectOtherHost', subs: ['https://other.maiagent.ai'] });
    expect(d.fixes).toEqual([{ key: 'fixRedirectOtherHost' }]);
  });
  it('http → https on the same host is about plain http, not another host', () => {
    const d = moved(301, 'GET', `${API}/api/v1/chatbots/`, 'http://api.maiagent.ai/api/v1/chatbots/');
    expect(d.cause).toEqual({ key: 'causePlainHttp' });
    expect(d.fixes).toEqual([{ key: 'fixPlainHttp' }]);
  });
  it('a redirect without Location explains nothing', () => {
    expect(diagnose(ex({ status: 302 }), ctx()).cause).toBeNull();
  });
  it('304 needs no explanation', () => {
    const d = diagnose(ex({ status: 304 }), ctx());
    expect(d.decoded.meaning).toEqual({ key: 'status304' });
    expect(d.cause).toBeNull();
  });
});

describe('400 field errors, cross-checked against the body that was sent', () => {
  const created = { name: [REQUIRED], rag: [REQUIRED] };
  const post = (body: unknown, over: Partial<Exchange> = {}) => json(400, body, { method: 'POST', ...over });

  it('JSON body: required fields were absent; shows which fields were sent', () => {
    const d = diagnose(post(created, { requestBody: '{"description":"no name"}', requestMimeType: 'application/json' }), ctx());
    expect(d.cause).toEqual({ key: 'cause400Fields', subs: ['2'] });
    expect(d.fixes).toEqual([
      { key: 'fixFieldMissing', subs: ['name', REQUIRED] },
      { key: 'fixFieldMissing', subs: ['rag', REQUIRED] },
      { key: 'fixSentFields', subs: ['description'] },
    ]);
  });
  it('form-encoded body', () => {
    const d = diagnose(post(created, { requestBody: 'description=x&name=', requestMimeType: 'application/x-www-form-urlencoded' }), ctx());
    expect(d.fixes).toEqual([
      { key: 'fixField', subs: ['name', REQUIRED] },
      { key: 'fixFieldMissing', subs: ['rag', REQUIRED] },
      { key: 'fixSentFields', subs: ['description, name'] },
    ]);
  });
  it('no body at all', () => {
    const d = diagnose(post(created), ctx());
    expect(d.fixes).toEqual([
      { key: 'fixFieldMissing', subs: ['name', REQUIRED] },
      { key: 'fixFieldMissing', subs: ['rag', REQUIRED] },
      { key: 'fixNoBodySent' },
    ]);
  });
  it('a field that was sent is not called absent', () => {
    const d = diagnose(post({ name: [REQUIRED] }, { requestBody: '{"name":"Bot"}' }), ctx());
    expect(d.fixes).toEqual([{ key: 'fixField', subs: ['name', REQUIRED] }, { key: 'fixSentFields', subs: ['name'] }]);
  });
  it('nested paths are named as they are, never called absent', () => {
    const d = diagnose(post({ messages: [{}, { content: [REQUIRED] }] }, { requestBody: '{"messages":[{"content":"hi"},{"role":"user"}]}' }), ctx());
    expect(d.cause).toEqual({ key: 'cause400Fields', subs: ['1'] });
    expect(d.fixes).toEqual([{ key: 'fixField', subs: ['messages[1].content', REQUIRED] }, { key: 'fixSentFields', subs: ['messages'] }]);
  });
  it('other messages are listed without the sent-fields line', () => {
    const d = diagnose(post({ name: ['Ensure this field has no more than 100 characters.', 'Must be unique.'] }, { requestBody: '{"name":"x"}' }), ctx());
    expect(d.fixes).toEqual([{ key: 'fixField', subs: ['name', 'Ensure this field has no more than 100 characters. Must be unique.'] }]);
  });
  it('a non-object JSON body sent no fields', () => {
    expect(diagnose(post({ name: [REQUIRED] }, { requestBody: '[1,2]' }), ctx()).fixes.at(-1)).toEqual({ key: 'fixSentFields', subs: ['—'] });
  });
  it('multipart body', () => {
    const body = '------WebKitFormBoundaryA1\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF\r\n------WebKitFormBoundaryA1--\r\n';
    const d = diagnose(post({ name: [REQUIRED] }, { requestBody: body, requestMimeType: 'multipart/form-data; boundary=----WebKitFormBoundaryA1' }), ctx());
    expect(d.fixes).toEqual([{ key: 'fixFieldMissing', subs: ['name', REQUIRED] }, { key: 'fixSentFields', subs: ['file'] }]);
  });
  it('field errors inside an error envelope', () => {
    const d = diagnose(post({ success: false, error: { code: 'invalid', message: 'Invalid input.', details: { rag: [REQUIRED] } } }, { requestBody: '{"name":"Bot"}' }), ctx());
    expect(d.cause).toEqual({ key: 'cause400Fields', subs: ['1'] });
    expect(d.fixes).toEqual([{ key: 'fixFieldMissing', subs: ['rag', REQUIRED] }, { key: 'fixSentFields', subs: ['name'] }]);
  });
  it('a 400 without field errors (a parse error)', () => {
    const d = diagnose(post({ detail: 'JSON parse error - Expecting value: line 1 column 1 (char 0)' }, { requestBody: '{oops' }), ctx());
    expect(d.cause).toEqual({ key: 'cause400' });
    expect(d.fixes).toEqual([{ key: 'fix400' }]);
  });
  it('422 with field errors is read like a 400', () => {
    const d = diagnose(json(422, { name: [REQUIRED] }, { method: 'POST', requestBody: '{}' }), ctx());
    expect(d.cause).toEqual({ key: 'cause400Fields', subs: ['1'] });
    expect(d.fixes).toEqual([{ key: 'fixFieldMissing', subs: ['name', REQUIRED] }, { key: 'fixSentFields', subs: ['—'] }]);
  });
});

describe('sentBodyFields', () => {
  it.each<[string | undefined, string | undefined, string[] | null]>([
    [undefined, undefined, null],
    ['', 'application/json', null],
    ['{"a":1,"b":{"c":2}}', 'application/json', ['a', 'b']],
    ['"text"', undefined, []],
    ['not json', 'text/plain', []],
    ['a=1&b=2&a=3', undefined, ['a', 'b']],
    ['messages[0][content]=hi', 'application/x-www-form-urlencoded', ['messages[0][content]']],
    ['--X\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--X\r\nContent-Disposition: form-data; name="b"\r\n\r\n2\r\n--X--', undefined, ['a', 'b']],
  ])('%j (%s) → %j', (body, mime, fields) => {
    expect(sentBodyFields(body, mime)).toEqual(fields);
  });
});

describe('429 and 5xx', () => {
  it('429 with Retry-After', () => {
    const d = diagnose(json(429, { detail: 'Request was throttled. Expected available in 30 seconds.' }, { responseHeaders: [{ name: 'Retry-After', value: '30' }] }), ctx());
    expect(d.cause).toEqual({ key: 'cause429' });
    expect(d.fixes).toEqual([{ key: 'fix429Wait', subs: ['30'] }, { key: 'fix429Backoff' }]);
  });
  it('429 without Retry-After', () => {
    expect(diagnose(json(429, { detail: 'Request was throttled.' }), ctx()).fixes).toEqual([{ key: 'fix429NoWait' }, { key: 'fix429Backoff' }]);
  });
  it("500 Django page with X-Request-Id", () => {
    const d = diagnose(ex({ status: 500, responseBody: DJANGO_500, responseMimeType: 'text/html', responseHeaders: [{ name: 'X-Request-Id', value: 'req-5f2c9a' }] }), ctx());
    expect(d.cause).toEqual({ key: 'cause500' });
    expect(d.fixes).toEqual([{ key: 'fix500' }, { key: 'fix5xxRequestId', subs: ['req-5f2c9a'] }]);
    expect(d.decoded.serverMessage).toBe('Server Error (500)');
  });
  it('500 without a request id', () => {
    expect(diagnose(json(500, { detail: 'A server error occurred.' }), ctx()).fixes).toEqual([{ key: 'fix500' }]);
  });
  it('502 nginx page without a request id', () => {
    const d = diagnose(ex({ status: 502, responseBody: NGINX_502, responseMimeType: 'text/html' }), ctx());
    expect(d.cause).toEqual({ key: 'cause5xx' });
    expect(d.fixes).toEqual([{ key: 'fix5xxRetry' }]);
  });
  it.each([
    [503, 'cf-ray', '8a1b2c3d4e5f6a7b-TPE'],
    [504, 'X-Correlation-Id', 'corr-77'],
    [502, 'x-amzn-RequestId', 'a1b2-c3'],
    [599, 'request-id', 'r-1'],
  ])('%i gives support the %s', (status, name, value) => {
    const d = diagnose(ex({ status, responseHeaders: [{ name, value }] }), ctx());
    expect(d.cause).toEqual({ key: 'cause5xx' });
    expect(d.fixes).toEqual([{ key: 'fix5xxRetry' }, { key: 'fix5xxRequestId', subs: [value] }]);
  });
  it('600 is no server error', () => {
    expect(diagnose(ex({ status: 600 }), ctx()).cause).toBeNull();
  });
});

describe('the rest', () => {
  it.each([[200], [201], [204]])('%i success needs no explanation', (status) => {
    const d = diagnose(json(status, { id: 'bot-1' }, { requestHeaders: auth(`Api-Key ${KEY}`) }), ctx());
    expect(d.cause).toBeNull();
    expect(d.fixes).toEqual([]);
    expect(d.sentAuthorization).toBe(`Api-Key ${MASKED}`);
  });
  it.each([[406], [409], [413], [418]])('%i without field errors: the API refused', (status) => {
    const d = diagnose(json(status, { detail: 'Refused.' }), ctx());
    expect(d.cause).toEqual({ key: 'cause4xx' });
    expect(d.fixes).toEqual([{ key: 'fix4xx' }]);
  });
  it('an unparseable URL does not break the diagnosis', () => {
    const d = diagnose(json(404, { detail: 'Not found.' }, { url: 'not a url' }), ctx());
    expect(d.cause).toEqual({ key: 'cause404' });
    const n = diagnose(detail401(NOT_PROVIDED, { url: '::' }), ctx());
    expect(n.cause).toEqual({ key: 'causeOtherHost', subs: ['—', API] });
  });
  it('never puts the key into the diagnosis', () => {
    for (const value of [`Api-Key ${KEY}`, `Bearer ${KEY}`, ` Api-Key  Api-Key ${KEY} `, KEY, `Api-Key:${KEY}`]) {
      for (const status of [200, 400, 401, 403, 404, 500]) {
        const d = diagnose(json(status, { detail: INVALID_FORMAT }, { requestHeaders: auth(value) }), ctx());
        expect(JSON.stringify(d)).not.toContain(KEY.slice(6, -2));
      }
    }
  });
});
