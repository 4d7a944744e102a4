// src/background/store.ts against the fake browser's storage.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../../src/core/settings';
import { API, DOCS, KEY_A, KEY_B, dump, installFakeBrowser, profile, seed, settings, uninstallFakeBrowser, type Env } from './fake-env';

let env: Env;
let store: typeof import('../../../src/background/store');

beforeEach(async () => {
  env = installFakeBrowser();
  store = await import('../../../src/background/store');
});
afterEach(uninstallFakeBrowser);

describe('updateSettings', () => {
  it('serialises concurrent read-modify-writes: 20 updates fired at once, none lost, applied in call order', async () => {
    const sites = Array.from({ length: 20 }, (_, i) => `https://app${i}.example.com`);
    // Each change reads the current list and appends to it; any interleaving would lose entries.
    const results = await Promise.all(
      sites.map((o) =>
        store.updateSettings(async (s) => {
          await Promise.resolve();
          return { ...s, sites: [...s.sites, o] };
        }),
      ),
    );
    expect(results[19]!.sites).toEqual([DOCS, ...sites]);
    // Each answer is the state right after its own change.
    results.forEach((r, i) => expect(r.sites).toEqual([DOCS, ...sites.slice(0, i + 1)]));
    expect((await store.readSettings()).sites).toEqual([DOCS, ...sites]);
  });

  it('keeps going after a refused change in the middle of a burst', async () => {
    const ok = (o: string) => store.updateSettings((s) => ({ ...s, sites: [...s.sites, o] }));
    const bad = store.updateSettings((s) => ({ ...s, version: 4 as 3 }));
    const [a, b] = [ok('https://a.example.com'), ok('https://b.example.com')];
    await expect(bad).rejects.toBeInstanceOf(store.InvalidSettings);
    await Promise.all([a, b]);
    expect((await store.readSettings()).sites).toEqual([DOCS, 'https://a.example.com', 'https://b.example.com']);
  });

  it("puts a session profile's key only in storage.session, never in storage.local", async () => {
    const updated = await store.updateSettings((s) => ({
      ...s,
      profiles: [profile('s', KEY_A, { persist: 'session' }), profile('l', KEY_B)],
      active: { [API]: 's' },
    }));
    expect(updated.profiles.map((p) => p.key)).toEqual([KEY_A, KEY_B]);
    const { local, session } = await dump(env);
    expect(JSON.stringify(local)).not.toContain(KEY_A);
    expect((local.settings as { profiles: { id: string; key: string }[] }).profiles.map((p) => [p.id, p.key])).toEqual([
      ['s', ''],
      ['l', KEY_B],
    ]);
    expect(session).toEqual({ sessionKeys: { s: KEY_A } });
    expect(JSON.stringify(await env.storage.sync.get())).toBe('{}');
    // Read back, the key is filled in again.
    expect((await store.readSettings()).profiles[0]!.key).toBe(KEY_A);
  });

  it('refuses a change that would make settings invalid, and leaves storage as it was', async () => {
    await seed(env, settings({ profiles: [profile('a', KEY_A)], active: { [API]: 'a' } }));
    const before = await dump(env);
    const writes = vi.spyOn(env.storage.local, 'set');
    const sessionWrites = vi.spyOn(env.storage.session, 'set');
    const invalid: ((s: Settings) => Settings)[] = [
      (s) => ({ ...s, profiles: [profile('a', 'Bearer x'), profile('b', KEY_B)] }), // a key that is not one
      (s) => ({ ...s, profiles: [profile('a', KEY_A), profile('a', KEY_B)] }), // duplicate ids
      (s) => ({ ...s, sites: ['http://app.example.com'] }), // plain http
      (s) => ({ ...s, profiles: [profile('a', KEY_A, { origins: [] })] }), // no origin
    ];
    for (const change of invalid) {
      await expect(store.updateSettings(change)).rejects.toBeInstanceOf(store.InvalidSettings);
    }
    await expect(store.updateSettings(invalid[0]!)).rejects.toThrow('settingsInvalid');
    expect(writes).not.toHaveBeenCalled();
    expect(sessionWrites).not.toHaveBeenCalled();
    expect(await dump(env)).toEqual(before);
  });

  it('passes on an error thrown by the change itself, writing nothing', async () => {
    const before = await dump(env);
    await expect(
      store.updateSettings(() => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await dump(env)).toEqual(before);
  });
});

describe('readSettings', () => {
  it('gives defaults and writes nothing on first run', async () => {
    expect(await store.readSettings()).toEqual(settings());
    expect(await dump(env)).toEqual({ local: {}, session: {} });
    expect(await store.readNotice()).toBeNull();
  });

  it('resets garbage, writes the repaired form back once and leaves a notice', async () => {
    await env.storage.local.set({ settings: 'garbage' });
    expect(await store.readSettings()).toEqual(settings());
    expect((await env.storage.local.get()).settings).toEqual(settings());
    expect(await store.readNotice()).toBe('storageReset');
    // Once repaired, reading again changes nothing.
    const set = vi.spyOn(env.storage.local, 'set');
    await store.readSettings();
    expect(set).not.toHaveBeenCalled();
  });

  it('keeps the valid parts of damaged settings, with a "repaired" notice', async () => {
    const a = profile('a', KEY_A);
    await env.storage.local.set({
      settings: {
        version: 2,
        enabled: false,
        profiles: [a, { id: 'b', name: 'broken', key: 'Bearer nope' }, 'junk'],
        active: { [API]: 'gone' },
        sites: [DOCS, 'http://evil.example.com', 42],
      },
    });
    const s = await store.readSettings();
    expect(s).toEqual(settings({ enabled: false, profiles: [a], active: { [API]: 'a' }, sites: [DOCS] }));
    expect(await store.readNotice()).toBe('storageRepaired');
    await store.clearNotice();
    expect(await store.readNotice()).toBeNull();
    expect((await env.storage.local.get()).settings).toEqual(s);
  });

  it('drops session keys that are invalid or belong to no session profile', async () => {
    await seed(env, settings({ profiles: [profile('s', '', { persist: 'session' }), profile('l', KEY_B)], active: { [API]: 's' } }), {
      s: 'Bearer nope',
      l: KEY_A,
      other: KEY_A,
    });
    const s = await store.readSettings();
    expect(s.profiles.map((p) => p.key)).toEqual(['', KEY_B]);
  });
});

describe('undo data', () => {
  const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
  });

  it('lives in storage.session only', async () => {
    await store.putUndo({ profile: { id: 'a', key: KEY_A }, index: 0 } as never);
    const { local, session } = await dump(env);
    expect(local).toEqual({});
    expect(session.undoDelete).toEqual({ profile: { id: 'a', key: KEY_A }, index: 0, until: T0 + store.UNDO_MS });
  });

  it('is there for just under 30 s', async () => {
    expect(store.UNDO_MS).toBe(30_000);
    await store.putUndo({ profile: { id: 'a' } });
    vi.setSystemTime(T0 + 29_999);
    // Asking for another profile's undo leaves this one in place.
    expect(await store.takeUndo('b')).toBeUndefined();
    expect(await store.takeUndo('a')).toMatchObject({ profile: { id: 'a' } });
    // Taking it removes it.
    expect(await store.takeUndo('a')).toBeUndefined();
  });

  it('is purged once expired, even if nobody asks for it', async () => {
    await store.putUndo({ profile: { id: 'a' } });
    await store.purgeExpiredUndo();
    expect(await env.storage.session.get()).not.toEqual({});
    vi.setSystemTime(T0 + 30_000);
    await store.purgeExpiredUndo();
    expect(await env.storage.session.get()).toEqual({});
  });

  it('has expired at 30 s', async () => {
    await store.putUndo({ profile: { id: 'a' } });
    vi.setSystemTime(T0 + 30_000);
    expect(await store.takeUndo('a')).toBeUndefined();
    expect(await env.storage.session.get()).toEqual({});
  });
});
