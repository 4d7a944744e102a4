// Storage: the only module that touches storage.local. Settings are parsed (and repaired) on
// every read; writes are serialised so two quick edits cannot overwrite each other.
import browser from 'webextension-polyfill';
import { loadSettings, type RepairNotice, type Settings } from '../core/settings';

const SETTINGS = 'settings';
const NOTICE = 'notice';

export async function readSettings(): Promise<Settings> {
  const got = await browser.storage.local.get([SETTINGS]);
  const { settings, notice } = loadSettings(got[SETTINGS]);
  if (notice) {
    // Write back the repaired form once, and keep the notice for the popup to show.
    await browser.storage.local.set({ [SETTINGS]: settings, [NOTICE]: notice });
  }
  return settings;
}

export async function readNotice(): Promise<RepairNotice | null> {
  const got = await browser.storage.local.get([NOTICE]);
  const n = got[NOTICE];
  return n === 'storageRepaired' || n === 'storageReset' || n === 'storageNewer' ? n : null;
}

export async function clearNotice(): Promise<void> {
  await browser.storage.local.remove(NOTICE);
}

let chain: Promise<unknown> = Promise.resolve();

/** Read-modify-write under one queue. */
export function updateSettings(change: (s: Settings) => Settings): Promise<Settings> {
  const next = chain.then(async () => {
    const current = await readSettings();
    const updated = change(current);
    await browser.storage.local.set({ [SETTINGS]: updated });
    return updated;
  });
  chain = next.catch(() => undefined);
  return next;
}

export function isSettingsChange(changes: Record<string, unknown>, area: string): boolean {
  return area === 'local' && SETTINGS in changes;
}

/** Call back (without the values) when settings change, so pages can re-ask the background. */
export function onSettingsChanged(cb: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (isSettingsChange(changes, area)) cb();
  });
}
