// The real DevTools panel explains what the API answered, as text, with the key masked.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, truncateSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST } from './browser';
import { importHarFile, poll, selectRow } from './devtools';
import { harEntry, harFile } from './har';
import { usePanel } from './setup';
import { pageFetch } from './user';

const KEY = 'Pn7Yq2Lm.panelTestSecret0123456789';

const env = usePanel({ [KEY]: { id: 'u1', name: 'Ada', email: 'ada@example.com', company: 'Example Co' } }, { key: KEY });

interface RowInfo {
  method: string;
  path: string;
  status: string;
  summary: string;
}

const rows = () =>
  env.panel.eval<RowInfo[]>(`[...document.querySelectorAll('[role=option]')].map((r) => ({
    method: r.querySelector('.method').textContent, path: r.querySelector('.path').textContent,
    status: r.querySelector('.status').textContent, summary: r.querySelector('.summary').textContent }))`);

/** Click the newest row with this path and status, as a user would, and return the detail view's text. */
const select = (path: string, status: string) => selectRow(env.panel, path, status);

async function setInjection(on: boolean): Promise<void> {
  const popup = await env.b.openPopup();
  const toggle = popup.getByRole('switch', { name: /Add the key/ });
  if (on) await toggle.check();
  else await toggle.uncheck();
  await popup.getByText(/Injection is off/).waitFor({ state: on ? 'detached' : 'visible' });
  await popup.close();
}

describe('DevTools panel', () => {
  it('lists API requests with a one-line summary, and explains a 401 "not provided" from injection being off', async () => {
    await setInjection(false);
    await pageFetch(env.docs, 'https://api.maiagent.ai/api/users/current/');
    const list = await poll('the 401 row', async () => (await rows()).find((r) => r.status === '401'));
    expect(list.method).toBe('GET');
    expect(list.path).toBe('/api/users/current/');
    expect(list.summary).toBe('Not authenticated — Authentication credentials were not provided.');
    const detail = await select('/api/users/current/', '401');
    expect(detail).toContain('key injection is switched off');
    expect(detail).toContain('Authorization: Api-Key <your key>');
    expect(detail).toContain('No Authorization header was sent.');
  });

  it('explains a 401 "Invalid API key format." showing what was sent, masked', async () => {
    // Injection is still off, so the page's own malformed header goes out as it is.
    await pageFetch(env.docs, 'https://api.maiagent.ai/api/v1/chatbots/', { headers: { Authorization: `Api-Key  Api-Key ${KEY}` } });
    const row = await poll('the format row', async () => (await rows()).find((r) => r.path === '/api/v1/chatbots/' && r.status === '401'));
    expect(row.summary).toBe('Not authenticated — Invalid API key format.');
    const detail = await select('/api/v1/chatbots/', '401');
    expect(detail).toContain(`Authorization sent: Api-Key␣␣Api-Key ${KEY.slice(0, 6)}...${KEY.slice(-2)}`);
    expect(detail).toContain('The prefix appears twice');
    expect(detail).toContain('Remove extra spaces');
    await setInjection(true);
  });

  it('shows every field of a 400 with its messages, and which fields were sent', async () => {
    await pageFetch(env.docs, 'https://api.maiagent.ai/api/v1/chatbots/', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ description: 'no name' }),
    });
    const row = await poll('the 400 row', async () => (await rows()).find((r) => r.status === '400' && r.path === '/api/v1/chatbots/'));
    expect(row.summary).toBe('Bad request — name, rag');
    const detail = await select('/api/v1/chatbots/', '400');
    expect(detail).toContain('name: This field is required. The field was not in the request body.');
    expect(detail).toContain('rag: This field is required.');
    expect(detail).toContain('Fields that were sent: description');
  });

  it('never shows the full key, and shows the sent Authorization masked', async () => {
    await pageFetch(env.docs, 'https://api.maiagent.ai/api/users/current/');
    await poll('the 200 row', async () => (await rows()).find((r) => r.status === '200'));
    const detail = await select('/api/users/current/', '200');
    expect(detail).toContain(`Api-Key ${KEY.slice(0, 6)}...${KEY.slice(-2)}`);
    const all = await env.panel.eval<string>('document.documentElement.outerHTML');
    expect(all).not.toContain(KEY);
    expect(all).not.toContain(KEY.slice(6, -2));
  });

  it('renders a hostile body as text: no element is created from it and no script runs', async () => {
    await pageFetch(env.docs, 'https://api.maiagent.ai/api/v1/hostile/');
    await poll('the hostile row', async () => (await rows()).find((r) => r.path === '/api/v1/hostile/'));
    const detail = await select('/api/v1/hostile/', '400');
    expect(detail).toContain('<script>document.title="pwned"</script>');
    expect(await env.panel.eval<number>(`document.querySelectorAll('.details img, .details script').length`)).toBe(0);
    expect(await env.panel.eval<string>('document.title')).not.toBe('pwned');
  });

  it('decodes 403, 404 (with the corrected URL), 405, 429 (with Retry-After) and a 500 HTML page', async () => {
    await pageFetch(env.docs, 'https://api.maiagent.ai/api/v1/organizations/other-org/');
    await pageFetch(env.docs, 'https://api.maiagent.ai/api/v1/chatbots/missing/');
    await pageFetch(env.docs, 'https://api.maiagent.ai/api/v1/chatbots/', { method: 'DELETE' });
    await pageFetch(env.docs, 'https://api.maiagent.ai/api/v1/throttled/');
    await pageFetch(env.docs, 'https://api.maiagent.ai/api/v1/broken/');
    let d = await select('/api/v1/organizations/other-org/', '403');
    expect(d).toContain('You do not have permission to perform this action.');
    expect(d).toContain('may not access this resource');
    d = await select('/api/v1/chatbots/missing/', '404');
    expect(d).toContain('Not found.');
    d = await select('/api/v1/chatbots/', '405');
    expect(d).toContain('Allowed methods: GET, POST, HEAD, OPTIONS');
    d = await select('/api/v1/throttled/', '429');
    expect(d).toContain('Wait 30 seconds (Retry-After)');
    d = await select('/api/v1/broken/', '500');
    expect(d).toContain('Server Error (500)');
    expect(d).toContain('req-5f2c9a');
  });

  it('copies a request as cURL with the $MAIAGENT_API_KEY placeholder, and with the key only when asked', async () => {
    const detail = await select('/api/v1/chatbots/', '400');
    expect(detail).toContain('rag');
    await env.panel.eval(`[...document.querySelectorAll('button')].find((b) => b.textContent === 'Copy as cURL').click(), true`);
    const curl = await poll('the cURL snippet', () =>
      env.panel.eval<string>(`document.querySelector('[data-testid=snippet]')?.textContent ?? ''`),
    );
    expect(curl).toContain(`curl 'https://api.maiagent.ai/api/v1/chatbots/'`);
    expect(curl).toContain(`-H 'Authorization: Api-Key '"$MAIAGENT_API_KEY"`);
    expect(curl).toContain(`--data-raw '{"description":"no name"}'`);
    expect(curl).not.toContain(KEY);
    await env.panel.eval(`[...document.querySelectorAll('button')].find((b) => b.textContent === 'Copy as fetch').click(), true`);
    const fetchText = await poll('the fetch snippet', () =>
      env.panel.eval<string>(
        `(() => { const t = document.querySelector('[data-testid=snippet]')?.textContent ?? ''; return t.startsWith('await fetch') ? t : ''; })()`,
      ),
    );
    expect(fetchText).toContain('process.env.MAIAGENT_API_KEY');
    expect(fetchText).not.toContain(KEY);
    // Only an explicit choice puts the key in.
    await env.panel.eval(
      `[...document.querySelectorAll('label')].find((l) => l.textContent === 'Include my key').querySelector('input').click(), true`,
    );
    await env.panel.eval(`[...document.querySelectorAll('button')].find((b) => b.textContent === 'Copy as cURL').click(), true`);
    const withKey = await poll('the snippet with the key', () =>
      env.panel.eval<string>(
        `(() => { const t = document.querySelector('[data-testid=snippet]')?.textContent ?? ''; return t.includes(${JSON.stringify(KEY)}) ? t : ''; })()`,
      ),
    );
    expect(withKey).toContain(`'Authorization: Api-Key ${KEY}'`);
    await env.panel.eval(
      `[...document.querySelectorAll('label')].find((l) => l.textContent === 'Include my key').querySelector('input').click(), true`,
    );
    await select('/api/users/current/', '200');
    expect(await env.panel.eval<string>('document.documentElement.outerHTML')).not.toContain(KEY);
  });

  it('filters by text, errors and status class, and moves through rows by keyboard', async () => {
    const count = () => env.panel.eval<string>(`document.querySelector('[data-testid=row-count]').textContent`);
    const total = Number(await count());
    expect(total).toBeGreaterThan(5);
    const setFilter = (v: string) =>
      env.panel.eval(
        `(() => { const i = document.querySelector('input[type=search]'); i.value = ${JSON.stringify(v)}; i.dispatchEvent(new Event('input', { bubbles: true })); return true; })()`,
      );
    await setFilter('throttled');
    await poll('the filtered count', async () => (await count()) === `1 of ${total}`);
    expect((await rows()).map((r) => r.path)).toEqual(['/api/v1/throttled/']);
    await setFilter('');
    await env.panel.eval(
      `(() => { const c = [...document.querySelectorAll('label')].find((l) => l.textContent === 'Errors only').querySelector('input'); c.click(); return true; })()`,
    );
    await poll('errors only', async () => (await rows()).every((r) => Number(r.status) >= 400 || r.status === '—'));
    await env.panel.eval(
      `(() => { const c = [...document.querySelectorAll('label')].find((l) => l.textContent === 'Errors only').querySelector('input'); c.click(); return true; })()`,
    );
    await env.panel.eval(
      `(() => { const s = document.querySelector('select'); s.value = '5xx'; s.dispatchEvent(new Event('change', { bubbles: true })); return true; })()`,
    );
    await poll('5xx only', async () => {
      const r = await rows();
      return r.length > 0 && r.every((x) => x.status.startsWith('5'));
    });
    await env.panel.eval(
      `(() => { const s = document.querySelector('select'); s.value = 'all'; s.dispatchEvent(new Event('change', { bubbles: true })); return true; })()`,
    );
    await poll('all rows back', async () => (await count()) === String(total));
    // Keyboard: Home selects the first row, ArrowDown the next.
    await env.panel.eval(`document.querySelector('[role=listbox]').focus(), true`);
    const key = async (k: string, code: number) => {
      await env.panel.send('Input.dispatchKeyEvent', { type: 'keyDown', key: k, code: k, windowsVirtualKeyCode: code });
      await env.panel.send('Input.dispatchKeyEvent', { type: 'keyUp', key: k, code: k, windowsVirtualKeyCode: code });
    };
    const selectedPos = () =>
      env.panel.eval<string | null>(`document.querySelector('[role=option][aria-selected=true]')?.getAttribute('aria-posinset') ?? null`);
    await key('Home', 36);
    await poll('first row selected', async () => (await selectedPos()) === '1');
    await key('ArrowDown', 40);
    await poll('second row selected', async () => (await selectedPos()) === '2');
    await key('End', 35);
    await poll('last row selected', async () => (await selectedPos()) === String(total));
  });

  it('imports a HAR file and explains its entries the same way', async () => {
    const entry = (path: string, status: number, body: unknown, requestHeaders: { name: string; value: string }[] = []) =>
      harEntry(path, status, body, { time: 42, requestHeaders });
    const { file, done } = harFile('ticket.har', [
      entry('/api/v1/imported-a/', 401, { detail: 'Authentication credentials were not provided.' }),
      entry('/api/v1/imported-b/', 401, { detail: 'Invalid API key format.' }, [
        { name: 'Authorization', value: 'Bearer abcdef123456.zz' },
      ]),
      entry('/api/v1/imported-c/', 200, {
        count: 45,
        next: 'https://api.maiagent.ai/api/v1/imported-c/?page=2',
        previous: null,
        results: [{}, {}],
      }),
    ]);
    try {
      await importHarFile(env.panel, file);
      await poll('the imported rows', async () => (await rows()).some((r) => r.path === '/api/v1/imported-c/'));
      const list = await rows();
      expect(list.map((r) => r.path)).toEqual(['/api/v1/imported-a/', '/api/v1/imported-b/', '/api/v1/imported-c/']);
      expect(list[1]!.summary).toBe('Not authenticated — Invalid API key format.');
      const b = await select('/api/v1/imported-b/', '401');
      expect(b).toContain('Use the prefix "Api-Key", not "Bearer".');
      expect(b).toContain('Authorization sent: Bearer abc...z');
      const c = await select('/api/v1/imported-c/', '200');
      expect(c).toContain('2 item(s) on this page of 45; more pages follow');
      // An imported entry brings its body: nothing is left to read.
      expect(c).not.toContain('Reading the body');
    } finally {
      done();
    }
  });

  it('"All requests of the tab" lists other requests too, and reads their bodies only when selected', async () => {
    const clickLabel = (text: string) =>
      env.panel.eval(
        `(() => { [...document.querySelectorAll('label')].find((l) => l.textContent === ${JSON.stringify(text)}).querySelector('input').click(); return true; })()`,
      );
    await pageFetch(env.docs, 'https://docs.maiagent.ai/__echo?before=1');
    await new Promise((r) => setTimeout(r, 300));
    expect((await rows()).some((r) => r.path.startsWith('/__echo'))).toBe(false);
    await clickLabel('All requests of the tab');
    await pageFetch(env.docs, 'https://docs.maiagent.ai/__echo?after=1');
    await poll('the non-API row', async () => (await rows()).some((r) => r.path === '/__echo?after=1'));
    await select('/__echo?after=1', '200');
    const body = await poll('the body, read on selection', () =>
      env.panel.eval<string>(`document.querySelector('[data-testid=response-body]')?.textContent ?? ''`),
    );
    expect(body).toContain('"scheme": "https"');
    await clickLabel('All requests of the tab');
  });

  it('Copy error report and Copy as Python hold no key and no cookie, live and from an imported HAR file', async () => {
    const click = (text: string) =>
      env.panel.eval(`[...document.querySelectorAll('button')].find((b) => b.textContent === ${JSON.stringify(text)}).click(), true`);
    const snippetStarting = (start: string) =>
      poll(`a snippet starting with ${start}`, () =>
        env.panel.eval<string>(
          `(() => { const t = document.querySelector('[data-testid=snippet]')?.textContent ?? ''; return t.startsWith(${JSON.stringify(start)}) ? t : ''; })()`,
        ),
      );
    const version = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')).version as string;

    // Live: the echo endpoint repeats the injected header, key included, in its body.
    const echoed = await pageFetch(env.docs, 'https://api.maiagent.ai/__echo?probe=report');
    expect(echoed.text).toContain(KEY);
    await poll('the echo row', async () => (await rows()).find((r) => r.path === '/__echo?probe=report'));
    const detail = await select('/__echo?probe=report', '200');
    expect(detail).toContain(`${KEY.slice(0, 6)}...${KEY.slice(-2)}`);
    expect(detail).not.toContain(KEY);
    await click('Copy error report');
    const live = await snippetStarting('### MaiAgent API error report');
    expect(live).toContain('`GET https://api.maiagent.ai/__echo?probe=report`');
    expect(live).toContain(`MaiAgent DevTools ${version}`);
    expect(live).not.toContain(KEY);
    expect(await env.panel.eval<string>(`document.querySelector('.details [role=status]')?.textContent ?? ''`)).toMatch(
      /Error report copied|Could not reach the clipboard/,
    );
    await click('Copy as Python');
    const py = await snippetStarting('import os');
    expect(py).toContain('os.environ["MAIAGENT_API_KEY"]');
    expect(py).not.toContain(KEY);
    expect(await env.panel.eval<string>('document.documentElement.outerHTML')).not.toContain(KEY);

    // Imported: a URL written to mislead, cookies both ways, the key echoed, and a body over the cap.
    const COOKIE = 'sess-e2e-7f3a9c1e2b4d';
    const { file, done } = harFile('attack.har', [
      {
        startedDateTime: '2026-11-20T10:00:00.000Z',
        time: 42,
        request: {
          method: 'POST',
          url: 'https://api.maiagent.ai\\@evil.test/api/v1/attack/',
          headers: [
            { name: 'Authorization', value: `Api-Key ${KEY}` },
            { name: 'Cookie', value: `sessionid=${COOKIE}` },
            { name: 'Content-Type', value: 'application/json' },
          ],
          cookies: [{ name: 'sessionid', value: COOKIE }],
          postData: { mimeType: 'application/json', text: JSON.stringify({ key: KEY, cookie: COOKIE }) },
        },
        response: {
          status: 401,
          headers: [
            { name: 'Content-Type', value: 'application/json' },
            { name: 'Set-Cookie', value: `sessionid=${COOKIE}; Path=/` },
            { name: 'x-amz-request-id', value: 'AMZ-REQ-1' },
          ],
          cookies: [{ name: 'sessionid', value: COOKIE }],
          content: { mimeType: 'application/json', text: JSON.stringify({ detail: `Invalid key ${KEY} for session ${COOKIE}` }) },
        },
      },
      {
        startedDateTime: '2026-11-20T10:00:01.000Z',
        time: 1,
        request: { method: 'GET', url: 'https://api.maiagent.ai/api/v1/huge/', headers: [] },
        response: {
          status: 200,
          headers: [{ name: 'Content-Type', value: 'text/plain' }],
          content: { mimeType: 'text/plain', text: 'x'.repeat(3_000_000) },
        },
      },
    ]);
    try {
      await importHarFile(env.panel, file);
      await poll('the imported rows', async () => (await rows()).some((r) => r.path === '/api/v1/huge/'));
      const huge = await select('/api/v1/huge/', '200');
      expect(huge).toContain('Only the first 1 MB of this body was kept.');
      // Flagged in the list, and explained in the detail view.
      const attack = await select('⚠ /@evil.test/api/v1/attack/', '401');
      expect(
        await env.panel.eval<string>(`document.querySelector('[role=option][aria-selected=true] .flag').getAttribute('aria-label')`),
      ).toBe('This URL is written differently from how a browser reads it');
      expect((await rows()).filter((r) => r.path.startsWith('⚠')).map((r) => r.path)).toEqual(['⚠ /@evil.test/api/v1/attack/']);
      expect(attack).toContain('This URL is written differently from how a browser reads it');
      expect(attack).toContain('https://api.maiagent.ai/@evil.test/api/v1/attack/');
      expect(attack).not.toContain(KEY);
      await click('Copy error report');
      const report = await snippetStarting('### MaiAgent API error report');
      expect(report).toContain('`POST https://api.maiagent.ai/@evil.test/api/v1/attack/`');
      expect(report).toContain('x-amz-request-id `AMZ-REQ-1`');
      expect(report).not.toContain(KEY);
      expect(report).not.toContain(COOKIE);
      await click('Copy as Python');
      const imported = await snippetStarting('import os');
      expect(imported).toContain('"https://api.maiagent.ai/@evil.test/api/v1/attack/"');
      expect(imported).not.toContain(KEY);
      expect(imported).not.toContain(COOKIE);
      await click('Copy as cURL');
      const curl = await snippetStarting('curl ');
      expect(curl).toContain(`curl 'https://api.maiagent.ai/@evil.test/api/v1/attack/'`);
      expect(curl).not.toContain(KEY);
      expect(curl).not.toContain(COOKIE);
      expect(await env.panel.eval<string>('document.documentElement.outerHTML')).not.toContain(KEY);
    } finally {
      done();
    }
  });

  it('refuses a HAR file over 100 MB before reading it, and imports a 90 MB body without freezing', async () => {
    const notice = () =>
      env.panel.eval<string>(`[...document.querySelectorAll('.hint[role=status] span')].map((s) => s.textContent).join('|')`);
    const setFile = (file: string) => importHarFile(env.panel, file);
    const dir = mkdtempSync(join(tmpdir(), 'maiagent-har-'));
    try {
      // Sparse: 101 MB on paper, nothing on disk; only its size is ever looked at.
      const tooBig = join(dir, `${'n'.repeat(200)}.har`);
      writeFileSync(tooBig, '');
      truncateSync(tooBig, 101 * 1024 * 1024);
      await setFile(tooBig);
      const refused = await poll('the refusal', async () => ((await notice()).includes('larger than 100 MB') ? notice() : ''));
      expect(refused.length).toBeLessThan(250);
      expect(refused).toContain('…');

      const big = join(dir, 'big.har');
      const entry = (path: string, text: string) => ({
        request: { method: 'GET', url: `https://api.maiagent.ai${path}`, headers: [] },
        response: { status: 200, headers: [{ name: 'Content-Type', value: 'text/plain' }], content: { mimeType: 'text/plain', text } },
      });
      writeFileSync(
        big,
        JSON.stringify({
          log: { version: '1.2', entries: [entry('/api/v1/ninety-mb/', 'y'.repeat(90_000_000)), entry('/api/v1/small/', 'ok')] },
        }),
      );
      const started = Date.now();
      await setFile(big);
      await poll('the imported rows', async () => (await rows()).some((r) => r.path === '/api/v1/small/'));
      const took = Date.now() - started;
      const d = await select('/api/v1/ninety-mb/', '200');
      expect(d).toContain('Only the first 1 MB of this body was kept.');
      const shown = await env.panel.eval<number>(`document.querySelector('[data-testid=response-body]').textContent.length`);
      expect(shown).toBeLessThanOrEqual(1_000_000);
      console.log(`90 MB HAR file: rows shown after ${took} ms`);
      // Before the cap a 100 MB body held the panel for 37 s; reading and parsing 90 MB stays far below that.
      expect(took).toBeLessThan(15_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
