import { describe, expect, it } from 'vitest';
import { distinctName } from '../../src/core/distinct-name';
import { buildExportFile, parseImport } from '../../src/core/profiles-file';
import { defaultSettings, type Settings } from '../../src/core/settings';

const KEY = 'Trans000.transferSecretKey';
const settings: Settings = {
  ...defaultSettings(),
  profiles: [{ id: 'a', name: 'Prod', key: KEY, origins: ['https://api.maiagent.ai'], addedAt: 5, persist: 'local' }],
  active: { 'https://api.maiagent.ai': 'a' },
};
const file = (profiles: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'maiagent-devtools-profiles', version: 1, profiles, ...extra });
const existing = new Map([['Prod', ['https://api.maiagent.ai']]]);

describe('buildExportFile', () => {
  it('leaves keys out unless asked', () => {
    const out = buildExportFile(settings, false, new Date(0));
    expect(JSON.stringify(out)).not.toContain(KEY);
    expect(out.includesKeys).toBe(false);
    expect(JSON.stringify(buildExportFile(settings, true, new Date(0)))).toContain(KEY);
  });
  it('round-trips through parseImport', () => {
    const r = parseImport(JSON.stringify(buildExportFile(settings, true, new Date(0))), new Map());
    expect(r).toEqual({
      ok: true,
      profiles: [{ name: 'Prod', key: KEY, origins: ['https://api.maiagent.ai'], addedAt: 5, persist: 'local' }],
      sites: ['https://docs.maiagent.ai'],
    });
  });
});

describe('parseImport', () => {
  it('refuses files that are not an export', () => {
    expect(parseImport('{', existing)).toEqual({ ok: false, rejected: [{ index: -1, name: '', reason: 'importNotJson' }] });
    expect(parseImport('{"profiles": []}', existing)).toEqual({
      ok: false,
      rejected: [{ index: -1, name: '', reason: 'importWrongFormat' }],
    });
    expect(parseImport(file([], { version: 9 }), existing)).toEqual({
      ok: false,
      rejected: [{ index: -1, name: '', reason: 'importNewerVersion' }],
    });
  });
  it('reports every bad entry, and nothing is accepted with them', () => {
    const r = parseImport(
      file([
        { name: 'Good', origins: ['https://api.maiagent.ai'], key: 'Good0000.goodgood' },
        'not an object',
        { name: '', origins: ['https://api.maiagent.ai'], key: 'Good0000.goodgood' },
        { name: 'Good', origins: ['https://api.maiagent.ai'], key: 'Good0000.goodgood' },
        { name: 'Wild', origins: ['https://*.maiagent.ai'], key: 'Good0000.goodgood' },
        { name: 'Bearer', origins: ['https://api.maiagent.ai'], key: 'Bearer x.y' },
        { name: 'NoKeyNew', origins: ['https://api.maiagent.ai'] },
      ]),
      existing,
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.rejected.map((x) => [x.index, x.reason])).toEqual([
      [1, 'importEntryNotObject'],
      [2, 'importBadName'],
      [3, 'importDuplicateName'],
      [4, 'importBadOrigins'],
      [5, 'importBadKey'],
      [6, 'importMissingKey'],
    ]);
  });
  it('a keyless entry may not point an existing key at other origins', () => {
    const moved = parseImport(file([{ name: 'Prod', origins: ['https://evil.example'] }]), existing);
    expect(moved).toEqual({ ok: false, rejected: [{ index: 0, name: 'Prod', reason: 'importKeylessOrigins' }] });
    const same = parseImport(file([{ name: 'Prod', origins: ['https://api.maiagent.ai/'], persist: 'session' }]), existing);
    expect(same.ok).toBe(true);
  });
  it('refuses invalid sites', () => {
    const r = parseImport(file([], { sites: ['http://evil.test'] }), existing);
    expect(r).toEqual({ ok: false, rejected: [{ index: -1, name: 'http://evil.test', reason: 'importBadSites' }] });
  });
});

describe('distinctName', () => {
  const label = (base: string, n: number) => (n === 1 ? `${base} (imported)` : `${base} (imported ${n})`);
  it('takes the first free name', () => {
    expect(distinctName('Key 1', new Set(['Key 1']), label)).toBe('Key 1 (imported)');
    expect(distinctName('Key 1', new Set(['Key 1', 'Key 1 (imported)', 'Key 1 (imported 2)']), label)).toBe('Key 1 (imported 3)');
  });
  it('stays within 100 characters', () => {
    expect(distinctName('x'.repeat(100), new Set(['x'.repeat(100)]), label)).toHaveLength(100);
  });
});
