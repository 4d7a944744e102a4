// The tabs that "Open in tab" opened, kept in storage.session (they end with the browser session).
import { ext as browser } from '../platform/ext';
import { withApiTab } from '../core/api-tab';

const API_TABS = 'apiTabs';

/** Tabs opened by "Open in tab" that are still open. Closed tabs drop out here (tab ids are not reused). */
export async function liveApiTabs(): Promise<number[]> {
  const got = await browser.storage.session.get([API_TABS]);
  const stored = Array.isArray(got[API_TABS]) ? (got[API_TABS] as unknown[]).filter((t): t is number => Number.isInteger(t)) : [];
  if (stored.length === 0) return [];
  const alive = await Promise.all(
    stored.map((id) =>
      browser.tabs.get(id).then(
        () => id,
        () => null,
      ),
    ),
  );
  const live = alive.filter((id): id is number => id !== null);
  if (live.length !== stored.length) await browser.storage.session.set({ [API_TABS]: live });
  return live;
}

export async function rememberApiTab(tabId: number): Promise<void> {
  await browser.storage.session.set({ [API_TABS]: withApiTab(await liveApiTabs(), tabId) });
}
