// A local stand-in for the MaiAgent API (and the docs site, and a few unrelated sites), served
// over HTTPS and plain HTTP on one port. Tests map the real host names onto it with
// --host-resolver-rules, so the extension sees `api.maiagent.ai` and `docs.maiagent.ai`.
//
// It answers like the documented API: the two 401 bodies, DRF field errors, 403/404/405/429/500,
// paginated lists and GET /api/users/current/. Every request is recorded for assertions.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { Duplex } from 'node:stream';
import { makeCertificate } from './certificate';
import { demoCallerPage, demoPage, referencePage, type DemoHosts } from './demo-pages';

export const API_HOST = 'api.maiagent.ai';
export const DOCS_HOST = 'docs.maiagent.ai';
/** Where presigned uploads go (MaiAgent's storage is S3); the demo posts a file there. */
export const S3_HOST = 's3.ap-northeast-1.amazonaws.com';
export const S3_BUCKET = 'maiagent-demo-uploads';
const DEMO_HOSTS: DemoHosts = { api: API_HOST, docs: DOCS_HOST, other: 'evil.test', s3: S3_HOST };
/** Host names the tests map onto this server, besides the two real ones. */
export const OTHER_HOSTS = [
  'evil.test', // an unrelated website
  'api.maiagent.ai.evil.test', // look-alike: the API host as a subdomain of another site
  'maiagent.ai.evil.test',
  'apimaiagent.ai', // look-alike: no dot
  'other.maiagent.ai', // sibling subdomain
  'app.local.test', // a developer's own site (allowed by the user in some tests)
];

export const NOT_PROVIDED = 'Authentication credentials were not provided.';
export const INVALID_FORMAT = 'Invalid API key format.';
/** Assumed body for a well-formed but unknown key (DRF's wording for a failed API-key lookup). */
export const INVALID_KEY = 'Invalid API key.';
/** Requests with this key get no answer at all. */
export const HANGING_KEY = 'Hang0000.neverAnswers';

export interface RecordedRequest {
  scheme: 'http' | 'https';
  host: string;
  port: number | null;
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface TestServer {
  port: number;
  /** Whether the server also answers on [::1] (same port), for pages served from an IPv6 literal. */
  ipv6: boolean;
  requests: RecordedRequest[];
  /** Keys the server accepts, with the user each belongs to. */
  keys: Map<string, { id: string; name: string; email: string; company: string }>;
  /**
   * Keys that were deleted in the console: answered as MaiAgent answers any unknown key, with
   * "Authentication credentials were not provided." (the API-key check is a permission).
   */
  revoked: Set<string>;
  close(): Promise<void>;
}

type Res = http.ServerResponse;

function json(res: Res, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function html(res: Res, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
  res.end(body);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A page for a non-API host: it can fetch, post forms and link to the API when tests drive it. */
function sitePage(host: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(host)} test page</title></head>
<body><h1>${escapeHtml(host)}</h1>
<a id="api-link" href="https://${API_HOST}/api/users/current/">API link</a>
<form id="api-form" method="post" action="https://${API_HOST}/api/v1/chatbots/"><input name="name" value="x"><button>post</button></form>
</body></html>`;
}

function cors(req: http.IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  return origin
    ? {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Expose-Headers': 'Retry-After, X-Request-Id, Allow',
        Vary: 'Origin',
      }
    : {};
}

export async function startServer(): Promise<TestServer> {
  const { key, cert } = await makeCertificate([API_HOST, DOCS_HOST, ...OTHER_HOSTS, S3_HOST, 'localhost']);
  const requests: RecordedRequest[] = [];
  const keys: TestServer['keys'] = new Map();
  const revoked = new Set<string>();

  const handler = (scheme: 'http' | 'https') => (req: http.IncomingMessage, res: Res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const hostHeader = req.headers.host ?? '';
      const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader);
      const host = (m?.[1] ?? hostHeader).toLowerCase();
      const rec: RecordedRequest = {
        scheme,
        host,
        port: m?.[2] ? Number(m[2]) : null,
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      requests.push(rec);
      try {
        route(rec, req, res, keys, revoked);
      } catch (e) {
        html(res, 500, `<title>Test server error</title>${escapeHtml(String(e))}`);
      }
    });
  };

  const tls = https.createServer({ key, cert }, handler('https'));
  const plain = http.createServer(handler('http'));
  // One port for both: a TLS handshake starts with byte 0x16, anything else is plain HTTP.
  const front = net.createServer((socket) => {
    socket.on('error', () => socket.destroy());
    socket.once('data', (first) => {
      if (first[0] !== 0x16) {
        socket.pause();
        socket.unshift(first);
        plain.emit('connection', socket);
        socket.resume();
        return;
      }
      // TLS reads the native handle directly, so bytes already read must be replayed through a stream.
      const wrapped = new Duplex({
        read() {},
        write(chunk: Buffer, _enc, cb) {
          socket.write(chunk, cb);
        },
        final(cb) {
          socket.end(cb);
        },
        destroy(err, cb) {
          socket.destroy();
          cb(err);
        },
      });
      wrapped.push(first);
      socket.on('data', (d) => wrapped.push(d));
      socket.on('end', () => wrapped.push(null));
      socket.on('close', () => wrapped.destroy());
      tls.emit('connection', wrapped);
    });
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const port = (front.address() as net.AddressInfo).port;
  // The same front on [::1], same port, where the machine has IPv6 loopback.
  const front6 = net.createServer((socket) => front.emit('connection', socket));
  const ipv6 = await new Promise<boolean>((resolve) => {
    front6.once('error', () => resolve(false));
    front6.listen(port, '::1', () => resolve(true));
  });
  return {
    port,
    ipv6,
    requests,
    keys,
    revoked,
    close: () =>
      new Promise<void>((resolve) => {
        tls.closeAllConnections?.();
        plain.closeAllConnections?.();
        if (ipv6) front6.close();
        front.close(() => resolve());
        setTimeout(resolve, 500).unref();
      }),
  };
}

function echo(rec: RecordedRequest, res: Res, req: http.IncomingMessage): void {
  json(res, 200, { scheme: rec.scheme, host: rec.host, authorization: rec.headers.authorization ?? null }, cors(req));
}

/** DRF-style authentication: the two documented 401 bodies, then the key lookup. */
function authenticate(rec: RecordedRequest, keys: TestServer['keys'], revoked: ReadonlySet<string>) {
  const value = rec.headers.authorization;
  if (value === undefined || !/^api-key\b/i.test(value.trimStart())) return { error: NOT_PROVIDED } as const;
  const m = /^Api-Key ([A-Za-z0-9._-]+)$/.exec(value);
  if (!m) return { error: INVALID_FORMAT } as const;
  const user = keys.get(m[1]!);
  if (!user && revoked.has(m[1]!)) return { error: NOT_PROVIDED } as const;
  if (!user) return { error: INVALID_KEY } as const;
  return { user } as const;
}

function wantsHtml(req: http.IncomingMessage): boolean {
  return (req.headers.accept ?? '').includes('text/html');
}

/** DRF's browsable API: what a typed navigation to an API URL shows. */
function browsable(res: Res, status: number, title: string, body: unknown, extra: Record<string, string> = {}): void {
  html(
    res,
    status,
    `<!doctype html><html><head><title>${escapeHtml(title)} – Django REST framework</title></head>
<body><h1>${escapeHtml(title)}</h1><pre id="response">HTTP ${status}\n\n${escapeHtml(JSON.stringify(body, null, 2))}</pre></body></html>`,
    extra,
  );
}

function route(rec: RecordedRequest, req: http.IncomingMessage, res: Res, keys: TestServer['keys'], revoked: ReadonlySet<string>): void {
  const url = new URL(rec.path, `${rec.scheme}://${rec.host}`);
  const path = url.pathname;
  if (path === '/__echo') return echo(rec, res, req);
  if (path === '/favicon.ico') return void res.writeHead(204).end();
  if (rec.host !== API_HOST) {
    if (path === '/redirect-to-api') return void res.writeHead(302, { Location: `https://${API_HOST}/__echo${url.search}` }).end();
    // A page that navigates its window to `to` as soon as it runs, served with `CSP: sandbox`:
    // its origin is opaque, like a sandboxed frame's.
    if (path === '/csp-sandbox') {
      const to = url.searchParams.get('to') ?? '';
      return html(
        res,
        200,
        `<!doctype html><title>sandboxed</title><script>location.href = ${JSON.stringify(to).replace(/</g, '\\u003c')};</script>`,
        {
          'Content-Security-Policy': 'sandbox allow-scripts allow-top-navigation allow-popups',
        },
      );
    }
    if (rec.host === DOCS_HOST && path === '/demo') return html(res, 200, demoPage(DEMO_HOSTS));
    if (rec.host === DOCS_HOST && path === '/reference/current-user') return html(res, 200, referencePage(DEMO_HOSTS));
    if (rec.host === DEMO_HOSTS.other && path === '/demo-caller') return html(res, 200, demoCallerPage(DEMO_HOSTS));
    if (rec.host === S3_HOST) return s3Upload(rec, req, res);
    // A cross-origin-isolated docs page (for the bench): performance.now() resolves to microseconds
    // there. Its API requests are CORS requests, which require-corp admits.
    if (rec.host === DOCS_HOST && path === '/isolated') {
      return html(
        res,
        200,
        '<!doctype html><html><head><meta charset="utf-8"><title>Isolated docs page</title></head><body><h1>Isolated</h1></body></html>',
        {
          'Cross-Origin-Opener-Policy': 'same-origin',
          'Cross-Origin-Embedder-Policy': 'require-corp',
        },
      );
    }
    if (path === '/sw.js') {
      // A page's own service worker: requests it makes on the page's behalf must get the key too.
      res.writeHead(200, { 'Content-Type': 'text/javascript', 'Service-Worker-Allowed': '/' });
      return void res.end(`self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (e) => {
  const u = new URL(e.request.url);
  if (u.pathname === '/via-sw') e.respondWith(fetch('https://${API_HOST}/api/users/current/?from=sw', { credentials: 'omit' }));
});`);
    }
    return html(res, 200, sitePage(rec.host));
  }

  const c = cors(req);
  if (rec.method === 'OPTIONS') {
    return void res
      .writeHead(204, {
        ...c,
        'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type',
        'Access-Control-Max-Age': '600',
      })
      .end();
  }
  // A redirect off the API host: the key must not follow it.
  if (path === '/api/v1/redirect-out/') return void res.writeHead(302, { ...c, Location: `https://other.maiagent.ai/__echo` }).end();

  const send = (status: number, body: unknown, headers: Record<string, string> = {}, title = 'Api') =>
    wantsHtml(req) && rec.method === 'GET' ? browsable(res, status, title, body, headers) : json(res, status, body, { ...c, ...headers });

  // A key the tests use to make the API hang (for the 10 s "Check key" limit).
  if (rec.headers.authorization === `Api-Key ${HANGING_KEY}`) return;
  // Django's session authentication: a signed-in console session cookie on an unsafe method
  // makes DRF enforce CSRF, whatever key comes with it.
  if (!['GET', 'HEAD', 'OPTIONS'].includes(rec.method) && /(^|;\s*)sessionid=/.test(rec.headers.cookie ?? '')) {
    return json(res, 403, { detail: 'CSRF Failed: CSRF token missing.' }, c);
  }
  const auth = authenticate(rec, keys, revoked);
  if ('error' in auth) return send(401, { detail: auth.error }, { 'WWW-Authenticate': 'Api-Key' }, 'Current User');

  // Django's APPEND_SLASH: paths without the trailing slash are redirected (POST bodies are lost).
  if (!path.endsWith('/')) {
    return void res.writeHead(301, { ...c, Location: `${path}/${url.search}` }).end();
  }

  const body = (): Record<string, unknown> | null => {
    if (!rec.body) return null;
    try {
      const v: unknown = JSON.parse(rec.body);
      return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  };

  if (path === '/api/users/current/' && rec.method === 'GET') {
    const u = auth.user;
    return send(200, { ...u, permissions: ['chatbot.view', 'chatbot.change'] }, {}, 'Current User');
  }
  if (path === '/api/v1/chatbots/') {
    if (rec.method === 'GET') {
      const page = Math.max(1, Number(url.searchParams.get('page') ?? '1'));
      const total = 45;
      const size = 20;
      const results = Array.from({ length: Math.max(0, Math.min(size, total - (page - 1) * size)) }, (_, i) => ({
        id: `bot-${(page - 1) * size + i + 1}`,
        name: `Chatbot ${(page - 1) * size + i + 1}`,
      }));
      const at = (p: number) => `https://${API_HOST}/api/v1/chatbots/?page=${p}`;
      return send(
        200,
        { count: total, next: page * size < total ? at(page + 1) : null, previous: page > 1 ? at(page - 1) : null, results },
        {},
        'Chatbot List',
      );
    }
    if (rec.method === 'POST') {
      if (!/application\/json/.test(rec.headers['content-type'] ?? '')) {
        return send(415, { detail: `Unsupported media type "${rec.headers['content-type'] ?? ''}" in request.` });
      }
      const b = body() ?? {};
      const errors: Record<string, string[]> = {};
      for (const f of ['name', 'rag']) if (!(f in b)) errors[f] = ['This field is required.'];
      if ('name' in b && typeof b.name === 'string' && b.name.length > 100)
        errors.name = ['Ensure this field has no more than 100 characters.'];
      if (Object.keys(errors).length) return send(400, errors);
      return send(201, { id: 'bot-new', ...b });
    }
    return send(405, { detail: `Method "${rec.method}" not allowed.` }, { Allow: 'GET, POST, HEAD, OPTIONS' });
  }
  const completions = /^\/api\/v1\/chatbots\/([^/]+)\/completions\/$/.exec(path);
  if (completions && rec.method === 'POST' && completions[1] === 'broken-stream') {
    // A completion stream that breaks after two chunks, before its final `done: true`.
    res.writeHead(200, { ...c, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    res.write('data: {"conversationId":"c-1","content":"Once upon","done":false}\n\n');
    res.write('data: {"conversationId":"c-1","content":" a time","done":false}\n\n');
    setTimeout(() => res.socket?.destroy(), 150);
    return;
  }
  if (completions && rec.method === 'POST') return completion(body(), res, c, send);
  if (path === '/api/v1/upload-presigned-url/' && rec.method === 'POST') {
    // Step 1 of an upload: where and how to POST the file (an S3 presigned POST).
    const b = body() ?? {};
    const errors: Record<string, string[]> = {};
    for (const f of ['filename', 'modelName', 'fileSize']) if (!(f in b)) errors[f] = ['This field is required.'];
    if ('fileSize' in b && !(Number.isInteger(b.fileSize) && (b.fileSize as number) >= 0))
      errors.fileSize = ['A valid integer is required.'];
    if (Object.keys(errors).length) return send(400, errors);
    const fileKey = `media/${String(b.modelName)}/demo-${Date.now().toString(36)}/${String(b.filename)}`;
    return send(200, {
      url: `https://${S3_HOST}/${S3_BUCKET}`,
      fields: {
        key: fileKey,
        'x-amz-algorithm': 'AWS4-HMAC-SHA256',
        'x-amz-credential': 'DEMOACCESSKEY/20261201/ap-northeast-1/s3/aws4_request',
        'x-amz-date': '20261201T000000Z',
        policy: Buffer.from(
          JSON.stringify({ expiration: '2026-12-01T01:00:00Z', conditions: [{ bucket: S3_BUCKET }, { key: fileKey }] }),
        ).toString('base64'),
        'x-amz-signature': 'demo0signature',
      },
    });
  }
  if (path === '/api/v1/attachments/' && rec.method === 'POST') {
    // Step 3: register the uploaded file (its S3 key) as an attachment.
    const b = body() ?? {};
    const errors: Record<string, string[]> = {};
    for (const f of ['file', 'filename']) if (!(f in b)) errors[f] = ['This field is required.'];
    if (Object.keys(errors).length) return send(400, errors);
    return send(201, {
      id: `att-${Date.now().toString(36)}`,
      type: typeof b.type === 'string' ? b.type : 'document',
      filename: b.filename,
      file: `https://${S3_HOST}/${S3_BUCKET}/${String(b.file)}`,
    });
  }
  // A streamed chat reply in MaiAgent's event shape, for the panel's stream view (not a documented
  // path): `?format=jsonl` sends JSON lines labelled application/json, `?cut=1` stops before `done`.
  if (path === '/api/v1/test-stream/' && rec.method === 'POST') {
    const jsonl = url.searchParams.get('format') === 'jsonl';
    const cut = url.searchParams.get('cut') === '1';
    const events = [
      { content: 'Hello', conversationId: 'conv-stream-1', done: false },
      { content: ', Ada.', conversationId: 'conv-stream-1', done: false },
      ...(cut ? [] : [{ content: '', conversationId: 'conv-stream-1', done: true }]),
    ];
    res.writeHead(200, { ...c, 'Content-Type': jsonl ? 'application/json' : 'text/event-stream', 'Cache-Control': 'no-cache' });
    let i = 0;
    const next = () => {
      const e = events[i++];
      if (!e) return void res.end();
      res.write(jsonl ? `${JSON.stringify(e)}\n` : `data: ${JSON.stringify(e)}\n\n`);
      setTimeout(next, 30);
    };
    return next();
  }
  if (path === '/api/v1/organizations/other-org/') return send(403, { detail: 'You do not have permission to perform this action.' });
  if (path === '/api/v1/throttled/') {
    return send(429, { detail: 'Request was throttled. Expected available in 30 seconds.' }, { 'Retry-After': '30' });
  }
  if (path === '/api/v1/broken/') {
    return html(
      res,
      500,
      '<!doctype html><html lang="en"><head><title>Server Error (500)</title></head><body><h1>Server Error (500)</h1><p></p></body></html>',
      { ...c, 'X-Request-Id': 'req-5f2c9a' },
    );
  }
  if (path === '/api/v1/hostile/') {
    // A body full of markup: the panel must show it as text.
    return send(400, { name: ['<img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script>'] });
  }
  return send(404, { detail: 'Not found.' });
}

type Send = (status: number, body: unknown, headers?: Record<string, string>, title?: string) => void;

/**
 * POST /api/v1/chatbots/{id}/completions/ as documented: `{conversation, message: {content,
 * attachments}, isStreaming}`. One JSON answer `{conversationId, content, done: true}`, or with
 * isStreaming (is_streaming in the snake_case examples) server-sent events of the same shape,
 * `done: false` while content comes, then an empty `done: true`.
 */
function completion(b: Record<string, unknown> | null, res: Res, c: Record<string, string>, send: Send): void {
  if (!b || !('message' in b)) return send(400, { message: ['This field is required.'] });
  const message = b.message;
  if (!message || typeof message !== 'object' || Array.isArray(message)) {
    return send(400, {
      message: {
        non_field_errors: [
          `Invalid data. Expected a dictionary, but got ${Array.isArray(message) ? 'list' : typeof message === 'string' ? 'str' : 'NoneType'}.`,
        ],
      },
    });
  }
  const content = (message as Record<string, unknown>).content;
  if (typeof content !== 'string' || content === '') return send(400, { message: { content: ['This field is required.'] } });
  const conversationId = typeof b.conversation === 'string' && b.conversation !== '' ? b.conversation : 'conv-demo-1';
  const answer = `You said: ${content}. This is the local stand-in for MaiAgent.`;
  if (b.isStreaming !== true && b.is_streaming !== true) return send(200, { conversationId, content: answer, done: true });
  res.writeHead(200, { ...c, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache' });
  const parts = answer.match(/.{1,12}/g) ?? [answer];
  for (const part of parts) res.write(`data: ${JSON.stringify({ conversationId, content: part, done: false })}\n\n`);
  res.end(`data: ${JSON.stringify({ conversationId, content: '', done: true })}\n\n`);
}

/** The S3 end of a presigned POST: multipart form with the policy fields first, the file last; 204 on success. */
function s3Upload(rec: RecordedRequest, req: http.IncomingMessage, res: Res): void {
  const c = { 'Access-Control-Allow-Origin': req.headers.origin ?? '*', Vary: 'Origin' };
  if (rec.method === 'OPTIONS') return void res.writeHead(204, { ...c, 'Access-Control-Allow-Methods': 'POST' }).end();
  const xml = (status: number, code: string, message: string) =>
    void res
      .writeHead(status, { ...c, 'Content-Type': 'application/xml' })
      .end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`);
  if (rec.method !== 'POST' || rec.path.split('?')[0] !== `/${S3_BUCKET}`)
    return xml(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
  const names = [...rec.body.matchAll(/form-data; name="([^"]+)"/g)].map((m) => m[1]);
  if (!names.includes('key') || !names.includes('policy'))
    return xml(400, 'InvalidArgument', "Bucket POST must contain a field named 'key'.");
  if (names.at(-1) !== 'file') return xml(400, 'InvalidArgument', 'The file must be the last field of the form.');
  res.writeHead(204, c).end();
}
