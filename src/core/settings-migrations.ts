// Migrations of stored settings from each older schema version to the next (settings.ts runs them
// before it checks the result against the current schema).

import { isRecord } from './decode/values';

/** Migrations from each older version to the next; index = from-version. */
export const migrations: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  // v1 kept every key in storage.local; v2 adds the per-profile choice of where the key is kept.
  1: (old) => ({
    ...old,
    version: 2,
    profiles: Array.isArray(old.profiles) ? old.profiles.map((p: unknown) => (isRecord(p) ? { persist: 'local', ...p } : p)) : old.profiles,
  }),
  // v3: navigations typed in the address bar get the key only if the user switches it on (v2 gave
  // it to them, and with them to navigations from opaque and unlisted origins). `http://[::1]` is
  // no longer an origin (it could never be granted); the same machine is `http://localhost`.
  2: (old) => ({
    ...old,
    version: 3,
    typedNavigation: false,
    sites: Array.isArray(old.sites) ? [...new Set(old.sites.map(fromIpv6Loopback))] : old.sites,
    profiles: Array.isArray(old.profiles)
      ? old.profiles.map((p: unknown) =>
          isRecord(p) && Array.isArray(p.origins) ? { ...p, origins: [...new Set(p.origins.map(fromIpv6Loopback))] } : p,
        )
      : old.profiles,
    // Where both spellings had an active profile, the one already on localhost stays.
    active: isRecord(old.active)
      ? Object.fromEntries(
          Object.entries(old.active)
            .sort(([a], [b]) => Number(isIpv6Loopback(b)) - Number(isIpv6Loopback(a)))
            .map(([o, id]) => [fromIpv6Loopback(o), id]),
        )
      : old.active,
  }),
};

const isIpv6Loopback = (o: unknown): o is string => typeof o === 'string' && o.startsWith('http://[::1]');

function fromIpv6Loopback(o: unknown): unknown {
  return isIpv6Loopback(o) ? `http://localhost${o.slice('http://[::1]'.length)}` : o;
}
