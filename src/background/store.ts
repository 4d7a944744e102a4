// Storage: the only module that writes extension storage. Settings live in storage.local
// (parsed and repaired on every read); session-only keys live in storage.session, which the
// browser clears when it closes. Never the synced area. Settings writes are serialised in one
// queue; the few other entries go through the typed accessors at the end.
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

import type { PublicState } from '../shared/protocol';
import { KEY_CHECKS, NOTICE, SESSION_KEYS, SETTINGS, SNAPSHOT } from '../shared/storage-keys';
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

/** Publish what pages may show at once (masked keys only): they read it before the worker answers. */
export async function writeSnapshot(state: PublicState): Promise<void> {
  await browser.storage.local.set({ [SNAPSHOT]: state });
}

/** The entries of storage.session besides the session keys, by name, and what each holds. */
interface SessionEntries {
  /** A deleted profile's copy for Undo (it holds the key: session only, and only for a short while). */
  undoDelete: { profile: { id: string }; until: number; [more: string]: unknown };
  /** The site a page asked access for just before the browser's prompt (which may close a popup). */
  pendingSite: { origin: string; until: number };
  /** Tabs opened by "Open in tab" (their rule is scoped to them). */
  apiTabs: number[];
  /** The last Check key outcome per key fingerprint, for the panel (no key material). */
  [KEY_CHECKS]: Record<string, { outcome: string; origin: string; at: number }>;
}

/** An entry as stored: unknown, since anything may be there; each reader checks what it gets. */
export async function readSession(name: keyof SessionEntries): Promise<unknown> {
  return (await browser.storage.session.get(name))[name];
}

/** Write an entry of storage.session; `undefined` removes it. */
export async function writeSession<K extends keyof SessionEntries>(name: K, value?: SessionEntries[K]): Promise<void> {
  await (value === undefined ? browser.storage.session.remove(name) : browser.storage.session.set({ [name]: value }));
}

/** Whether a stored entry with an expiry (`until`) is still live. */
export const live = <T extends object>(u: T | undefined): u is T & { until: number } =>
  typeof (u as { until?: unknown } | undefined)?.until === 'number' && (u as { until: number }).until > Date.now();

/** Keep a deleted profile's copy for Undo, for UNDO_MS. */
export const putUndo = (value: { profile: { id: string }; [more: string]: unknown }) =>
  writeSession('undoDelete', { ...value, until: Date.now() + UNDO_MS });

/** The pending undo for profile `id`, if it has not expired; a request for another id leaves it. */
export async function takeUndo(id: string): Promise<unknown> {
  const u = (await readSession('undoDelete')) as { profile?: { id?: string } } | undefined;
  const pending = live(u);
  if (pending && u.profile?.id !== id) return undefined;
  await writeSession('undoDelete');
  return pending ? u : undefined;
}

/** Expired undo data still holds a key: dropped when its time is up, at every wake-up and whenever a page asks for the state. */
export async function purgeExpiredUndo(): Promise<void> {
  const u = await readSession('undoDelete');
  if (u && !live(u)) await writeSession('undoDelete');
}

export { isSettingsChange } from '../shared/storage-keys';
