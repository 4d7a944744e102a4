// Storage schema: the one shape settings take in storage.local, its defaults, version and migrations.
// Parsing never throws: bad stored data is repaired (what can be kept is kept) or reset, with a notice.
import * as v from 'valibot';
import { normalizeKey } from './keys';
import { normalizeOrigin } from './origins';

export const SCHEMA_VERSION = 1;
export const DEFAULT_API_ORIGIN = 'https://api.maiagent.ai';
export const DOCS_ORIGIN = 'https://docs.maiagent.ai';

const ProfileSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  name: v.pipe(v.string(), v.maxLength(100)),
  key: v.pipe(v.string(), v.check(isStoredKeyValid)),
  origins: v.pipe(v.array(v.pipe(v.string(), v.check((o) => normalizeOrigin(o).ok))), v.minLength(1)),
  addedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type Profile = v.InferOutput<typeof ProfileSchema>;

const SettingsSchema = v.object({
  version: v.literal(SCHEMA_VERSION),
  enabled: v.boolean(),
  profiles: v.array(ProfileSchema),
  /** Which profile is active for each API origin. */
  active: v.record(v.string(), v.string()),
  /** Origins whose pages' requests get the header (the docs site by default). */
  sites: v.array(v.pipe(v.string(), v.check((o) => normalizeOrigin(o).ok))),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

export function defaultSettings(): Settings {
  return { version: SCHEMA_VERSION, enabled: true, profiles: [], active: {}, sites: [DOCS_ORIGIN] };
}

export type RepairNotice = 'storageRepaired' | 'storageReset' | 'storageNewer';
export interface Loaded {
  settings: Settings;
  /** Set when what was stored was not used as it was; the shells show it once. */
  notice: RepairNotice | null;
}

/** Migrations from each older version to the next; index = from-version. */
const migrations: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
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

/** The key to inject for each API origin, given the active profiles. */
export function activeKeys(s: Settings): { origin: string; key: string; profileId: string }[] {
  return Object.entries(s.active)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([origin, id]) => {
      const p = s.profiles.find((x) => x.id === id);
      return p ? [{ origin, key: p.key, profileId: p.id }] : [];
    });
}

/** A stored key must be exactly what normalizeKey would produce: nothing invalid is ever injected. */
function isStoredKeyValid(k: string): boolean {
  const r = normalizeKey(k);
  return r.ok && r.key === k;
}
