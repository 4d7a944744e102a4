// Firefox: the Firefox build installed as an add-on, a key saved through the popup, and the header
// on the docs site's API calls only.
import { describe, expect, it } from 'vitest';
import { ADA, fetchFromSite, saveKeyInPopup, textOf, useFirefox } from './setup';

const KEY = 'Zx9Yw8Vu.firefoxInjection0123456789';
const env = useFirefox({ [KEY]: ADA });

describe('Firefox: install, popup, injection', () => {
  it('installs dist-firefox/ as an add-on, with the host permissions Firefox grants at install', async () => {
    expect(env.fx.geckoId).toBe('maiagent-devtools@maiagent-devtools.dev');
    const popup = await env.fx.openExtensionPage('src/popup/popup.html');
    const granted = await popup.evaluate(async () => (await (globalThis as unknown as { browser: typeof chrome }).browser.permissions.getAll()).origins ?? []);
    await popup.close();
    for (const p of env.fx.hostPermissions) expect(granted).toContain(p);
  });

  it('saves a key typed into the popup by its label, and shows it masked', async () => {
    const popup = await saveKeyInPopup(env.fx, KEY);
    const text = await textOf(popup);
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
});
