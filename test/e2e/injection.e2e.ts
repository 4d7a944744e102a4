// The header goes exactly where it should, in a real Chromium with the real host names.
import { describe, expect, it } from 'vitest';
import { openInTab, pageFetch, saveKeyInPopup } from './user';
import { ADA, useExtension } from './setup';

const KEY = 'Xk2v9Qab.s3cr3tPartOfTheKey0123456789';
const env = useExtension({ [KEY]: ADA });
const AUTH = `Api-Key ${KEY}`;

const seen = (host: string, path: string) => env.server.requests.filter((r) => r.host === host && r.path.startsWith(path));

describe('popup first run', () => {
  it('offers an "API key" field and "Save", and shows the saved key masked only', async () => {
    const popup = await env.b.openPopup();
    await expect(popup.getByLabel('API key').isVisible()).resolves.toBe(true);
    await expect(popup.getByLabel('API key').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await popup.close();
    const after = await saveKeyInPopup(env.b, `  ${KEY}\n`);
    await expect(after.getByTestId('masked-key').textContent()).resolves.toBe(`${KEY.slice(0, 6)}...${KEY.slice(-2)}`);
    const html = await after.content();
    expect(html).not.toContain(KEY);
    expect(html).not.toContain(KEY.slice(6, -2));
    await after.close();
  });
});

describe('header present', () => {
  it('on fetch from a docs page', async () => {
    const page = await env.b.ctx.newPage();
    await page.goto('https://docs.maiagent.ai/');
    const r = await pageFetch(page, 'https://api.maiagent.ai/api/users/current/');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text).email).toBe('ada@example.com');
    expect(seen('api.maiagent.ai', '/api/users/current/').at(-1)?.headers.authorization).toBe(AUTH);
    await page.close();
  });

  it('on a POST from a docs page', async () => {
    const page = await env.b.ctx.newPage();
    await page.goto('https://docs.maiagent.ai/');
    const r = await pageFetch(page, 'https://api.maiagent.ai/api/v1/chatbots/', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'x', rag: 'y' }),
    });
    expect(r.status).toBe(201);
    const post = seen('api.maiagent.ai', '/api/v1/chatbots/')
      .filter((x) => x.method === 'POST')
      .at(-1);
    expect(post?.headers.authorization).toBe(AUTH);
    await page.close();
  });

  it('on an API URL opened with "Open in tab" in the popup (browsable API, authenticated)', async () => {
    const popup = await env.b.openPopup();
    await expect(popup.getByLabel('API address to open').inputValue()).resolves.toBe('https://api.maiagent.ai/api/users/current/');
    await popup.close();
    const tab = await openInTab(
      env.b,
      () => env.server.requests,
      'https://api.maiagent.ai/api/users/current/',
      AUTH,
      (t) => t.locator('#response').waitFor(),
    );
    await expect(tab.locator('#response').textContent()).resolves.toContain('ada@example.com');
    expect(seen('api.maiagent.ai', '/api/users/current/').at(-1)?.headers.authorization).toBe(AUTH);
    await tab.close();
  });
});

describe('header absent', () => {
  it('at look-alike and sibling hosts, fetched from a docs page', async () => {
    const page = await env.b.ctx.newPage();
    await page.goto('https://docs.maiagent.ai/');
    for (const host of ['api.maiagent.ai.evil.test', 'maiagent.ai.evil.test', 'apimaiagent.ai', 'other.maiagent.ai', 'docs.maiagent.ai']) {
      const before = env.server.requests.length;
      await pageFetch(page, `https://${host}/__echo`);
      const got = env.server.requests.slice(before).filter((r) => r.host === host && r.path === '/__echo');
      expect(got.length, host).toBeGreaterThan(0);
      for (const r of got) expect(r.headers.authorization, host).toBeUndefined();
    }
    await page.close();
  });

  it('on an API URL typed in the address bar (the switch for that is off by default)', async () => {
    const page = await env.b.ctx.newPage();
    await page.goto('https://api.maiagent.ai/api/users/current/');
    await expect(page.locator('#response').textContent()).resolves.toContain('Authentication credentials were not provided.');
    expect(seen('api.maiagent.ai', '/api/users/current/').at(-1)?.headers.authorization).toBeUndefined();
    await page.close();
  });

  it('over plain http to the API host', async () => {
    const page = await env.b.ctx.newPage();
    const before = env.server.requests.length;
    await page.goto('http://api.maiagent.ai/__echo').catch(() => undefined);
    // The request must really go out over http (no silent upgrade), and carry no key.
    const got = env.server.requests.slice(before).filter((r) => r.host === 'api.maiagent.ai' && r.path === '/__echo');
    expect(got.map((r) => r.scheme)).toEqual(['http']);
    expect(got[0]!.headers.authorization).toBeUndefined();
    await page.close();
  });

  it('from an unrelated website: fetch, link navigation and form post', async () => {
    const page = await env.b.ctx.newPage();
    await page.goto('https://evil.test/');
    let before = env.server.requests.length;
    await pageFetch(page, 'https://api.maiagent.ai/api/users/current/');
    let got = env.server.requests.slice(before).filter((r) => r.host === 'api.maiagent.ai' && r.method === 'GET');
    expect(got.length).toBe(1);
    expect(got[0]!.headers.authorization).toBeUndefined();

    before = env.server.requests.length;
    await Promise.all([page.waitForURL('https://api.maiagent.ai/**'), page.click('#api-link')]);
    got = env.server.requests.slice(before).filter((r) => r.host === 'api.maiagent.ai' && r.path === '/api/users/current/');
    expect(got.length).toBe(1);
    expect(got[0]!.headers.authorization).toBeUndefined();

    await page.goto('https://evil.test/');
    before = env.server.requests.length;
    await Promise.all([page.waitForURL('https://api.maiagent.ai/**'), page.click('#api-form button')]);
    got = env.server.requests.slice(before).filter((r) => r.host === 'api.maiagent.ai' && r.method === 'POST');
    expect(got.length).toBe(1);
    expect(got[0]!.headers.authorization).toBeUndefined();
    await page.close();
  });

  it('on navigations started by sites on IP addresses and single-label hosts', async () => {
    for (const site of [`http://127.0.0.1:${env.server.port}/`, `https://localhost:${env.server.port}/`]) {
      const page = await env.b.ctx.newPage();
      await page.goto(site);
      const before = env.server.requests.length;
      await Promise.all([page.waitForURL('https://api.maiagent.ai/**'), page.click('#api-link')]);
      // Only the navigation itself: the page may also ask for a favicon.
      const got = env.server.requests.slice(before).filter((r) => r.host === 'api.maiagent.ai' && r.path === '/api/users/current/');
      expect(got.length, site).toBe(1);
      expect(got[0]!.headers.authorization, site).toBeUndefined();
      await page.close();
    }
  });

  it('across a redirect from the API to another host', async () => {
    const page = await env.b.ctx.newPage();
    await page.goto('https://docs.maiagent.ai/');
    const before = env.server.requests.length;
    await pageFetch(page, 'https://api.maiagent.ai/api/v1/redirect-out/');
    const hop = env.server.requests.slice(before);
    expect(hop.find((r) => r.host === 'api.maiagent.ai')?.headers.authorization).toBe(AUTH);
    const out = hop.filter((r) => r.host === 'other.maiagent.ai');
    expect(out.length).toBe(1);
    expect(out[0]!.headers.authorization).toBeUndefined();
    await page.close();
  });

  it('when injection is turned off in the popup, and again when turned on', async () => {
    const popup = await env.b.openPopup();
    const toggle = popup.getByRole('switch', { name: /Add the key/ });
    await toggle.uncheck();
    await popup.getByText(/Injection is off/).waitFor();
    const page = await env.b.ctx.newPage();
    await page.goto('https://docs.maiagent.ai/');
    let r = await pageFetch(page, 'https://api.maiagent.ai/api/users/current/');
    expect(r.status).toBe(401);
    expect(JSON.parse(r.text).detail).toBe('Authentication credentials were not provided.');
    await toggle.check();
    await popup.getByText(/Injection is off/).waitFor({ state: 'detached' });
    r = await pageFetch(page, 'https://api.maiagent.ai/api/users/current/');
    expect(r.status).toBe(200);
    await page.close();
    await popup.close();
  });
});
