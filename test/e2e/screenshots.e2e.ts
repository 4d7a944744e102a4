// Screenshots for the README, taken in real Chromium from the built extension (docs/screenshots/).
import { expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { recordHar } from './pictures';
import { ADA, useExtension } from './setup';
import { popupFor, saveKeyInPopup } from './user';

const OUT = resolve(import.meta.dirname, '../../docs/screenshots');
const KEY = 'g5BnKDab.screenshotDemoKey0000Xs';
const env = useExtension({ [KEY]: ADA });

it('popup: a saved key, checked, as the toolbar shows it on a docs tab', async () => {
  await (await saveKeyInPopup(env.b, KEY)).close();
  // As a toolbar click on a docs tab opens it (activeTab), so the popup describes that tab and not
  // itself ("This tab is not a web page." when the popup page is simply opened in a tab).
  const docs = await env.b.ctx.newPage();
  await docs.goto('https://docs.maiagent.ai/');
  const popup = await popupFor(env.b, docs, { width: 340, height: 560 });
  // The one-time tip is for first use; the README shows the popup in use.
  await popup.getByRole('button', { name: 'Got it' }).click();
  await popup.getByRole('button', { name: 'Check key' }).click();
  await popup.getByText('The key works').waitFor();
  await popup.getByText('Requests from https://docs.maiagent.ai get the key.').waitFor();
  const file = join(OUT, 'popup.png');
  await popup.screenshot({ path: file, fullPage: true });
  expect(statSync(file).size).toBeGreaterThan(5_000);
  await popup.close();
  await docs.close();
});

it('panel: requests from the docs site, a 400 explained', async () => {
  // Real traffic, captured into a HAR by the test server's answers, shown in the panel's viewer.
  const dir = mkdtempSync(join(tmpdir(), 'maiagent-shot-'));
  try {
    const har = await recordHar(env.b, env.server, dir);
    const panel = await env.b.ctx.newPage();
    await panel.setViewportSize({ width: 1100, height: 560 });
    await panel.goto(`chrome-extension://${env.b.extId}/src/panel/panel.html`);
    await panel.getByLabel('Import HAR').setInputFiles(har);
    await panel.getByRole('button', { name: 'Dismiss' }).click();
    await panel.getByRole('listbox').getByRole('option').nth(2).click();
    await panel.getByText('What happened').waitFor();
    const file = join(OUT, 'panel.png');
    await panel.screenshot({ path: file });
    expect(statSync(file).size).toBeGreaterThan(10_000);
    // The demo key must not be readable in a published picture's source page either.
    expect(await panel.content()).not.toContain(KEY);
    await panel.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
