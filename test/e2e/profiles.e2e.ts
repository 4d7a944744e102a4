// Keys and profiles as a user handles them: validation, storage modes, switching, checking,
// sites, import/export, and the key staying out of the page unless revealed.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch } from './browser';
import { addKeyInPopup, pageFetch, saveKeyInPopup } from './user';
import { ADA, useExtension } from './setup';
import { HANGING_KEY } from '../server/maiagent-server';

const KEY_A = 'AaAa1111.firstProfileSecret0001';
const KEY_B = 'BbBb2222.secondProfileSecret002';
const mask = (k: string) => `${k.slice(0, 6)}...${k.slice(-2)}`;

const env = useExtension({
  [KEY_A]: ADA,
  [KEY_B]: { id: 'u2', name: 'Bo Tester', email: 'bo@example.com', company: 'Other Org' },
});
let docs: Page;

const lastAuth = () => env.server.requests.filter((r) => r.path === '/api/users/current/').at(-1)?.headers.authorization;
async function callFromDocs() {
  return pageFetch(docs, 'https://api.maiagent.ai/api/users/current/');
}

beforeAll(async () => {
  docs = await env.b.ctx.newPage();
  await docs.goto('https://docs.maiagent.ai/');
});

describe('validation as the user types', () => {
  it('explains each refusal under the field and stores nothing invalid', async () => {
    const popup = await env.b.openPopup();
    const field = popup.getByLabel('API key');
    const message = popup.locator('#key-message');
    await field.fill(`Bearer ${KEY_A}`);
    await expect(message.textContent()).resolves.toContain('does not use "Bearer"');
    await popup.getByRole('button', { name: 'Save' }).click();
    await field.fill('abcd efgh1234');
    await expect(message.textContent()).resolves.toContain('spaces');
    await field.fill(`"${KEY_A}"`);
    await expect(message.textContent()).resolves.toContain('quote');
    await field.fill('ключ12345678');
    await expect(message.textContent()).resolves.toContain('ASCII');
    await field.fill('');
    await popup.getByRole('button', { name: 'Save' }).click();
    await expect(message.textContent()).resolves.toBe('Enter a key.');
    await field.fill(`Api-Key ${KEY_A}`);
    await expect(message.textContent()).resolves.toBe('Looks like a MaiAgent key.');
    const sw = await env.b.sw();
    expect(await sw.evaluate(() => chrome.storage.local.get(null))).not.toHaveProperty('settings.profiles.0');
    // Enter saves.
    await field.press('Enter');
    await expect(popup.getByTestId('masked-key').textContent()).resolves.toBe(mask(KEY_A));
    await popup.close();
    await callFromDocs();
    expect(lastAuth()).toBe(`Api-Key ${KEY_A}`);
  });
});

describe('the key stays out of the page', () => {
  it('is absent from the DOM until revealed, and gone again when hidden', async () => {
    const popup = await env.b.openPopup();
    await popup.getByTestId('masked-key').waitFor();
    expect(await popup.content()).not.toContain(KEY_A);
    await popup.getByRole('button', { name: 'Reveal' }).click();
    await expect(popup.getByTestId('revealed-key').textContent()).resolves.toBe(KEY_A);
    await popup.getByRole('button', { name: 'Hide' }).click();
    await popup.getByTestId('revealed-key').waitFor({ state: 'detached' });
    expect(await popup.content()).not.toContain(KEY_A);
    await popup.close();
  });
});

describe('Check key', () => {
  it('shows who the key belongs to', async () => {
    const popup = await env.b.openPopup();
    await popup.getByRole('button', { name: 'Check key' }).click();
    await expect(popup.getByText('The key works').textContent()).resolves.toBe(
      'The key works. It belongs to Ada Tester (ada@example.com), Example Co.',
    );
    expect(lastAuth()).toBe(`Api-Key ${KEY_A}`);
    await popup.close();
  });

  it('decodes a refused key with the panel decoder', async () => {
    env.server.keys.delete(KEY_A);
    try {
      const popup = await env.b.openPopup();
      await popup.getByRole('button', { name: 'Check key' }).click();
      const alert = popup.getByRole('alert').filter({ hasText: '401' });
      await expect(alert.textContent()).resolves.toContain('401 Not authenticated — Invalid API key.');
      await expect(alert.textContent()).resolves.toContain('The API did not recognise the key that was sent.');
      await popup.close();
    } finally {
      env.server.keys.set(KEY_A, ADA);
    }
  });
});

describe('profiles', () => {
  it('adding a second key and switching profiles changes the injected header', async () => {
    const popup = await env.b.openPopup();
    await addKeyInPopup(popup, 'Teammate org', KEY_B);
    await callFromDocs();
    expect(lastAuth()).toBe(`Api-Key ${KEY_B}`);
    // A revealed key belongs to its profile: switching hides it.
    await popup.getByRole('button', { name: 'Reveal' }).click();
    await popup.getByTestId('revealed-key').filter({ hasText: KEY_B }).waitFor();
    // Two clicks: open the list, pick the other profile.
    await popup.getByRole('combobox', { name: 'Active key for https://api.maiagent.ai' }).selectOption({ label: 'Key 1' });
    await popup
      .getByTestId('masked-key')
      .filter({ hasText: mask(KEY_A) })
      .waitFor();
    await popup.getByTestId('revealed-key').waitFor({ state: 'detached' });
    expect(await popup.content()).not.toContain(KEY_B);
    await callFromDocs();
    expect(lastAuth()).toBe(`Api-Key ${KEY_A}`);
    await popup.close();
  });

  it('the options page renames, reorders, deletes with undo', async () => {
    const page = await env.b.ctx.newPage();
    await page.goto(`chrome-extension://${env.b.extId}/src/options/options.html`);
    const first = page.getByRole('article', { name: 'Key 1' });
    await first.getByLabel('Name').fill('Production');
    await first.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('article', { name: 'Production' }).waitFor();
    await page.getByRole('button', { name: 'Move up: Teammate org' }).click();
    await page.getByRole('button', { name: 'Move up: Teammate org' }).and(page.locator(':disabled')).waitFor();
    await expect(page.getByRole('article').first().getAttribute('aria-label')).resolves.toBe('Teammate org');
    await page.getByRole('button', { name: 'Delete Production' }).click();
    await page.getByRole('article', { name: 'Production' }).waitFor({ state: 'detached' });
    await callFromDocs();
    expect(lastAuth()).toBe(`Api-Key ${KEY_B}`);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('article', { name: 'Production' }).waitFor();
    await page.close();
  });

  it('export without keys leaves them out; export with keys and import restores everything', async () => {
    const page = await env.b.ctx.newPage();
    await page.goto(`chrome-extension://${env.b.extId}/src/options/options.html`);
    const [plain] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export profiles' }).click()]);
    const plainText = readFileSync((await plain.path())!, 'utf8');
    expect(plainText).not.toContain(KEY_A);
    expect(plainText).not.toContain(KEY_B);
    expect(
      JSON.parse(plainText)
        .profiles.map((p: { name: string }) => p.name)
        .sort(),
    ).toEqual(['Production', 'Teammate org']);

    await page.getByLabel('Include the keys themselves').check();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('plain text');
    const [full] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export profiles' }).click()]);
    const dir = mkdtempSync(join(tmpdir(), 'maiagent-export-'));
    const file = join(dir, 'profiles.json');
    await full.saveAs(file);
    expect(readFileSync(file, 'utf8')).toContain(KEY_A);

    // Remove everything, then import the file back.
    for (const name of ['Production', 'Teammate org']) {
      await page.getByRole('button', { name: `Delete ${name}` }).click();
      await page.getByRole('article', { name }).waitFor({ state: 'detached' });
    }
    await page.getByLabel('Import profiles from a file').setInputFiles(file);
    await page.getByText('Imported 2 profile(s).').waitFor();
    await page.getByRole('article', { name: 'Production' }).waitFor();
    await callFromDocs();
    expect([`Api-Key ${KEY_A}`, `Api-Key ${KEY_B}`]).toContain(lastAuth());
    rmSync(dir, { recursive: true, force: true });
    await page.close();
  });

  it('an imported key under a taken name comes in beside it, not active, and Undo import takes it back', async () => {
    const page = await env.b.ctx.newPage();
    await page.goto(`chrome-extension://${env.b.extId}/src/options/options.html`);
    await page.getByRole('article', { name: 'Production' }).waitFor();
    await callFromDocs();
    const inEffect = lastAuth();
    const other = 'Other000.importedKey0001';
    const file = JSON.stringify({
      format: 'maiagent-devtools-profiles',
      version: 1,
      profiles: [{ name: 'Production', origins: ['https://api.maiagent.ai'], key: other }],
    });
    await page
      .getByLabel('Import profiles from a file')
      .setInputFiles({ name: 'same-name.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await page.getByText('"Production" already exists with another key, so it was not replaced').waitFor();
    await page.getByRole('article', { name: 'Production (imported)' }).waitFor();
    // The key in effect did not change.
    await callFromDocs();
    expect(lastAuth()).toBe(inEffect);
    expect(lastAuth()).not.toContain(other);
    await page.getByRole('button', { name: 'Undo import' }).click();
    await page.getByRole('article', { name: 'Production (imported)' }).waitFor({ state: 'detached' });
    await page.getByText('The import was undone.').waitFor();
    await page.getByRole('article', { name: 'Production' }).waitFor();
    await page.close();
  });

  it('import reports every rejected entry and saves nothing', async () => {
    const page = await env.b.ctx.newPage();
    await page.goto(`chrome-extension://${env.b.extId}/src/options/options.html`);
    const before = await (await env.b.sw()).evaluate(() => chrome.storage.local.get('settings'));
    const bad = JSON.stringify({
      format: 'maiagent-devtools-profiles',
      version: 1,
      profiles: [
        { name: 'Fine', origins: ['https://api.maiagent.ai'], key: 'Fine0000.okokokok', addedAt: 1 },
        { name: 'Insecure', origins: ['http://api.maiagent.ai'], key: 'Insc0000.okokokok' },
        { name: 'Bearer', origins: ['https://api.maiagent.ai'], key: 'Bearer abc.def' },
        { name: 'NoKey', origins: ['https://api.maiagent.ai'] },
      ],
    });
    await page
      .getByLabel('Import profiles from a file')
      .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    const alert = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
    const text = await alert.textContent();
    expect(text).toContain('Entry 2 (Insecure)');
    expect(text).toContain('Entry 3 (Bearer)');
    expect(text).toContain('Entry 4 (NoKey)');
    expect(text).not.toContain('Entry 1');
    expect(await (await env.b.sw()).evaluate(() => chrome.storage.local.get('settings'))).toEqual(before);
    await page.close();
  });
});

describe('concurrent edits', () => {
  it('two pages adding profiles at the same moment lose neither', async () => {
    const popup = await env.b.openPopup();
    const options = await env.b.ctx.newPage();
    await options.goto(`chrome-extension://${env.b.extId}/src/options/options.html`);
    const add = (page: Page, name: string, key: string) =>
      page.evaluate(
        ({ name, key }) => chrome.runtime.sendMessage({ type: 'addProfile', payload: { name, key, origins: ['https://api.maiagent.ai'] } }),
        { name, key },
      );
    const before = ((await add(popup, 'probe', 'Probe000.probeprobe')) as { value: { profiles: unknown[] } }).value.profiles.length;
    const names = Array.from({ length: 10 }, (_, i) => `Concurrent ${i}`);
    await Promise.all(names.map((n, i) => add(i % 2 ? popup : options, n, `Conc000${i}.concurrentkey`)));
    const state = (await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'getState', payload: {} }))) as {
      value: { profiles: { name: string }[] };
    };
    expect(state.value.profiles.length).toBe(before + names.length);
    for (const n of names) expect(state.value.profiles.map((p) => p.name)).toContain(n);
    // Tidy up for the tests that follow.
    for (const p of state.value.profiles.filter((x) => x.name.startsWith('Concurrent') || x.name === 'probe')) {
      await popup.evaluate(
        (id) => chrome.runtime.sendMessage({ type: 'deleteProfile', payload: { id } }),
        (p as unknown as { id: string }).id,
      );
    }
    await popup.close();
    await options.close();
  });
});

describe('sites allowed to use the key', () => {
  it('removing the docs site stops injection there; adding it back restores it', async () => {
    const page = await env.b.ctx.newPage();
    await page.goto(`chrome-extension://${env.b.extId}/src/options/options.html`);
    await page.getByRole('button', { name: 'Remove https://docs.maiagent.ai' }).click();
    await page.getByRole('button', { name: 'Remove https://docs.maiagent.ai' }).waitFor({ state: 'detached' });
    await callFromDocs();
    expect(lastAuth()).toBeUndefined();
    await page.getByLabel('Site origin').fill('https://docs.maiagent.ai');
    await page.getByRole('button', { name: 'Add site' }).click();
    await page.getByText('https://docs.maiagent.ai may now use the key.').waitFor();
    await callFromDocs();
    expect(lastAuth()).toMatch(/^Api-Key /);
    await page.getByLabel('Site origin').fill('http://evil.test');
    await page.getByRole('button', { name: 'Add site' }).click();
    await expect(page.locator('#site-problem').textContent()).resolves.toContain('https');
    await page.close();
  });
});

describe('damaged storage', () => {
  it('is repaired with a visible notice, never a crash', async () => {
    const sw = await env.b.sw();
    await sw.evaluate(() =>
      chrome.storage.local.set({ settings: { version: 2, enabled: 'yes', profiles: [{ id: 'x', key: 'Bearer nope' }], sites: 7 } }),
    );
    const popup = await env.b.openPopup();
    await popup.getByText('could not be read and were reset').waitFor();
    await popup.getByRole('button', { name: 'Dismiss' }).click();
    await popup.getByText('could not be read').waitFor({ state: 'detached' });
    await expect(popup.getByLabel('API key').isVisible()).resolves.toBe(true);
    await popup.close();
  });
});

describe('storage modes across a restart', () => {
  it('a session-only key is forgotten when the browser closes; a remembered one is kept', async () => {
    const profileDir = mkdtempSync(join(tmpdir(), 'maiagent-session-'));
    try {
      const first = await launch({ server: env.server, profileDir });
      const popup = await first.openPopup();
      await popup.getByLabel('API key').fill(KEY_A);
      await popup.getByLabel('Forget when the browser closes').check();
      await popup.getByRole('button', { name: 'Save' }).click();
      await popup.getByTestId('masked-key').waitFor();
      const stored = await (await first.sw()).evaluate(() => chrome.storage.local.get(null));
      expect(JSON.stringify(stored)).not.toContain(KEY_A);
      const p1 = await first.ctx.newPage();
      await p1.goto('https://docs.maiagent.ai/');
      await pageFetch(p1, 'https://api.maiagent.ai/api/users/current/');
      expect(lastAuth()).toBe(`Api-Key ${KEY_A}`);
      await first.close();

      const second = await launch({ server: env.server, profileDir });
      const popup2 = await second.openPopup();
      await popup2.getByText('kept only until the browser closed').waitFor();
      const p2 = await second.ctx.newPage();
      await p2.goto('https://docs.maiagent.ai/');
      await pageFetch(p2, 'https://api.maiagent.ai/api/users/current/');
      expect(lastAuth()).toBeUndefined();
      await second.close();
    } finally {
      rmSync(profileDir, { recursive: true, force: true });
    }
  });
});

describe('Check key limits', () => {
  it('gives up after 10 s with a clear message', async () => {
    const fresh = await launch({ server: env.server });
    try {
      const popup = await saveKeyInPopup(fresh, HANGING_KEY);
      const t0 = Date.now();
      await popup.getByRole('button', { name: 'Check key' }).click();
      await popup.getByText('No answer from the API within 10 seconds').waitFor({ timeout: 15_000 });
      const took = Date.now() - t0;
      expect(took).toBeGreaterThan(9_000);
      expect(took).toBeLessThan(13_000);
    } finally {
      await fresh.close();
    }
  });
});
