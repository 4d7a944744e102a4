// Sites allowed to use the key: their pages' requests to the API get the header.
import { normalizeOrigin } from '../core/origins';
import { live, readSession, readSettings, writeSession } from './store';
import { hasAccess, revokeAccess } from './access';
import { change, done, refused, type Handler } from './handler';

/** The page asked the browser for access from the user's click; we only record a granted site. */
export const addSite: Handler<'addSite'> = async ({ origin }) => {
  const r = normalizeOrigin(origin);
  if (!r.ok) return refused(r.problem);
  if (!(await hasAccess(r.origin))) return refused('permissionMissing');
  return change((s) => (s.sites.includes(r.origin) ? s : { ...s, sites: [...s.sites, r.origin] }));
};

export const expectSite: Handler<'expectSite'> = async ({ origin }) => {
  const r = normalizeOrigin(origin);
  if (r.ok) await writeSession('pendingSite', { origin: r.origin, until: Date.now() + 5 * 60_000 });
  return done(null);
};

/** On a granted permission: add the site the user was asking for, if that is what was granted. */
export async function addExpectedSite(): Promise<void> {
  const p = (await readSession('pendingSite')) as { origin?: unknown } | undefined;
  if (!live(p) || typeof p.origin !== 'string' || !(await hasAccess(p.origin))) return;
  await writeSession('pendingSite');
  await addSite({ origin: p.origin });
}

export const removeSite: Handler<'removeSite'> = async ({ origin }) => {
  const result = await change((s) => ({ ...s, sites: s.sites.filter((x) => x !== origin) }));
  if (result.ok) {
    const s = await readSettings();
    await revokeAccess(origin, [...s.sites, ...s.profiles.flatMap((p) => p.origins)]);
  }
  return result;
};
