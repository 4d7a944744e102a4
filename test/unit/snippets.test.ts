// Snippets (cURL, fetch, Python requests) for hostile URLs, headers and bodies: the command is run
// through a real POSIX shell (with curl replaced by a function that prints its arguments), the
// fetch snippet through a fake fetch, the Python one through a decoder of its string literals.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { canonicalOrigin, canonicalUrl, toCurl, toFetch, toPython, urlNotCanonical } from '../../src/core/export';
import type { Exchange } from '../../src/core/exchange';
import { secretsMatcher } from '../../src/core/secrets';

const KEY = 'Xk2v9Qab.s3cr3tPartOfTheKey0123456789';
const ENV_KEY = 'EnvValue.fromTheShell42';
const API = 'https://api.maiagent.ai';

/** The argv curl would get, from running the snippet in sh. */
function curlArgv(cmd: string): string[] {
  const script = `curl() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${cmd}\n`;
  const out = execFileSync('sh', ['-c', script], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', MAIAGENT_API_KEY: ENV_KEY },
  }).toString('utf8');
  return out.split('\0').slice(0, -1);
}

/** The host curl connects to: RFC 3986, as curl reads a URL (authority up to / ? #, host after the last @). */
function curlHost(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)/i.exec(url);
  if (!m) throw new Error(`not a URL for curl: ${url}`);
  const authority = m[2]!;
  return authority.slice(authority.lastIndexOf('@') + 1).replace(/:\d+$/, '');
}

/** Options of the argv, by flag. */
function curlParts(argv: string[]) {
  const [url, ...rest] = argv;
  const headers: string[] = [];
  let method = 'GET';
  let body: string | null = null;
  let globoff = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '-H') headers.push(rest[++i]!);
    else if (a === '-X') method = rest[++i]!;
    else if (a === '--data-raw') body = rest[++i]!;
    else if (a === '--globoff') globoff = true;
    else throw new Error(`unexpected curl argument ${JSON.stringify(a)}`);
  }
  return { url: url!, headers, method, body, globoff };
}

async function runFetch(snippet: string) {
  let seen: { url: string; init: { method: string; headers: Record<string, string>; body?: string } } | null = null;
  const fakeFetch = async (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => {
    seen = { url, init };
  };
  await new Function('fetch', 'process', `return (async () => { ${snippet} })()`)(fakeFetch, { env: { MAIAGENT_API_KEY: ENV_KEY } });
  return seen!;
}

/** Evaluate one Python expression of string literals and os.environ["MAIAGENT_API_KEY"] joined by +. */
function pyExpr(expr: string): string {
  let out = '';
  let rest = expr.trim();
  while (rest) {
    const env = /^os\.environ\["MAIAGENT_API_KEY"\]/.exec(rest);
    const lit = /^"((?:[^"\\]|\\.)*)"/.exec(rest);
    if (env) {
      out += ENV_KEY;
      rest = rest.slice(env[0].length);
    } else if (lit) {
      // The snippet promises ASCII-only source.
      expect(lit[1]).toMatch(/^[\x20-\x7e]*$/);
      out += lit[1]!.replace(/\\(x[0-9a-f]{2}|u[0-9a-f]{4}|U[0-9a-f]{8}|.)/g, (_, e: string) =>
        e.length > 1 ? String.fromCodePoint(parseInt(e.slice(1), 16)) : (({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[e] ?? e),
      );
      rest = rest.slice(lit[0].length);
    } else throw new Error(`not a string expression: ${rest}`);
    rest = rest.trim();
    if (rest.startsWith('+')) rest = rest.slice(1).trim();
  }
  return out;
}

function runPython(snippet: string) {
  const lines = snippet.split('\n');
  const start = lines.indexOf('response = requests.request(');
  const arg = (l: string) => l.trim().replace(/,$/, '');
  const method = pyExpr(arg(lines[start + 1]!));
  const url = pyExpr(arg(lines[start + 2]!));
  const headers: Record<string, string> = {};
  let i = start + 4;
  for (; lines[i] !== '    },'; i++) {
    const m = /^\s+("(?:[^"\\]|\\.)*"): (.*),$/.exec(lines[i]!)!;
    headers[pyExpr(m[1]!)] = pyExpr(m[2]!);
  }
  const data = /^ {4}data=\((.*)\)\.encode\("utf-8"\),$/.exec(lines[i + 1] ?? '');
  return { method, url, headers, body: data ? pyExpr(data[1]!) : null };
}

const base = (url: string, more: Partial<Exchange> = {}): Exchange => ({
  method: 'GET',
  url,
  status: 400,
  requestHeaders: [],
  responseHeaders: [],
  ...more,
});

const HOSTILE_URLS: [string, string][] = [
  // [raw URL, the host a browser (and now every snippet) goes to]
  ['https://api.maiagent.ai\\@evil.test/api/v1/x', 'api.maiagent.ai'],
  ['https://api.maiagent.ai\\\\evil.test/x', 'api.maiagent.ai'],
  ['https://api.maiagent.ai@evil.test/api/v1/x', 'evil.test'],
  ['https://evil.test#@api.maiagent.ai/', 'evil.test'],
  ['https://evil.test?@api.maiagent.ai/', 'evil.test'],
  ['https://api.maiagent.ai\t/api/v1/\tx?q=a\tb', 'api.maiagent.ai'],
  ['https://api.maia\ngent.ai/api/v1/x?q=line\nbreak', 'api.maiagent.ai'],
  ['https://api.maiagent.ai/ü/日本?q=\'"$HOME`id`$(id)\\ é&r=%41', 'api.maiagent.ai'],
  ['HTTPS://API.MAIAGENT.AI:443/a b/../c?x[]={1,2}#frag', 'api.maiagent.ai'],
  ['https://аpi.maiagent.ai/x', 'xn--pi-6kc.maiagent.ai'],
  ['https://user:pass@api.maiagent.ai/x', 'api.maiagent.ai'],
];

describe('canonical URLs in every snippet', () => {
  it.each(HOSTILE_URLS)('%j goes to %s in cURL, fetch and Python alike', async (raw, host) => {
    const url = canonicalUrl(raw)!;
    expect(new URL(url).hostname).toBe(host);
    const api = canonicalOrigin(raw) === API;
    const ex = base(raw);

    const curl = curlParts(curlArgv(toCurl(ex, { key: KEY })));
    expect(curl.url).toBe(url);
    expect(curlHost(curl.url)).toBe(host);
    // Nothing curl would read differently: no spaces, controls or backslashes, no user info.
    expect(curl.url).toMatch(/^[\x21-\x7e]+$/);
    // A backslash is read as a slash before the query (a browser already did); in the query it is data.
    expect(curl.url.split('?')[0]).not.toContain('\\');
    expect(curl.url.split('/')[2]).not.toContain('@');
    expect(curl.globoff).toBe(/[[\]{}]/.test(url));
    // The key (asked for) only for the API origin; elsewhere not even the variable.
    expect(curl.headers.some((h) => h.includes(KEY))).toBe(api);
    expect(toCurl(ex).includes('MAIAGENT_API_KEY')).toBe(api);

    const f = await runFetch(toFetch(ex));
    expect(f.url).toBe(url);
    expect('Authorization' in f.init.headers).toBe(api);

    const py = runPython(toPython(ex));
    expect(py.url).toBe(url);
    expect('Authorization' in py.headers).toBe(api);
  });

  it('flags a URL that is not written the way it is read', () => {
    expect(urlNotCanonical('https://api.maiagent.ai/api/v1/x?q=1')).toBe(false);
    expect(urlNotCanonical('https://api.maiagent.ai')).toBe(false);
    for (const [raw] of HOSTILE_URLS) expect(urlNotCanonical(raw)).toBe(true);
    expect(urlNotCanonical('not a url')).toBe(true);
    expect(() => toCurl(base('not a url'))).toThrow();
  });
});

describe('quoting holds for any text', () => {
  const nasty = `it's "quoted" $HOME \${x} \`id\` $(id) \\ back\\slash\ttab\nnew line\r\n日本語 é 😀 \u2028 \u0007 end`;
  const ex: Exchange = base(`${API}/api/v1/chatbots/?api_key=${KEY}`, {
    method: 'POST',
    requestHeaders: [
      { name: 'Authorization', value: `Api-Key ${KEY}` },
      { name: 'Content-Type', value: 'application/json' },
      { name: 'X-Note', value: nasty },
      { name: 'X-Api-Key', value: KEY },
      { name: 'Cookie', value: `sessionid=abc123456789; k=${KEY}` },
      { name: 'Bad\nName', value: 'x' },
    ],
    requestBody: JSON.stringify({ note: nasty, key: KEY }),
  });
  const noteInHeader = nasty.replace(/[\r\n]+/g, ' ');
  const bodyWithEnv = JSON.stringify({ note: nasty, key: ENV_KEY });

  it('cURL: each value reaches curl as one exact argument; the key comes from the environment', () => {
    const cmd = toCurl(ex, { secrets: secretsMatcher([KEY]) });
    expect(cmd).not.toContain(KEY);
    expect(cmd).not.toContain('sessionid');
    const c = curlParts(curlArgv(cmd));
    expect(c.method).toBe('POST');
    expect(c.url).toBe(`${API}/api/v1/chatbots/?api_key=${ENV_KEY}`);
    expect(c.headers).toEqual([
      `Authorization: Api-Key ${ENV_KEY}`,
      'Content-Type: application/json',
      `X-Note: ${noteInHeader}`,
      `X-Api-Key: ${ENV_KEY}`,
    ]);
    expect(c.body).toBe(bodyWithEnv);
  });

  it('cURL with "Include my key": the key itself, still as exact arguments', () => {
    const c = curlParts(curlArgv(toCurl(ex, { key: KEY })));
    expect(c.url).toBe(`${API}/api/v1/chatbots/?api_key=${KEY}`);
    expect(c.headers[0]).toBe(`Authorization: Api-Key ${KEY}`);
    expect(c.body).toBe(JSON.stringify({ note: nasty, key: KEY }));
  });

  it('fetch: the same request, page text as inert literals', async () => {
    const snippet = toFetch(ex);
    expect(snippet).not.toContain(KEY);
    const f = await runFetch(snippet);
    expect(f.url).toBe(`${API}/api/v1/chatbots/?api_key=${ENV_KEY}`);
    expect(f.init.headers).toEqual({
      Authorization: `Api-Key ${ENV_KEY}`,
      'Content-Type': 'application/json',
      'X-Note': noteInHeader,
      'X-Api-Key': ENV_KEY,
    });
    expect(f.init.body).toBe(bodyWithEnv);
  });

  it('Python requests: os.environ["MAIAGENT_API_KEY"], ASCII-only literals, the body as UTF-8 bytes', () => {
    const snippet = toPython(ex);
    expect(snippet).not.toContain(KEY);
    expect(snippet).toMatch(/^import os\n\nimport requests\n/);
    expect(snippet).toContain('"Authorization": "Api-Key " + os.environ["MAIAGENT_API_KEY"],');
    const py = runPython(snippet);
    expect(py.method).toBe('POST');
    expect(py.url).toBe(`${API}/api/v1/chatbots/?api_key=${ENV_KEY}`);
    expect(py.headers).toEqual({
      Authorization: `Api-Key ${ENV_KEY}`,
      'Content-Type': 'application/json',
      'X-Note': noteInHeader,
      'X-Api-Key': ENV_KEY,
    });
    expect(py.body).toBe(bodyWithEnv);
    expect(toPython(ex, { key: KEY })).toContain(`"Authorization": "Api-Key ${KEY}",`);
  });

  it('a non-API origin gets no key and no variable, only inert placeholder text', async () => {
    const other = { ...ex, url: `https://evil.test/x?api_key=${KEY}` };
    for (const s of [toCurl(other, { key: KEY }), toFetch(other, { key: KEY }), toPython(other, { key: KEY })]) {
      expect(s).not.toContain(KEY);
      expect(s).not.toContain('process.env');
      expect(s).not.toContain('os.environ');
    }
    expect(toCurl(other)).not.toContain(`'"$MAIAGENT_API_KEY"'`);
    const c = curlParts(curlArgv(toCurl(other, { key: KEY })));
    expect(c.url).toBe('https://evil.test/x?api_key=$MAIAGENT_API_KEY');
    expect(c.headers.join('\n')).not.toContain(ENV_KEY);
    expect(c.body).toBe(JSON.stringify({ note: nasty, key: '$MAIAGENT_API_KEY' }));
    // Unless the user configured that origin as an API origin.
    expect(toCurl(other, { apiOrigins: ['https://evil.test'] })).toContain('"$MAIAGENT_API_KEY"');
  });
});
