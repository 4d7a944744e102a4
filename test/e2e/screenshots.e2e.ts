// Screenshots for the README, taken in real Chromium from the built extension (docs/screenshots/).
import { expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pageFetch, saveKeyInPopup } from './user';
import { ADA, useExtension } from './setup';

const OUT = resolve(import.meta.dirname, '../../docs/screenshots');
const KEY = 'g5BnKDab.screenshotDemoKey0000Xs';
const env = useExtension({ [KEY]: ADA });

it('popup: a saved key, checked, as the toolbar shows it on a docs tab', async () => {
  await (await saveKeyInPopup(env.b, KEY)).close();
  // As a toolbar click on a docs tab opens it (activeTab), so the popup describes that tab and not
  // itself ("This tab is not a web page." when the popup page is simply opened in a tab).
  const docs = await env.b.ctx.newPage();
  await docs.goto('https://docs.maiagent.ai/');
  const cdp = await env.b.ctx.browser()!.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as {
    targetInfos: { targetId: string; url: string }[];
  };
  await cdp.send(
    'Extensions.triggerAction' as never,
    { id: env.b.extId, targetId: targetInfos.find((t) => t.url === docs.url())!.targetId } as never,
  );
  await cdp.detach();
  const tabId = await (await env.b.sw()).evaluate(async (url) => (await chrome.tabs.query({ url })).at(0)?.id ?? 0, docs.url());
  const popup = await env.b.ctx.newPage();
  await popup.setViewportSize({ width: 340, height: 560 });
  await popup.goto(`chrome-extension://${env.b.extId}/src/popup/popup.html?tabId=${tabId}`);
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
  const docs = await env.b.ctx.newPage();
  await docs.goto('https://docs.maiagent.ai/');
  const calls: [string, RequestInit?][] = [
    ['https://api.maiagent.ai/api/users/current/'],
    ['https://api.maiagent.ai/api/v1/chatbots/'],
    [
      'https://api.maiagent.ai/api/v1/chatbots/',
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"description":"demo"}' },
    ],
    ['https://api.maiagent.ai/api/v1/throttled/'],
    ['https://api.maiagent.ai/api/v1/broken/'],
  ];
  const entries = [];
  for (const [url, init] of calls) {
    const t0 = Date.now();
    const r = await pageFetch(docs, url, (init ?? {}) as { method?: string; body?: string; headers?: Record<string, string> });
    const seen = env.server.requests.at(-1)!;
    entries.push({
      startedDateTime: new Date(t0).toISOString(),
      time: Date.now() - t0,
      request: {
        method: seen.method,
        url,
        headers: Object.entries(seen.headers).map(([name, value]) => ({ name, value: String(value) })),
        ...(seen.body ? { postData: { mimeType: 'application/json', text: seen.body } } : {}),
      },
      response: {
        status: r.status,
        headers: [{ name: 'Content-Type', value: r.text.startsWith('<') ? 'text/html' : 'application/json' }],
        content: { text: r.text, mimeType: r.text.startsWith('<') ? 'text/html' : 'application/json' },
      },
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'maiagent-shot-'));
  const har = join(dir, 'demo.har');
  writeFileSync(har, JSON.stringify({ log: { version: '1.2', entries } }));
  try {
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
