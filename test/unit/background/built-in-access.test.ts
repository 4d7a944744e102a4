// The built-in hosts (api.maiagent.ai, docs.maiagent.ai) are asked for like any other: Firefox can
// withhold them at install or withdraw them in about:addons (Chrome's site access setting too).
// Then nothing may claim the key is sent, no rule may pretend to work, and giving access back
// (also from outside the extension) brings everything back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  API,
  DOCS,
  freshBackground,
  headerValues,
  KEY_A,
  profile,
  settings,
  uninstallFakeBrowser,
  type Env,
  type Handlers,
  type Reconcile,
  value,
} from './fake-env';

let env: Env;
let handlers: Handlers;
let reconcile: Reconcile;

beforeEach(async () => {
  ({ env, reconcile, handlers } = await freshBackground({
    seeded: settings({ profiles: [profile('a', KEY_A)], active: { [API]: 'a' } }),
    started: true,
  }));
});
afterEach(uninstallFakeBrowser);

/** The distinct Authorization values the installed rules set. */
const injected = () => [...new Set(headerValues(env.dnr.all()))];

describe('built-in hosts withheld', () => {
  it('asks the browser about the built-in hosts instead of assuming them', async () => {
    env.permissions.api.contains.mockClear();
    value(await handlers.getState({}));
    const asked = env.permissions.api.contains.mock.calls.flatMap(([q]) => q.origins ?? []);
    expect(asked).toContain(`${API}/*`);
    expect(asked).toContain(`${DOCS}/*`);
  });

  it('the API host withheld: state says so, no rule carries the key, Check key does not send it', async () => {
    expect(injected()).toEqual([`Authorization: Api-Key ${KEY_A}`]);
    await env.permissions.withhold(API);
    await reconcile();
    const state = value(await handlers.getState({}));
    expect(state.missingApiAccess).toEqual([API]);
    expect(injected()).toEqual([]);
    expect(value(await handlers.checkKey({ profileId: 'a' }))).toEqual({ kind: 'noAccess', origin: API });
    expect(env.network).not.toHaveBeenCalled();
  });

  it('the docs site withheld: state shows it not granted, the docs page is told it has no access', async () => {
    await env.permissions.withhold(DOCS);
    await reconcile();
    const state = value(await handlers.getState({}));
    expect(state.sites).toEqual([{ origin: DOCS, granted: false, builtIn: true }]);
    // No rule names the docs site as an initiator any more.
    expect(env.dnr.all().flatMap((r) => r.condition.initiatorDomains ?? [])).not.toContain('docs.maiagent.ai');
  });

  it('access given back from outside (onAdded) rebuilds the rules and clears the state', async () => {
    await env.permissions.withhold(API);
    await reconcile();
    expect(injected()).toEqual([]);
    await env.permissions.restore(API);
    await reconcile();
    expect(injected()).toEqual([`Authorization: Api-Key ${KEY_A}`]);
    expect(value(await handlers.getState({})).missingApiAccess).toEqual([]);
  });

  it('a key can still be saved while access is withheld; the state then says access is missing', async () => {
    await env.permissions.withhold(API);
    const r = await handlers.addProfile({ key: 'Zz9Yy8Xx.anotherSecret77', persist: 'local', name: 'Second' });
    if (!r.ok) throw new Error(`refused: ${r.problem}`);
    expect(r.value.profiles.map((p) => p.name)).toContain('Second');
    expect(r.value.missingApiAccess).toEqual([API]);
    expect(injected()).toEqual([]);
  });

  it('import accepts profiles for a withheld built-in host (the pages offer to grant it)', async () => {
    await env.permissions.withhold(API);
    const r = await handlers.importProfiles({
      profiles: [{ name: 'Imported', origins: [API], persist: 'local', key: 'Qq1Ww2Ee.importedSecret3', addedAt: 1 }],
      sites: [DOCS],
    });
    expect(r.ok, JSON.stringify(r)).toBe(true);
  });
});
