// The profile operations: keys and profiles. A key arrives normalised by the page and checked at
// the door (core/payloads.ts); origins and references are checked here; nothing invalid is ever stored.
import { normalizeOrigin } from '../core/origins';
import { DEFAULT_API_ORIGIN, type Profile, type Settings } from '../core/settings';
import { t } from '../shared/i18n';
import { clearNotice, purgeExpiredUndo, putUndo, readSettings, takeUndo, UNDO_MS } from './store';
import { BUILT_IN, hasAccess } from './access';
import { change, done, inEffect, Refused, refused, type Handler } from './handler';
import { unawaited } from './unawaited';

async function checkedOrigins(origins: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const o of origins) {
    const r = normalizeOrigin(o);
    if (!r.ok) throw new Refused(r.problem);
    // A user's own origin must be granted before it is stored. A built-in one may be stored
    // while the browser withholds it (Firefox can): the pages then say access is missing.
    if (!BUILT_IN.has(r.origin) && !(await hasAccess(r.origin))) throw new Refused('permissionMissing');
    out.push(r.origin);
  }
  if (out.length === 0) throw new Refused('originInvalid');
  return [...new Set(out)];
}

function find(s: Settings, id: string): Profile {
  const p = s.profiles.find((x) => x.id === id);
  if (!p) throw new Refused('profileMissing');
  return p;
}

function defaultName(s: Settings): string {
  const used = new Set(s.profiles.map((p) => p.name));
  for (let i = s.profiles.length + 1; ; i++) {
    const name = t('defaultProfileName', String(i));
    if (!used.has(name)) return name;
  }
}

/** A new profile, added last; active for its origins where they have none yet, or everywhere with `activate`. */
function added(s: Settings, key: string, origins: string[], name = '', persist: Profile['persist'] = 'local', activate = false): Settings {
  const id = crypto.randomUUID();
  const p: Profile = { id, name: name.trim().slice(0, 100) || defaultName(s), key, origins, addedAt: Date.now(), persist };
  const mine = Object.fromEntries(origins.map((o) => [o, id]));
  return { ...s, profiles: [...s.profiles, p], active: activate ? { ...s.active, ...mine } : { ...mine, ...s.active } };
}

export const saveKey: Handler<'saveKey'> = ({ key, profileId, persist }) =>
  change((s) => {
    if (profileId) {
      const p = find(s, profileId);
      return {
        ...s,
        profiles: s.profiles.map((x) => (x.id === p.id ? { ...x, key, addedAt: Date.now(), persist: persist ?? x.persist } : x)),
      };
    }
    // First run: one step, a default name the user can change later, the public API origin.
    return added(s, key, [DEFAULT_API_ORIGIN], '', persist, true);
  });

export const addProfile: Handler<'addProfile'> = (input) =>
  change(async (s) => added(s, input.key, await checkedOrigins(input.origins ?? [DEFAULT_API_ORIGIN]), input.name, input.persist));

export const updateProfile: Handler<'updateProfile'> = (input) =>
  change(async (s) => {
    const p = find(s, input.id);
    let name = p.name;
    if (input.name !== undefined) {
      name = input.name.trim();
      if (!name) throw new Refused('nameEmpty');
    }
    const key = input.key ?? p.key;
    const origins = input.origins !== undefined ? await checkedOrigins(input.origins) : p.origins;
    // A session key that is gone cannot be "remembered": there is nothing to keep.
    if (input.persist === 'local' && !key) throw new Refused('keyMissing');
    const updated: Profile = {
      ...p,
      name: name.slice(0, 100),
      key,
      origins,
      persist: input.persist ?? p.persist,
      addedAt: key !== p.key ? Date.now() : p.addedAt,
    };
    return { ...s, profiles: s.profiles.map((x) => (x.id === p.id ? updated : x)) };
  });

export const deleteProfile: Handler<'deleteProfile'> = ({ id }) =>
  change(async (s) => {
    const p = find(s, id);
    const index = s.profiles.indexOf(p);
    const wasActive = Object.entries(s.active)
      .filter(([, v]) => v === id)
      .map(([o]) => o);
    // Undo lives in storage.session only: it holds the key and must not outlive the browser session.
    await putUndo({ profile: p, index, wasActive });
    // Gone when the offer ends if the worker still runs then; else at its next wake-up (index.ts).
    setTimeout(() => unawaited(purgeExpiredUndo(), 'dropping an expired undo'), UNDO_MS + 500);
    return removeProfile(s, id);
  });

export function removeProfile(s: Settings, id: string): Settings {
  return {
    ...s,
    profiles: s.profiles.filter((p) => p.id !== id),
    active: Object.fromEntries(Object.entries(s.active).filter(([, v]) => v !== id)),
  };
}

export const undoDelete: Handler<'undoDelete'> = async ({ id }) => {
  const undo = (await takeUndo(id)) as { profile: Profile; index: number; wasActive: string[] } | undefined;
  if (!undo?.profile) return refused('profileMissing');
  return change((s) => {
    if (s.profiles.some((p) => p.id === undo.profile.id)) return s;
    const profiles = [...s.profiles];
    profiles.splice(Math.min(undo.index, profiles.length), 0, undo.profile);
    const active = { ...s.active };
    for (const o of undo.wasActive) active[o] = undo.profile.id;
    return { ...s, profiles, active };
  });
};

export const moveProfile: Handler<'moveProfile'> = ({ id, by }) =>
  change((s) => {
    const i = s.profiles.findIndex((p) => p.id === id);
    const j = i + by;
    if (i < 0 || j < 0 || j >= s.profiles.length) return s;
    const profiles = [...s.profiles];
    [profiles[i], profiles[j]] = [profiles[j]!, profiles[i]!];
    return { ...s, profiles };
  });

export const setActive: Handler<'setActive'> = ({ origin, profileId }) =>
  change((s) => {
    const p = find(s, profileId);
    if (!p.origins.includes(origin)) throw new Refused('originInvalid');
    return { ...s, active: { ...s.active, [origin]: p.id } };
  });

export const setEnabled: Handler<'setEnabled'> = ({ enabled }) => change((s) => ({ ...s, enabled }));

export const setTypedNavigation: Handler<'setTypedNavigation'> = ({ on }) => change((s) => ({ ...s, typedNavigation: on }));

export const revealKey: Handler<'revealKey'> = async ({ profileId }) => {
  const s = await readSettings();
  return done({ key: s.profiles.find((p) => p.id === profileId)?.key ?? '' });
};

export const dismissRotation: Handler<'dismissRotation'> = ({ profileId }) =>
  change((s) => ({
    ...s,
    profiles: s.profiles.map((p) => (p.id === profileId ? { ...p, rotationDismissedAt: Date.now() } : p)),
  }));

export const dismissNotice: Handler<'dismissNotice'> = async () => {
  await clearNotice();
  return inEffect();
};

/** State is reported only once the rules match it, so "saved" on screen means "in effect". */
export const getState: Handler<'getState'> = async () => {
  await purgeExpiredUndo();
  return inEffect();
};
