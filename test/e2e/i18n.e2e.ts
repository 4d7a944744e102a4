// The extension speaks the browser's language: with Chromium started in Japanese or Traditional
// Chinese (Taiwan), the popup, the options page and the panel show the texts of that catalogue and no English.
// Chrome picks the extension's catalogue from --lang (launch() passes it, plus Playwright's locale
// for navigator.language); Chrome's zh-TW is the folder zh_TW.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { harFile } from './har';
import { useBrowser, useServer } from './setup';

type Catalogue = Record<string, { message: string }>;
const LOCALES = resolve(import.meta.dirname, '../../public/_locales');
const read = (folder: string): Catalogue => JSON.parse(readFileSync(join(LOCALES, folder, 'messages.json'), 'utf8')) as Catalogue;
const en = read('en');

const KEY = 'JaTw1234.localisedProfileSecret1';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A message as a whole-string pattern, any text standing in for its $ARGn$ placeholders. */
const pattern = (message: string) =>
  new RegExp(
    `^${message
      .split(/\$[A-Za-z0-9_]+\$/)
      .map(escape)
      .join('.+?')}$`,
    's',
  );
const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Every string the user can see or hear on the page: rendered lines, and text attributes. */
async function visibleStrings(page: Page): Promise<string[]> {
  const raw = await page.evaluate(() => {
    const out: string[] = [document.title, ...document.body.innerText.split('\n')];
    for (const el of document.querySelectorAll<HTMLElement>('*')) {
      for (const a of ['placeholder', 'aria-label', 'title', 'alt']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
      // The text of each element on its own (a label's words without the field inside it).
      if (el.checkVisibility?.() !== false) {
        const own = [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent ?? '')
          .join('');
        out.push(own);
      }
    }
    return out;
  });
  return [...new Set(raw.map(normalise).filter(Boolean))];
}

/** English catalogue texts (that the locale does translate) which appear as a whole string. */
function englishLeft(strings: string[], local: Catalogue): string[] {
  const english = Object.entries(en)
    // Names and codes are the same in every language ("MaiAgent DevTools", "API"), and a message
    // that is only placeholders and punctuation ("$ARG1$: $ARG2$") is no English to look for.
    .filter(([key, e]) => local[key]?.message !== e.message && /[A-Za-z]{2,}/.test(e.message.replace(/\$[A-Za-z0-9_]+\$/g, '')))
    .map(([key, e]) => ({ key, re: pattern(normalise(e.message)) }));
  return strings.flatMap((s) => english.filter((m) => m.re.test(s)).map((m) => `${m.key}: ${JSON.stringify(s)}`));
}

const srv = useServer();

describe.each([
  { lang: 'ja', folder: 'ja' },
  { lang: 'zh-TW', folder: 'zh_TW' },
])('Chromium in $lang', ({ lang, folder }) => {
  const m = read(folder);
  const text = (key: string) => {
    const v = m[key]?.message;
    if (!v) throw new Error(`${folder}/messages.json has no "${key}"`);
    return v;
  };
  const env = useBrowser(srv, { lang });

  it(`the extension reads the ${folder} catalogue`, async () => {
    const sw = await env.b.sw();
    expect(await sw.evaluate(() => chrome.i18n.getMessage('save'))).toBe(text('save'));
    expect(await sw.evaluate(() => chrome.i18n.getMessage('keyLabel'))).toBe(text('keyLabel'));
  });

  it('the popup is in that language, from first run to a saved key', async () => {
    const popup = await env.b.openPopup();
    const field = popup.getByLabel(text('keyLabel'), { exact: true });
    await field.waitFor({ timeout: 10_000 });
    await expect(field.getAttribute('placeholder')).resolves.toBe(text('keyPlaceholder'));
    await expect(popup.getByRole('button', { name: text('save'), exact: true }).isVisible()).resolves.toBe(true);
    await expect(popup.getByText(text('keyHint'), { exact: true }).isVisible()).resolves.toBe(true);
    await expect(popup.getByRole('group', { name: text('persistLegend') }).isVisible()).resolves.toBe(true);
    await expect(popup.getByRole('switch', { name: text('injectionLabel') }).isVisible()).resolves.toBe(true);
    await expect(popup.getByRole('button', { name: text('manage'), exact: true }).isVisible()).resolves.toBe(true);
    await expect(popup.evaluate(() => document.documentElement.lang)).resolves.toBe(lang);
    expect(englishLeft(await visibleStrings(popup), m)).toEqual([]);

    // Live validation speaks the language too.
    await field.fill('Bearer abc');
    await expect.poll(() => popup.locator('#key-message').textContent()).toBe(text('keyBearer'));

    await field.fill(KEY);
    await expect.poll(() => popup.locator('#key-message').textContent()).toBe(text('keyLooksOk'));
    await popup.getByRole('button', { name: text('save'), exact: true }).click();
    await popup.getByTestId('masked-key').waitFor({ timeout: 10_000 });
    await expect(popup.getByRole('button', { name: text('copyKey'), exact: true }).isVisible()).resolves.toBe(true);
    await expect(popup.getByRole('button', { name: text('checkKey'), exact: true }).isVisible()).resolves.toBe(true);
    await expect(popup.getByRole('button', { name: text('forgetKey'), exact: true }).isVisible()).resolves.toBe(true);
    await expect(popup.getByRole('button', { name: text('addKey'), exact: true }).isVisible()).resolves.toBe(true);
    expect(englishLeft(await visibleStrings(popup), m)).toEqual([]);

    // The toolbar button's tooltip comes from the same catalogue.
    const sw = await env.b.sw();
    await expect.poll(() => sw.evaluate(() => chrome.action.getTitle({}))).toBe(`${text('extName')} — ${text('toolbarOn')}`);
    await popup.close();
  });

  it('the options page is in that language', async () => {
    const page = await env.b.ctx.newPage();
    await page.goto(`chrome-extension://${env.b.extId}/src/options/options.html`);
    await page.getByRole('heading', { name: text('optionsTitle'), exact: true }).waitFor({ timeout: 10_000 });
    // The sections appear once the settings have loaded.
    await page.getByRole('heading', { name: text('transferHeading'), exact: true }).waitFor({ timeout: 10_000 });
    for (const key of ['profilesHeading', 'sitesHeading', 'transferHeading']) {
      await expect(page.getByRole('heading', { name: text(key), exact: true }).isVisible(), key).resolves.toBe(true);
    }
    await expect(page.getByLabel(text('siteOriginLabel'), { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: text('addSite'), exact: true }).isVisible()).resolves.toBe(true);
    // The key saved in the popup above is listed as a profile.
    await expect(
      page
        .getByRole('button', { name: text('saveChanges'), exact: true })
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByRole('button', { name: text('exportButton'), exact: true }).isVisible()).resolves.toBe(true);
    expect(englishLeft(await visibleStrings(page), m)).toEqual([]);

    // Adding a key opens the same key form, with its "API key" field and Save button.
    await page.getByRole('button', { name: text('addProfile'), exact: true }).click();
    await expect(page.getByRole('textbox', { name: text('keyLabel'), exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByPlaceholder(text('profileNamePlaceholder'), { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: text('save'), exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: text('cancel'), exact: true }).isVisible()).resolves.toBe(true);
    expect(englishLeft(await visibleStrings(page), m)).toEqual([]);
    await page.close();
  });

  it('the panel is in that language, explanations included', async () => {
    const { file, done } = harFile('one.har', [
      {
        startedDateTime: '2026-11-20T10:00:00.000Z',
        time: 12,
        request: { method: 'GET', url: 'https://api.maiagent.ai/api/users/current/', headers: [] },
        response: {
          status: 401,
          headers: [],
          content: { mimeType: 'application/json', text: '{"detail":"Authentication credentials were not provided."}' },
        },
      },
    ]);
    try {
      const page = await env.b.ctx.newPage();
      await page.goto(`chrome-extension://${env.b.extId}/src/panel/panel.html`);
      await page.getByLabel(text('importHar'), { exact: true }).setInputFiles(file);
      await page.getByRole('listbox').getByRole('option').first().click();
      await page.getByRole('heading', { name: text('diagnosisHeading'), exact: true }).waitFor({ timeout: 10_000 });
      await expect(page.getByRole('heading', { name: text('fixHeading'), exact: true }).isVisible()).resolves.toBe(true);
      await expect(page.getByRole('button', { name: text('copyCurl'), exact: true }).isVisible()).resolves.toBe(true);
      const body = await page.locator('body').innerText();
      // The server's own words stay as they are; everything around them is translated.
      expect(body).toContain(`${text('status401')} — Authentication credentials were not provided.`);
      expect(englishLeft(await visibleStrings(page), m)).toEqual([]);
      // The endpoint's documentation opens in the same language as the panel.
      const docs = await page.getByRole('link', { name: text('endpointDocs'), exact: true }).getAttribute('href');
      expect(docs).toBe(`https://docs.maiagent.ai/api/${folder === 'ja' ? 'api-doc-ja/' : ''}api-reference/zu-zhi-he-cheng-yuan`);
      await page.close();
    } finally {
      done();
    }
  });
});
