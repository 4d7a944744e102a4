// The attack suite: every way a page that is not an allowed site could make the browser send the
// key to the API — by navigation, frame, speculative load, another extension or a redirect — played
// in real Chromium against the test server, which records what arrived. Each attack must reach the
// server (or the test says why it cannot), and none may carry the key. Then the ways that should
// carry it: links on the docs site and in the browsable API, "Open in tab", and typed addresses
// once the user switches them on.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { poll } from './devtools';
import { ADA, useExtension } from './setup';
import { openInTab as openInTabWith, saveKeyInPopup } from './user';
import type { RecordedRequest } from '../server/maiagent-server';

const KEY = 'Att4ck00.attackSuiteSecret0123456789';
const AUTH = `Api-Key ${KEY}`;

/** Another extension, written at test time: its page navigates to, frames, opens and fetches `?to=`. */
const other = mkdtempSync(join(tmpdir(), 'maiagent-other-ext-'));
mkdirSync(other, { recursive: true });
writeFileSync(
  join(other, 'manifest.json'),
  JSON.stringify({ manifest_version: 3, name: 'Other extension', version: '1.0', background: { service_worker: 'other-bg.js' } }),
);
writeFileSync(join(other, 'other-bg.js'), '// present so the test can find this extension by its worker\n');
writeFileSync(join(other, 'attack.html'), '<!doctype html><meta charset="utf-8"><title>other</title><script src="attack.js"></script>');
writeFileSync(
  join(other, 'attack.js'),
  `const q = new URLSearchParams(location.search);
const to = q.get('to');
const how = q.get('how');
if (how === 'nav') location.href = to;
if (how === 'frame') addEventListener('DOMContentLoaded', () => { const f = document.createElement('iframe'); f.src = to; document.body.append(f); });
if (how === 'fetch') fetch(to).catch(() => undefined);
if (how === 'tab') chrome.tabs.create({ url: 'about:blank' }).then((t) => chrome.tabs.update(t.id, { url: to }));
if (how === 'update') chrome.tabs.getCurrent().then((t) => chrome.tabs.update(t.id, { url: to }));
`,
);

const env = useExtension({ [KEY]: ADA }, { extraExtensions: [other] });
let otherId = '';
const files = mkdtempSync(join(tmpdir(), 'maiagent-file-page-'));

beforeAll(async () => {
  await (await saveKeyInPopup(env.b, KEY)).close();
  const w = await poll('the other extension', async () => env.b.ctx.serviceWorkers().find((s) => s.url().endsWith('/other-bg.js')));
  otherId = new URL(w.url()).host;
  expect(otherId).not.toBe(env.b.extId);
});
afterAll(() => {
  rmSync(other, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
});

let counter = 0;
/** A fresh API URL that names the attack, so its requests can be told apart. */
function target(name: string): { tag: string; url: string } {
  const tag = `${name.replace(/[^a-z0-9]+/gi, '-')}-${++counter}`;
  return { tag, url: `https://api.maiagent.ai/api/users/current/?attack=${tag}` };
}

function hits(tag: string): RecordedRequest[] {
  return env.server.requests.filter((r) => r.host === 'api.maiagent.ai' && new URL(r.path, 'https://x').searchParams.get('attack') === tag);
}

/** Wait until the request of `tag` reached the server (the attack really happened), then a little longer for repeats. */
async function arrived(tag: string, what: string): Promise<RecordedRequest[]> {
  await poll(
    `${what}: its request at the server (if it never arrives, the attack did not happen and proves nothing)`,
    async () => hits(tag).length > 0,
    10_000,
  );
  await new Promise((r) => setTimeout(r, 200));
  return hits(tag);
}

async function expectNoKey(tag: string, what: string): Promise<void> {
  const got = await arrived(tag, what);
  expect(
    got.map((r) => r.headers.authorization ?? 'no key'),
    what,
  ).toEqual(got.map(() => 'no key'));
}

async function expectKey(tag: string, what: string): Promise<void> {
  const got = await arrived(tag, what);
  expect(
    got.map((r) => r.headers.authorization),
    what,
  ).toEqual(got.map(() => AUTH));
}

/** Run script in the page without waiting for an answer: the page may navigate away. */
function inPage(page: Page, fn: (u: string) => void, arg: string): void {
  void page.evaluate(fn, arg).catch(() => undefined);
}

/** The page's script sends its own tab to `url`. */
const scriptNavigates = (page: Page, url: string) => inPage(page, (u) => void (location.href = u), url);

/** The page adds a frame showing `url`. */
const addsFrame = (page: Page, url: string) =>
  inPage(
    page,
    (u) => {
      const f = document.createElement('iframe');
      f.src = u;
      document.body.append(f);
    },
    url,
  );

/** The page shows a link to `url` and the user clicks it. */
async function clickLink(page: Page, url: string, text: string): Promise<void> {
  await page.evaluate(
    ({ url, text }) => {
      const a = document.createElement('a');
      a.id = 'attack-link';
      a.href = url;
      a.textContent = text;
      document.body.append(a);
    },
    { url, text },
  );
  await page.click('#attack-link');
}

/** Wait until the page in `tab` (asked of the page itself) has `needle` in its URL. */
const tabShows = (tab: Page, needle: string, what: string) =>
  poll(what, async () => (await tab.evaluate(() => location.href).catch(() => '')).includes(needle), 10_000);

async function withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
  const page = await env.b.ctx.newPage();
  try {
    return await fn(page);
  } finally {
    await page.close();
  }
}

/** From a page of `site`: a script navigation of the tab, a link clicked by the user, and a frame. */
async function attackFrom(site: string): Promise<void> {
  for (const how of ['script', 'click', 'frame'] as const) {
    const { tag, url } = target(`${site}-${how}`);
    await withPage(async (page) => {
      await page.goto(site);
      if (how === 'script') scriptNavigates(page, url);
      if (how === 'frame') addsFrame(page, url);
      if (how === 'click') await clickLink(page, url, 'go');
      await expectNoKey(tag, `${how} from ${site}`);
    });
  }
}

describe('attacks: no page other than an allowed site makes the browser send the key', () => {
  it('from a site on an IPv6 literal', async () => {
    expect(
      env.server.ipv6,
      'the test server could not listen on [::1]: this machine has no IPv6 loopback, so this attack cannot be played here',
    ).toBe(true);
    await attackFrom(`http://[::1]:${env.server.port}/`);
  });

  it('from a site on an IPv4 address and single-label hosts', async () => {
    await attackFrom(`http://127.0.0.1:${env.server.port}/`);
    for (const host of ['intranet', 'localhost']) await attackFrom(`https://${host}/`);
  });

  it('from sites under top-level domains that no list names', async () => {
    for (const host of ['router.lan', 'build.corp', 'nas.home', 'x.alt', 'box.localdomain', 'vitalik.eth'])
      await attackFrom(`https://${host}/`);
  });

  it('from a data: frame (opaque origin)', async () => {
    const { tag, url } = target('data-frame');
    await withPage(async (page) => {
      await page.goto('https://evil.test/');
      await page.evaluate((u) => {
        const f = document.createElement('iframe');
        f.src = `data:text/html,<script>location.href = ${JSON.stringify(u)}</script>`;
        document.body.append(f);
      }, url);
      await expectNoKey(tag, 'a data: frame navigating itself');
    });
  });

  it('from sandboxed frames: the top-level navigation they may start, and a sandboxed frame of the API', async () => {
    const top = target('sandbox-top');
    const framed = target('sandbox-frame');
    await withPage(async (page) => {
      await page.goto('https://evil.test/');
      await page.evaluate(
        ({ a, b }) => {
          const f = document.createElement('iframe');
          f.setAttribute('sandbox', 'allow-scripts allow-top-navigation');
          f.srcdoc = `<script>top.location.href = ${JSON.stringify(a)}</script>`;
          document.body.append(f);
          const g = document.createElement('iframe');
          g.setAttribute('sandbox', '');
          g.src = b;
          document.body.append(g);
        },
        { a: top.url, b: framed.url },
      );
      await expectNoKey(framed.tag, 'a sandboxed frame of the API');
      await expectNoKey(top.tag, 'a sandboxed frame navigating the top window');
    });
  });

  it('from a page served with CSP: sandbox (opaque origin, top level)', async () => {
    const { tag, url } = target('csp-sandbox');
    await withPage(async (page) => {
      await page.goto(`https://evil.test/csp-sandbox?to=${encodeURIComponent(url)}`).catch(() => undefined);
      await expectNoKey(tag, 'a CSP-sandboxed page navigating itself');
    });
  });

  it('from a file:// page', async () => {
    const nav = target('file-nav');
    const frame = target('file-frame');
    const file = join(files, 'attack.html');
    writeFileSync(
      file,
      `<!doctype html><iframe src="${frame.url}"></iframe><script>setTimeout(() => { location.href = ${JSON.stringify(nav.url)}; }, 300);</script>`,
    );
    await withPage(async (page) => {
      await page.goto(pathToFileURL(file).href);
      await expectNoKey(frame.tag, 'a frame of a file:// page');
      await expectNoKey(nav.tag, 'a file:// page navigating itself');
    });
  });

  it('by speculation rules: prefetch and prerender, from another site and from a same-site sibling', async () => {
    for (const site of ['https://evil.test/', 'https://other.maiagent.ai/']) {
      for (const action of ['prefetch', 'prerender'] as const) {
        const { tag, url } = target(`${action}-${new URL(site).hostname}`);
        await withPage(async (page) => {
          await page.goto(site);
          await page.evaluate(
            ({ action, u }) => {
              const s = document.createElement('script');
              s.type = 'speculationrules';
              s.textContent = JSON.stringify({ [action]: [{ source: 'list', urls: [u], eagerness: 'immediate' }] });
              document.head.append(s);
            },
            { action, u: url },
          );
          await expectNoKey(tag, `${action} from ${site}`);
          // What arrived was a speculative load, not a navigation the test made.
          expect(hits(tag)[0]!.headers['sec-purpose'], `${action} from ${site}`).toMatch(/prefetch/);
        });
      }
    }
  });

  it("from another extension's page: navigation, frame, fetch and tabs it opens", async () => {
    for (const how of ['nav', 'frame', 'fetch', 'tab', 'update'] as const) {
      const { tag, url } = target(`other-extension-${how}`);
      await withPage(async (page) => {
        await page.goto(`chrome-extension://${otherId}/attack.html?how=${how}&to=${encodeURIComponent(url)}`).catch(() => undefined);
        await expectNoKey(tag, `another extension (${how})`);
      });
    }
    for (const p of env.b.ctx.pages()) if (p.url().includes('attack=other-extension')) await p.close();
  });

  it('a typed address on another site that redirects to the API', async () => {
    const { tag } = target('typed-redirect');
    await withPage(async (page) => {
      await page.goto(`https://evil.test/redirect-to-api?attack=${tag}`);
      await expectNoKey(tag, 'a typed address redirected to the API');
    });
  });

  it('frames of the API never get the key, not even on the docs site or in the browsable API', async () => {
    for (const site of ['https://docs.maiagent.ai/', 'https://api.maiagent.ai/__echo']) {
      const { tag, url } = target(`frame-${new URL(site).hostname}`);
      await withPage(async (page) => {
        await page.goto(site);
        addsFrame(page, url);
        await expectNoKey(tag, `a frame on ${site}`);
      });
    }
  });
});

/** "Open in tab" in the popup with `path` (it carries an `attack=` tag); the tab, once it shows that address. */
function openInTab(path: string): Promise<Page> {
  const tag = new URL(path, 'https://api.maiagent.ai').searchParams.get('attack') ?? '';
  return openInTabWith(
    env.b,
    () => env.server.requests,
    path,
    AUTH,
    (tab) => tabShows(tab, `attack=${tag}`, `the page "Open in tab" opened (${tag})`),
  );
}

describe('where the key still goes', () => {
  it('a link on the docs site to the API (browsable API), clicked or scripted', async () => {
    for (const how of ['click', 'script']) {
      const { tag, url } = target(`docs-link-${how}`);
      await withPage(async (page) => {
        await page.goto('https://docs.maiagent.ai/');
        if (how === 'script') scriptNavigates(page, url);
        else await clickLink(page, url, 'Try it in the browsable API');
        await expectKey(tag, `a ${how} link on the docs site`);
      });
    }
  });

  it('"Open in tab" in the popup: the page, its reload and links inside the browsable API', async () => {
    const opened = target('open-in-tab');
    const tab = await openInTab(opened.url);
    try {
      await expectKey(opened.tag, '"Open in tab"');
      await tab.locator('#response').waitFor();
      await expect(tab.locator('#response').textContent()).resolves.toContain('ada@example.com');
      const before = hits(opened.tag).length;
      await tab.reload();
      await poll('the reload', async () => hits(opened.tag).length > before, 10_000);
      expect(hits(opened.tag).map((r) => r.headers.authorization)).toEqual(hits(opened.tag).map(() => AUTH));
      const next = target('browsable-link');
      scriptNavigates(tab, next.url);
      await expectKey(next.tag, 'a link inside the browsable API');
    } finally {
      await tab.close();
    }
  });

  it('"Open in tab" takes a path on the API origin, and refuses other hosts', async () => {
    const { tag } = target('open-path');
    const tab = await openInTab(`/api/users/current/?attack=${tag}`);
    await expectKey(tag, '"Open in tab" with a path');
    await tab.close();
    const popup = await env.b.openPopup();
    await popup.getByLabel('API address to open').fill('https://api.maiagent.ai.evil.test/');
    await popup.getByRole('button', { name: 'Open in tab' }).click();
    await expect(popup.getByRole('alert').textContent()).resolves.toBe('Only addresses on your API origins can be opened with the key.');
    await popup.close();
  });

  it('a tab opened with "Open in tab" that later shows another site: that site cannot send the key', async () => {
    const opened = target('opened-then-left');
    const tab = await openInTab(opened.url);
    try {
      await expectKey(opened.tag, '"Open in tab"');
      await tab.goto('https://evil.test/');
      // Documented limit: the other site can send the tab back in history. The browser then loads
      // the page the user opened again (unless it keeps it in its back/forward cache), and a
      // history navigation keeps its first initiator, the extension: the same GET, with the key.
      // It can choose nothing: no other URL gets the key this way.
      const before = env.server.requests.length;
      inPage(tab, () => history.back(), '');
      await tabShows(tab, 'attack=opened-then-left', 'the page again after history.back()');
      await new Promise((r) => setTimeout(r, 300));
      const replayed = env.server.requests.slice(before).filter((r) => r.host === 'api.maiagent.ai' && r.headers.authorization);
      const openedPath = new URL(opened.url).pathname + new URL(opened.url).search;
      expect(replayed.map((r) => r.path)).toEqual(replayed.map(() => openedPath));
      if (process.env.ATTACKS_VERBOSE)
        console.log(`history.back() from another site: ${replayed.length} request(s) with the key, all to ${openedPath}`);
      await tab.goto('https://evil.test/');
      const hijack = target('hijack-opened-tab');
      scriptNavigates(tab, hijack.url);
      await expectNoKey(hijack.tag, 'another site in the opened tab navigating it to the API');
    } finally {
      await tab.close();
    }
  });

  it('typed addresses: no key while the switch is off (the default); with it on, the key — and for a typed redirect too', async () => {
    const off = target('typed-off');
    await withPage(async (page) => {
      await page.goto(off.url);
      await expectNoKey(off.tag, 'a typed address, switch off');
      await expect(page.locator('#response').textContent()).resolves.toContain('Authentication credentials were not provided.');
    });

    const options = await env.b.ctx.newPage();
    await options.goto(`chrome-extension://${env.b.extId}/src/options/options.html`);
    const toggle = options.getByRole('switch', { name: 'Also add the key to API addresses typed in the address bar' });
    await expect(toggle.isChecked()).resolves.toBe(false);
    await toggle.check();
    await options.getByText('On: any website can open API pages with your key.').waitFor();
    try {
      const on = target('typed-on');
      await withPage(async (page) => {
        await page.goto(on.url);
        await expectKey(on.tag, 'a typed address, switch on');
        await expect(page.locator('#response').textContent()).resolves.toContain('ada@example.com');
      });
      // The trade-off the options page states: the browser cannot tell these apart from typing.
      const redirect = target('typed-redirect-on');
      await withPage(async (page) => {
        await page.goto(`https://evil.test/redirect-to-api?attack=${redirect.tag}`);
        await expectKey(redirect.tag, 'a typed redirect, switch on (documented trade-off)');
      });
      // Frames stay without the key even then.
      const frame = target('typed-on-frame');
      await withPage(async (page) => {
        await page.goto('https://evil.test/');
        addsFrame(page, frame.url);
        await expectNoKey(frame.tag, 'a frame, switch on');
      });
    } finally {
      await toggle.uncheck();
      await options.getByText('On: any website can open API pages with your key.').waitFor({ state: 'detached' });
      await options.close();
    }
    const again = target('typed-off-again');
    await withPage(async (page) => {
      await page.goto(again.url);
      await expectNoKey(again.tag, 'a typed address, switch off again');
    });
  });
});
