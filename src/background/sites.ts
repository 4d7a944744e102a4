// Sites allowed to use the key: their pages' requests to the API get the header.
import { normalizeOrigin } from '../core/origins';
import { activeKeys } from '../core/settings';
import type { TabStatus } from '../shared/protocol';
import { live, readSession, readSettings, writeSession } from './store';
import { hasAccess, revokeAccess } from './access';
import { injectedInTab } from './tab-count';
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
  if (!live(p) || typeof p!.origin !== 'string' || !(await hasAccess(p!.origin))) return;
  await writeSession('pendingSite');
  await addSite({ origin: p!.origin });
}

export const removeSite: Handler<'removeSite'> = async ({ origin }) => {
  const result = await change((s) => ({ ...s, sites: s.sites.filter((x) => x !== origin) }));
  if (result.ok) {
    const s = await readSettings();
    await revokeAccess(origin, [...s.sites, ...s.profiles.flatMap((p) => p.origins)]);
  }
  return result;
};

export const tabStatus: Handler<'tabStatus'> = async ({ url, tabId }) => {
  let origin: string | null = null;
  try {
    const u = new URL(url);
    if (u.protocol === 'http:' || u.protocol === 'https:') origin = u.origin;
  } catch {
    /* not a web page */
  }
  const verdict = async (): Promise<TabStatus['verdict']> => {
    if (!origin) return 'notWeb';
    const s = await readSettings();
    if (!s.enabled) return 'injectionOff';
    const keys = activeKeys(s);
    if (keys.length === 0) return 'noKey';
    if (keys.some((k) => k.origin === origin)) return (await hasAccess(origin)) ? 'apiOrigin' : 'noAccess';
    if (s.sites.includes(origin)) return (await hasAccess(origin)) ? 'allowed' : 'noAccess';
    if (!normalizeOrigin(origin).ok) return 'insecure';
    return 'notAllowed';
  };
  const [v, injected] = await Promise.all([verdict(), tabId === undefined ? null : injectedInTab(tabId)]);
  return done({ origin, verdict: v, injected });
};
