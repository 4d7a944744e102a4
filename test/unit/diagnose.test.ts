// Diagnosis rules beyond the corpus: what each cause rests on (evidence), the checks shown, the
// snapshot of settings a row keeps, fixes that depend on the request (fields sent, Retry-After
// units, offers), and that the key never shows. The corpus test covers the causes themselves.
import { describe, expect, it } from 'vitest';
import {
  becomesGet,
  diagnose,
  FILE_SNAPSHOT,
  INVALID_FORMAT,
  linkRedirect,
  NOT_PROVIDED,
  REQUIRED,
  sentBodyFields,
  type Check,
  type DiagnoseInput,
  type Snapshot,
} from '../../src/core/diagnose';
import type { Exchange, Header } from '../../src/core/exchange';
import { DJANGO_500, DRF_BROWSABLE_401 } from './corpus/bodies';

const API = 'https://api.maiagent.ai';
const DOCS = 'https://docs.maiagent.ai';
const KEY = 'g5BnKDab.Zx81uQ9fLmN2pR4sT6vW8yXs';
const MASKED = 'g5BnKD...Xs';
const STORED = '1a2b3c4d';
const OTHER = '9f8e7d6c';
const CHECKED_AT = Date.parse('2026-11-30T10:00:00Z');

/** A developer on the docs site: injection on, the stored key active for the API, docs allowed. */
function snap(over: Partial<Snapshot> = {}): Snapshot {
  return {
    source: 'capture',
    enabled: true,
    keyedOrigins: [API],
    allowedSites: [DOCS],
    storedFingerprint: STORED,
    profileName: 'Production',
    lastCheck: null,
    pageOrigin: DOCS,
    ...over,
  };
}
function ex(over: Partial<Exchange> = {}): Exchange {
  return { method: 'GET', url: `${API}/api/v1/chatbots/`, status: 200, requestHeaders: [], responseHeaders: [], ...over };
}
const json = (status: number, body: unknown, over: Partial<Exchange> = {}): Exchange =>
  ex({ status, responseBody: JSON.stringify(body), responseMimeType: 'application/json', ...over });
const auth = (value: string): Header[] => [{ name: 'Authorization', value }];
const notProvided = (over: Partial<Exchange> = {}) => json(401, { detail: NOT_PROVIDED }, over);
const run = (e: Exchange, s: Snapshot = snap(), rest: Partial<DiagnoseInput> = {}) =>
  diagnose({ exchange: e, snapshot: s, sentFingerprint: null, ...rest });
const checks = (cs: Check[]) => Object.fromEntries(cs.map((c) => [c.label.key, c.state]));

describe('a cause comes only with its evidence', () => {
  const stored = (s: Partial<Snapshot>, complaint = NOT_PROVIDED) =>
    run(json(401, { detail: complaint }, { requestHeaders: auth(`Api-Key ${KEY}`) }), snap(s), { sentFingerprint: STORED });

  it('"not provided" for the stored key is a refused key, never "stripped by a proxy", without a check', () => {
    const d = stored({});
    expect(d.causeId).toBe('keyRefused');
    expect(d.evidence).toEqual([
      { key: 'evHeaderSent', subs: [`Api-Key ${MASKED}`] },
      { key: 'evServerSaid', subs: [NOT_PROVIDED] },
      { key: 'evStoredKeySent', subs: ['Production', STORED] },
    ]);
    expect(d.fixes.map((f) => f.key)).toEqual(['fixCheckKey', 'fixKeyRevoked', 'fixWrongEnvironment']);
  });
  it('a refused Check key for the same key makes it a revoked key, citing when', () => {
    const d = stored({ lastCheck: { outcome: 'refused', origin: API, at: CHECKED_AT } });
    expect(d.causeId).toBe('keyRevoked');
    expect(d.cause).toEqual({ key: 'causeKeyRevoked', subs: ['Production'] });
    expect(d.evidence).toContainEqual({ key: 'evCheckRefused', subs: ['2026-11-30 10:00 UTC', API] });
  });
  it('only a passed Check key on this origin makes a lost header the likely reading', () => {
    expect(stored({ lastCheck: { outcome: 'ok', origin: API, at: CHECKED_AT } }).causeId).toBe('headerLost');
    // Passed elsewhere (another environment): no evidence about this server.
    expect(stored({ lastCheck: { outcome: 'ok', origin: 'https://maiagent.corp.example.com', at: CHECKED_AT } }).causeId).toBe(
      'keyRefused',
    );
    // Another complaint than "not provided": the server did read a credential.
    expect(stored({ lastCheck: { outcome: 'ok', origin: API, at: CHECKED_AT } }, 'Incorrect authentication credentials.').causeId).toBe(
      'keyRefused',
    );
  });
  it("the page's own key is named with both fingerprints", () => {
    const d = run(notProvided({ requestHeaders: auth(`Api-Key ${KEY}`) }), snap(), { sentFingerprint: OTHER });
    expect(d.causeId).toBe('pageKeyRefused');
    expect(d.cause).toEqual({ key: 'causePageKeyRejected', subs: [OTHER, STORED] });
  });
  it('an imported file is explained from the file only, whatever the fingerprints', () => {
    const d = run(notProvided({ requestHeaders: auth(`Api-Key ${KEY}`) }), FILE_SNAPSHOT, { sentFingerprint: STORED });
    expect(d.causeId).toBe('keyRefused');
    expect(d.evidence).toContainEqual({ key: 'evFromFile' });
    const none = run(notProvided(), FILE_SNAPSHOT);
    expect(none.causeId).toBe('noHeaderSent');
    expect(none.fixes.map((f) => f.key)).toEqual(['fixHeaderFormat', 'fixNoHeaderFile']);
  });
});

describe('a row keeps the settings of its moment', () => {
  const e = notProvided();
  it('the same exchange reads differently under different snapshots, and only under its own', () => {
    expect(run(e, snap({ enabled: false })).causeId).toBe('noHeaderInjectionOff');
    expect(run(e, snap({ keyedOrigins: [], storedFingerprint: null })).causeId).toBe('noHeaderNoKey');
    expect(run(e, snap({ pageOrigin: 'https://app.example.com' })).causeId).toBe('noHeaderSiteNotAllowed');
    expect(run(e, snap()).causeId).toBe('noHeaderUnknown');
  });
  it('unknown settings (the panel had no answer from the background) are not read as "off"', () => {
    const d = run(e, snap({ enabled: null, keyedOrigins: null, allowedSites: null }));
    expect(d.causeId).not.toBe('noHeaderInjectionOff');
    expect(d.causeId).not.toBe('noHeaderNoKey');
    expect(checks(d.checks).chkInjection).toBe('unknown');
  });
  it("offers to allow a web page's site, never an insecure or non-web one", () => {
    expect(run(e, snap({ pageOrigin: 'https://app.example.com' })).offer).toEqual({ kind: 'allowSite', origin: 'https://app.example.com' });
    expect(run(e, snap({ pageOrigin: 'http://localhost:5173' })).offer).toEqual({ kind: 'allowSite', origin: 'http://localhost:5173' });
    expect(run(e, snap({ pageOrigin: 'http://app.example.com' })).offer).toBeUndefined();
    for (const pageOrigin of ['null', 'chrome-extension://abcdefghijklmnop', null])
      expect(run(e, snap({ pageOrigin })).causeId).toBe('noHeaderUnknown');
  });
  it("reads the complaint from DRF's browsable page, an envelope and under 403", () => {
    expect(run(ex({ status: 401, responseBody: DRF_BROWSABLE_401, responseMimeType: 'text/html' }), snap({ enabled: false })).causeId).toBe(
      'noHeaderInjectionOff',
    );
    expect(
      run(json(401, { success: false, error: { code: 'not_authenticated', message: NOT_PROVIDED } }), snap({ enabled: false })).causeId,
    ).toBe('noHeaderInjectionOff');
    expect(run(json(403, { detail: NOT_PROVIDED }), snap({ enabled: false })).causeId).toBe('noHeaderInjectionOff');
  });
});

describe('what we checked', () => {
  it('a good header with the stored key, checked before', () => {
    const d = run(
      notProvided({ requestHeaders: auth(`Api-Key ${KEY}`) }),
      snap({ lastCheck: { outcome: 'refused', origin: API, at: CHECKED_AT } }),
      { sentFingerprint: STORED },
    );
    expect(checks(d.checks)).toEqual({
      chkHttps: 'pass',
      chkHeaderSent: 'pass',
      chkScheme: 'pass',
      chkSpaces: 'pass',
      chkKeyShape: 'pass',
      chkStoredKey: 'pass',
      chkInjection: 'pass',
      chkKeyCheck: 'fail',
      chkSiteAllowed: 'pass',
    });
  });
  it('what failed in a bad header', () => {
    const d = run(notProvided({ requestHeaders: auth(`Bearer  YOUR_API_KEY`) }), snap({ pageOrigin: 'https://app.example.com' }), {
      sentFingerprint: OTHER,
    });
    expect(checks(d.checks)).toMatchObject({
      chkScheme: 'fail',
      chkSpaces: 'fail',
      chkKeyShape: 'fail',
      chkStoredKey: 'fail',
      chkSiteAllowed: 'fail',
      chkKeyCheck: 'unknown',
    });
  });
  it('a file knows nothing of the settings: no settings checks, the stored key unknown', () => {
    const d = run(notProvided({ requestHeaders: auth('Api-Key $MAIAGENT_API_KEY') }), FILE_SNAPSHOT);
    expect(checks(d.checks)).toEqual({
      chkHttps: 'pass',
      chkHeaderSent: 'pass',
      chkScheme: 'pass',
      chkSpaces: 'pass',
      chkKeyShape: 'unknown',
      chkStoredKey: 'unknown',
    });
  });
  it('a stream says whether it finished', () => {
    const body = 'data: {"content":"a","done":false}\n\n';
    expect(
      checks(
        run(ex({ method: 'POST', url: `${API}/api/v1/chatbots/b/completions/`, responseBody: body, responseMimeType: 'text/event-stream' }))
          .checks,
      ).chkStreamDone,
    ).toBe('fail');
  });
});

describe('header format', () => {
  const format = (value: string) => run(json(401, { detail: INVALID_FORMAT }, { requestHeaders: auth(value) }));
  it.each([
    [`Api-Key Api-Key ${KEY}`, ['fixDoubledPrefix', 'fixHeaderFormat'], `Api-Key Api-Key ${MASKED}`],
    [`Api-Key  Api-Key ${KEY}`, ['fixDoubledPrefix', 'fixStraySpaces', 'fixHeaderFormat'], `Api-Key␣␣Api-Key ${MASKED}`],
    [` Api-Key ${KEY}`, ['fixStraySpaces', 'fixHeaderFormat'], `␣Api-Key ${MASKED}`],
    [`Api-Key ${KEY} `, ['fixStraySpaces', 'fixHeaderFormat'], `Api-Key ${MASKED}␣`],
    [`Api-Key\u00a0${KEY}`, ['fixStraySpaces', 'fixHeaderFormat'], null],
    [`Api-Key "${KEY}"`, ['keyQuotes', 'fixHeaderFormat'], null],
    [`Api-Key ${KEY.replace('a', 'а')}`, ['keyNonAscii', 'fixHeaderFormat'], null],
  ])('%j', (value, fixes, shown) => {
    const d = format(value);
    expect(d.causeId).toBe('invalidFormat');
    expect(d.fixes.map((f) => f.key)).toEqual(fixes);
    if (shown) expect(d.sentAuthorization).toBe(shown);
  });
  it('the scheme word is compared without case', () => {
    for (const scheme of ['api-key', 'API-KEY', 'Api-key'])
      expect(run(notProvided({ requestHeaders: auth(`${scheme} ${KEY}`) }), snap(), { sentFingerprint: STORED }).causeId).toBe(
        'keyRefused',
      );
  });
  it('no header visible with the format complaint', () => {
    expect(format('').causeId).toBe('invalidFormat');
    expect(run(json(401, { detail: INVALID_FORMAT })).cause).toEqual({ key: 'causeInvalidFormatNone' });
  });
});

describe('field errors, cross-checked against the body that was sent', () => {
  const post = (body: unknown, over: Partial<Exchange> = {}) => run(json(400, body, { method: 'POST', ...over }));
  it('required fields that were absent, and which fields were sent', () => {
    const d = post(
      { name: [REQUIRED], rag: [REQUIRED] },
      { requestBody: '{"description":"no name"}', requestMimeType: 'application/json' },
    );
    expect(d.cause).toEqual({ key: 'cause400Fields', subs: ['2'] });
    expect(d.fixes).toEqual([
      { key: 'fixFieldMissing', subs: ['name', REQUIRED] },
      { key: 'fixFieldMissing', subs: ['rag', REQUIRED] },
      { key: 'fixSentFields', subs: ['description'] },
    ]);
  });
  it('a field that was sent is not called absent; nested paths are named as they are', () => {
    expect(post({ name: [REQUIRED] }, { requestBody: '{"name":""}' }).fixes[0]).toEqual({ key: 'fixField', subs: ['name', REQUIRED] });
    expect(post({ message: { content: [REQUIRED] } }, { requestBody: '{"message":{}}' }).fixes[0]).toEqual({
      key: 'fixField',
      subs: ['message.content', REQUIRED],
    });
  });
  it("camelCase nonFieldErrors are the server's words, not a field", () => {
    expect(post({ nonFieldErrors: ['At least one file is required.'] }).fixes).toEqual([
      { key: 'fixNonField', subs: ['At least one file is required.'] },
    ]);
  });
  it('no body at all', () => {
    expect(post({ name: [REQUIRED] }).fixes.at(-1)).toEqual({ key: 'fixNoBodySent' });
  });
});

describe('sentBodyFields', () => {
  it.each<[string | undefined, string | undefined, string[] | null]>([
    [undefined, undefined, null],
    ['{"a":1,"b":{"c":2}}', 'application/json', ['a', 'b']],
    ['"text"', undefined, []],
    ['a=1&b=2&a=3', undefined, ['a', 'b']],
    [
      '--X\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--X\r\nContent-Disposition: form-data; name="b"\r\n\r\n2\r\n--X--',
      undefined,
      ['a', 'b'],
    ],
  ])('%j (%s) → %j', (body, mime, fields) => {
    expect(sentBodyFields(body, mime)).toEqual(fields);
  });
});

describe('Retry-After is shown with its unit', () => {
  const throttled = (retryAfter?: string, detail = 'Request was throttled.') =>
    run(json(429, { detail }, { responseHeaders: retryAfter ? [{ name: 'Retry-After', value: retryAfter }] : [] })).fixes[0];
  it.each([
    ['30', undefined, { key: 'fixWaitSeconds', subs: ['30'] }],
    ['3600', undefined, { key: 'fixWaitMinutes', subs: ['60', '3600'] }],
    ['Wed, 02 Dec 2026 07:28:00 GMT', undefined, { key: 'fixWaitUntil', subs: ['2026-12-02 07:28:00 UTC'] }],
    [undefined, 'Request was throttled. Expected available in 12 seconds.', { key: 'fixWaitSeconds', subs: ['12'] }],
    [undefined, undefined, { key: 'fix429NoWait' }],
  ])('Retry-After %s', (value, detail, fix) => {
    expect(throttled(value, detail)).toEqual(fix);
  });
});

describe('redirects and what the browser does with them', () => {
  it.each([
    ['POST', 301, true],
    ['POST', 302, true],
    ['POST', 303, true],
    ['PUT', 303, true],
    ['DELETE', 303, true],
    ['GET', 303, false],
    ['HEAD', 303, false],
    ['PATCH', 301, false],
    ['PUT', 302, false],
    ['DELETE', 301, false],
    ['POST', 307, false],
    ['POST', 308, false],
  ])('%s after %i becomes GET: %s', (method, status, yes) => {
    expect(becomesGet(method, status)).toBe(yes);
  });
  const post301 = ex({
    method: 'POST',
    url: `${API}/api/v1/chatbots`,
    status: 301,
    responseHeaders: [{ name: 'Location', value: '/api/v1/chatbots/' }],
    startedAt: 1000,
  });
  it('links a request to the redirect just before it, by Location and time', () => {
    const follow = ex({ url: `${API}/api/v1/chatbots/`, startedAt: 1100 });
    expect(linkRedirect([post301], follow)).toEqual({ method: 'POST', status: 301, url: `${API}/api/v1/chatbots` });
    expect(linkRedirect([post301], { ...follow, startedAt: 60_000 })).toBeNull();
    expect(linkRedirect([post301], { ...follow, url: `${API}/api/v1/other/` })).toBeNull();
  });
  it("a 405 after such a redirect belongs to the redirect; without one it is the endpoint's", () => {
    const e = json(
      405,
      { detail: 'Method "GET" not allowed.' },
      { url: `${API}/api/v1/chatbots/`, responseHeaders: [{ name: 'Allow', value: 'POST, OPTIONS' }] },
    );
    const after = run(e, snap(), { redirectedFrom: { method: 'POST', status: 301, url: `${API}/api/v1/chatbots` } });
    expect(after.causeId).toBe('methodAfterRedirect');
    expect(after.cause).toEqual({ key: 'causeMethodAfterRedirect', subs: ['POST', '301', 'GET'] });
    const alone = run(e);
    expect(alone.causeId).toBe('methodNotAllowed');
    expect(alone.fixes).toEqual([{ key: 'fix405Allow', subs: ['POST, OPTIONS'] }]);
    // A PATCH kept its method through a 301: its 405 is the endpoint's own.
    expect(run(e, snap(), { redirectedFrom: { method: 'PATCH', status: 301, url: `${API}/api/v1/chatbots` } }).causeId).toBe(
      'methodNotAllowed',
    );
  });
});

describe('5xx and request ids', () => {
  it('gives support the request id', () => {
    const d = run(
      ex({
        status: 500,
        responseBody: DJANGO_500,
        responseMimeType: 'text/html',
        responseHeaders: [{ name: 'X-Request-Id', value: 'req-5f2c9a' }],
      }),
    );
    expect(d.causeId).toBe('serverError');
    expect(d.fixes).toEqual([{ key: 'fix500' }, { key: 'fix5xxRequestId', subs: ['req-5f2c9a'] }]);
  });
  it('a quick 502 on a completion is a gateway failure, not a timeout', () => {
    const e = ex({ method: 'POST', url: `${API}/api/v1/chatbots/b/completions/`, status: 502, durationMs: 800 });
    expect(run(e).causeId).toBe('badGateway');
    expect(run({ ...e, status: 504, durationMs: 60_100 }).causeId).toBe('completionTimeout');
    // A streamed completion that times out is not fixed by streaming.
    expect(run({ ...e, status: 504, durationMs: 60_100, requestBody: '{"isStreaming":true}' }).causeId).toBe('gatewayTimeout');
  });
  it('600 is no server error', () => {
    expect(run(ex({ status: 600 })).causeId).toBeNull();
  });
});

describe('the rest', () => {
  it.each([[200], [201], [204], [304]])('%i needs no explanation', (status) => {
    const d = run(json(status, { id: 'bot-1' }, { requestHeaders: auth(`Api-Key ${KEY}`) }));
    expect(d.causeId).toBeNull();
    expect(d.cause).toBeNull();
    expect(d.fixes).toEqual([]);
    expect(d.sentAuthorization).toBe(`Api-Key ${MASKED}`);
  });
  it('an unparseable URL does not break the diagnosis', () => {
    expect(run(json(404, { detail: 'Not found.' }, { url: 'not a url' })).causeId).toBe('idNotFound');
    expect(run(notProvided({ url: '::' })).cause).toEqual({ key: 'causeOtherHost', subs: ['—', API] });
  });
  it('never puts the key into the diagnosis, not even a bare key used as the scheme', () => {
    for (const value of [`Api-Key ${KEY}`, `Bearer ${KEY}`, ` Api-Key  Api-Key ${KEY} `, KEY, `Api-Key:${KEY}`, `Token ${KEY}`]) {
      for (const status of [200, 400, 401, 403, 404, 500]) {
        for (const detail of [INVALID_FORMAT, NOT_PROVIDED, 'Invalid token.']) {
          const d = run(json(status, { detail }, { requestHeaders: auth(value) }));
          expect(JSON.stringify(d)).not.toContain(KEY.slice(6, -2));
        }
      }
    }
  });
});
