// Export and import of profiles (see core/transfer.ts for the format and its checks).
import { exportProfiles as toFile, parseImport, type Rejection } from '../core/transfer';
import { BUILT_IN, hasAccess } from './access';
import type { Profile } from '../core/settings';
import { readSettings } from '../shared/store';
import { change, type Handler } from './profiles';

export const exportProfiles: Handler<'exportProfiles'> = async ({ includeKeys }) => ({
  json: JSON.stringify(toFile(await readSettings(), includeKeys, new Date()), null, 2),
});

export const importProfiles: Handler<'importProfiles'> = async ({ json }) => {
  const current = await readSettings();
  const parsed = parseImport(json, new Map(current.profiles.map((p) => [p.name, p.origins])));
  if (!parsed.ok) return parsed;
  // Imported origins and sites need host access the user already granted; a file cannot grant it.
  // The built-in hosts are the exception: the manifest asks for them, and while the browser
  // withholds them the pages say so and offer to grant them.
  const usable = async (o: string) => BUILT_IN.has(o) || (await hasAccess(o));
  const rejected: Rejection[] = [];
  for (const [index, p] of parsed.profiles.entries()) {
    for (const o of p.origins) if (!(await usable(o))) rejected.push({ index, name: p.name, reason: 'importNoAccess' });
  }
  for (const site of parsed.sites) if (!(await usable(site))) rejected.push({ index: -1, name: site, reason: 'importNoAccess' });
  if (rejected.length) return { ok: false, rejected };
  const result = await change((s) => {
    const profiles = [...s.profiles];
    for (const imp of parsed.profiles) {
      const i = profiles.findIndex((p) => p.name === imp.name);
      if (i >= 0) {
        const old = profiles[i]!;
        // Without a key in the file the existing key stays, and so does its age.
        profiles[i] = imp.key ? { ...old, ...imp, id: old.id } : { ...old, name: imp.name };
      } else {
        profiles.push({ ...imp, id: crypto.randomUUID() } as Profile);
      }
    }
    return { ...s, profiles, sites: [...new Set([...s.sites, ...parsed.sites])] };
  });
  if (!result.ok) return { ok: false, rejected: [{ index: -1, name: '', reason: result.problem }] };
  return { ok: true, state: result.state, count: parsed.profiles.length };
};
