// Storage: the only module that touches extension storage. Settings live in storage.local
// (parsed and repaired on every read); session-only keys live in storage.session, which the
// browser clears when it closes. Never the synced area. Writes are serialised in one queue.
import { ext as browser } from '../platform/ext';
import {
  cleanSessionKeys,
  isValidSettings,
  loadSettings,
  withSessionKeys,
  type RepairNotice,
  type SessionKeys,
  type Settings,
} from '../core/settings';

import { NOTICE, SESSION_KEYS, SETTINGS } from '../shared/storage-keys';
import { UNDO_MS } from '../core/constants';
export { UNDO_MS };

async function readLocal(): Promise<Settings> {
  const got = await browser.storage.local.get([SETTINGS]);
  const { settings, notice } = loadSettings(got[SETTINGS]);
  if (notice) {
    // Write back the repaired form once, and keep the notice for the popup to show.
    await browser.storage.local.set({ [SETTINGS]: settings, [NOTICE]: notice });
  }
  return settings;
}

async function readSessionKeys(local: Settings): Promise<SessionKeys> {
  const got = await browser.storage.session.get([SESSION_KEYS]);
  return cleanSessionKeys(local, got[SESSION_KEYS]);
}

/** Settings with session-only keys filled in: what rules and handlers work on. */
export async function readSettings(): Promise<Settings> {
  const local = await readLocal();
  return withSessionKeys(local, await readSessionKeys(local));
}

export async function readNotice(): Promise<RepairNotice | null> {
  const got = await browser.storage.local.get([NOTICE]);
  const n = got[NOTICE];
  return n === 'storageRepaired' || n === 'storageReset' || n === 'storageNewer' ? n : null;
}

export async function clearNotice(): Promise<void> {
  await browser.storage.local.remove(NOTICE);
}

/** Split effective settings into what goes to storage.local and what stays in the session. */
function split(s: Settings): { local: Settings; session: SessionKeys } {
  const session: SessionKeys = {};
  const profiles = s.profiles.map((p) => {
    if (p.persist !== 'session') return p;
    if (p.key) session[p.id] = p.key;
    return { ...p, key: '' };
  });
  return { local: { ...s, profiles }, session };
}

export class InvalidSettings extends Error {
  constructor() {
    super('settingsInvalid');
  }
}

let chain: Promise<unknown> = Promise.resolve();

/** Read-modify-write under one queue, so edits from popup and options page never overwrite each other. */
export function updateSettings(change: (s: Settings) => Settings | Promise<Settings>): Promise<Settings> {
  const next = chain.then(async () => {
    const current = await readSettings();
    const updated = await change(current);
    const { local, session } = split(updated);
    // Nothing invalid is ever written: a change that breaks the schema is refused as a whole.
    if (!isValidSettings(local)) throw new InvalidSettings();
    // Session keys first: the storage.local change is what wakes reconciliation.
    await browser.storage.session.set({ [SESSION_KEYS]: session });
    await browser.storage.local.set({ [SETTINGS]: local });
    return updated;
  });
  chain = next.catch(() => undefined);
  return next;
}

/** Pending undo of a deletion: in storage.session only (it holds a key), and only for a short while. */
const UNDO = 'undoDelete';
export async function putUndo(value: { profile: { id: string }; [more: string]: unknown }): Promise<void> {
  await browser.storage.session.set({ [UNDO]: { ...value, until: Date.now() + UNDO_MS } });
}
/** The pending undo for profile `id`, if it has not expired; a request for another id leaves it. */
export async function takeUndo(id: string): Promise<unknown> {
  const got = await browser.storage.session.get([UNDO]);
  const u = got[UNDO] as { until?: number; profile?: { id?: string } } | undefined;
  const live = !!u && typeof u.until === 'number' && u.until > Date.now();
  if (live && u.profile?.id !== id) return undefined;
  await browser.storage.session.remove(UNDO);
  return live ? u : undefined;
}

/** Expired undo data still holds a key: dropped when its time is up, at every wake-up and whenever a page asks for the state. */
export async function purgeExpiredUndo(): Promise<void> {
  const got = await browser.storage.session.get([UNDO]);
  const u = got[UNDO] as { until?: number } | undefined;
  if (u && !(typeof u.until === 'number' && u.until > Date.now())) await browser.storage.session.remove(UNDO);
}

export { isSettingsChange } from '../shared/storage-keys';
