import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/core/decode';
import { diagnose, FILE_SNAPSHOT } from '../../src/core/diagnose';
import { BODY_CAP, capBody, capImported, harToExchange, isHarEntry, parseHar, shorten, type HarEntry } from '../../src/core/har';
import { PNG_BASE64 } from './corpus/bodies';

const API = 'https://api.maiagent.ai';
const KEY = 'g5BnKDab.Zx81uQ9fLmN2pR4sT6vW8yXs';
const CHROME_HAR = readFileSync(new URL('./corpus/chrome-export.har', import.meta.url), 'utf8');

/** A Chrome HAR entry for a request that never got a response, as DevTools records it. */
const blocked: HarEntry = {
  startedDateTime: '2024-05-01T08:00:03.000Z',
  time: 2.1,
  request: { method: 'GET', url: `${API}/api/v1/chatbots/`, headers: [{ name: 'origin', value: 'https://docs.maiagent.ai' }] },
  response: {
    status: 0,
    statusText: '',
    headers: [],
    content: { size: 0, mimeType: 'x-unknown' },
    bodySize: -1,
    _error: 'net::ERR_BLOCKED_BY_CLIENT',
  },
};

describe('harToExchange', () => {
  it('maps a Chrome entry field by field', () => {
    const entry: HarEntry = {
      startedDateTime: '2024-05-01T08:00:01.000Z',
      time: 101.5,
      request: {
        method: 'POST',
        url: `${API}/api/v1/chatbots/`,
        headers: [
          { name: 'content-type', value: 'application/json' },
          { name: 'authorization', value: `Api-Key ${KEY}` },
        ],
        postData: { mimeType: 'application/json', text: '{"description":"no name"}' },
      },
      response: {
        status: 400,
        statusText: 'Bad Request',
        headers: [{ name: 'content-type', value: 'application/json' }],
        content: { size: 70, mimeType: 'application/json', text: '{"name":["This field is required."]}' },
        bodySize: 412,
        _error: null,
      },
    };
    expect(harToExchange(entry)).toEqual({
      method: 'POST',
      url: `${API}/api/v1/chatbots/`,
      status: 400,
      statusText: 'Bad Request',
      requestHeaders: [
        { name: 'content-type', value: 'application/json' },
        { name: 'authorization', value: `Api-Key ${KEY}` },
      ],
      responseHeaders: [{ name: 'content-type', value: 'application/json' }],
      requestBody: '{"description":"no name"}',
      requestMimeType: 'application/json',
      responseBody: '{"name":["This field is required."]}',
      responseBase64: false,
      responseMimeType: 'application/json',
      error: undefined,
      startedAt: Date.parse('2024-05-01T08:00:01.000Z'),
      durationMs: 101.5,
      size: 412,
    });
  });

  it("carries the response's _error of a failed request", () => {
    const e = harToExchange(blocked);
    expect(e.status).toBe(0);
    expect(e.error).toBe('net::ERR_BLOCKED_BY_CLIENT');
    expect(e.size).toBe(0);
    expect(diagnose({ exchange: e, snapshot: FILE_SNAPSHOT, sentFingerprint: null }).causeId).toBe('netBlocked');
  });

  it('also finds _error on the entry itself (older exports)', () => {
    const e = harToExchange({ ...blocked, response: { status: 0 }, _error: 'net::ERR_INTERNET_DISCONNECTED' });
    expect(e.error).toBe('net::ERR_INTERNET_DISCONNECTED');
  });

  it('reads base64 content (a PNG) as binary', () => {
    const e = harToExchange({
      request: { method: 'GET', url: `${API}/static/logo.png` },
      response: { status: 200, content: { size: 70, mimeType: 'image/png', text: PNG_BASE64, encoding: 'base64' } },
    });
    expect(e.responseBase64).toBe(true);
    expect(e.responseBody).toBe(PNG_BASE64);
    expect(decode(e).body).toEqual({ kind: 'binary', bytes: 70, mimeType: 'image/png' });
  });

  it('takes the body DevTools delivered separately (getContent) over the HAR text', () => {
    const entry: HarEntry = {
      request: { method: 'GET', url: `${API}/x/` },
      response: { status: 404, content: { mimeType: 'application/json' } },
    };
    const e = harToExchange(entry, { text: 'eyJkZXRhaWwiOiJOb3QgZm91bmQuIn0=', encoding: 'base64' });
    expect(e.responseBody).toBe('eyJkZXRhaWwiOiJOb3QgZm91bmQuIn0=');
    expect(e.responseBase64).toBe(true);
    expect(decode(e).body).toEqual({ kind: 'detail', detail: 'Not found.' });
  });

  it('falls back to the HAR text when getContent had nothing', () => {
    const entry: HarEntry = {
      request: { method: 'GET', url: `${API}/x/` },
      response: { status: 404, content: { mimeType: 'application/json', text: '{"detail":"Not found."}' } },
    };
    const e = harToExchange(entry, { text: null, encoding: null });
    expect(e.responseBody).toBe('{"detail":"Not found."}');
    expect(e.responseBase64).toBe(false);
  });

  it('tolerates missing parts', () => {
    expect(harToExchange({ request: { method: 'GET', url: `${API}/` }, response: { status: 204 } })).toEqual({
      method: 'GET',
      url: `${API}/`,
      status: 204,
      statusText: undefined,
      requestHeaders: [],
      responseHeaders: [],
      requestBody: undefined,
      requestMimeType: undefined,
      responseBody: undefined,
      responseBase64: false,
      responseMimeType: undefined,
      error: undefined,
      startedAt: undefined,
      durationMs: undefined,
      size: undefined,
    });
  });

  it('drops parts of the wrong type instead of passing them to the decoder', () => {
    const junk = {
      startedDateTime: 'yesterday',
      time: -1,
      request: {
        method: 'GET',
        url: `${API}/`,
        headers: [{ name: 'a', value: 1 }, null, { name: 'b', value: 'ok' }],
        postData: { text: 7 },
      },
      response: { status: 500, headers: 'none', content: { text: { a: 1 }, mimeType: 3, size: -1 }, bodySize: null, _error: 5 },
    } as unknown as HarEntry;
    const e = harToExchange(junk);
    expect(e.requestHeaders).toEqual([{ name: 'b', value: 'ok' }]);
    expect(e.responseHeaders).toEqual([]);
    expect(e.requestBody).toBeUndefined();
    expect(e.responseBody).toBeUndefined();
    expect(e.responseMimeType).toBeUndefined();
    expect(e.error).toBeUndefined();
    expect(e.startedAt).toBeUndefined();
    expect(e.durationMs).toBeUndefined();
    expect(e.size).toBeUndefined();
    expect(decode(e).body).toEqual({ kind: 'empty' });
  });

  it('uses content.size when bodySize is unknown, and reads status -1 as no response', () => {
    const e = harToExchange({ request: { method: 'GET', url: `${API}/` }, response: { status: -1, bodySize: -1, content: { size: 12 } } });
    expect(e.size).toBe(12);
    expect(e.status).toBe(0);
  });
});

describe('isHarEntry', () => {
  it.each<[unknown, boolean]>([
    [blocked, true],
    [{ request: { method: 'GET', url: 'x' }, response: { status: 200 } }, true],
    [{ request: { method: 'GET' }, response: { status: 200 } }, false],
    [{ request: { method: 'GET', url: 'x' }, response: { status: '200' } }, false],
    [{ request: { method: 'GET', url: 'x' } }, false],
    [null, false],
    ['entry', false],
  ])('%j → %s', (x, ok) => {
    expect(isHarEntry(x)).toBe(ok);
  });
});

describe('parseHar', () => {
  it('reads a Chrome export and keeps only real entries', () => {
    expect(parseHar(CHROME_HAR)).toHaveLength(10);
  });

  it('gives each entry of the export its explanation, from what the file shows only', () => {
    const seen = parseHar(CHROME_HAR).map((entry) => {
      const d = diagnose({ exchange: harToExchange(entry), snapshot: FILE_SNAPSHOT, sentFingerprint: null });
      return [entry.response.status, d.decoded.meaning.key, d.decoded.body.kind, d.causeId, d.decoded.serverMessage];
    });
    expect(seen).toEqual([
      [200, 'status200', 'list', null, null],
      [400, 'status400', 'fields', 'fieldErrors', 'name, rag'],
      // The reader's own settings say nothing about why the recorder's request had no header.
      [401, 'status401', 'detail', 'noHeaderSent', 'Authentication credentials were not provided.'],
      [0, 'status0', 'empty', 'netBlocked', null],
      // net::ERR_FAILED from another origin (evil.test): the browser withheld the answer.
      [0, 'status0', 'empty', 'netCors', null],
      [200, 'status200', 'binary', null, null],
      [500, 'status500', 'html', 'serverError', 'Server Error (500)'],
      [200, 'status200', 'sse', 'streamError', 'Model overloaded.'],
      [301, 'status301', 'empty', 'redirectBodyLost', null],
      [0, 'status0', 'empty', 'netCancelled', null],
    ]);
  });

  it.each([
    ['not JSON', '{"log": {"entries": [', 'harNotJson'],
    ['an empty file', '', 'harNotJson'],
    ['JSON without log.entries', '{"log": {"version": "1.2"}}', 'harNoEntries'],
    ['null', 'null', 'harNoEntries'],
    ['entries that are not a list', '{"log": {"entries": {}}}', 'harNoEntries'],
  ])('refuses %s with a short reason', (_, text, reason) => {
    expect(() => parseHar(text)).toThrow(expect.objectContaining({ problem: reason }));
  });

  it('reads an export with no entries as empty', () => {
    expect(parseHar('{"log": {"version": "1.2", "entries": []}}')).toEqual([]);
  });
});

describe('imported bodies are capped like captured ones', () => {
  const big = (n: number) => 'a'.repeat(n);
  it('cuts a response body over the cap, in the row and in the entry kept, and says so', () => {
    const e: HarEntry = {
      request: { method: 'POST', url: 'https://api.maiagent.ai/x', postData: { mimeType: 'text/plain', text: big(BODY_CAP + 10) } },
      response: { status: 200, content: { mimeType: 'text/plain', text: big(BODY_CAP * 3) } },
    };
    const c = capImported(e);
    expect(c.body.truncated).toBe(true);
    expect(c.body.text).toHaveLength(BODY_CAP);
    expect(c.entry.response.content!.text).toHaveLength(BODY_CAP);
    expect(c.requestTruncated).toBe(true);
    expect(c.entry.request.postData!.text).toHaveLength(BODY_CAP);
    const ex = harToExchange(c.entry, c.body);
    expect(ex.responseBody).toHaveLength(BODY_CAP);
    // The original entry is left as it was.
    expect(e.response.content!.text).toHaveLength(BODY_CAP * 3);
  });
  it('leaves a small entry as it is, and cuts base64 on a 4-character boundary', () => {
    const e: HarEntry = {
      request: { method: 'GET', url: 'https://api.maiagent.ai/x' },
      response: { status: 200, content: { text: '{}' } },
    };
    expect(capImported(e)).toEqual({ entry: e, body: { text: '{}', encoding: null, truncated: false }, requestTruncated: false });
    const b = capBody(big(BODY_CAP + 7), 'base64');
    expect(b.truncated).toBe(true);
    expect(b.text!.length % 4).toBe(0);
  });
  it('shortens names for messages', () => {
    expect(shorten('n'.repeat(5_000_000), 60)).toHaveLength(60);
    expect(shorten('a\nb')).toBe('a b');
  });
});

describe('headers of an imported entry', () => {
  it('are the entry’s own array when every header is well formed, and a cleaned copy otherwise', async () => {
    const { cleanHeaders } = await import('../../src/core/har');
    const good = [
      { name: 'Content-Type', value: 'application/json' },
      { name: 'X-Id', value: '1' },
    ];
    expect(cleanHeaders(good)).toBe(good);
    const mixed = [{ name: 'A', value: '1', comment: 'c' }, null, { name: 'B' }, { name: 'C', value: 3 }];
    expect(cleanHeaders(mixed)).toEqual([{ name: 'A', value: '1' }]);
    expect(cleanHeaders('nope')).toEqual([]);
  });
});
