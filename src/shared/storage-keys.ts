// Names of the storage entries, and change detection, without the schema: pages import this
// module, so it must stay small (the schema and its validator belong to the background).
import { ext as browser } from '../platform/ext';
import type { PublicState } from './protocol';

export const SETTINGS = 'settings';
export const NOTICE = 'notice';
export const SESSION_KEYS = 'sessionKeys';
/** What pages may show at once (masked keys only), written by the background after each change. */
const SNAPSHOT = 'publicSnapshot';
/** storage.session: the last Check key outcome per key fingerprint (no key material). */
export const KEY_CHECKS = 'keyChecks';

export function isSettingsChange(changes: Record<string, unknown>, area: string): boolean {
  return (area === 'local' && SETTINGS in changes) || (area === 'session' && SESSION_KEYS in changes);
}

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

export async function writeSnapshot(state: PublicState): Promise<void> {
  await browser.storage.local.set({ [SNAPSHOT]: state });
}
