// The key, planted in every place of a HAR entry, is found nowhere in the HAR export, the snippets
// or the error report; cookies never leave; stored keys are found in text by fingerprint alone.
import { describe, expect, it } from 'vitest';
import { toCurl, toFetch, toHar, toPython } from '../../src/core/export';
import { harToExchange, type HarEntry } from '../../src/core/har';
import { keyFingerprint, maskKey } from '../../src/core/keys';
import { buildErrorReport } from '../../src/core/report';
import {
  findStoredKeys,
  maskText,
  NO_SECRETS,
  redactBase64,
  redactCookieHeader,
  redactHarEntry,
  redactSetCookie,
  redactText,
  REDACTED,
  secretsMatcher,
} from '../../src/core/secrets';

const KEY = 'Xk2v9Qab.s3cr3tPartOfTheKey0123456789';
/** A colleague's key, only ever seen in the Authorization header of the file. */
const SENT = 'Other9Zz.sentByTheRequestOnly55';
const COOKIE = 'sess-7f3a9c1e2b4d6f80';
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** Every place of an entry, each holding the key in one of its forms. */
function plantedEntry(): HarEntry & Record<string, unknown> {
  return {
    startedDateTime: '2026-11-20T10:00:00.000Z',
    time: 42,
    comment: `note ${KEY}`,
    _error: `net::ERR_FAILED ${KEY}`,
    timings: { wait: 30, receive: 2, comment: KEY },
    request: {
      method: 'POST',
      url: `https://api.maiagent.ai\\@evil.test/api/v1/x/?api_key=${KEY}&k2=${encodeURIComponent(`Api-Key ${KEY}`)}`,
      headers: [
        { name: 'Authorization', value: `Api-Key ${SENT}` },
        { name: 'X-Api-Key', value: KEY },
        { name: 'X-Echo', value: `Api-Key ${KEY}` },
        { name: 'Cookie', value: `sessionid=${COOKIE}; csrftoken=csrf0123456789ab; k=${KEY}` },
        { name: KEY, value: 'a header named after the key' },
      ],
      queryString: [{ name: 'api_key', value: KEY, comment: KEY }],
      cookies: [
        { name: 'sessionid', value: COOKIE, comment: KEY },
        { name: 'k', value: KEY },
      ],
      postData: {
        mimeType: 'application/x-www-form-urlencoded',
        text: `api_key=${encodeURIComponent(KEY)}&json=${JSON.stringify({ key: KEY })}&cookie=${COOKIE}`,
        params: [{ name: 'api_key', value: KEY, fileName: `${KEY}.txt`, contentType: 'text/plain', comment: KEY }],
        comment: KEY,
      },
      comment: KEY,
    },
    response: {
      status: 401,
      statusText: `Unauthorized ${KEY}`,
      headers: [
        { name: 'Content-Type', value: 'application/json' },
        { name: 'Set-Cookie', value: `sessionid=${COOKIE}; Path=/; HttpOnly\nk=${KEY}; Secure` },
        { name: 'X-Echo-Key', value: KEY },
        { name: 'X-Echo-Sent', value: `Api-Key ${SENT}` },
        { name: 'x-amz-request-id', value: 'REQ123' },
        { name: 'cf-ray', value: '8abc-TPE' },
      ],
      cookies: [{ name: 'sessionid', value: COOKIE, path: '/', comment: KEY }],
      content: {
        mimeType: 'application/json',
        encoding: 'base64',
        text: b64(JSON.stringify({ detail: `Invalid key ${KEY} (sent ${SENT}), cookie ${COOKIE}`, 日本: 'ü' })),
        comment: KEY,
      },
      redirectURL: `https://api.maiagent.ai/login?next=${KEY}`,
      _error: KEY,
      comment: KEY,
    },
    cache: { comment: KEY },
    _initiator: { url: `https://docs.maiagent.ai/?k=${KEY}` },
  } as HarEntry & Record<string, unknown>;
}

/** Fail with the place where a secret was found. */
function expectClean(text: string, secrets: string[]) {
  for (const s of secrets) {
    for (const form of [s, encodeURIComponent(s)]) {
      const at = text.indexOf(form);
      expect(at, `found ${JSON.stringify(form)} at …${text.slice(Math.max(0, at - 40), at + 60)}…`).toBe(-1);
    }
  }
}

const ALL = [KEY, SENT, COOKIE, 'csrf0123456789ab'];

describe('the key planted in every place of a HAR entry', () => {
  const stored = secretsMatcher([KEY]);

  it('is nowhere in the HAR export, and nor are cookies or the sent credential', () => {
    const har = toHar([plantedEntry()], { name: 'MaiAgent DevTools', version: '9.9.9' }, stored);
    expectClean(har, ALL);
    const e = JSON.parse(har).log.entries[0];
    // Base64 content is decoded, cleaned and encoded again.
    const body = Buffer.from(e.response.content.text, 'base64').toString('utf8');
    expectClean(body, ALL);
    expect(JSON.parse(body).detail).toBe(`Invalid key $MAIAGENT_API_KEY (sent $MAIAGENT_API_KEY), cookie ${REDACTED}`);
    expect(JSON.parse(body).日本).toBe('ü');
    expect(e.request.headers).toContainEqual({ name: 'Authorization', value: 'Api-Key $MAIAGENT_API_KEY' });
    expect(e.request.headers).toContainEqual({ name: 'Cookie', value: `sessionid=${REDACTED}; csrftoken=${REDACTED}; k=${REDACTED}` });
    expect(e.response.headers).toContainEqual({
      name: 'Set-Cookie',
      value: `sessionid=${REDACTED}; Path=/; HttpOnly\nk=${REDACTED}; Secure`,
    });
    expect(e.request.cookies.map((c: { value: string }) => c.value)).toEqual([REDACTED, REDACTED]);
    expect(e.response.cookies[0]).toMatchObject({ name: 'sessionid', value: REDACTED, path: '/' });
    expect(e.response.headers).toContainEqual({ name: 'x-amz-request-id', value: 'REQ123' });
    expect(JSON.parse(har).log.creator).toEqual({ name: 'MaiAgent DevTools', version: '9.9.9' });
  });

  it('is nowhere in the snippets of that entry', () => {
    const ex = harToExchange(plantedEntry());
    for (const snippet of [toCurl(ex, { secrets: stored }), toFetch(ex, { secrets: stored }), toPython(ex, { secrets: stored })]) {
      expectClean(snippet, ALL);
      // And the URL is the canonical one.
      expect(snippet).toContain('https://api.maiagent.ai/@evil.test/api/v1/x/?api_key=');
    }
  });

  it('is nowhere in the error report of that entry', () => {
    const entry = plantedEntry();
    const ex = harToExchange(entry);
    const report = buildErrorReport(
      {
        exchange: ex,
        timings: entry.timings as Record<string, unknown>,
        meaning: 'Not authenticated',
        serverMessage: `Invalid key ${KEY}`,
        fields: [{ path: `f_${KEY}`, messages: [`bad ${KEY}`] }],
        cause: `The key ${KEY} was refused`,
        fixes: [`Rotate ${KEY}`],
        browser: 'Chrome 156.0.0.0',
        extension: { name: 'MaiAgent DevTools', version: '9.9.9' },
        secrets: stored,
      },
      (l) => `L:${l}`,
    );
    expectClean(report, ALL);
    expect(report).toContain('`POST https://api.maiagent.ai/@evil.test/api/v1/x/?api_key=$MAIAGENT_API_KEY');
    expect(report).toContain('x-amz-request-id `REQ123`');
    expect(report).toContain('cf-ray `8abc-TPE`');
    expect(report).toContain('MaiAgent DevTools 9.9.9');
  });

  it('redactHarEntry keeps what is not secret', () => {
    const e = redactHarEntry(plantedEntry(), stored) as ReturnType<typeof plantedEntry>;
    expect(e.request.method).toBe('POST');
    expect(e.response.status).toBe(401);
    expect(e.time).toBe(42);
    expect(e.response.headers).toContainEqual({ name: 'cf-ray', value: '8abc-TPE' });
  });
});

describe('redaction pieces', () => {
  const s = secretsMatcher([KEY]);
  it('replaces the raw, URL-encoded and JSON-escaped forms, and masks for display', () => {
    const slashKey = 'abc/def+ghi jkl"mno';
    const s2 = secretsMatcher([slashKey]);
    for (const form of [
      slashKey,
      encodeURIComponent(slashKey),
      encodeURIComponent(slashKey).replace(/%20/g, '+'),
      JSON.stringify(slashKey).slice(1, -1),
    ]) {
      expect(redactText(`<${form}>`, s2)).toBe('<$MAIAGENT_API_KEY>');
    }
    expect(maskText(`key ${KEY}.`, s)).toBe(`key ${maskKey(KEY)}.`);
    expect(redactText('nothing here', s)).toBe('nothing here');
    expect(redactText(KEY, NO_SECRETS)).toBe(KEY);
    // Short "secrets" would blank out ordinary words.
    expect(redactText('test this', secretsMatcher(['test']))).toBe('test this');
  });
  it('cleans base64 bodies byte-wise, leaves others as they were', () => {
    const clean = redactBase64(b64(`é ${KEY} 😀`), s);
    expect(Buffer.from(clean, 'base64').toString('utf8')).toBe('é $MAIAGENT_API_KEY 😀');
    const untouched = b64('no key');
    expect(redactBase64(untouched, s)).toBe(untouched);
  });
  it('empties cookie values and keeps names and attributes', () => {
    expect(redactCookieHeader('a=1; b=x=y; flag')).toBe(`a=${REDACTED}; b=${REDACTED}; flag`);
    expect(redactSetCookie('sid=abc; Path=/; HttpOnly')).toBe(`sid=${REDACTED}; Path=/; HttpOnly`);
    expect(redactSetCookie('justavalue')).toBe(REDACTED);
  });
});

describe('findStoredKeys', () => {
  it('finds a stored key from its masked form and fingerprint only, in any surrounding', async () => {
    const known = [{ masked: maskKey(KEY), fingerprint: await keyFingerprint(KEY) }];
    const texts = [`{"detail":"bad key ${KEY}."}`, `x${KEY}`, `${KEY.slice(0, 6)}zzzz${KEY.slice(-2)} is not it`];
    expect(await findStoredKeys(texts, known, keyFingerprint)).toEqual([KEY]);
    expect(await findStoredKeys(['nothing'], known, keyFingerprint)).toEqual([]);
    // Another key with the same visible ends is not taken for it.
    const lookalike = `${KEY.slice(0, 6)}DIFFERENT${KEY.slice(-2)}`;
    expect(await findStoredKeys([lookalike], known, keyFingerprint)).toEqual([]);
  });
  it('finds a short key (masked as 3 + 1 characters) too', async () => {
    const short = 'abcdefgh123';
    const known = [{ masked: maskKey(short), fingerprint: await keyFingerprint(short) }];
    expect(await findStoredKeys([`key=${short}&x`], known, keyFingerprint)).toEqual([short]);
  });
});
