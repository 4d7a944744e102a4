// Chat completions: SSE chunks {content, conversationId, done}, not always labelled
// text/event-stream; streams that break after the 200; the gateway limit on non-streamed calls.
import { API, apiKey, apiResponse, BOT, CONV, entry, request, SRC, type Case } from './build';

const URL = `${API}/api/v1/chatbots/${BOT}/completions/`;
const ask = (extra: Record<string, unknown> = {}) => request('POST', URL, { auth: apiKey(), body: { conversation: CONV, message: { content: '請給我一個笑話', attachments: [] }, ...extra } });
const chunk = (content: string, done: boolean) => `data: ${JSON.stringify({ conversationId: CONV, content, done })}\n\n`;
const FULL = chunk('從前有一隻', false) + chunk('小狗在玩球', false) + chunk('', true);
const sse = (text: string, type = 'text/event-stream', error?: string) =>
  apiResponse(200, 'OK', { text, type, headers: { 'cache-control': 'no-cache', 'x-accel-buffering': 'no' }, ...(error ? { error } : {}) });
const NGINX_504 = '<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
const ALB_504 = '<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n</body>\r\n</html>\r\n';

export const streamCases: Case[] = [
  {
    id: 'stream-ok',
    title: 'A streamed answer that ends with done: true',
    source: SRC.completion,
    expect: null,
    entry: entry(ask({ isStreaming: true }), sse(FULL), 4210),
  },
  {
    id: 'stream-ok-labelled-json',
    title: 'The same stream labelled application/json by a proxy',
    source: SRC.completion,
    expect: null,
    entry: entry(ask(), sse(FULL, 'application/json'), 3980),
  },
  {
    id: 'stream-ok-labelled-text',
    title: 'The same stream labelled text/plain',
    source: SRC.completion,
    expect: null,
    entry: entry(ask(), sse(FULL, 'text/plain; charset=utf-8'), 4022),
  },
  {
    id: 'stream-http2-reset',
    title: 'The stream breaks after two chunks (HTTP/2 stream reset)',
    source: SRC.chromeNet,
    expect: 'streamBroken',
    entry: entry(ask({ isStreaming: true }), sse(chunk('從前有一隻', false) + chunk('小狗在', false), 'text/event-stream', 'net::ERR_HTTP2_PROTOCOL_ERROR'), 31200),
  },
  {
    id: 'stream-incomplete-chunked',
    title: 'The stream breaks over HTTP/1.1 (incomplete chunked encoding)',
    source: SRC.chromeNet,
    expect: 'streamBroken',
    entry: entry(ask(), sse(chunk('Once upon', false), 'text/event-stream', 'net::ERR_INCOMPLETE_CHUNKED_ENCODING'), 61000),
  },
  {
    id: 'stream-no-done',
    title: 'The stream ends without a final done: true and no error recorded',
    source: SRC.completion,
    expect: 'streamBroken',
    entry: entry(ask(), sse(chunk('從前有一隻', false) + chunk('小狗', false)), 60050),
  },
  {
    id: 'stream-error-event',
    title: 'An error event inside the stream',
    source: SRC.completion,
    expect: 'streamError',
    entry: entry(ask(), sse(chunk('', false) + 'event: error\ndata: {"error": {"message": "The model is overloaded. Please try again later."}}\n\n'), 1500),
  },
  {
    id: 'stream-network-changed-empty',
    title: 'The Wi-Fi switched right after the 200: nothing readable arrived',
    source: SRC.chromeNet,
    expect: 'streamBroken',
    entry: entry(ask(), { ...sse(''), _error: 'net::ERR_NETWORK_CHANGED' }, 2400),
  },
  {
    id: 'completion-timeout-body-flag',
    title: 'isStreaming: false and a long answer: nginx gives up after 60 s',
    source: SRC.completion,
    expect: 'completionTimeout',
    entry: entry(ask({ isStreaming: false }), apiResponse(504, 'Gateway Time-out', { text: NGINX_504, type: 'text/html' }), 60043),
  },
  {
    id: 'completion-timeout-query-flag',
    title: '?is_streaming=false (as in the examples) and the load balancer cuts at 60 s',
    source: SRC.completion,
    expect: 'completionTimeout',
    entry: entry(request('POST', `${URL}?is_streaming=false`, { auth: apiKey(), body: { conversation: null, message: { content: 'Summarise the attached 80-page PDF', attachments: [] } } }), { ...apiResponse(504, 'Gateway Timeout', { text: ALB_504, type: 'text/html' }), headers: [{ name: 'server', value: 'awselb/2.0' }, { name: 'content-type', value: 'text/html' }] }, 60011),
  },
  {
    id: 'completion-nonstream-ok',
    title: 'A short non-streamed answer',
    source: SRC.completion,
    expect: null,
    entry: entry(ask({ isStreaming: false }), apiResponse(200, 'OK', { json: { conversationId: CONV, content: '從前有一隻小狗在玩球...', done: false } }), 5400),
  },
];
