// Import of profiles (export is the options page's own: core/profiles-file.ts). The options page parses
// an import file (core/profiles-file.ts) and sends the entries; their shape is checked at the door
// (core/payloads.ts), what needs the stored profiles and the browser's grants is checked here.
import { distinctName } from '../core/distinct-name';
import { keylessEntryFits, type Rejection } from '../core/profiles-file';
import { t } from '../shared/i18n';
import { BUILT_IN, hasAccess } from './access';
import { readSettings } from './store';
import { removeProfile } from './profiles';
import { change, done, type Handler } from './handler';

export const importProfiles: Handler<'importProfiles'> = async ({ profiles: entries, sites }) => {
  const current = await readSettings();
  // Imported origins and sites need host access the user already granted; a file cannot grant it.
  // The built-in hosts are the exception: the manifest asks for them, and while the browser
  // withholds them the pages say so and offer to grant them.
  const usable = async (o: string) => BUILT_IN.has(o) || (await hasAccess(o));
  const rejected: Rejection[] = [];
  for (const [index, p] of entries.entries()) {
    const reject = (reason: Rejection['reason']) => rejected.push({ index, name: p.name, reason });
    // Checked again here: the file was parsed by a page.
    if (!p.key && !keylessEntryFits(p.origins, current.profiles.find((x) => x.name === p.name)?.origins)) reject('importKeylessOrigins');
    for (const o of p.origins) if (!(await usable(o))) reject('importNoAccess');
  }
  for (const site of sites) if (!(await usable(site))) rejected.push({ index: -1, name: site, reason: 'importNoAccess' });
  if (rejected.length) return { ok: false, problem: 'importRejected', rejected };
  const added: string[] = [];
  const renamed: { from: string; to: string }[] = [];
  let sitesAdded: string[] = [];
  const result = await change((s) => {
    const profiles = [...s.profiles];
    const taken = new Set(profiles.map((p) => p.name));
    for (const imp of entries) {
      const same = profiles.find((p) => p.name === imp.name);
      // A keyless entry only names a profile that is there (its origins were checked): nothing to change.
      if (same && (!imp.key || same.key === imp.key)) continue;
      // Never replace a key silently: another key under a taken name comes in beside it, inactive.
      const name = same ? distinctName(imp.name, taken, importedName) : imp.name;
      if (same) renamed.push({ from: imp.name, to: name });
      taken.add(name);
      const id = crypto.randomUUID();
      added.push(id);
      profiles.push({ ...imp, name, id });
    }
    sitesAdded = sites.filter((o) => !s.sites.includes(o));
    return { ...s, profiles, sites: [...s.sites, ...new Set(sitesAdded)] };
  });
  if (!result.ok) return result;
  return done({ state: result.value, count: entries.length, added, sitesAdded, renamed });
};

/** "Key 1 (imported)", "Key 1 (imported 2)"… */
function importedName(base: string, n: number): string {
  return n === 1 ? t('importedName', base) : t('importedNameN', base, String(n));
}

/** Take an import back: the profiles and sites it added go (profiles it left alone were never changed). */
export const undoImport: Handler<'undoImport'> = ({ profileIds, sites }) =>
  change((s) => {
    let next = s;
    for (const id of profileIds) next = removeProfile(next, id);
    return { ...next, sites: next.sites.filter((o) => !sites.includes(o)) };
  });
