// What a user does in the popup, by label and role (not CSS classes). No test-runner imports:
// the benchmark harness uses these too.
import type { Page } from 'playwright-core';
import type { Launched } from './browser';
import type { RecordedRequest } from '../server/maiagent-server';

/** The popup's words for the key field and its button: English unless the browser runs in another language. */
interface KeyFormLabels {
  key: string;
  save: string;
}

export async function saveKeyInPopup(b: Launched, key: string, labels: KeyFormLabels = { key: 'API key', save: 'Save' }): Promise<Page> {
  const popup = await b.openPopup();
  await popup.getByLabel(labels.key).fill(key);
  await popup.getByRole('button', { name: labels.save, exact: true }).click();
  await popup.getByTestId('masked-key').waitFor({ timeout: 10_000 });
  return popup;
}

/** In an open popup: "Add another key", a name and the key, "Save"; waits until the popup shows that key (masked). */
export async function addKeyInPopup(popup: Page, name: string, key: string): Promise<void> {
  await popup.getByRole('button', { name: 'Add another key' }).click();
  await popup.getByLabel('Name').fill(name);
  await popup.getByLabel('API key').fill(key);
  await popup.getByRole('button', { name: 'Save' }).click();
  await popup
    .getByTestId('masked-key')
    .filter({ hasText: `${key.slice(0, 6)}...${key.slice(-2)}` })
    .waitFor();
}

/** Fetch from inside a page and return what the echo endpoint saw (or the error). */
export async function pageFetch(page: Page, url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) {
  return page.evaluate(
    async ({ url, init }) => {
      try {
        const r = await fetch(url, { ...init, credentials: 'omit' });
        return { status: r.status, text: await r.text() };
      } catch (e) {
        return { status: 0, text: String(e) };
      }
    },
    { url, init },
  );
}

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
  // Run in the service worker; typed here by hand, since the benchmark (which imports this file) has no Chrome types.
  const tabId = await (
    await b.sw()
  ).evaluate(async (url) => {
    const { tabs } = (globalThis as unknown as { chrome: { tabs: { query(q: { url: string }): Promise<{ id?: number }[]> } } }).chrome;
    return (await tabs.query({ url })).at(0)?.id ?? 0;
  }, tab.url());
  if (!(tabId > 0)) throw new Error(`the extension finds no tab with the URL ${tab.url()}`);
  const popup = await b.ctx.newPage();
  if (viewport) await popup.setViewportSize(viewport);
  await popup.goto(`chrome-extension://${b.extId}/src/popup/popup.html?tabId=${tabId}`);
  return popup;
}

/**
 * "Open in tab" in a new popup with `address`; the tab it opens, once `ready` resolves for it. Tried
 * once more only when the GET of `address` reached the server with `authorization` but the tab never
 * got ready: the renderer crash that Playwright's focus emulation sets off in a tab an extension
 * opens and navigates at once (docs/NOTES.md "Testing"), after the extension did its part.
 */
export async function openInTab(
  b: Launched,
  requests: () => readonly RecordedRequest[],
  address: string,
  authorization: string,
  ready: (tab: Page) => Promise<unknown>,
): Promise<Page> {
  const url = new URL(address, 'https://api.maiagent.ai');
  const keyedSince = (before: number) =>
    requests()
      .slice(before)
      .some((r) => r.host === url.hostname && r.path === url.pathname + url.search && r.headers.authorization === authorization);
  for (let attempt = 1; ; attempt++) {
    const before = requests().length;
    const popup = await b.openPopup();
    let tab: Page | null = null;
    try {
      await popup.getByLabel('API address to open').fill(address);
      [tab] = await Promise.all([
        b.ctx.waitForEvent('page', { timeout: 15_000 }),
        popup.getByRole('button', { name: 'Open in tab' }).click(),
      ]);
      await ready(tab);
      return tab;
    } catch (e) {
      await tab?.close().catch(() => undefined);
      if (keyedSince(before) && attempt === 1) continue;
      const shown = await popup
        .locator('main')
        .innerText()
        .catch(() => '(popup closed)');
      const why = keyedSince(before) ? 'the keyed GET arrived twice but no tab showed the page' : 'the server got no keyed GET';
      throw new Error(`"Open in tab" with ${address}: ${why}; the popup shows: ${shown}`, { cause: e });
    } finally {
      await popup.close();
    }
  }
}
