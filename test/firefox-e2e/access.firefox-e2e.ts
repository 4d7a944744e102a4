// Firefox can withhold the manifest's host permissions (extensions.originControls.grantByDefault
// false, as before Firefox 127) or the user can withdraw them in about:addons. Then the key cannot
// be injected, and the popup must say so instead of claiming that requests carry it; granting the
// access (as about:addons does) makes the header appear.
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { poll } from './firefox';
import { changeHostPermissions } from './privileged';
import { ADA, fetchFromSite, saveKeyInPopup, textOf, useFirefox } from './setup';

const KEY = 'Qw3Er5Ty.firefoxAccess0123456789ab';
const env = useFirefox({ [KEY]: ADA }, { grantHostPermissions: false });
let popup: Page;

/** The accessible names of the page's buttons (aria-label, else aria-labelledby, else text). */
const buttonNames = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('button, [role=button]')].map((b) => {
      const by = b.getAttribute('aria-labelledby');
      const name =
        b.getAttribute('aria-label') ??
        (by
          ? by
              .split(/\s+/)
              .map((id) => document.getElementById(id)?.textContent ?? '')
              .join(' ')
          : b.textContent);
      return (name ?? '').replace(/\s+/g, ' ').trim();
    }),
  );

describe('Firefox: host permissions withheld, then granted', () => {
  it('withholds the API and docs host permissions at install', async () => {
    const page = await env.fx.openExtensionPage('src/popup/popup.html');
    const granted = await page.evaluate(
      async () => (await (globalThis as unknown as { browser: typeof chrome }).browser.permissions.getAll()).origins ?? [],
    );
    await page.close();
    for (const p of env.fx.hostPermissions) expect(granted).not.toContain(p);
  });

  it('saves a key typed into the popup by its label', async () => {
    popup = await saveKeyInPopup(env.fx, KEY);
    expect(await textOf(popup)).toContain(`${KEY.slice(0, 6)}...${KEY.slice(-2)}`);
  });

  it('the popup says access is missing and offers "Grant access", instead of "now carry"', async () => {
    const text = await poll(
      'the popup to say access is missing',
      async () => {
        const t = await textOf(popup);
        return t.includes('no access to') ? t : false;
      },
      10_000,
    ).catch(async (e: Error) => {
      throw new Error(`${e.message}\npopup text:\n${await textOf(popup)}`);
    });
    expect(text).not.toContain('now carry');
    expect(await buttonNames(popup)).toContain('Grant access');
  });

  it('without the access, a fetch from https://docs.maiagent.ai carries no key', async () => {
    const r = await fetchFromSite(env, 'docs.maiagent.ai');
    expect(r.authorization).toBeNull();
    expect(r.got.status).toBe(401);
  });

  it('granting the access as about:addons does makes the header appear', async () => {
    const origins = await env.fx.chromeEval(changeHostPermissions, env.fx.geckoId, env.fx.hostPermissions, 'add');
    for (const p of env.fx.hostPermissions) expect(origins).toContain(p);
    // The background rebuilds its rules on permissions.onAdded: poll with real requests.
    const r = await poll('a docs fetch with the key', async () => {
      const got = await fetchFromSite(env, 'docs.maiagent.ai');
      return got.authorization ? got : false;
    });
    expect(r.authorization).toBe(`Api-Key ${KEY}`);
    expect(r.got.status).toBe(200);
    // and the popup no longer says access is missing
    await popup.close();
    const again = await env.fx.openExtensionPage('src/popup/popup.html');
    await poll('the popup with the saved key', async () => (await textOf(again)).includes(`${KEY.slice(0, 6)}...${KEY.slice(-2)}`));
    expect(await textOf(again)).not.toContain('no access to');
    await again.close();
  });

  it('withdrawing the access again (about:addons) stops the header', async () => {
    const origins = await env.fx.chromeEval(changeHostPermissions, env.fx.geckoId, env.fx.hostPermissions, 'remove');
    for (const p of env.fx.hostPermissions) expect(origins).not.toContain(p);
    const r = await poll('a docs fetch without the key', async () => {
      const got = await fetchFromSite(env, 'docs.maiagent.ai');
      return got.authorization === null ? got : false;
    });
    expect(r.got.status).toBe(401);
  });
});
