import { describe, expect, it } from 'vitest';
import {
  activeKeys,
  cleanSessionKeys,
  defaultSettings,
  keyAge,
  loadSettings,
  SCHEMA_VERSION,
  withSessionKeys,
} from '../../src/core/settings';

const profile = (id: string, key = 'abcdef12.secretsecret', origins = ['https://api.maiagent.ai']) => ({
  id,
  name: id,
  key,
  origins,
  addedAt: 1,
  persist: 'local' as const,
});

describe('loadSettings', () => {
  it('gives defaults when nothing is stored', () => {
    expect(loadSettings(undefined)).toEqual({ settings: defaultSettings(), notice: null });
    expect(defaultSettings().sites).toEqual(['https://docs.maiagent.ai']);
  });
  it('keeps valid settings as they are', () => {
    const s = { ...defaultSettings(), profiles: [profile('a')], active: { 'https://api.maiagent.ai': 'a' } };
    expect(loadSettings(s)).toEqual({ settings: s, notice: null });
  });
  it('resets garbage with a notice', () => {
    expect(loadSettings('garbage').notice).toBe('storageReset');
    expect(loadSettings(42).settings).toEqual(defaultSettings());
    expect(loadSettings({ version: SCHEMA_VERSION, profiles: 'x' }).notice).toBe('storageReset');
  });
  it('repairs: drops invalid profiles (bad key, http origin), keeps the good ones', () => {
    const raw = {
      version: SCHEMA_VERSION,
      enabled: false,
      profiles: [
        profile('good'),
        profile('badkey', 'Bearer xyz'),
        profile('http', 'abcdef12.secret', ['http://api.maiagent.ai']),
        { nonsense: true },
      ],
      active: { 'https://api.maiagent.ai': 'badkey' },
      sites: ['https://docs.maiagent.ai', 'javascript:alert(1)'],
    };
    const { settings, notice } = loadSettings(raw);
    expect(notice).toBe('storageRepaired');
    expect(settings.enabled).toBe(false);
    expect(settings.profiles.map((p) => p.id)).toEqual(['good']);
    expect(settings.active).toEqual({ 'https://api.maiagent.ai': 'good' });
    expect(settings.sites).toEqual(['https://docs.maiagent.ai']);
  });
  it('a key that would not survive normalisation is never loaded', () => {
    const raw = { ...defaultSettings(), profiles: [profile('a', ' abcdef12.secret ')] };
    expect(loadSettings(raw).settings.profiles).toEqual([]);
  });
  it('reads settings written by a newer version, with a notice', () => {
    const s = { ...defaultSettings(), version: SCHEMA_VERSION + 1, profiles: [profile('a')], future: 1 };
    const r = loadSettings(s);
    expect(r.notice).toBe('storageNewer');
    expect(r.settings.profiles.map((p) => p.id)).toEqual(['a']);
  });
});

describe('activeKeys', () => {
  it('lists one key per origin, in origin order', () => {
    const s = {
      ...defaultSettings(),
      profiles: [profile('a'), profile('b', 'zzzzzzzz.yyyy', ['http://localhost:8000'])],
      active: { 'https://api.maiagent.ai': 'a', 'http://localhost:8000': 'b' },
    };
    expect(activeKeys(s).map((k) => [k.origin, k.profileId])).toEqual([
      ['http://localhost:8000', 'b'],
      ['https://api.maiagent.ai', 'a'],
    ]);
  });
});

describe('migrations', () => {
  it('v1 settings (every key in storage.local) become v2 with persist "local", without a notice', () => {
    const v1 = {
      version: 1,
      enabled: true,
      profiles: [{ id: 'a', name: 'Key 1', key: 'abcdef12.secretsecret', origins: ['https://api.maiagent.ai'], addedAt: 5 }],
      active: { 'https://api.maiagent.ai': 'a' },
      sites: ['https://docs.maiagent.ai'],
    };
    const r = loadSettings(v1);
    expect(r.notice).toBeNull();
    expect(r.settings.version).toBe(SCHEMA_VERSION);
    expect(r.settings.profiles[0]).toEqual({ ...v1.profiles[0], persist: 'local' });
    expect(r.settings.typedNavigation).toBe(false);
  });

  it('v2 → v3 merges an http://[::1] origin into the same http://localhost one without duplicates; the localhost choice stays active', () => {
    const v2 = {
      version: 2,
      enabled: true,
      profiles: [
        { id: 'a', name: 'Six', key: 'aaaaaaaa.bbbbbb', origins: ['http://[::1]:3000'], addedAt: 1, persist: 'local' },
        { id: 'b', name: 'Four', key: 'zzzzzzzz.yyyyyy', origins: ['http://localhost:3000'], addedAt: 2, persist: 'local' },
      ],
      active: { 'http://localhost:3000': 'b', 'http://[::1]:3000': 'a' },
      sites: ['http://[::1]:3000', 'http://localhost:3000'],
    };
    const { settings, notice } = loadSettings(v2);
    expect(notice).toBeNull();
    expect(settings.sites).toEqual(['http://localhost:3000']);
    expect(settings.active).toEqual({ 'http://localhost:3000': 'b' });
    expect(settings.profiles.map((p) => p.origins)).toEqual([['http://localhost:3000'], ['http://localhost:3000']]);
  });

  it('v2 settings become v3: typed navigations off, http://[::1] origins moved to http://localhost, nothing dropped', () => {
    const v2 = {
      version: 2,
      enabled: true,
      profiles: [
        { id: 'a', name: 'Key 1', key: 'abcdef12.secretsecret', origins: ['https://api.maiagent.ai'], addedAt: 5, persist: 'local' },
        {
          id: 'b',
          name: 'Local',
          key: 'zzzzzzzz.yyyyyy',
          origins: ['http://[::1]:8000', 'http://localhost:8000'],
          addedAt: 5,
          persist: 'local',
        },
      ],
      active: { 'https://api.maiagent.ai': 'a', 'http://[::1]:8000': 'b' },
      sites: ['https://docs.maiagent.ai', 'http://[::1]:3000'],
    };
    const r = loadSettings(v2);
    expect(r.notice).toBeNull();
    expect(r.settings).toEqual({
      version: SCHEMA_VERSION,
      enabled: true,
      profiles: [v2.profiles[0], { ...v2.profiles[1], origins: ['http://localhost:8000'] }],
      active: { 'https://api.maiagent.ai': 'a', 'http://localhost:8000': 'b' },
      sites: ['https://docs.maiagent.ai', 'http://localhost:3000'],
      typedNavigation: false,
    });
  });

  it('keeps the typed-navigation switch, and repairs a damaged one to off', () => {
    expect(loadSettings({ ...defaultSettings(), typedNavigation: true }).settings.typedNavigation).toBe(true);
    const r = loadSettings({ ...defaultSettings(), typedNavigation: 'yes' });
    expect(r.notice).toBe('storageRepaired');
    expect(r.settings.typedNavigation).toBe(false);
  });
});

describe('session keys', () => {
  const s = {
    ...defaultSettings(),
    profiles: [{ ...profile('a'), key: '', persist: 'session' as const }, profile('b')],
    active: { 'https://api.maiagent.ai': 'a' },
  };
  it('a session profile stores no key in storage.local', () => {
    expect(loadSettings({ ...s, profiles: [{ ...s.profiles[0], key: 'abcdef12.secretsecret' }] }).settings.profiles).toEqual([]);
  });
  it('are merged in for injection and dropped when they belong to no session profile', () => {
    const keys = cleanSessionKeys(s, { a: 'sessionkey.123', b: 'notsession.123', c: 'orphan.12345' });
    expect(keys).toEqual({ a: 'sessionkey.123' });
    expect(activeKeys(withSessionKeys(s, keys))).toEqual([
      { origin: 'https://api.maiagent.ai', key: 'sessionkey.123', profileId: 'a', persist: 'session' },
    ]);
    expect(activeKeys(withSessionKeys(s, {}))).toEqual([]);
  });
});

describe('keyAge', () => {
  const day = 86_400_000;
  it('suggests rotation from 90 days, until dismissed for this key', () => {
    expect(keyAge({ addedAt: 0 }, 89 * day + 5)).toEqual({ days: 89, rotationDue: false });
    expect(keyAge({ addedAt: 0 }, 90 * day)).toEqual({ days: 90, rotationDue: true });
    expect(keyAge({ addedAt: 0, rotationDismissedAt: 91 * day }, 95 * day).rotationDue).toBe(false);
    expect(keyAge({ addedAt: 100 * day, rotationDismissedAt: 91 * day }, 195 * day).rotationDue).toBe(true);
  });
});
