// What the picture tests share (README screenshots, store images): the popup opened for a tab as
// a toolbar click opens it, and real API traffic from the docs site recorded as a HAR file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { TestServer } from '../server/maiagent-server';
import type { Launched } from './browser';
import { pageFetch } from './user';

/**
 * Click the toolbar button on a tab (grants activeTab), then open the popup page for that tab, so
 * that it describes the tab and not itself ("This tab is not a web page."). `viewport` is set first.
 */
export async function popupFor(b: Launched, tab: Page, viewport?: { width: number; height: number }): Promise<Page> {
  const cdp = await b.ctx.browser()!.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as {
    targetInfos: { targetId: string; url: string }[];
  };
  const target = targetInfos.find((t) => t.url === tab.url());
  if (!target) throw new Error(`no browser tab has the URL ${tab.url()}`);
  await cdp.send('Extensions.triggerAction' as never, { id: b.extId, targetId: target.targetId } as never);
  await cdp.detach();
  const tabId = await (await b.sw()).evaluate(async (url) => (await chrome.tabs.query({ url })).at(0)?.id ?? 0, tab.url());
  if (!(tabId > 0)) throw new Error(`the extension finds no tab with the URL ${tab.url()}`);
  const popup = await b.ctx.newPage();
  if (viewport) await popup.setViewportSize(viewport);
  await popup.goto(`chrome-extension://${b.extId}/src/popup/popup.html?tabId=${tabId}`);
  return popup;
}

/** Real API traffic from the docs site (a 200, a 400, a 429, a 500 page…), written to `dir` as a HAR file. */
export async function recordHar(b: Launched, server: TestServer, dir: string): Promise<string> {
  const docs = await b.ctx.newPage();
  await docs.goto('https://docs.maiagent.ai/');
  const calls: [string, { method?: string; body?: string; headers?: Record<string, string> }?][] = [
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
    const r = await pageFetch(docs, url, init ?? {});
    const seen = server.requests.at(-1)!;
    const type = r.text.startsWith('<') ? 'text/html' : 'application/json';
    entries.push({
      startedDateTime: new Date(t0).toISOString(),
      time: Date.now() - t0,
      request: {
        method: seen.method,
        url,
        headers: Object.entries(seen.headers).map(([name, value]) => ({ name, value: String(value) })),
        ...(seen.body ? { postData: { mimeType: 'application/json', text: seen.body } } : {}),
      },
      response: { status: r.status, headers: [{ name: 'Content-Type', value: type }], content: { text: r.text, mimeType: type } },
    });
  }
  await docs.close();
  const har = join(dir, 'demo.har');
  writeFileSync(har, JSON.stringify({ log: { version: '1.2', entries } }));
  return har;
}
