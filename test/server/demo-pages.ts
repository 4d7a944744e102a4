// The pages `npm start` shows, served by the test server on the docs host (and one on another site):
//
// - /demo: a button per case, each making exactly the request it names. Requests from this page
//   (the docs site) get the key from the extension; the two 401 buttons ask a page on another
//   website (an iframe on OTHER_SITE), which the extension never gives the key to, to make the
//   call — one with no Authorization header, one with a made-up key of its own. Every result
//   prints in a fixed box beside its button, so nothing moves.
// - /reference/current-user: an API reference page like docs.maiagent.ai's, with examples to
//   paste into the DevTools console of this page, and a link into the browsable API.
// - OTHER_SITE/demo-caller: the other website's page that makes the 401 calls for /demo.
//
// The request and response shapes follow MaiAgent's documented API (chat completions with
// `message`/`isStreaming` and a stream of `{content, conversationId, done}` events; uploads through
// a presigned S3 POST, then POST /attachments/).

export interface DemoHosts {
  api: string;
  docs: string;
  /** A website the extension does not give the key to. */
  other: string;
  /** The S3 host the presigned upload goes to. */
  s3: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type From = 'docs' | 'other';
interface DemoCall {
  id: string;
  label: string;
  method: string;
  path: string;
  note: string;
  body?: unknown;
  from?: From;
  /** Sent by the other website's page itself (the extension never sets it there). */
  authorization?: string;
  kind?: 'fetch' | 'stream' | 'upload';
}

export const DEMO_CHATBOT = 'demo-bot';

/** What the demo page's buttons ask the API. */
export function demoCalls(h: DemoHosts): DemoCall[] {
  const completions = `/api/v1/chatbots/${DEMO_CHATBOT}/completions/`;
  return [
    { id: '200', label: '200 OK', method: 'GET', path: '/api/users/current/', note: 'your user: the extension added the demo key' },
    {
      id: '401',
      label: '401 no key',
      method: 'GET',
      path: '/api/users/current/',
      from: 'other',
      note: `the same request from a page on https://${h.other}, which gets no key`,
    },
    {
      id: '401-wrong',
      label: '401 wrong key',
      method: 'GET',
      path: '/api/users/current/',
      from: 'other',
      authorization: 'Api-Key not-a-real-key',
      note: `https://${h.other} sends a made-up key of its own`,
    },
    {
      id: '400',
      label: '400 field errors',
      method: 'POST',
      path: '/api/v1/chatbots/',
      body: {},
      note: 'a chatbot without its required fields',
    },
    { id: '403', label: '403 forbidden', method: 'GET', path: '/api/v1/organizations/other-org/', note: "another organisation's data" },
    { id: '404', label: '404 not found', method: 'GET', path: '/api/v1/no-such-thing/', note: 'a path the API does not have' },
    { id: '429', label: '429 throttled', method: 'GET', path: '/api/v1/throttled/', note: 'too many requests (Retry-After: 30)' },
    { id: '500', label: '500 server error', method: 'GET', path: '/api/v1/broken/', note: 'the server fails (an HTML error page)' },
    {
      id: 'chat',
      label: 'Chat completion',
      method: 'POST',
      path: completions,
      body: { conversation: null, message: { content: 'Hello', attachments: [] }, isStreaming: false },
      note: 'one answer as JSON: {conversationId, content, done}',
    },
    {
      id: 'stream',
      label: 'Streamed completion',
      method: 'POST',
      path: completions,
      body: { conversation: null, message: { content: 'Hello', attachments: [] }, isStreaming: true },
      kind: 'stream',
      note: 'isStreaming: true, server-sent events {content, conversationId, done}',
    },
    {
      id: 'upload',
      label: 'Upload a file',
      method: 'POST',
      path: '/api/v1/upload-presigned-url/',
      body: { filename: 'hello.txt', modelName: 'attachment', fieldName: 'file', fileSize: 12 },
      kind: 'upload',
      note: 'presigned URL, POST to S3 (no key: not the API), then POST /api/v1/attachments/',
    },
  ];
}

const PAGE_STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:1.5rem auto;padding:0 1rem;color:#1d1f23}
code{font:13px ui-monospace,monospace}
.tip{background:#eef6f5;border-left:4px solid #0b6f66;padding:.5rem .8rem;margin:1rem 0}`;

/** The demo page on the docs host: buttons that make the API answer each way, results shown as text in fixed boxes. */
export function demoPage(h: DemoHosts): string {
  const calls = demoCalls(h);
  const rows = calls
    .map(
      (c) => `<li><button type="button" id="call-${c.id}">${escapeHtml(c.label)}</button>
<div class="what"><code>${c.method} ${escapeHtml(c.path)}</code><br><span>${escapeHtml(c.note)}</span></div>
<pre id="out-${c.id}" data-testid="out-${c.id}" aria-live="polite" tabindex="0"></pre></li>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>MaiAgent DevTools demo</title>
<style>${PAGE_STYLE}
#calls{list-style:none;padding:0;margin:0}
#calls li{display:grid;grid-template-columns:11rem 19rem 1fr;gap:.8rem;align-items:start;margin:0;padding:.45rem 0;border-top:1px solid #e3e6ea}
#calls button{width:100%;padding:.35rem}
.what{font-size:13px;overflow-wrap:anywhere}
#calls pre{height:4.6em;overflow:auto;margin:0;background:#f3f4f6;padding:.3rem .4rem;white-space:pre-wrap;overflow-wrap:anywhere;font-size:12px}
#calls pre:empty::before{content:'—';color:#8a9099}
iframe{display:none}</style></head>
<body><h1>MaiAgent DevTools demo</h1>
<p>This page stands in for <code>https://${h.docs}</code>; its buttons call <code>https://${h.api}</code>, here a local test server.</p>
<ol>
<li>Click the puzzle-piece (Extensions) icon in the toolbar, then <b>MaiAgent DevTools</b> (pin it there to keep it in sight).
Paste the <b>demo key printed in your terminal</b> and press <b>Save</b>.</li>
<li>Open DevTools (F12 or Ctrl+Shift+I) and pick the <b>MaiAgent</b> tab; if the window is narrow it is under <b>»</b>.
Keep it open while you click, so it sees the requests.</li>
<li>Click the buttons. Requests from this page get <code>Authorization: Api-Key …</code> from the extension; the page never sees the key.
The two 401 buttons ask a page on another website (<code>https://${h.other}</code>, in a hidden frame) to make the call: the extension gives it no key.</li>
</ol>
<p class="tip">Also try the <a href="/reference/current-user">API reference page</a>: paste its examples into the DevTools console there.</p>
<ul id="calls">
${rows}
</ul>
<iframe id="other-site" title="a page on another website" src="https://${h.other}/demo-caller"></iframe>
<script>
const API = 'https://${h.api}';
const CALLS = ${JSON.stringify(calls)};
const show = (text) => (text.length > 2000 ? text.slice(0, 2000) + ' …' : text);
const head = (method, path, r) => method + ' ' + path + ' → HTTP ' + r.status + ' ' + r.statusText;

// The other website's page: it makes the call and posts the answer back.
const frame = document.getElementById('other-site');
const frameReady = new Promise((resolve) => {
  addEventListener('message', function ready(e) {
    if (e.origin === 'https://${h.other}' && e.data && e.data.ready) { removeEventListener('message', ready); resolve(); }
  });
});
let seq = 0;
async function fromOtherSite(c) {
  await frameReady;
  const id = ++seq;
  return new Promise((resolve) => {
    addEventListener('message', function answer(e) {
      if (e.origin !== 'https://${h.other}' || !e.data || e.data.id !== id) return;
      removeEventListener('message', answer);
      resolve(e.data);
    });
    frame.contentWindow.postMessage({ id, method: c.method, path: c.path, authorization: c.authorization }, 'https://${h.other}');
  });
}

async function jsonCall(method, path, body) {
  const r = await fetch(API + path, {
    method, credentials: 'omit',
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
  });
  return { r, text: await r.text() };
}

async function stream(c, out) {
  const r = await fetch(API + c.path, { method: c.method, credentials: 'omit', body: JSON.stringify(c.body), headers: { 'Content-Type': 'application/json' } });
  out.textContent = head(c.method, c.path, r) + '\\n';
  if (!r.ok || !r.body) { out.textContent += show(await r.text()); return; }
  const reader = r.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '', answer = '', events = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let cut;
    while ((cut = buffer.indexOf('\\n\\n')) >= 0) {
      const event = buffer.slice(0, cut); buffer = buffer.slice(cut + 2);
      const data = event.split('\\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\\n');
      if (!data) continue;
      events++;
      const e = JSON.parse(data);
      answer += e.content || '';
      out.textContent = head(c.method, c.path, r) + ' · ' + events + ' events' + (e.done ? ', done' : '') + '\\n' + answer;
    }
  }
}

async function upload(c, out) {
  const lines = [];
  const say = (line) => { lines.push(line); out.textContent = lines.join('\\n'); };
  const first = await jsonCall('POST', c.path, c.body);
  say(head('POST', c.path, first.r));
  if (!first.r.ok) return say(show(first.text));
  const presigned = JSON.parse(first.text);
  const form = new FormData();
  for (const [k, v] of Object.entries(presigned.fields)) form.append(k, v);
  form.append('file', new Blob(['Hello, S3!\\n'], { type: 'text/plain' }), c.body.filename); // the file goes last
  const s3 = await fetch(presigned.url, { method: 'POST', body: form, credentials: 'omit' });
  say(head('POST', presigned.url, s3) + ' (storage, no key)');
  if (s3.status !== 204) return say(show(await s3.text()));
  const att = await jsonCall('POST', '/api/v1/attachments/', { file: presigned.fields.key, filename: c.body.filename, type: 'document' });
  say(head('POST', '/api/v1/attachments/', att.r));
  say(show(att.text));
}

for (const c of CALLS) {
  document.getElementById('call-' + c.id).addEventListener('click', async () => {
    const out = document.getElementById('out-' + c.id);
    out.textContent = c.method + ' ' + c.path + ' …';
    try {
      if (c.kind === 'stream') return await stream(c, out);
      if (c.kind === 'upload') return await upload(c, out);
      if (c.from === 'other') {
        const a = await fromOtherSite(c);
        out.textContent = a.error ? c.method + ' ' + c.path + ' → network error: ' + a.error
          : c.method + ' ' + c.path + ' → HTTP ' + a.status + ' ' + a.statusText + ' (from https://${h.other})\\n' + show(a.text);
        return;
      }
      const { r, text } = await jsonCall(c.method, c.path, c.body);
      out.textContent = head(c.method, c.path, r) + '\\n' + show(text);
    } catch (e) {
      out.textContent = c.method + ' ' + c.path + ' → network error: ' + e;
    }
  });
}
</script></body></html>`;
}

/** The other website's page, framed by /demo: it calls the API itself (no key from the extension). */
export function demoCallerPage(h: DemoHosts): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Another website</title></head><body>
<p>A page on another website.</p>
<script>
addEventListener('message', async (e) => {
  if (e.origin !== 'https://${h.docs}' || !e.data || typeof e.data.id !== 'number') return;
  const { id, method, path, authorization } = e.data;
  let reply;
  try {
    const r = await fetch('https://${h.api}' + path, { method, credentials: 'omit', headers: authorization ? { Authorization: authorization } : {} });
    reply = { id, status: r.status, statusText: r.statusText, text: await r.text() };
  } catch (err) {
    reply = { id, error: String(err) };
  }
  e.source.postMessage(reply, e.origin);
});
parent.postMessage({ ready: true }, 'https://${h.docs}');
</script></body></html>`;
}

/** The examples on the reference page: exactly what a reader pastes into the console. */
export function referenceExamples(h: DemoHosts): { id: string; title: string; code: string }[] {
  return [
    {
      id: 'example-current-user',
      title: 'Get the current user',
      code: `fetch('https://${h.api}/api/users/current/')
  .then((r) => r.json())
  .then((user) => console.log(user));`,
    },
    {
      id: 'example-completion',
      title: 'Send a message to a chatbot',
      code: `fetch('https://${h.api}/api/v1/chatbots/${DEMO_CHATBOT}/completions/', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ conversation: null, message: { content: 'Hello', attachments: [] }, isStreaming: false }),
})
  .then((r) => r.json())
  .then((reply) => console.log(reply));`,
    },
  ];
}

/** An API reference page like the documentation's: endpoint, example, how to run it here. */
export function referencePage(h: DemoHosts): string {
  const examples = referenceExamples(h)
    .map((e) => `<h2>${escapeHtml(e.title)}</h2>\n<pre id="${e.id}" data-testid="${e.id}">${escapeHtml(e.code)}</pre>`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Current user – MaiAgent API reference (local stand-in)</title>
<style>${PAGE_STYLE}
pre{background:#f3f4f6;padding:.6rem .8rem;overflow:auto;font-size:13px}</style></head>
<body><p><a href="/demo">← Demo</a></p>
<h1>Current user</h1>
<p><code>GET https://${h.api}/api/users/current/</code> returns the user the API key belongs to. Every request needs the header
<code>Authorization: Api-Key YOUR_API_KEY</code>.</p>
<p class="tip"><b>Try it on this page.</b> Open DevTools (F12) → <b>Console</b>, paste an example below and press Enter.
MaiAgent DevTools adds your key to the request, so the example never contains it. (The first time, Chrome asks you to type
<code>allow pasting</code>.) The <b>MaiAgent</b> tab in DevTools explains the answer.</p>
${examples}
<h2>In the browser</h2>
<p><a id="browsable-api" href="https://${h.api}/api/users/current/">Open GET /api/users/current/ in the browsable API</a>
— a link from the documentation opens it with your key.</p>
</body></html>`;
}
