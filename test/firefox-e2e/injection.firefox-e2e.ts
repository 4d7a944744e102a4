// Firefox: the Firefox build installed as an add-on, a key saved through the popup, and the header
// on the docs site's API calls only.
import { describe, expect, it } from 'vitest';
import { poll } from './firefox';
import { ADA, fetchFromSite, saveKeyInPopup, textOf, useFirefox } from './setup';

const KEY = 'Zx9Yw8Vu.firefoxInjection0123456789';
const env = useFirefox({ [KEY]: ADA });

describe('Firefox: install, popup, injection', () => {
  it('installs dist-firefox/ as an add-on, with the host permissions Firefox grants at install', async () => {
    expect(env.fx.geckoId).toBe('maiagent-devtools@maiagent-devtools.dev');
    const popup = await env.fx.openExtensionPage('src/popup/popup.html');
    const granted = await popup.evaluate(
      async () => (await (globalThis as unknown as { browser: typeof chrome }).browser.permissions.getAll()).origins ?? [],
    );
    await popup.close();
    for (const p of env.fx.hostPermissions) expect(granted).toContain(p);
  });

  it('saves a key typed into the popup by its label, and shows it masked', async () => {
    const popup = await saveKeyInPopup(env.fx, KEY);
    // The confirmation follows the masked key: wait for it.
    const text = await poll('the save confirmation', async () => {
      const t = await textOf(popup);
      return t.includes('Key saved') ? t : false;
    });
    expect(text).toContain(`${KEY.slice(0, 6)}...${KEY.slice(-2)}`);
    expect(text).not.toContain(KEY);
    expect(text).toContain('now carry');
    await popup.close();
  });

  it('a fetch from https://docs.maiagent.ai to the API carries Authorization: Api-Key <key>', async () => {
    const r = await fetchFromSite(env, 'docs.maiagent.ai');
    expect(r.origin).toBe('https://docs.maiagent.ai');
    expect(r.authorization).toBe(`Api-Key ${KEY}`);
    expect(r.got.status).toBe(200);
    expect(r.got.text).toContain('Ada Tester');
  });

  it('a fetch from an unrelated site (https://evil.test) to the API carries no key', async () => {
    const r = await fetchFromSite(env, 'evil.test');
    expect(r.origin).toBe('https://evil.test');
    expect(r.authorization).toBeNull();
    expect(r.got.status).toBe(401);
    expect(r.got.text).toContain('Authentication credentials were not provided.');
  });

  it('a site added on the options page (an optional host permission, from a click) gets the key too', async () => {
    expect((await fetchFromSite(env, 'app.local.test')).authorization).toBeNull();
    const options = await env.fx.openExtensionPage('src/options/options.html');
    const field = await options.waitForSelector('::-p-xpath(//label[contains(normalize-space(.), "Site origin")]//input)', {
      timeout: 15_000,
    });
    await field!.type('https://app.local.test');
    // A BiDi click is trusted input, so permissions.request() may run; the prompt is off by pref.
    await (await options.waitForSelector('::-p-xpath(//button[normalize-space(.)="Add site"])'))!.click();
    await poll('the site permission', () =>
      options.evaluate(async () =>
        ((await (globalThis as unknown as { browser: typeof chrome }).browser.permissions.getAll()).origins ?? []).includes(
          'https://app.local.test/*',
        ),
      ),
    );
    await options.close();
    const r = await poll('a fetch from app.local.test with the key', async () => {
      const got = await fetchFromSite(env, 'app.local.test');
      return got.authorization ? got : false;
    });
    expect(r.authorization).toBe(`Api-Key ${KEY}`);
    expect(r.got.status).toBe(200);
  });
});
