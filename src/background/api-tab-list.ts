// The tabs that "Open in tab" opened, kept in storage.session (they end with the browser session).
import { ext as browser } from '../platform/ext';
import { withApiTab } from '../core/api-tab';
import { readSession, writeSession } from './store';

/** Tabs opened by "Open in tab" that are still open. Closed tabs drop out here (tab ids are not reused). */
export async function liveApiTabs(): Promise<number[]> {
  const got = await readSession('apiTabs');
  const stored = Array.isArray(got) ? got.filter((t): t is number => Number.isInteger(t)) : [];
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
  if (live.length !== stored.length) await writeSession('apiTabs', live);
  return live;
}

export async function rememberApiTab(tabId: number): Promise<void> {
  await writeSession('apiTabs', withApiTab(await liveApiTabs(), tabId));
}
