// Storage schema: the one shape settings take in storage.local, its defaults and version (the
// migrations from older versions: settings-migrations.ts).
// Parsing never throws: bad stored data is repaired (what can be kept is kept) or reset, with a notice.
import * as v from 'valibot';
import { isKey } from './keys';
import { normalizeOrigin } from './origins';
import { isRecord } from './decode/values';
import { migrations } from './settings-migrations';

export const SCHEMA_VERSION = 3;
const ROTATION_DAYS = 90;
import { DEFAULT_API_ORIGIN, DOCS_ORIGIN } from './constants';
export { DEFAULT_API_ORIGIN, DOCS_ORIGIN };

// Few kinds of valibot schema on purpose: each kind used adds its code to the service worker,
// which has a size budget. Values are checked with custom() (one kind for strings, numbers,
// booleans and choices alike); object(), array(), optional() and pipe() give the structure.
export const is = <T>(test: (x: unknown) => boolean) => v.custom<T>(test);
export const str = is<string>((s) => typeof s === 'string');
export const bool = is<boolean>((b) => typeof b === 'boolean');
const num = is<number>((n) => typeof n === 'number' && !Number.isNaN(n));
const textOf = (min: number, max: number) => is<string>((s) => typeof s === 'string' && s.length >= min && s.length <= max);
/** A key as stored and injected (see isKey). */
export const KeySchema = is<string>((k) => typeof k === 'string' && isKey(k));
export const persistSchema = is<'local' | 'session'>((p) => p === 'local' || p === 'session');

export const OriginSchema = is<string>((o) => {
  const r = typeof o === 'string' && normalizeOrigin(o);
  return !!r && r.ok && r.origin === o;
});

/** What a profile is, besides its id: shared by the stored form and an imported entry. */
const profileFields = {
  name: textOf(0, 100),
  /** The key, or '' when it is kept only for the browser session (then it lives in storage.session). */
  key: str,
  origins: v.pipe(
    v.array(OriginSchema),
    v.check((os) => os.length > 0),
  ),
  addedAt: is<number>((n) => Number.isInteger(n) && (n as number) >= 0),
  persist: persistSchema,
};

const ProfileSchema = v.pipe(
  v.object({
    id: textOf(1, 64),
    ...profileFields,
    /** When the user dismissed the rotation reminder for this key (ms), if ever. */
    rotationDismissedAt: v.optional(num),
  }),
  v.check((p) => (p.persist === 'session' ? p.key === '' : isKey(p.key))),
);
export type Profile = v.InferOutput<typeof ProfileSchema>;

/**
 * A profile as the options page sends it from an import file it parsed (core/profiles-file.ts): no id
 * yet, a name, and a valid key, or '' when it only names a profile that is there.
 */
export const ImportEntrySchema = v.pipe(
  v.object({ ...profileFields, name: textOf(1, 100) }),
  v.check((p) => p.key === '' || isKey(p.key)),
);
export type ImportEntry = v.InferOutput<typeof ImportEntrySchema>;

const SettingsSchema = v.object({
  version: is<typeof SCHEMA_VERSION>((n) => n === SCHEMA_VERSION),
  enabled: bool,
  profiles: v.pipe(
    v.array(ProfileSchema),
    v.check((ps) => new Set(ps.map((p) => p.id)).size === ps.length),
  ),
  /** Which profile is active for each API origin. */
  active: is<Record<string, string>>((a) => isRecord(a) && Object.values(a).every((id) => typeof id === 'string')),
  /** Origins whose pages' requests get the header (the docs site by default). */
  sites: v.array(OriginSchema),
  /**
   * Whether top-level GET navigations to an API origin get the key whoever starts them: what makes
   * an address typed in the address bar work, at the cost of letting any page do the same. Off by default.
   */
  typedNavigation: bool,
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

export function defaultSettings(): Settings {
  return { version: SCHEMA_VERSION, enabled: true, profiles: [], active: {}, sites: [DOCS_ORIGIN], typedNavigation: false };
}

export type RepairNotice = 'storageRepaired' | 'storageReset' | 'storageNewer';
export interface Loaded {
  settings: Settings;
  /** Set when what was stored was not used as it was; the shells show it once. */
  notice: RepairNotice | null;
}

/** Whether settings (as kept in storage.local) satisfy the schema; the store refuses to write others. */
export function isValidSettings(s: unknown): boolean {
  return v.safeParse(SettingsSchema, s).success;
}

/** Read whatever storage held and return usable settings. Never throws. */
export function loadSettings(raw: unknown): Loaded {
  if (raw === undefined || raw === null) return { settings: defaultSettings(), notice: null };
  if (!isRecord(raw)) return { settings: defaultSettings(), notice: 'storageReset' };
  let data: Record<string, unknown> = raw;
  let version = typeof data.version === 'number' ? data.version : 0;
  if (version > SCHEMA_VERSION) {
    // Written by a newer extension version (a downgrade): keep what parses, say so.
    data = { ...data, version: SCHEMA_VERSION };
    version = SCHEMA_VERSION;
    const parsed = v.safeParse(SettingsSchema, data);
    if (parsed.success) return { settings: parsed.output, notice: 'storageNewer' };
  }
  while (version < SCHEMA_VERSION) {
    const step = migrations[version];
    if (!step) break;
    data = step(data);
    version += 1;
  }
  const parsed = v.safeParse(SettingsSchema, { ...data, version: SCHEMA_VERSION });
  if (parsed.success) return { settings: fixReferences(parsed.output), notice: null };
  return repair(data);
}

/** Keep every part that is valid on its own; drop the rest. */
function repair(data: Record<string, unknown>): Loaded {
  const base = defaultSettings();
  const profiles = Array.isArray(data.profiles)
    ? data.profiles.flatMap((p) => {
        const r = v.safeParse(ProfileSchema, p);
        return r.success ? [r.output] : [];
      })
    : [];
  const seen = new Set<string>();
  const unique = profiles.filter((p) => !seen.has(p.id) && seen.add(p.id));
  const sites = Array.isArray(data.sites)
    ? data.sites.flatMap((s) => {
        const r = typeof s === 'string' ? normalizeOrigin(s) : null;
        return r?.ok ? [r.origin] : [];
      })
    : base.sites;
  const active: Record<string, string> = {};
  if (isRecord(data.active)) for (const [o, id] of Object.entries(data.active)) if (typeof id === 'string') active[o] = id;
  const settings = fixReferences({
    version: SCHEMA_VERSION,
    enabled: typeof data.enabled === 'boolean' ? data.enabled : base.enabled,
    profiles: unique,
    active,
    sites,
    typedNavigation: typeof data.typedNavigation === 'boolean' ? data.typedNavigation : base.typedNavigation,
  });
  const keptSomething = unique.length > 0 || Array.isArray(data.sites);
  return { settings, notice: keptSomething ? 'storageRepaired' : 'storageReset' };
}

/** Active entries must point at a profile that has that origin; each origin with profiles gets one active. */
export function fixReferences(s: Settings): Settings {
  const active: Record<string, string> = {};
  for (const [origin, id] of Object.entries(s.active)) {
    if (s.profiles.some((p) => p.id === id && p.origins.includes(origin))) active[origin] = id;
  }
  for (const p of s.profiles) for (const o of p.origins) if (!(o in active)) active[o] = p.id;
  return { ...s, active };
}

/** Session-only keys by profile id, as kept in storage.session. */
export type SessionKeys = Record<string, string>;

/** Fill in the session-only keys; profiles whose session key is gone keep key ''. */
export function withSessionKeys(s: Settings, session: SessionKeys): Settings {
  return {
    ...s,
    profiles: s.profiles.map((p) => {
      const k = p.persist === 'session' ? session[p.id] : undefined;
      return k !== undefined && isKey(k) ? { ...p, key: k } : p;
    }),
  };
}

/** Only the session keys that still belong to a session profile. */
export function cleanSessionKeys(s: Settings, session: unknown): SessionKeys {
  const out: SessionKeys = {};
  if (!isRecord(session)) return out;
  for (const p of s.profiles) {
    const k = session[p.id];
    if (p.persist === 'session' && typeof k === 'string' && isKey(k)) out[p.id] = k;
  }
  return out;
}

export interface ActiveKey {
  origin: string;
  key: string;
  profileId: string;
  persist: 'local' | 'session';
}

/** The key to inject for each API origin, given the active profiles (with session keys filled in). */
export function activeKeys(s: Settings): ActiveKey[] {
  return Object.entries(s.active)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([origin, id]) => {
      const p = s.profiles.find((x) => x.id === id);
      return p && p.key ? [{ origin, key: p.key, profileId: p.id, persist: p.persist }] : [];
    });
}

/** Days since the key was added, and whether a rotation reminder is due. */
export function keyAge(p: Pick<Profile, 'addedAt' | 'rotationDismissedAt'>, now: number): { days: number; rotationDue: boolean } {
  const days = Math.max(0, Math.floor((now - p.addedAt) / 86_400_000));
  return { days, rotationDue: days >= ROTATION_DAYS && !(p.rotationDismissedAt && p.rotationDismissedAt >= p.addedAt) };
}
