// Automated accessibility check (axe-core) on the popup, the options page and the panel, in the
// light and the dark theme, with Chromium in English, Japanese and Traditional Chinese (one
// browser per language; the texts to click are read from that language's catalogue). Zero
// violations is the bar.
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { harEntry, harFile } from './har';
import { ADA, useExtension, type Env } from './setup';
import { saveKeyInPopup } from './user';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const KEY = 'A11y0000.accessibilityTestSecret';
const LOCALES = resolve(import.meta.dirname, '../../public/_locales');

interface Violation {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
}

/** Run axe in the page (Runtime.evaluate is not subject to the extension's CSP). */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const r = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations;
  });
  return found.flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} at ${n.target.join(' ')} — ${n.failureSummary}`));
}

async function openIn(env: Env, url: string, scheme: 'light' | 'dark'): Promise<Page> {
  const page = await env.b.ctx.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(url);
  return page;
}

describe.each([
  { lang: 'en', folder: 'en' },
  { lang: 'ja', folder: 'ja' },
  { lang: 'zh-TW', folder: 'zh_TW' },
])('Chromium in $lang', ({ lang, folder }) => {
  const catalogue = JSON.parse(readFileSync(join(LOCALES, folder, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
  const t = (key: string): string => {
    const m = catalogue[key]?.message;
    if (!m) throw new Error(`${folder}/messages.json has no "${key}"`);
    return m;
  };
  const env = useExtension({ [KEY]: ADA }, { lang });

  describe.each(['light', 'dark'] as const)('%s theme', (scheme) => {
    it('popup, first run', async () => {
      const sw = await env.b.sw();
      const hasKey = await sw.evaluate(async () => JSON.stringify(await chrome.storage.local.get('settings')).includes('"key"'));
      if (hasKey) await sw.evaluate(() => chrome.storage.local.clear());
      const page = await openIn(env, `chrome-extension://${env.b.extId}/src/popup/popup.html`, scheme);
      await page.getByLabel(t('keyLabel')).waitFor();
      await page.getByLabel(t('keyLabel')).fill('Bearer nope');
      expect(await violations(page)).toEqual([]);
      await page.close();
    });

    it('popup, with a key and a check result', async () => {
      await (await saveKeyInPopup(env.b, KEY, { key: t('keyLabel'), save: t('save') })).close();
      const page = await openIn(env, `chrome-extension://${env.b.extId}/src/popup/popup.html`, scheme);
      await page.getByRole('button', { name: t('checkKey') }).click();
      await page.getByText(t('checkOk').split('$ARG1$')[0]!.trim()).waitFor();
      expect(await violations(page)).toEqual([]);
      await page.close();
    });

    it('options page', async () => {
      const page = await openIn(env, `chrome-extension://${env.b.extId}/src/options/options.html`, scheme);
      await page.getByRole('button', { name: t('addProfile') }).click();
      await page.getByLabel(t('exportIncludeKeys')).check();
      expect(await violations(page)).toEqual([]);
      await page.close();
    });

    it('panel with entries and a selected request', async () => {
      const e = (path: string, status: number, body: unknown) =>
        harEntry(path, status, body, {
          method: 'POST',
          requestHeaders: [{ name: 'Authorization', value: 'Api-Key abcdef123456.zz' }],
          requestBody: '{"a":1}',
        });
      const stream = {
        ...e('/api/v1/test-stream/', 200, null),
        response: {
          status: 200,
          headers: [{ name: 'Content-Type', value: 'text/event-stream' }],
          content: {
            mimeType: 'text/event-stream',
            text: 'data: {"content":"Hi","conversationId":"c1","done":false}\n\ndata: {"content":"","done":true}\n\n',
          },
        },
      };
      const { file, done } = harFile('a.har', [
        e('/api/v1/chatbots/', 400, { name: ['This field is required.'] }),
        e('/api/users/current/', 401, { detail: 'Invalid API key format.' }),
        e('/api/v1/x/', 200, { ok: true }),
        stream,
      ]);
      try {
        const page = await openIn(env, `chrome-extension://${env.b.extId}/src/panel/panel.html`, scheme);
        await page.getByLabel(t('importHar')).setInputFiles(file);
        await page.getByRole('listbox').getByRole('option').first().click();
        await page.getByRole('button', { name: t('copyCurl') }).click();
        await page.getByTestId('snippet').waitFor();
        // The tools of #12: the JSON tree with a picked path, the resend editor with a JSON problem.
        await page.getByTestId('json-tree').getByRole('button', { name: '"name"' }).click();
        await page.getByRole('button', { name: t('editAndResend') }).click();
        await page.getByLabel(t('resendBody')).fill('{"a": }');
        await page.getByTestId('json-problem').waitFor();
        expect(await violations(page)).toEqual([]);
        // A stream, its events opened.
        await page.getByRole('listbox').getByRole('option').last().click();
        await page.getByTestId('stream').locator('summary').click();
        expect(await violations(page)).toEqual([]);
        await page.close();
      } finally {
        done();
      }
    });
  });
});
