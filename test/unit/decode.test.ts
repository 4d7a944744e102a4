import { describe, expect, it } from 'vitest';
import { decode, decodeBody, decodeJson, serverMessage, statusMeaning, type DecodedBody } from '../../src/core/decode';
import type { Exchange } from '../../src/core/exchange';
import { DJANGO_500, DRF_BROWSABLE_400, DRF_BROWSABLE_401, LB_503, NGINX_413, NGINX_502, PNG_BASE64, SSE_OK } from './corpus/bodies';

const URL_ = 'https://api.maiagent.ai/api/v1/chatbots/';

function ex(over: Partial<Exchange> = {}): Exchange {
  return { method: 'GET', url: URL_, status: 200, requestHeaders: [], responseHeaders: [], ...over };
}
/** A response with a JSON body, labelled as JSON. */
const json = (status: number, body: unknown, over: Partial<Exchange> = {}): Exchange =>
  ex({ status, responseBody: JSON.stringify(body), responseMimeType: 'application/json', ...over });
const bodyOf = (e: Exchange): DecodedBody => decode(e).body;

describe('statusMeaning', () => {
  it.each([
    [0, 'status0'],
    [200, 'status200'],
    [201, 'status201'],
    [204, 'status204'],
    [301, 'status301'],
    [302, 'status302'],
    [304, 'status304'],
    [307, 'status307'],
    [308, 'status308'],
    [400, 'status400'],
    [401, 'status401'],
    [403, 'status403'],
    [404, 'status404'],
    [405, 'status405'],
    [406, 'status406'],
    [409, 'status409'],
    [413, 'status413'],
    [415, 'status415'],
    [422, 'status422'],
    [429, 'status429'],
    [500, 'status500'],
    [502, 'status502'],
    [503, 'status503'],
    [504, 'status504'],
  ] as const)('%i has its own meaning (%s)', (status, key) => {
    expect(statusMeaning(status)).toEqual({ key });
  });

  it.each([
    [203, 'status2xx'],
    [299, 'status2xx'],
    [303, 'status3xx'],
    [399, 'status3xx'],
    [402, 'status4xx'],
    [418, 'status4xx'],
    [451, 'status4xx'],
    [499, 'status4xx'],
    [501, 'status5xx'],
    [511, 'status5xx'],
    [599, 'status5xx'],
    [100, 'statusOther'],
    [199, 'statusOther'],
    [600, 'statusOther'],
    [999, 'statusOther'],
    [-1, 'statusOther'],
  ] as const)('unknown %i falls back to its class (%s) with the number', (status, key) => {
    expect(statusMeaning(status)).toEqual({ key, subs: [String(status)] });
  });

  it('is what decode() reports as the meaning', () => {
    expect(decode(ex({ status: 418 })).meaning).toEqual({ key: 'status4xx', subs: ['418'] });
    expect(decode(ex({ status: 0, error: 'net::ERR_FAILED' })).meaning).toEqual({ key: 'status0' });
  });
});

describe('DRF {"detail": …}', () => {
  it('reads a string detail verbatim', () => {
    const d = decode(json(404, { detail: 'Not found.' }));
    expect(d.body).toEqual({ kind: 'detail', detail: 'Not found.' });
    expect(d.serverMessage).toBe('Not found.');
  });
  it('keeps a top-level code next to the detail', () => {
    expect(bodyOf(json(401, { detail: 'Given token not valid for any token type', code: 'token_not_valid' }))).toEqual({
      kind: 'detail',
      detail: 'Given token not valid for any token type',
      code: 'token_not_valid',
    });
  });
  it('reads an object detail with message and code', () => {
    expect(bodyOf(json(403, { detail: { message: 'Organisation suspended.', code: 'org_suspended' } }))).toEqual({
      kind: 'detail',
      detail: 'Organisation suspended.',
      code: 'org_suspended',
    });
  });
  it('shows an object detail without a message as JSON', () => {
    expect(bodyOf(json(400, { detail: { reason: 'quota' } }))).toEqual({ kind: 'detail', detail: '{"reason":"quota"}' });
  });
  it('joins a list detail', () => {
    expect(bodyOf(json(400, { detail: ['Chatbot is archived.', 'Restore it first.'] }))).toEqual({
      kind: 'detail',
      detail: 'Chatbot is archived. Restore it first.',
    });
  });
  it('ignores status_code beside the detail', () => {
    expect(bodyOf(json(429, { detail: 'Request was throttled. Expected available in 30 seconds.', status_code: 429 }))).toEqual({
      kind: 'detail',
      detail: 'Request was throttled. Expected available in 30 seconds.',
    });
  });
});

describe('DRF field errors', () => {
  it('lists each field with its messages, in order', () => {
    const d = decode(json(400, { name: ['This field is required.'], rag: ['This field is required.'] }));
    expect(d.body).toEqual({
      kind: 'fields',
      fields: [
        { path: 'name', messages: ['This field is required.'] },
        { path: 'rag', messages: ['This field is required.'] },
      ],
    });
    expect(d.serverMessage).toBe('name, rag');
  });
  it('names list items by index: messages[1].content', () => {
    expect(bodyOf(json(400, { messages: [{}, { content: ['This field is required.'] }] }))).toEqual({
      kind: 'fields',
      fields: [{ path: 'messages[1].content', messages: ['This field is required.'] }],
    });
  });
  it('walks nested objects and lists together', () => {
    const body = {
      settings: { temperature: ['Ensure this value is less than or equal to 2.'] },
      messages: [{ attachments: [{}, { url: ['Enter a valid URL.'] }] }],
    };
    expect(bodyOf(json(400, body))).toEqual({
      kind: 'fields',
      fields: [
        { path: 'settings.temperature', messages: ['Ensure this value is less than or equal to 2.'] },
        { path: 'messages[0].attachments[1].url', messages: ['Enter a valid URL.'] },
      ],
    });
  });
  it("shows DRF ListField's string indices as list indices: tags[2]", () => {
    expect(
      bodyOf(json(400, { tags: { '0': ['Not a valid string.'], '2': ['Ensure this field has no more than 20 characters.'] } })),
    ).toEqual({
      kind: 'fields',
      fields: [
        { path: 'tags[0]', messages: ['Not a valid string.'] },
        { path: 'tags[2]', messages: ['Ensure this field has no more than 20 characters.'] },
      ],
    });
  });
  it('accepts a bare string message beside list ones (ValidationError({"field": "msg"}))', () => {
    expect(bodyOf(json(400, { name: 'Too long.', rag: ['Invalid pk "x" - object does not exist.'] }))).toEqual({
      kind: 'fields',
      fields: [
        { path: 'name', messages: ['Too long.'] },
        { path: 'rag', messages: ['Invalid pk "x" - object does not exist.'] },
      ],
    });
  });
  it('reads non_field_errors, and summarises them by their words', () => {
    const d = decode(json(400, { non_field_errors: ['The fields chatbot, name must make a unique set.'] }));
    expect(d.body).toEqual({
      kind: 'fields',
      fields: [{ path: 'non_field_errors', messages: ['The fields chatbot, name must make a unique set.'] }],
    });
    expect(d.serverMessage).toBe('The fields chatbot, name must make a unique set.');
  });
  it('reads a top-level list of strings as errors of no field', () => {
    const d = decode(json(400, ['Unable to log in with provided credentials.']));
    expect(d.body).toEqual({
      kind: 'fields',
      fields: [{ path: 'non_field_errors', messages: ['Unable to log in with provided credentials.'] }],
    });
    expect(d.serverMessage).toBe('Unable to log in with provided credentials.');
  });
  it('reads a bulk endpoint’s list of per-item errors: [1].name', () => {
    expect(bodyOf(json(400, [{}, { name: ['This field is required.'] }]))).toEqual({
      kind: 'fields',
      fields: [{ path: '[1].name', messages: ['This field is required.'] }],
    });
  });
  it('does not take a success body with string lists for field errors', () => {
    const user = { id: 'u1', name: 'Ada', permissions: ['chatbot.view', 'chatbot.change'] };
    expect(bodyOf(json(200, user))).toEqual({ kind: 'json', value: user });
    expect(bodyOf(json(201, { id: 'bot-new', name: 'Bot', tags: ['a'] }))).toEqual({
      kind: 'json',
      value: { id: 'bot-new', name: 'Bot', tags: ['a'] },
    });
    expect(bodyOf(json(200, ['gpt-4o', 'claude']))).toEqual({ kind: 'json', value: ['gpt-4o', 'claude'] });
  });
  it('does not take an object of plain strings for field errors', () => {
    expect(bodyOf(json(400, { id: 'x', name: 'y', extra: 'z', more: 'w' }))).toEqual({
      kind: 'json',
      value: { id: 'x', name: 'y', extra: 'z', more: 'w' },
    });
  });
});

describe('envelopes and messages', () => {
  it('reads {success:false, error:{code, message, details}}', () => {
    const d = decode(
      json(409, { success: false, error: { code: 'conflict', message: 'Chatbot name already used.', details: 'name=Support' } }),
    );
    expect(d.body).toEqual({ kind: 'envelope', code: 'conflict', message: 'Chatbot name already used.', details: 'name=Support' });
    expect(d.serverMessage).toBe('Chatbot name already used.');
  });
  it('keeps a numeric code as text and leaves absent parts out', () => {
    expect(bodyOf(json(500, { success: false, error: { code: 5001, message: 'Model backend unavailable.' } }))).toEqual({
      kind: 'envelope',
      code: '5001',
      message: 'Model backend unavailable.',
    });
  });
  it('reads field errors inside envelope details', () => {
    const body = {
      success: false,
      error: { code: 'validation_error', message: 'Invalid input.', details: { name: ['This field is required.'] } },
    };
    expect(bodyOf(json(400, body))).toEqual({
      kind: 'envelope',
      code: 'validation_error',
      message: 'Invalid input.',
      details: '{"name":["This field is required."]}',
      fields: [{ path: 'name', messages: ['This field is required.'] }],
    });
  });
  it('shows an envelope error without a message as JSON', () => {
    expect(bodyOf(json(400, { success: false, error: { code: 'bad' } }))).toEqual({
      kind: 'envelope',
      code: 'bad',
      message: '{"code":"bad"}',
    });
  });
  it.each([
    [{ error: 'Upstream model timed out.' }, 'Upstream model timed out.'],
    [{ error: { message: 'Quota exceeded.', type: 'quota' } }, 'Quota exceeded.'],
    [{ message: 'Internal error', code: 500 }, 'Internal error'],
    [{ success: false, error: 'Chatbot disabled.' }, 'Chatbot disabled.'],
  ])('reads the short %j as a message', (body, message) => {
    const d = decode(json(500, body));
    expect(d.body).toEqual({ kind: 'message', message });
    expect(d.serverMessage).toBe(message);
  });
  it('keeps a larger object with a message field as JSON', () => {
    const body = { message: 'hi', id: 1, a: 2, b: 3 };
    expect(bodyOf(json(200, body))).toEqual({ kind: 'json', value: body });
    expect(decode(json(200, body)).serverMessage).toBeNull();
  });
});

describe('paginated lists', () => {
  const results = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `bot-${i + 1}` }));
  it('counts the page and says more pages follow', () => {
    const d = decode(json(200, { count: 45, next: `${URL_}?page=2`, previous: null, results: results(20) }));
    expect(d.body).toEqual({ kind: 'list', count: 45, returned: 20, hasNext: true, hasPrevious: false });
    expect(d.serverMessage).toBeNull();
  });
  it('knows the last page', () => {
    expect(bodyOf(json(200, { count: 45, next: null, previous: `${URL_}?page=2`, results: results(5) }))).toEqual({
      kind: 'list',
      count: 45,
      returned: 5,
      hasNext: false,
      hasPrevious: true,
    });
  });
  it('reads cursor pagination, which has no count', () => {
    expect(bodyOf(json(200, { next: `${URL_}?cursor=cD0y`, previous: null, results: results(2) }))).toEqual({
      kind: 'list',
      count: null,
      returned: 2,
      hasNext: true,
      hasPrevious: false,
    });
  });
  it('reads an empty first page', () => {
    expect(bodyOf(json(200, { count: 0, next: null, previous: null, results: [] }))).toEqual({
      kind: 'list',
      count: 0,
      returned: 0,
      hasNext: false,
      hasPrevious: false,
    });
  });
});

describe('HTML pages', () => {
  it("reads Django's 500 page title", () => {
    const d = decode(ex({ status: 500, responseBody: DJANGO_500, responseMimeType: 'text/html' }));
    expect(d.body).toEqual({ kind: 'html', title: 'Server Error (500)', text: 'Server Error (500)' });
    expect(d.serverMessage).toBe('Server Error (500)');
  });
  it("reads nginx's 502 page, found by content when no type is given", () => {
    const d = decode(ex({ status: 502, responseBody: NGINX_502 }));
    expect(d.body).toEqual({ kind: 'html', title: '502 Bad Gateway', text: '502 Bad Gateway' });
    expect(d.serverMessage).toBe('502 Bad Gateway');
  });
  it('reads an HTML page a gateway labelled application/json', () => {
    const d = decode(ex({ status: 413, responseBody: NGINX_413, responseMimeType: 'application/json' }));
    expect(d.body).toEqual({ kind: 'html', title: '413 Request Entity Too Large', text: '413 Request Entity Too Large' });
  });
  it('decodes entities, including hex ones', () => {
    expect(
      bodyOf(ex({ status: 503, responseBody: LB_503, responseHeaders: [{ name: 'Content-Type', value: 'text/html; charset=utf-8' }] })),
    ).toEqual({
      kind: 'html',
      title: 'Service Unavailable & Maintenance',
      text: "We'll be back <soon>",
    });
  });
  it('falls back to the heading when there is no title', () => {
    const d = decode(
      ex({ status: 500, responseBody: '<html><body><h1>Internal <b>Server</b> Error</h1></body></html>', responseMimeType: 'text/html' }),
    );
    expect(d.body).toEqual({ kind: 'html', title: null, text: 'Internal Server Error' });
    expect(d.serverMessage).toBe('Internal Server Error');
  });
  it("reads the JSON inside DRF's browsable API page", () => {
    const d = decode(ex({ status: 401, responseBody: DRF_BROWSABLE_401, responseMimeType: 'text/html' }));
    expect(d.body).toEqual({ kind: 'detail', detail: 'Authentication credentials were not provided.' });
    expect(d.serverMessage).toBe('Authentication credentials were not provided.');
  });
  it("reads field errors inside DRF's browsable API page, links and all", () => {
    expect(bodyOf(ex({ status: 400, responseBody: DRF_BROWSABLE_400, responseMimeType: 'text/html' }))).toEqual({
      kind: 'fields',
      fields: [
        { path: 'name', messages: ['This field is required.'] },
        { path: 'website', messages: ['Enter a valid URL, like https://example.com.'] },
      ],
    });
  });
  it('survives an out-of-range character reference', () => {
    expect(bodyOf(ex({ status: 500, responseBody: '<title>&#99999999;&#x110000; oops</title>', responseMimeType: 'text/html' }))).toEqual({
      kind: 'html',
      title: '\uFFFD\uFFFD oops',
      text: '',
    });
  });
});

describe('text, invalid JSON, binary, base64, empty', () => {
  it('reads plain text, summarised by its first non-blank line', () => {
    const d = decode(
      ex({
        status: 502,
        responseBody: '\n\nupstream connect error or disconnect/reset before headers\nreset reason: overflow',
        responseMimeType: 'text/plain',
      }),
    );
    expect(d.body).toEqual({ kind: 'text', text: '\n\nupstream connect error or disconnect/reset before headers\nreset reason: overflow' });
    expect(d.serverMessage).toBe('upstream connect error or disconnect/reset before headers');
  });
  it('reads plain text a gateway labelled application/json', () => {
    expect(bodyOf(ex({ status: 504, responseBody: 'Gateway Timeout', responseMimeType: 'application/json' }))).toEqual({
      kind: 'text',
      text: 'Gateway Timeout',
    });
  });
  it('cuts long text at 2000 characters', () => {
    const b = bodyOf(ex({ status: 500, responseBody: 'x'.repeat(5000), responseMimeType: 'text/plain' }));
    expect(b).toEqual({ kind: 'text', text: 'x'.repeat(2000) });
  });
  it('reports truncated JSON with an excerpt', () => {
    const d = decode(ex({ status: 404, responseBody: '{"detail": "Not fo', responseMimeType: 'application/json' }));
    expect(d.body).toEqual({ kind: 'invalidJson', excerpt: '{"detail": "Not fo' });
    expect(d.serverMessage).toBeNull();
  });
  it('reports invalid JSON found by its opening bracket, excerpt cut at 200', () => {
    const text = `[1, 2, ${'3, '.repeat(100)}`;
    expect(bodyOf(ex({ status: 200, responseBody: text }))).toEqual({ kind: 'invalidJson', excerpt: text.slice(0, 200) });
  });
  it('reports a PNG as binary with its byte count', () => {
    const d = decode(ex({ status: 200, responseBody: PNG_BASE64, responseBase64: true, responseMimeType: 'image/png' }));
    expect(d.body).toEqual({ kind: 'binary', bytes: 70, mimeType: 'image/png' });
    expect(d.serverMessage).toBeNull();
  });
  it('reports unlabelled non-UTF-8 bytes as octet-stream', () => {
    expect(bodyOf(ex({ status: 200, responseBody: '//79/A==', responseBase64: true }))).toEqual({
      kind: 'binary',
      bytes: 4,
      mimeType: 'application/octet-stream',
    });
  });
  it('reads base64-encoded JSON text', () => {
    expect(
      bodyOf(
        ex({ status: 404, responseBody: 'eyJkZXRhaWwiOiJOb3QgZm91bmQuIn0=', responseBase64: true, responseMimeType: 'application/json' }),
      ),
    ).toEqual({
      kind: 'detail',
      detail: 'Not found.',
    });
  });
  it('reads base64 UTF-8 text (not Latin-1)', () => {
    const b64 = Buffer.from(JSON.stringify({ detail: '找不到。' })).toString('base64');
    expect(bodyOf(ex({ status: 404, responseBody: b64, responseBase64: true, responseMimeType: 'application/json' }))).toEqual({
      kind: 'detail',
      detail: '找不到。',
    });
  });
  it('reads a body marked base64 that is not base64 as it is', () => {
    expect(
      bodyOf(ex({ status: 404, responseBody: '{"detail":"Not found."}', responseBase64: true, responseMimeType: 'application/json' })),
    ).toEqual({
      kind: 'detail',
      detail: 'Not found.',
    });
  });
  it('ignores a UTF-8 byte-order mark before JSON', () => {
    expect(bodyOf(ex({ status: 404, responseBody: '\uFEFF{"detail":"Not found."}', responseMimeType: 'application/json' }))).toEqual({
      kind: 'detail',
      detail: 'Not found.',
    });
  });
  it.each([
    ['no body', {}],
    ['an empty string', { responseBody: '' }],
    ['whitespace', { responseBody: ' \r\n\t' }],
    ['empty base64', { responseBody: '', responseBase64: true }],
  ])('reads %s as empty', (_, over) => {
    const d = decode(ex({ status: 204, ...over }));
    expect(d.body).toEqual({ kind: 'empty' });
    expect(d.serverMessage).toBeNull();
  });
  it('does not read a body for a failed request (status 0)', () => {
    expect(bodyOf(ex({ status: 0, responseBody: 'stale', error: 'net::ERR_FAILED' }))).toEqual({ kind: 'empty' });
  });
  it('takes the type from the Content-Type header when the HAR has none', () => {
    expect(
      bodyOf(ex({ status: 500, responseBody: 'Oops', responseHeaders: [{ name: 'content-type', value: 'TEXT/HTML; charset=utf-8' }] })),
    ).toEqual({
      kind: 'html',
      title: null,
      text: '',
    });
  });
});

describe('text/event-stream from completions', () => {
  const sse = (text: string, mime = 'text/event-stream; charset=utf-8') =>
    decode(ex({ method: 'POST', status: 200, responseBody: text, responseMimeType: mime }));
  it('counts the events of a good stream', () => {
    const d = sse(SSE_OK);
    expect(d.body).toEqual({ kind: 'sse', events: 3, error: null, done: null });
    expect(d.serverMessage).toBeNull();
  });
  it('surfaces an `event: error` with a JSON message', () => {
    const d = sse('data: {"content":"Hi"}\n\nevent: error\ndata: {"message":"Model overloaded, try again."}\n\n');
    expect(d.body).toEqual({ kind: 'sse', events: 2, error: 'Model overloaded, try again.', done: null });
    expect(d.serverMessage).toBe('Model overloaded, try again.');
  });
  it('surfaces an `event: error` with plain data, or none', () => {
    expect(sse('event: error\ndata: upstream closed\n\n').body).toEqual({ kind: 'sse', events: 1, error: 'upstream closed', done: null });
    expect(sse('event: error\n\n').body).toEqual({ kind: 'sse', events: 1, error: 'error', done: null });
  });
  it.each([
    ['{"error":{"message":"Context length exceeded.","code":"context_length"}}', 'Context length exceeded.'],
    ['{"error":"rate_limited"}', 'rate_limited'],
    ['{"error":{"code":"E42"}}', '{"code":"E42"}'],
    ['{"type":"error","message":"Stream aborted."}', 'Stream aborted.'],
  ])('surfaces a data JSON error: %s', (data, error) => {
    expect(sse(`data: {"content":"a"}\n\ndata: ${data}\n\n`).body).toEqual({ kind: 'sse', events: 2, error, done: null });
  });
  it('does not take `"error": null` in ordinary chunks for an error', () => {
    expect(sse('data: {"content":"a","error":null}\n\ndata: {"content":"b","error":""}\n\n').body).toEqual({
      kind: 'sse',
      events: 2,
      error: null,
      done: null,
    });
  });
  it('keeps the first error, ignores comments and keep-alives, accepts CRLF', () => {
    const text = ': keep-alive\r\n\r\ndata: {"error":"first"}\r\n\r\nevent: error\r\ndata: second\r\n\r\n: ping\r\n\r\n';
    expect(sse(text).body).toEqual({ kind: 'sse', events: 2, error: 'first', done: null });
  });
  it('recognises an unlabelled stream', () => {
    expect(sse(SSE_OK, '').body).toEqual({ kind: 'sse', events: 3, error: null, done: null });
  });
  it('reads an empty stream as empty', () => {
    expect(sse('').body).toEqual({ kind: 'empty' });
  });
  const chunk = (content: string, done: boolean) => `data: {"conversationId":"c1","content":"${content}","done":${done}}\n\n`;
  it('tells a finished completion stream (done: true) from one that stopped early', () => {
    expect(sse(chunk('a', false) + chunk('', true)).body).toEqual({ kind: 'sse', events: 2, error: null, done: true });
    expect(sse(chunk('a', false) + chunk('b', false)).body).toEqual({ kind: 'sse', events: 2, error: null, done: false });
  });
  it.each([['application/json'], ['text/plain; charset=utf-8'], ['application/octet-stream']])(
    'reads a stream labelled %s as a stream',
    (mime) => {
      expect(sse(chunk('a', false) + chunk('', true), mime).body).toEqual({ kind: 'sse', events: 2, error: null, done: true });
    },
  );
  it('reads JSON chunks one per line (no "data:") as a stream', () => {
    const text = '{"conversationId":"c1","content":"從前","done":false}\n{"conversationId":"c1","content":"","done":true}\n';
    expect(sse(text, 'application/json').body).toEqual({ kind: 'sse', events: 2, error: null, done: true });
  });
});

describe('other shapes the stack behind the API sends', () => {
  it("reads simplejwt's {detail, code, messages} as one complaint, not as field errors", () => {
    const d = decode(
      json(401, {
        detail: 'Given token not valid for any token type',
        code: 'token_not_valid',
        messages: [{ tokenClass: 'AccessToken', tokenType: 'access', message: 'Token is invalid or expired' }],
      }),
    );
    expect(d.body).toEqual({
      kind: 'detail',
      detail: 'Given token not valid for any token type',
      code: 'token_not_valid',
      messages: ['Token is invalid or expired'],
    });
    expect(d.serverMessage).toBe('Given token not valid for any token type');
  });
  it('summarises camelCase nonFieldErrors by their words', () => {
    expect(decode(json(400, { nonFieldErrors: ['At least one file is required.'], name: ['This field is required.'] })).serverMessage).toBe(
      'At least one file is required., name',
    );
  });
  it("reads S3's XML error document with its code and request id", () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Invalid according to Policy: Policy expired.</Message><RequestId>TX8K2M4N6P8R0T2V</RequestId><HostId>x</HostId></Error>';
    const d = decode(ex({ status: 403, responseBody: xml, responseMimeType: 'application/xml' }));
    expect(d.body).toEqual({
      kind: 'xmlError',
      code: 'AccessDenied',
      message: 'Invalid according to Policy: Policy expired.',
      requestId: 'TX8K2M4N6P8R0T2V',
    });
    expect(d.serverMessage).toBe('AccessDenied: Invalid according to Policy: Policy expired.');
  });
  it('reads XML that is no error document as text', () => {
    expect(
      decode(
        ex({
          status: 200,
          responseBody: '<?xml version="1.0"?><ListBucketResult></ListBucketResult>',
          responseMimeType: 'application/xml',
        }),
      ).body.kind,
    ).toBe('text');
  });
});

describe('serverMessage', () => {
  it.each<[DecodedBody, string | null]>([
    [{ kind: 'empty' }, null],
    [{ kind: 'json', value: 1 }, null],
    [{ kind: 'list', count: 1, returned: 1, hasNext: false, hasPrevious: false }, null],
    [{ kind: 'binary', bytes: 3, mimeType: 'image/png' }, null],
    [{ kind: 'invalidJson', excerpt: '{' }, null],
    [{ kind: 'html', title: null, text: '' }, null],
    [{ kind: 'text', text: '   \n' }, null],
    [
      {
        kind: 'fields',
        fields: [
          { path: 'non_field_errors', messages: ['A.', 'B.'] },
          { path: 'name', messages: ['C.'] },
        ],
      },
      'A. B., name',
    ],
  ])('%j → %j', (body, expected) => {
    expect(serverMessage(body)).toBe(expected);
  });
});

// A small deterministic PRNG, so a failure can be replayed.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = [
  'empty',
  'detail',
  'fields',
  'envelope',
  'message',
  'list',
  'json',
  'invalidJson',
  'html',
  'text',
  'binary',
  'sse',
  'xmlError',
];
const MIMES = [
  '',
  'application/json',
  'application/problem+json',
  'text/html',
  'text/plain',
  'text/event-stream',
  'image/png',
  'application/octet-stream',
  'x-unknown',
  'application/xhtml+xml',
  'TEXT/HTML; charset=utf-8',
  ';;;',
  'json',
  'text/event-stream;',
];
const PIECES = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ':',
  ',',
  '<',
  '>',
  '&#',
  '&#x',
  ';',
  '&amp;',
  '<title>',
  '</title>',
  '<h1>',
  '<pre>',
  '</pre>',
  'Django REST framework',
  'detail',
  'event:',
  'data:',
  'error',
  '\n',
  '\r\n',
  '\n\n',
  ' ',
  '\u0000',
  '\u0007',
  '\uFEFF',
  '\uD800',
  'é',
  '找',
  '9999999999',
  'null',
  'true',
  '-',
  'results',
  'count',
  'next',
];

function randomString(r: () => number): string {
  const n = Math.floor(r() * 40);
  let s = '';
  for (let i = 0; i < n; i++) s += r() < 0.6 ? PIECES[Math.floor(r() * PIECES.length)] : String.fromCharCode(Math.floor(r() * 0x3000));
  return s;
}

function randomJson(r: () => number, depth = 0): unknown {
  const pick = Math.floor(r() * (depth > 4 ? 5 : 8));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return r() < 0.5;
    case 2:
      return Math.floor(r() * 1000) - 500;
    case 3:
    case 4:
      return randomString(r);
    case 5:
      return Array.from({ length: Math.floor(r() * 4) }, () => randomJson(r, depth + 1));
    default: {
      const keys = [
        'detail',
        'code',
        'message',
        'error',
        'success',
        'results',
        'count',
        'next',
        'previous',
        'details',
        'non_field_errors',
        '0',
        'name',
      ];
      const o: Record<string, unknown> = {};
      for (let i = Math.floor(r() * 4); i > 0; i--) o[keys[Math.floor(r() * keys.length)]!] = randomJson(r, depth + 1);
      return o;
    }
  }
}

describe('the decoder never throws', () => {
  const r = rng(20240501);
  const statuses = [0, 200, 201, 204, 301, 400, 401, 404, 418, 500, 502, 600, -1];
  const check = (e: Exchange) => {
    const d = decode(e);
    expect(KINDS).toContain(d.body.kind);
    expect(d.meaning.key).toMatch(/^status/);
    expect(d.serverMessage === null || typeof d.serverMessage === 'string').toBe(true);
  };
  it('on random strings under random content types, plain or marked base64', () => {
    for (let i = 0; i < 1500; i++) {
      const text = randomString(r);
      const base64 = r() < 0.3;
      check(
        ex({
          status: statuses[Math.floor(r() * statuses.length)]!,
          responseBody: base64 && r() < 0.5 ? Buffer.from(text).toString('base64') : text,
          responseBase64: base64,
          responseMimeType: MIMES[Math.floor(r() * MIMES.length)],
        }),
      );
    }
  });
  it('on random JSON values', () => {
    for (let i = 0; i < 1500; i++) {
      const value = randomJson(r);
      const status = statuses[Math.floor(r() * statuses.length)]!;
      check(json(status, value, { responseMimeType: MIMES[Math.floor(r() * MIMES.length)] }));
      expect(KINDS).toContain(decodeJson(value, status).kind);
    }
  });
  it('on very deep nesting', () => {
    const deep = `{"name":${'['.repeat(20000)}"x"${']'.repeat(20000)}}`;
    expect(bodyOf(ex({ status: 400, responseBody: deep, responseMimeType: 'application/json' })).kind).toBe('json');
  });
  it('on values of the wrong type from a broken HAR import', () => {
    const broken = { responseBody: 42, responseMimeType: { a: 1 }, responseHeaders: null } as unknown as Partial<Exchange>;
    expect(decodeBody({ ...ex(), ...broken, status: 400 } as Exchange)).toEqual({ kind: 'empty' });
  });
});
