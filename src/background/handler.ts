// The handler framework: what a handler is, how it answers, and how a settings change is applied
// (validated, stored, rules installed) before the page hears "done".
import { fixReferences, type Settings } from '../core/settings';
import type { Problem, Protocol, PublicState, Reply } from '../shared/protocol';
import { InvalidSettings, updateSettings } from './store';
import { settled } from './reconcile';
import { publicState } from './state';

export type Handler<K extends keyof Protocol> = (payload: Protocol[K]['req']) => Promise<Reply<Protocol[K]['res']>>;

export const done = <T>(value: T): Reply<T> => ({ ok: true, value });
export const refused = (problem: Problem): Reply<never> => ({ ok: false, problem });

/** Thrown inside a change to abort it with a problem the page shows. */
export class Refused extends Error {
  constructor(readonly problem: Problem) {
    super(problem);
  }
}

/** The state once the rules match storage: what pages show is what is in effect. */
export async function inEffect(): Promise<Reply<PublicState>> {
  const { settings, granted } = await settled();
  return done(await publicState(settings, granted));
}

/** Apply a change, install the rules, answer with the new state; a refusal leaves storage untouched. */
export async function change(fn: (s: Settings) => Settings | Promise<Settings>): Promise<Reply<PublicState>> {
  try {
    await updateSettings(async (cur) => fixReferences(await fn(cur)));
  } catch (e) {
    if (e instanceof Refused) return refused(e.problem);
    if (e instanceof InvalidSettings) return refused('settingsInvalid');
    // storage.local is full (Chrome: "QUOTA_BYTES quota exceeded"; Firefox: QuotaExceededError).
    if (e instanceof Error && /quota/i.test(`${e.name} ${e.message}`)) return refused('storageQuota');
    throw e;
  }
  return inEffect();
}
