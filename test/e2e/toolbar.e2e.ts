// What the user sees outside the popup: the toolbar icon's title and badge, the rotation reminder,
// the keyboard shortcut, and the popup's verdict on the current tab.
import { describe, expect, it } from 'vitest';
import { popupFor, saveKeyInPopup } from './user';
import { poll } from './devtools';
import { ADA, useExtension } from './setup';

const KEY = 'Tool8888.toolbarTestSecret9876';
const env = useExtension({ [KEY]: ADA });

const toolbar = async () =>
  (await env.b.sw()).evaluate(async () => ({ title: await chrome.action.getTitle({}), badge: await chrome.action.getBadgeText({}) }));

/** Wait until the toolbar shows what `ok` wants, and return it. */
const toolbarWhen = (what: string, ok: (s: { title: string; badge: string }) => boolean) =>
  poll(what, async () => {
    const s = await toolbar();
    return ok(s) ? s : null;
  });

describe('toolbar icon', () => {
  it('says "no key" before a key is saved, "on" after, and "off" (with a badge) when switched off', async () => {
    await toolbarWhen('the no-key title', (s) => s.title.includes('no API key saved yet'));
    const popup = await saveKeyInPopup(env.b, KEY);
    const on = await toolbarWhen('the on title', (s) => s.title.includes('key injection is on'));
    expect(on.badge).toBe('');
    await popup.getByRole('switch', { name: /Add the key/ }).uncheck();
    const off = await toolbarWhen('the off title', (s) => s.title.includes('key injection is off'));
    expect(off.badge).toBe('off');
    await popup.getByRole('switch', { name: /Add the key/ }).check();
    await toolbarWhen('the on state again', (s) => s.badge === '' && s.title.includes('is on'));
    await popup.close();
  });

  it('marks a key older than 90 days, and the popup suggests rotating it until dismissed', async () => {
    const sw = await env.b.sw();
    await sw.evaluate(async () => {
      const { settings } = (await chrome.storage.local.get('settings')) as { settings: { profiles: { addedAt: number }[] } };
      settings.profiles[0]!.addedAt = Date.now() - 100 * 86_400_000;
      await chrome.storage.local.set({ settings });
    });
    await toolbarWhen('the rotation mark', (s) => s.badge === '!' && s.title.includes('due for rotation'));
    const popup = await env.b.openPopup();
    await popup.getByText('This key is 100 days old').waitFor();
    await popup.getByRole('button', { name: 'Dismiss' }).click();
    await popup.getByText('This key is 100 days old').waitFor({ state: 'detached' });
    await toolbarWhen('the mark to go', (s) => s.badge === '');
    await popup.close();
  });

  it('offers a keyboard shortcut that toggles injection', async () => {
    const commands = await (await env.b.sw()).evaluate(() => chrome.commands.getAll());
    const toggle = commands.find((c) => c.name === 'toggle-injection');
    expect(toggle?.shortcut).toBe('Alt+Shift+K');
    expect(toggle?.description).toBe('Turn key injection on or off');
  });
});

describe("the popup's verdict on the current tab", () => {
  it('says the docs site gets the key', async () => {
    const page = await env.b.ctx.newPage();
    await page.goto('https://docs.maiagent.ai/');
    const statuses = await page.evaluate(async () => {
      const out: number[] = [];
      for (let i = 0; i < 3; i++) out.push((await fetch('https://api.maiagent.ai/api/users/current/')).status);
      return out;
    });
    expect(statuses).toEqual([200, 200, 200]);
    const popup = await popupFor(env.b, page);
    await popup.getByText('Requests from https://docs.maiagent.ai get the key.').waitFor();
    // Read from the browser's matched rules when the popup opens, not kept on the badge.
    await popup.getByText('Requests from this tab that got the key: 3').waitFor();
    expect(await toolbar().then((s) => s.badge)).toBe('');
    expect(await popup.getByRole('button', { name: 'Allow this site' }).count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('says why another site does not, and offers to allow it', async () => {
    const page = await env.b.ctx.newPage();
    await page.goto('https://app.local.test/');
    const popup = await popupFor(env.b, page);
    await popup.getByText('Requests from https://app.local.test do not get the key: the site is not on your list.').waitFor();
    await popup.getByRole('button', { name: 'Allow this site' }).waitFor();
    await popup.close();
    await page.close();
  });

  it('says plain http sites cannot get it', async () => {
    const page = await env.b.ctx.newPage();
    await page.goto('http://evil.test/');
    const popup = await popupFor(env.b, page);
    await popup.getByText('Requests from http://evil.test cannot get the key').waitFor();
    expect(await popup.getByRole('button', { name: 'Allow this site' }).count()).toBe(0);
    await popup.close();
    await page.close();
  });
});
