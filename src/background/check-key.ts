// "Check key": one GET /api/users/current/ with the profile's key, from the background, with a
// 10 s limit. The page gets the owner's name or an exchange for the decoder; never the key.
import { keyFingerprint, maskKeyIn } from '../core/keys';
import type { CheckResult } from '../shared/protocol';
import { readSession, readSettings, writeSession } from './store';
import { hasAccess } from './access';
import { done, type Handler } from './handler';
import { sendRequest } from './resend';

const CHECK_PATH = '/api/users/current/';

const str = (x: unknown) => (typeof x === 'string' ? x : typeof x === 'number' ? String(x) : '');

export const checkKey: Handler<'checkKey'> = async ({ profileId }) => done(await check(profileId));

async function check(profileId: string): Promise<CheckResult> {
  const s = await readSettings();
  const p = s.profiles.find((x) => x.id === profileId);
  if (!p || !p.key) return { kind: 'noKey' };
  // The key goes only where the browser grants access, as with the rules (fetch from the
  // worker would not ask).
  if (!(await hasAccess(p.origins[0]!))) return { kind: 'noAccess', origin: p.origins[0]! };
  const result = await runCheck(p.key, p.origins[0]!);
  // Kept by key fingerprint for the panel (session storage, no key): a later 401 with the same
  // key reads as a revoked key, or, if the check passed, as a header lost on the way. Readers
  // validate each record; the worker stays small.
  const refused = result.kind === 'http' && (result.exchange.status === 401 || result.exchange.status === 403);
  try {
    const all = await readSession('keyChecks');
    const record = { outcome: result.kind === 'ok' ? 'ok' : refused ? 'refused' : 'other', origin: p.origins[0]!, at: Date.now() };
    await writeSession('keyChecks', { ...(all as object), [await keyFingerprint(p.key)]: record });
  } catch {
    /* the record only sharpens the panel's diagnosis */
  }
  return result;
}

async function runCheck(key: string, origin: string): Promise<CheckResult> {
  const headers = new Headers({ Authorization: `Api-Key ${key}`, Accept: 'application/json' });
  const r = await sendRequest('GET', `${origin}${CHECK_PATH}`, headers, undefined, key);
  if (r.kind !== 'done') return r.kind === 'network' && !navigator.onLine ? { kind: 'offline' } : r;
  const ex = r.exchange;
  if (ex.status >= 200 && ex.status < 300) {
    try {
      // The body is masked as text; what parsing decodes (a \u escape) is masked again.
      const u = JSON.parse(ex.responseBody ?? '') as Record<string, unknown>;
      const field = (x: unknown) => maskKeyIn(str(x), key);
      const company = u.company && typeof u.company === 'object' ? field((u.company as Record<string, unknown>).name) : field(u.company);
      return { kind: 'ok', user: { name: field(u.name), email: field(u.email), company } };
    } catch {
      /* a 200 that is not the profile: let the decoder say what it is */
    }
  }
  return { kind: 'http', exchange: ex };
}
