// What pages read of storage themselves: the state the background last published, and a call when
// settings change. Pages never write storage (background/store.ts does).
import { ext as browser } from '../platform/ext';
import type { PublicState } from '../shared/protocol';
import { isSettingsChange, NOTICE, SETTINGS, SNAPSHOT } from '../shared/storage-keys';

/** Call back (without the values) when settings or the repair notice change, so pages can re-ask the background. */
export function onSettingsChanged(cb: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (isSettingsChange(changes, area) || (area === 'local' && NOTICE in changes)) cb();
  });
}

/**
 * The last state the background published, read straight from storage so a page can draw at once
 * instead of waiting for the worker to wake. `null` with `firstRun` when nothing was ever saved.
 */
export async function readSnapshot(): Promise<{ state: PublicState | null; firstRun: boolean }> {
  const got = await browser.storage.local.get([SNAPSHOT, SETTINGS]);
  const snap = got[SNAPSHOT] as PublicState | undefined;
  const valid = !!snap && typeof snap === 'object' && Array.isArray(snap.profiles) && Array.isArray(snap.sites);
  return { state: valid ? snap : null, firstRun: got[SETTINGS] === undefined };
}
