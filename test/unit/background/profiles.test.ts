// Key and profile handlers (src/background/profiles.ts), called through the message map.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  API,
  DOCS,
  dump,
  freshBackground,
  headerValues,
  KEY_A,
  KEY_B,
  KEY_C,
  profile,
  seed,
  settings,
  uninstallFakeBrowser,
  type Env,
  type Handlers,
  type Store,
  value,
  value as ok,
} from './fake-env';

let env: Env;
let handlers: Handlers;
let store: Store;

beforeEach(async () => {
  ({ env, handlers, store } = await freshBackground());
});
afterEach(uninstallFakeBrowser);

describe('saveKey', () => {
  it('refuses a key that is not one (a Bearer token, a pasted header line) at the door, and stores nothing, installs nothing', async () => {
    // The pages normalise what the user pasted (core/key-input.ts) and send only the key itself.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { dispatch } = await import('../../../src/background/handlers');
    for (const key of [`Bearer ${KEY_A}`, `Authorization: Bearer ${KEY_A}`, `  Api-Key ${KEY_A} `, 'g5BnKD...Xs', ''])
      expect(await dispatch('saveKey', { key })).toEqual({ ok: false, problem: 'requestInvalid' });
    // Called past the door, the store still writes nothing invalid.
    expect(await handlers.saveKey({ key: `Bearer ${KEY_A}` })).toEqual({ ok: false, problem: 'settingsInvalid' });
    expect(await dump(env)).toEqual({ local: {}, session: {} });
    expect(env.dnr.all()).toEqual([]);
  });

  it('on first run creates a profile active for https://api.maiagent.ai and installs dynamic rules setting exactly `Api-Key <key>`', async () => {
    const state = ok(await handlers.saveKey({ key: KEY_A }));
    expect(state.profiles).toHaveLength(1);
    const p = state.profiles[0]!;
    expect(p).toMatchObject({ name: 'Key 1', origins: [API], persist: 'local', hasKey: true, masked: 'g5BnKD...Xs' });
    expect(state.active).toEqual({ [API]: p.id });
    expect(JSON.stringify(state)).not.toContain(KEY_A);

    expect(env.dnr.session.list()).toEqual([]);
    const rules = env.dnr.dynamic.list();
    expect(rules.map((r) => r.id)).toEqual([1, 2]);
    expect(headerValues(rules)).toEqual([`Authorization: Api-Key ${KEY_A}`, `Authorization: Api-Key ${KEY_A}`]);
    for (const r of rules) {
      if (r.action.type === 'modifyHeaders')
        expect(r.action.requestHeaders).toEqual([{ header: 'Authorization', operation: 'set', value: `Api-Key ${KEY_A}` }]);
      expect(r.condition.urlFilter).toBe(`|${API}/`);
    }
    // The fetch rule: only from the docs site.
    expect(rules.find((r) => r.id === 1)!.condition.initiatorDomains).toEqual(['docs.maiagent.ai']);

    const stored = (await env.storage.local.get()).settings as { profiles: { key: string }[] };
    expect(stored.profiles[0]!.key).toBe(KEY_A);
    // The toolbar says "on".
    expect(env.setIcon).toHaveBeenLastCalledWith({ path: { 16: '/icons/icon-16.png', 32: '/icons/icon-32.png' } });
    expect(await env.action.getTitle({})).toBe('MaiAgent DevTools — key injection is on');
  });

  it('replaces the key of an existing profile and the rules with it', async () => {
    const id = ok(await handlers.saveKey({ key: KEY_A })).profiles[0]!.id;
    ok(await handlers.saveKey({ key: KEY_B, profileId: id }));
    expect(headerValues(env.dnr.all())).toEqual([`Authorization: Api-Key ${KEY_B}`, `Authorization: Api-Key ${KEY_B}`]);
    expect(JSON.stringify(await dump(env))).not.toContain(KEY_A);
    expect(await handlers.saveKey({ key: KEY_B, profileId: 'nope' })).toEqual({ ok: false, problem: 'profileMissing' });
  });

  it("puts a session profile's rules in the session rules, and its key in storage.session only", async () => {
    const state = ok(await handlers.saveKey({ key: KEY_A, persist: 'session' }));
    expect(env.dnr.dynamic.list()).toEqual([]);
    const rules = env.dnr.session.list();
    expect(rules.map((r) => r.id)).toEqual([500_001, 500_002]);
    expect(headerValues(rules)).toEqual([`Authorization: Api-Key ${KEY_A}`, `Authorization: Api-Key ${KEY_A}`]);
    const { local, session } = await dump(env);
    expect(JSON.stringify(local)).not.toContain(KEY_A);
    expect(session).toEqual({ sessionKeys: { [state.profiles[0]!.id]: KEY_A } });

    // Remembered from now on: the rules move to the dynamic set, none stay in the session set.
    ok(await handlers.updateProfile({ id: state.profiles[0]!.id, persist: 'local' }));
    expect(env.dnr.session.list()).toEqual([]);
    expect(env.dnr.dynamic.list().map((r) => r.id)).toEqual([1, 2]);
    expect((await dump(env)).session).toEqual({ sessionKeys: {} });
  });
});

describe('deleteProfile, as "Forget this key" in the popup uses it', () => {
  it('takes the key out of storage.local and every rule at once; the remaining profile takes over', async () => {
    const local = ok(await handlers.saveKey({ key: KEY_A })).profiles[0]!.id;
    const sess = ok(await handlers.addProfile({ key: KEY_B, persist: 'session', origins: ['https://api.maiagent.ai'] })).profiles[1]!.id;
    ok(await handlers.setActive({ origin: API, profileId: sess }));
    expect(headerValues(env.dnr.session.list())).toContain(`Authorization: Api-Key ${KEY_B}`);

    const s1 = ok(await handlers.deleteProfile({ id: sess }));
    expect(s1.profiles.map((p) => p.id)).toEqual([local]);
    expect(JSON.stringify(env.dnr.all())).not.toContain(KEY_B);
    expect(headerValues(env.dnr.all())).toEqual([`Authorization: Api-Key ${KEY_A}`, `Authorization: Api-Key ${KEY_A}`]);

    const s2 = ok(await handlers.deleteProfile({ id: local }));
    expect(s2.profiles).toEqual([]);
    expect(s2.active).toEqual({});
    // The undo copy lives only in storage.session (memory, this browser session), never in storage.local.
    expect(JSON.stringify((await dump(env)).local)).not.toMatch(new RegExp(`${KEY_A}|${KEY_B}`));
    expect(env.dnr.all()).toEqual([]);
  });

  it('Undo brings the key and its rules back', async () => {
    const id = ok(await handlers.saveKey({ key: KEY_A })).profiles[0]!.id;
    ok(await handlers.deleteProfile({ id }));
    expect(env.dnr.all()).toEqual([]);
    const back = ok(await handlers.undoDelete({ id }));
    expect(back.profiles.map((p) => p.id)).toEqual([id]);
    expect(back.active).toEqual({ [API]: id });
    expect(headerValues(env.dnr.all())).toContain(`Authorization: Api-Key ${KEY_A}`);
  });
});

describe('setEnabled', () => {
  it('false removes every rule (dynamic and session); true brings them back', async () => {
    await seed(
      env,
      settings({
        profiles: [profile('a', KEY_A), profile('s', '', { persist: 'session', origins: ['https://onprem.example.com'] })],
        active: { [API]: 'a', 'https://onprem.example.com': 's' },
      }),
      { s: KEY_B },
    );
    env.permissions.grant('https://onprem.example.com');
    value(await handlers.getState({}));
    expect(env.dnr.dynamic.list()).toHaveLength(2);
    expect(env.dnr.session.list()).toHaveLength(2);

    const off = value(await handlers.setEnabled({ enabled: false }));
    expect(off.enabled).toBe(false);
    expect(env.dnr.all()).toEqual([]);
    expect(await env.action.getBadgeText({})).toBe('off');
    expect(env.setIcon).toHaveBeenLastCalledWith({ path: { 16: '/icons/icon-off-16.png', 32: '/icons/icon-off-32.png' } });
    // Keys stay stored.
    expect((await store.readSettings()).profiles.map((p) => p.key)).toEqual([KEY_A, KEY_B]);

    value(await handlers.setEnabled({ enabled: true }));
    expect(headerValues(env.dnr.all()).sort()).toEqual([
      `Authorization: Api-Key ${KEY_A}`,
      `Authorization: Api-Key ${KEY_A}`,
      `Authorization: Api-Key ${KEY_B}`,
      `Authorization: Api-Key ${KEY_B}`,
    ]);
    expect(await env.action.getBadgeText({})).toBe('');
  });
});

describe('deleteProfile and undoDelete', () => {
  const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    await seed(
      env,
      settings({
        profiles: [profile('a', KEY_A), profile('b', KEY_B, { origins: [API, 'https://onprem.example.com'] }), profile('c', KEY_C)],
        active: { [API]: 'b', 'https://onprem.example.com': 'b' },
      }),
    );
    env.permissions.grant('https://onprem.example.com');
  });

  it('deletes, and undo restores the order and the active state (and the rules)', async () => {
    value(await handlers.getState({}));
    const rulesBefore = env.dnr.all();
    expect(headerValues(rulesBefore)).toContain(`Authorization: Api-Key ${KEY_B}`);

    const del = ok(await handlers.deleteProfile({ id: 'b' }));
    expect(del.profiles.map((p) => p.id)).toEqual(['a', 'c']);
    // Another profile for the origin takes over; the origin only b had has none.
    expect(del.active).toEqual({ [API]: 'a' });
    expect(headerValues(env.dnr.all())).toEqual([`Authorization: Api-Key ${KEY_A}`, `Authorization: Api-Key ${KEY_A}`]);
    expect(JSON.stringify((await dump(env)).local.settings)).not.toContain(KEY_B);

    vi.setSystemTime(T0 + 29_999);
    const back = ok(await handlers.undoDelete({ id: 'b' }));
    expect(back.profiles.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(back.active).toEqual({ [API]: 'b', 'https://onprem.example.com': 'b' });
    expect(env.dnr.all()).toEqual(rulesBefore);
    // Undo is single-use.
    expect(await handlers.undoDelete({ id: 'b' })).toEqual({ ok: false, problem: 'profileMissing' });
  });

  it('undo puts the first profile back first', async () => {
    ok(await handlers.deleteProfile({ id: 'a' }));
    expect(ok(await handlers.undoDelete({ id: 'a' })).profiles.map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });

  it('undo is refused after 30 s', async () => {
    ok(await handlers.deleteProfile({ id: 'b' }));
    vi.setSystemTime(T0 + 30_000);
    expect(await handlers.undoDelete({ id: 'b' })).toEqual({ ok: false, problem: 'profileMissing' });
    expect((await store.readSettings()).profiles.map((p) => p.id)).toEqual(['a', 'c']);
  });

  it('refuses to delete a profile that does not exist', async () => {
    const before = await dump(env);
    expect(await handlers.deleteProfile({ id: 'zzz' })).toEqual({ ok: false, problem: 'profileMissing' });
    expect(await dump(env)).toEqual(before);
  });
});

describe('moveProfile', () => {
  beforeEach(async () => {
    await seed(env, settings({ profiles: [profile('a', KEY_A), profile('b', KEY_B), profile('c', KEY_C)], active: { [API]: 'a' } }));
  });

  it('moves a profile up or down by one', async () => {
    expect(ok(await handlers.moveProfile({ id: 'c', by: -1 })).profiles.map((p) => p.id)).toEqual(['a', 'c', 'b']);
    expect(ok(await handlers.moveProfile({ id: 'a', by: 1 })).profiles.map((p) => p.id)).toEqual(['c', 'a', 'b']);
    expect((await store.readSettings()).profiles.map((p) => p.id)).toEqual(['c', 'a', 'b']);
    // Order is not activity: a stays active.
    expect((await store.readSettings()).active).toEqual({ [API]: 'a' });
  });

  it('does nothing past either end or for an unknown id', async () => {
    for (const [id, by] of [
      ['a', -1],
      ['c', 1],
      ['zzz', 1],
    ] as const) {
      expect(ok(await handlers.moveProfile({ id, by })).profiles.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    }
  });
});

describe('addProfile / updateProfile / setActive', () => {
  it('refuses an origin without host access, saving nothing', async () => {
    ok(await handlers.saveKey({ key: KEY_A }));
    const before = await dump(env);
    expect(await handlers.addProfile({ key: KEY_B, origins: ['https://onprem.example.com'] })).toEqual({
      ok: false,
      problem: 'permissionMissing',
    });
    expect(await handlers.addProfile({ key: KEY_B, origins: ['http://onprem.example.com'] })).toEqual({
      ok: false,
      problem: 'originInsecure',
    });
    expect(await dump(env)).toEqual(before);
  });

  it('a new profile becomes active only where the origin has none; setActive switches the rules', async () => {
    const a = ok(await handlers.saveKey({ key: KEY_A })).profiles[0]!.id;
    const state = ok(await handlers.addProfile({ key: KEY_B, name: '  Staging  ' }));
    const b = state.profiles[1]!;
    expect(b.name).toBe('Staging');
    expect(state.active).toEqual({ [API]: a });
    ok(await handlers.setActive({ origin: API, profileId: b.id }));
    expect(headerValues(env.dnr.all())).toEqual([`Authorization: Api-Key ${KEY_B}`, `Authorization: Api-Key ${KEY_B}`]);
    expect(await handlers.setActive({ origin: DOCS, profileId: b.id })).toEqual({ ok: false, problem: 'originInvalid' });
  });
});

describe('revealKey', () => {
  it('answers the full key of one profile, or ""', async () => {
    const id = ok(await handlers.saveKey({ key: KEY_A })).profiles[0]!.id;
    expect(value(await handlers.revealKey({ profileId: id }))).toEqual({ key: KEY_A });
    expect(value(await handlers.revealKey({ profileId: 'nope' }))).toEqual({ key: '' });
  });
});
