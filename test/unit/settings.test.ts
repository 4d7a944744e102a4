import { describe, expect, it } from 'vitest';
import { activeKeys, defaultSettings, loadSettings, SCHEMA_VERSION } from '../../src/core/settings';

const profile = (id: string, key = 'abcdef12.secretsecret', origins = ['https://api.maiagent.ai']) => ({ id, name: id, key, origins, addedAt: 1 });

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
      profiles: [profile('good'), profile('badkey', 'Bearer xyz'), profile('http', 'abcdef12.secret', ['http://api.maiagent.ai']), { nonsense: true }],
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
