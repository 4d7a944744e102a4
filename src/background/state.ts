// What pages may know of the settings: keys masked, with fingerprints to compare.
import { keyFingerprint, maskKey } from '../core/keys';
import { keyAge, type Settings } from '../core/settings';
import type { PublicState } from '../shared/protocol';
import { readNotice, writeSnapshot } from './store';
import { BUILT_IN } from './access';

/** `granted`: the configured origins the browser grants access to, as reconcile found them. */
export async function publicState(s: Settings, granted: ReadonlySet<string>): Promise<PublicState> {
  const hasAccess = (o: string) => granted.has(o);
  const now = Date.now();
  const profiles = await Promise.all(
    s.profiles.map(async (p) => {
      const { days, rotationDue } = keyAge(p, now);
      return {
        id: p.id,
        name: p.name,
        masked: p.key ? maskKey(p.key) : '',
        fingerprint: p.key ? await keyFingerprint(p.key) : '',
        hasKey: p.key !== '',
        origins: p.origins,
        addedAt: p.addedAt,
        persist: p.persist,
        ageDays: days,
        rotationDue,
      };
    }),
  );
  const sites = s.sites.map((origin) => ({ origin, granted: hasAccess(origin), builtIn: BUILT_IN.has(origin) }));
  const missingApiAccess = [...new Set(s.profiles.flatMap((p) => p.origins))].filter((o) => !hasAccess(o));
  const state: PublicState = {
    enabled: s.enabled,
    profiles,
    active: s.active,
    sites,
    missingApiAccess,
    typedNavigation: s.typedNavigation,
    notice: await readNotice(),
  };
  await publish(state);
  return state;
}

let published = '';

/** Keep the pages' snapshot current; write only when it changed. */
async function publish(state: PublicState): Promise<void> {
  // Ages change daily, so they are part of the comparison too.
  const text = JSON.stringify(state);
  if (text === published) return;
  await writeSnapshot(state);
  published = text;
}
