// What the user sees outside the popup: the toolbar icon's title and badge, the rotation reminder,
// the keyboard shortcut, and the popup's verdict on the current tab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Launched } from './browser';
import { saveKeyInPopup } from './user';
import { startServer, type TestServer } from '../server/maiagent-server';

const KEY = 'Tool8888.toolbarTestSecret9876';
let server: TestServer;
let b: Launched;

const toolbar = async () =>
  (await b.sw()).evaluate(async () => ({ title: await chrome.action.getTitle({}), badge: await chrome.action.getBadgeText({}) }));

async function poll<T>(fn: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  const end = Date.now() + 10_000;
  let v = await fn();
  while (!ok(v)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
    v = await fn();
  }
  return v;
}

beforeAll(async () => {
  server = await startServer();
  server.keys.set(KEY, { id: 'u1', name: 'Ada', email: 'ada@example.com', company: 'Example Co' });
  b = await launch({ server });
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

describe('toolbar icon', () => {
  it('says "no key" before a key is saved, "on" after, and "off" (with a badge) when switched off', async () => {
    await poll(toolbar, (s) => s.title.includes('no API key saved yet'), 'the no-key title');
    const popup = await saveKeyInPopup(b, KEY);
    const on = await poll(toolbar, (s) => s.title.includes('key injection is on'), 'the on title');
    expect(on.badge).toBe('');
    await popup.getByRole('switch', { name: /Add the key/ }).uncheck();
    const off = await poll(toolbar, (s) => s.title.includes('key injection is off'), 'the off title');
    expect(off.badge).toBe('off');
    await popup.getByRole('switch', { name: /Add the key/ }).check();
    await poll(toolbar, (s) => s.badge === '' && s.title.includes('is on'), 'the on state again');
    await popup.close();
  });

  it('marks a key older than 90 days, and the popup suggests rotating it until dismissed', async () => {
    const sw = await b.sw();
    await sw.evaluate(async () => {
      const { settings } = (await chrome.storage.local.get('settings')) as { settings: { profiles: { addedAt: number }[] } };
      settings.profiles[0]!.addedAt = Date.now() - 100 * 86_400_000;
      await chrome.storage.local.set({ settings });
    });
    await poll(toolbar, (s) => s.badge === '!' && s.title.includes('due for rotation'), 'the rotation mark');
    const popup = await b.openPopup();
    await popup.getByText('This key is 100 days old').waitFor();
    await popup.getByRole('button', { name: 'Dismiss' }).click();
    await popup.getByText('This key is 100 days old').waitFor({ state: 'detached' });
    await poll(toolbar, (s) => s.badge === '', 'the mark to go');
    await popup.close();
  });

  it('offers a keyboard shortcut that toggles injection', async () => {
    const commands = await (await b.sw()).evaluate(() => chrome.commands.getAll());
    const toggle = commands.find((c) => c.name === 'toggle-injection');
    expect(toggle?.shortcut).toBe('Alt+Shift+K');
    expect(toggle?.description).toBe('Turn key injection on or off');
  });
});

describe("the popup's verdict on the current tab", () => {
  /** Click the toolbar button on a tab (grants activeTab), then open the popup page for that tab. */
  async function popupFor(page: Page): Promise<Page> {
    const cdp = await b.ctx.browser()!.newBrowserCDPSession();
    const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as { targetInfos: { targetId: string; url: string }[] };
    const tab = targetInfos.find((t) => t.url === page.url());
    await cdp.send('Extensions.triggerAction' as never, { id: b.extId, targetId: tab!.targetId } as never);
    await cdp.detach();
    const tabId = await (await b.sw()).evaluate(async (url) => (await chrome.tabs.query({ url })).at(0)?.id ?? 0, page.url());
    expect(tabId).toBeGreaterThan(0);
    const popup = await b.ctx.newPage();
    await popup.goto(`chrome-extension://${b.extId}/src/popup/popup.html?tabId=${tabId}`);
    return popup;
  }

  it('says the docs site gets the key', async () => {
    const page = await b.ctx.newPage();
    await page.goto('https://docs.maiagent.ai/');
    const popup = await popupFor(page);
    await popup.getByText('Requests from https://docs.maiagent.ai get the key.').waitFor();
    expect(await popup.getByRole('button', { name: 'Allow this site' }).count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('says why another site does not, and offers to allow it', async () => {
    const page = await b.ctx.newPage();
    await page.goto('https://app.local.test/');
    const popup = await popupFor(page);
    await popup.getByText('Requests from https://app.local.test do not get the key: the site is not on your list.').waitFor();
    await popup.getByRole('button', { name: 'Allow this site' }).waitFor();
    await popup.close();
    await page.close();
  });

  it('says plain http sites cannot get it', async () => {
    const page = await b.ctx.newPage();
    await page.goto('http://evil.test/');
    const popup = await popupFor(page);
    await popup.getByText('Requests from http://evil.test cannot get the key').waitFor();
    expect(await popup.getByRole('button', { name: 'Allow this site' }).count()).toBe(0);
    await popup.close();
    await page.close();
  });
});
