// The error report: what a support ticket needs, as Markdown no server text can break, without secrets.
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../src/core/exchange';
import { buildErrorReport, codeBlock, describeBrowser, inlineCode, type ReportInput } from '../../src/core/report';
import { NO_SECRETS, secretsMatcher } from '../../src/core/secrets';

const KEY = 'Xk2v9Qab.s3cr3tPartOfTheKey0123456789';

const ex: Exchange = {
  method: 'post',
  url: 'https://api.maiagent.ai/api/v1/chatbots/',
  status: 400,
  statusText: 'Bad Request',
  requestHeaders: [
    { name: 'Authorization', value: `Api-Key ${KEY}` },
    { name: 'Cookie', value: 'sessionid=cookievalue123456' },
  ],
  responseHeaders: [
    { name: 'Content-Type', value: 'application/json' },
    { name: 'X-Request-Id', value: 'req-5f2c9a' },
    { name: 'x-amz-cf-id', value: 'cf-ID==' },
    { name: 'Set-Cookie', value: 'csrftoken=setcookie987654; Path=/' },
  ],
  responseBody: '{"name":["This field is required."],"echo":"cookievalue123456 setcookie987654 ```"}',
  startedAt: Date.parse('2026-11-20T10:00:00.000Z'),
  durationMs: 123.456,
};

const input = (over: Partial<ReportInput> = {}): ReportInput => ({
  exchange: ex,
  timings: { blocked: -1, dns: 0, wait: 100.04, receive: 3 },
  meaning: 'Bad request',
  serverMessage: 'name: This field is required.',
  fields: [{ path: 'name', messages: ['This field is required.'] }],
  cause: 'A required field is missing.',
  fixes: ['Send "name".', 'Send "rag".'],
  browser: 'Chrome 156.0.0.0',
  extension: { name: 'MaiAgent DevTools', version: '1.2.3' },
  secrets: NO_SECRETS,
  ...over,
});

const labels = (l: string) => `[${l}]`;

describe('buildErrorReport', () => {
  it('has the request line, status, server words, explanation, fixes, ids, timing, browser and version', () => {
    const r = buildErrorReport(input(), labels);
    expect(r).toContain('### [title]');
    expect(r).toContain('- **[request]:** `POST https://api.maiagent.ai/api/v1/chatbots/`');
    expect(r).toContain('- **[status]:** `400 Bad Request` — Bad request');
    expect(r).toContain('- **[time]:** 2026-11-20T10:00:00.000Z, 123.5 ms (wait 100 ms, receive 3 ms)');
    expect(r).toContain('- **[ids]:** x-request-id `req-5f2c9a`, x-amz-cf-id `cf-ID==`');
    expect(r).toContain('- **[browser]:** Chrome 156.0.0.0');
    expect(r).toContain('- **[extension]:** MaiAgent DevTools 1.2.3');
    expect(r).toContain('#### [serverSaid]\n\n`name: This field is required.`');
    expect(r).toContain('- `name`: This field is required.');
    expect(r).toContain('#### [explanation]\n\nA required field is missing.');
    expect(r).toContain('#### [fixes]\n\n- Send "name".\n- Send "rag".');
  });

  it('holds no key, no cookie, and no echo of either', () => {
    const r = buildErrorReport(input({ secrets: secretsMatcher([KEY]), serverMessage: `bad ${KEY}` }), labels);
    expect(r).not.toContain(KEY);
    expect(r).not.toContain('cookievalue123456');
    expect(r).not.toContain('setcookie987654');
    expect(r).not.toMatch(/sessionid|csrftoken/);
    expect(r).toContain('bad $MAIAGENT_API_KEY');
  });

  it('keeps server text inside code that it cannot close', () => {
    const r = buildErrorReport(input(), labels);
    // The body holds ``` : its fence is longer.
    expect(r).toContain('````\n{"name"');
    expect(inlineCode('a `b` c')).toBe('``a `b` c``');
    expect(inlineCode('`x`')).toBe('`` `x` ``');
    expect(inlineCode('two\nlines')).toBe('`two lines`');
    expect(codeBlock('x ```` y')).toBe('`````\nx ```` y\n`````');
  });

  it('writes the canonical URL, and a failed request without a response', () => {
    const r = buildErrorReport(
      input({
        exchange: {
          ...ex,
          url: 'https://api.maiagent.ai\\@evil.test/x',
          status: 0,
          statusText: undefined,
          error: 'net::ERR_FAILED',
          responseBody: '',
        },
        serverMessage: null,
        fields: [],
      }),
      labels,
    );
    expect(r).toContain('`POST https://api.maiagent.ai/@evil.test/x`');
    expect(r).toContain('`[noResponse] net::ERR_FAILED`');
    expect(r).toContain('[nothing]');
  });

  it('cuts a long body', () => {
    const r = buildErrorReport(input({ exchange: { ...ex, responseBody: 'x'.repeat(5000) } }), labels);
    expect(r).toContain('[body] (2000 / 5000):');
    expect(r).not.toContain('x'.repeat(2001));
  });
});

describe('describeBrowser', () => {
  it('names the browser and its version', () => {
    expect(
      describeBrowser('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.7000.1 Safari/537.36'),
    ).toBe('Chrome 156.0.7000.1');
    expect(describeBrowser('Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0')).toBe('Firefox 153.0');
    expect(
      describeBrowser('Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36 Edg/156.0.1'),
    ).toBe('Edge 156.0.1');
  });
});
