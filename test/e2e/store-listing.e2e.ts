// Store images, taken from the built extension in real Chromium started in each listing language:
// the toolbar popup (opened for a docs tab, as a toolbar click does) and the DevTools panel, at the
// 1280×800 the Chrome Web Store asks for, and the 440×280 small promo tile. Written to the
// untracked packages/listing/<store>/<lang>/screenshots/ (next to `npm run listing`'s texts).
// Needs a CJK font for ja and zh-TW (Debian: fonts-noto-cjk): without one the pictures would
// show empty boxes, so the test fails and says so.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMAGES, LANGS, LISTING_DIR, loadMessages, loadSource, STORES } from '../../scripts/listing';
import type { Launched } from './browser';
import { recordHar } from './pictures';
import { ADA, useBrowser, useServer } from './setup';
import { popupFor, saveKeyInPopup } from './user';

const KEY = 'g5BnKDab.storeListingDemoKey00Xs';

/** Width, height and PNG colour type (2 = RGB, no alpha: what the Chrome Web Store accepts). */
export function pngInfo(png: Buffer): { width: number; height: number; colourType: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colourType: png[25]! };
}

function save(lang: string, name: string, png: Buffer): void {
  const { width, height, colourType } = pngInfo(png);
  expect(colourType, `${name}: a 24-bit PNG without alpha`).toBe(2);
  expect({ width, height }).toEqual(name.startsWith('promo') ? IMAGES.promoTile : IMAGES.screenshot);
  for (const store of STORES) {
    const dir = join(LISTING_DIR, store, lang, 'screenshots');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, name), png);
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function cjkFontInstalled(lang: string): boolean {
  const r = spawnSync('fc-list', [`:lang=${lang === 'ja' ? 'ja' : 'zh-tw'}`], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '';
}

/** A page (not the extension's) that frames a picture of the popup with its caption. */
async function framed(b: Launched, popupPng: Buffer, caption: string, lang: string): Promise<Buffer> {
  const page = await b.ctx.newPage();
  await page.setViewportSize(IMAGES.screenshot);
  await page.setContent(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><style>
html,body{margin:0;height:100%}
body{display:flex;align-items:center;gap:64px;padding:0 80px;box-sizing:border-box;
  background:linear-gradient(135deg,#0f4c5c 0%,#13707f 55%,#2a9d8f 100%);font-family:system-ui,sans-serif;color:#fff}
p{flex:1;font-size:40px;line-height:1.35;font-weight:600;margin:0}
img{border-radius:10px;box-shadow:0 18px 48px rgba(0,0,0,.45);max-height:720px}
</style></head><body><p>${escapeHtml(caption)}</p><img alt="" src="data:image/png;base64,${popupPng.toString('base64')}"></body></html>`);
  await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
  const png = await page.screenshot();
  await page.close();
  return png;
}

async function promoTile(b: Launched, tagline: string, lang: string): Promise<Buffer> {
  const icon = readFileSync(join(import.meta.dirname, '../../public/icons/icon-128.png')).toString('base64');
  const page = await b.ctx.newPage();
  await page.setViewportSize(IMAGES.promoTile);
  await page.setContent(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><style>
html,body{margin:0;height:100%}
body{display:flex;flex-direction:column;justify-content:center;gap:14px;padding:0 32px;box-sizing:border-box;
  background:linear-gradient(135deg,#0f4c5c 0%,#13707f 60%,#2a9d8f 100%);font-family:system-ui,sans-serif;color:#fff}
.name{display:flex;align-items:center;gap:14px;font-size:28px;font-weight:700;white-space:nowrap}
img{width:64px;height:64px}
p{margin:0;font-size:19px;line-height:1.4;opacity:.95}
</style></head><body><div class="name"><img alt="" src="data:image/png;base64,${icon}">MaiAgent DevTools</div><p>${escapeHtml(tagline)}</p></body></html>`);
  const png = await page.screenshot();
  await page.close();
  return png;
}

const srv = useServer({ [KEY]: ADA });

describe.each(LANGS.map((l) => [l.lang, l.locale] as const))('store images in %s', (lang, locale) => {
  const msg = loadMessages(locale);
  const m = (k: string) => msg[k]!.message;
  const src = loadSource(lang);
  let tmp: string;

  beforeAll(() => {
    if (lang !== 'en' && !cjkFontInstalled(lang)) {
      throw new Error(
        `No font for ${lang} (fc-list :lang=${lang} finds none): the pictures would show empty boxes. Debian/Ubuntu: sudo apt-get install fonts-noto-cjk`,
      );
    }
    tmp = mkdtempSync(join(tmpdir(), 'maiagent-store-'));
  });
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });
  const env = useBrowser(srv, { lang });

  it('popup: a saved and checked key, for a docs tab (1280×800)', async () => {
    await (await saveKeyInPopup(env.b, KEY, { key: m('keyLabel'), save: m('save') })).close();

    const docs = await env.b.ctx.newPage();
    await docs.goto('https://docs.maiagent.ai/');
    // Zoomed, so the popup is legible at store size; its width stays the popup's own.
    const popup = await popupFor(env.b, docs, { width: 520, height: 900 });
    await popup.evaluate(() => (document.documentElement.style.zoom = '1.45'));
    // The first-run tip is for new users; a store picture shows the popup in use.
    const tip = popup.getByRole('button', { name: m('tipDismiss'), exact: true });
    if (await tip.count()) await tip.click();
    await popup.getByRole('button', { name: m('checkKey'), exact: true }).click();
    await popup.getByText('Ada Tester', { exact: false }).waitFor();
    // The verdict on the docs tab, not "This tab is not a web page."
    await popup.getByText(m('tabAllowed').replace('$ARG1$', 'https://docs.maiagent.ai')).waitFor();
    expect(await popup.getByText(m('tabNotWeb')).count()).toBe(0);
    const shot = await popup.locator('body').screenshot();
    save(lang, '1-popup.png', await framed(env.b, shot, src.screenshots.popup, lang));
    expect(await popup.content()).not.toContain(KEY);
    await popup.close();
    await docs.close();
  });

  it('panel: requests from the docs site, a 400 explained (1280×800), column headers not clipped', async () => {
    const har = await recordHar(env.b, env.server, tmp);
    const panel = await env.b.ctx.newPage();
    await panel.setViewportSize(IMAGES.screenshot);
    await panel.goto(`chrome-extension://${env.b.extId}/src/panel/panel.html`);
    const tip = panel.getByRole('button', { name: m('tipDismiss'), exact: true });
    if (await tip.count()) await tip.click();
    await panel.getByLabel(m('importHar')).setInputFiles(har);
    await panel.getByRole('button', { name: m('dismiss'), exact: true }).click();
    await panel.getByRole('listbox').getByRole('option').nth(2).click();
    await panel.getByText(m('diagnosisHeading')).first().waitFor();
    const clipped = await panel.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.row.head > span')]
        .filter((s) => s.scrollWidth > s.clientWidth + 1)
        .map((s) => s.textContent),
    );
    expect(clipped, 'column headers cut off').toEqual([]);
    save(lang, '2-panel.png', await panel.screenshot());
    expect(await panel.content()).not.toContain(KEY);
    await panel.close();
  });

  it('small promo tile (440×280)', async () => {
    save(lang, 'promo-440x280.png', await promoTile(env.b, src.promoTagline, lang));
  });
});
