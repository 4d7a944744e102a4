// Message handlers, one named function per message of the protocol.
import browser from 'webextension-polyfill';
import { keyFingerprint, maskKey, normalizeKey } from '../core/keys';
import { DEFAULT_API_ORIGIN, fixReferences, type Settings } from '../core/settings';
import type { Protocol, PublicState } from '../shared/protocol';
import { clearNotice, readNotice, readSettings, updateSettings } from '../shared/store';
import { reconcile } from './reconcile';

type Handler<K extends keyof Protocol> = (payload: Protocol[K]['req']) => Promise<Protocol[K]['res']>;

async function publicState(s: Settings): Promise<PublicState> {
  const profiles = await Promise.all(
    s.profiles.map(async (p) => ({
      id: p.id,
      name: p.name,
      masked: maskKey(p.key),
      fingerprint: await keyFingerprint(p.key),
      origins: p.origins,
      addedAt: p.addedAt,
    })),
  );
  return { enabled: s.enabled, profiles, active: s.active, sites: s.sites, notice: await readNotice() };
}

function newId(): string {
  return crypto.randomUUID();
}

const getState: Handler<'getState'> = async () => publicState(await readSettings());

const saveKey: Handler<'saveKey'> = async ({ key, profileId }) => {
  const checked = normalizeKey(key);
  if (!checked.ok) return { ok: false, problem: checked.problem };
  const settings = await updateSettings((s) => {
    const existing = profileId ? s.profiles.find((p) => p.id === profileId) : undefined;
    if (existing) {
      return { ...s, profiles: s.profiles.map((p) => (p.id === existing.id ? { ...p, key: checked.key, addedAt: Date.now() } : p)) };
    }
    const profile = {
      id: newId(),
      name: `Key ${s.profiles.length + 1}`,
      key: checked.key,
      origins: [DEFAULT_API_ORIGIN],
      addedAt: Date.now(),
    };
    // A new key becomes the active one for its origin.
    return fixReferences({ ...s, profiles: [...s.profiles, profile], active: { ...s.active, [DEFAULT_API_ORIGIN]: profile.id } });
  });
  await reconcile();
  return { ok: true, state: await publicState(settings) };
};

const setEnabled: Handler<'setEnabled'> = async ({ enabled }) => {
  const s = await updateSettings((cur) => ({ ...cur, enabled }));
  await reconcile();
  return publicState(s);
};

const forgetKey: Handler<'forgetKey'> = async ({ profileId }) => {
  const s = await updateSettings((cur) =>
    fixReferences({
      ...cur,
      profiles: cur.profiles.filter((p) => p.id !== profileId),
      active: Object.fromEntries(Object.entries(cur.active).filter(([, id]) => id !== profileId)),
    }),
  );
  await reconcile();
  return publicState(s);
};

const dismissNotice: Handler<'dismissNotice'> = async () => {
  await clearNotice();
  return publicState(await readSettings());
};

export const handlers: { [K in keyof Protocol]: Handler<K> } = { getState, saveKey, setEnabled, forgetKey, dismissNotice };

/** Only the extension's own pages may talk to the background (no content scripts exist; externally_connectable is closed). */
export function isOwnPage(sender: browser.Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL(''));
}
