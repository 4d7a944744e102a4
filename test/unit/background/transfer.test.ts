// Import and export handlers (src/background/transfer.ts), called through the message map.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EXPORT_FORMAT, buildExportFile, parseImport } from '../../../src/core/profiles-file';
import {
  API,
  DOCS,
  dump,
  freshBackground,
  headerValues,
  KEY_A,
  KEY_B,
  KEY_C,
  ONPREM,
  profile,
  seed,
  settings,
  uninstallFakeBrowser,
  type Env,
  type Handlers,
  value,
} from './fake-env';

let env: Env;
let handlers: Handlers;

const file = (profiles: unknown[], sites?: string[]) =>
  JSON.stringify({
    format: EXPORT_FORMAT,
    version: 1,
    exportedAt: '2026-11-26T00:00:00.000Z',
    includesKeys: true,
    profiles,
    ...(sites ? { sites } : {}),
  });

/** What the options page sends for an import file: the entries it parsed against the profiles it shows. */
async function parsed(json: string) {
  const shown = value(await handlers.getState({})).profiles;
  const r = parseImport(json, new Map(shown.map((p) => [p.name, p.origins])));
  if (!r.ok) throw new Error(JSON.stringify(r.rejected));
  return { profiles: r.profiles, sites: r.sites };
}

beforeEach(async () => {
  ({ env, handlers } = await freshBackground());
  await seed(env, settings({ profiles: [profile('a', KEY_A, { name: 'Prod' })], active: { [API]: 'a' } }));
  value(await handlers.getState({}));
});
afterEach(uninstallFakeBrowser);

describe('importProfiles', () => {
  it('rejects an entry without a key that would send an existing key to new origins, saving nothing', async () => {
    env.permissions.grant(ONPREM);
    const before = await dump(env);
    const rules = env.dnr.all();
    // The page's parse would refuse it too; the background does not take the page's word for it.
    const entry = { addedAt: 1, persist: 'local' as const };
    const r = await handlers.importProfiles({
      profiles: [
        { name: 'New', origins: [API], key: KEY_B, ...entry },
        { name: 'Prod', origins: [API, ONPREM], key: '', ...entry },
        { name: 'Nobody', origins: [API], key: '', ...entry },
      ],
      sites: [],
    });
    expect(r).toEqual({
      ok: false,
      problem: 'importRejected',
      rejected: [
        { index: 1, name: 'Prod', reason: 'importKeylessOrigins' },
        { index: 2, name: 'Nobody', reason: 'importKeylessOrigins' },
      ],
    });
    expect(await dump(env)).toEqual(before);
    expect(env.dnr.all()).toEqual(rules);
  });

  it('rejects an origin or a site without host access, saving nothing', async () => {
    const before = await dump(env);
    const r = await handlers.importProfiles(
      await parsed(
        file(
          [
            { name: 'New', origins: [API], key: KEY_B },
            { name: 'On-prem', origins: [ONPREM], key: KEY_C },
          ],
          [DOCS, 'https://app.example.com'],
        ),
      ),
    );
    expect(r).toEqual({
      ok: false,
      problem: 'importRejected',
      rejected: [
        { index: 1, name: 'On-prem', reason: 'importNoAccess' },
        { index: -1, name: 'https://app.example.com', reason: 'importNoAccess' },
      ],
    });
    expect(await dump(env)).toEqual(before);
    expect(headerValues(env.dnr.all())).not.toContain(`Authorization: Api-Key ${KEY_C}`);
  });

  it('the door refuses entries that break the schema (a file the page did not parse), saving nothing', async () => {
    const { dispatch } = await import('../../../src/background/handlers');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const before = await dump(env);
    const entry = { name: 'X', origins: [API], key: KEY_B, addedAt: 1, persist: 'local' };
    for (const bad of [
      { ...entry, key: `Bearer ${KEY_B}` },
      { ...entry, name: '' },
      { ...entry, name: 'N'.repeat(101) },
      { ...entry, origins: [] },
      { ...entry, origins: [`${API}/path`] },
      { ...entry, origins: ['http://evil.example.com'] },
      { ...entry, addedAt: -1 },
      { ...entry, persist: 'sync' },
    ]) {
      expect(await dispatch('importProfiles', { profiles: [bad], sites: [] }), JSON.stringify(bad)).toEqual({
        ok: false,
        problem: 'requestInvalid',
      });
    }
    expect(await dispatch('importProfiles', { profiles: [entry], sites: ['ftp://x.example.com'] })).toEqual({
      ok: false,
      problem: 'requestInvalid',
    });
    expect(await dump(env)).toEqual(before);
  });

  it('imports new profiles, keeps the key of a keyless entry with the same origins, and adds sites', async () => {
    env.permissions.grant(ONPREM);
    env.permissions.grant('https://app.example.com');
    const r = await handlers.importProfiles(
      await parsed(
        file(
          [
            { name: 'Prod', origins: [API], addedAt: 5 },
            { name: 'On-prem', origins: [`${ONPREM}/`], key: KEY_C, persist: 'session' },
          ],
          ['https://app.example.com'],
        ),
      ),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.rejected));
    expect(r.value.count).toBe(2);
    expect(r.value.state.profiles.map((p) => [p.name, p.origins, p.persist, p.hasKey])).toEqual([
      ['Prod', [API], 'local', true],
      ['On-prem', [ONPREM], 'session', true],
    ]);
    expect(r.value.state.profiles[0]!.id).toBe('a');
    expect(r.value.state.sites.map((s) => s.origin)).toEqual([DOCS, 'https://app.example.com']);
    // The imported session key is a session rule for its own origin; the old key stays in effect.
    expect(headerValues(env.dnr.dynamic.list())).toEqual([`Authorization: Api-Key ${KEY_A}`, `Authorization: Api-Key ${KEY_A}`]);
    expect(headerValues(env.dnr.session.list())).toEqual([`Authorization: Api-Key ${KEY_C}`, `Authorization: Api-Key ${KEY_C}`]);
    const { local } = await dump(env);
    expect(JSON.stringify(local)).not.toContain(KEY_C);
  });
});

describe('importProfiles never replaces a key silently', () => {
  it('adds another key under a taken name beside it, inactive, and undo takes it away again', async () => {
    await seed(env, settings({ profiles: [profile('a', KEY_A, { name: 'Key 1' })], active: { [API]: 'a' } }));
    const before = await dump(env);
    const rules = env.dnr.all();
    const r = await handlers.importProfiles(
      await parsed(
        file([
          { name: 'Key 1', origins: [API], key: KEY_B },
          { name: 'Key 1 (imported)', origins: [API], key: KEY_C },
        ]),
      ),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.rejected));
    // The second entry's own name is now taken by the first one's rename: it gets the next free one.
    expect(r.value.state.profiles.map((p) => p.name)).toEqual(['Key 1', 'Key 1 (imported)', 'Key 1 (imported) (imported)']);
    expect(r.value.renamed).toEqual([
      { from: 'Key 1', to: 'Key 1 (imported)' },
      { from: 'Key 1 (imported)', to: 'Key 1 (imported) (imported)' },
    ]);
    expect(r.value.added).toHaveLength(2);
    // The existing key is untouched and still the one in effect.
    expect(r.value.state.profiles[0]).toMatchObject({ id: 'a', fingerprint: expect.any(String) });
    expect(r.value.state.active[API]).toBe('a');
    expect(headerValues(env.dnr.all())).toEqual(headerValues(rules));
    expect(headerValues(env.dnr.all()).join()).not.toContain(KEY_B);
    const u = await handlers.undoImport({ profileIds: r.value.added, sites: r.value.sitesAdded });
    expect(u.ok).toBe(true);
    expect((await dump(env)).local.settings).toEqual(before.local.settings);
    expect(headerValues(env.dnr.all())).toEqual(headerValues(rules));
  });

  it('numbers further copies and keeps the name within 100 characters', async () => {
    const long = 'L'.repeat(100);
    await seed(
      env,
      settings({
        profiles: [
          profile('a', KEY_A, { name: long }),
          profile('b', KEY_B, { name: `${'L'.repeat(100 - ' (imported)'.length)} (imported)` }),
        ],
        active: { [API]: 'a' },
      }),
    );
    const r = await handlers.importProfiles(await parsed(file([{ name: long, origins: [API], key: KEY_C }])));
    if (!r.ok) throw new Error(JSON.stringify(r.rejected));
    const name = r.value.state.profiles[2]!.name;
    expect(name).toBe(`${'L'.repeat(100 - ' (imported 2)'.length)} (imported 2)`);
    expect(name).toHaveLength(100);
  });

  it('leaves a profile alone when the file has the same key under the same name', async () => {
    const before = await dump(env);
    const r = await handlers.importProfiles(await parsed(file([{ name: 'Prod', origins: [API], key: KEY_A }])));
    if (!r.ok) throw new Error(JSON.stringify(r.rejected));
    expect(r.value.added).toEqual([]);
    expect(r.value.renamed).toEqual([]);
    expect((await dump(env)).local.settings).toEqual(before.local.settings);
  });

  it('reports a full storage as such, saving nothing', async () => {
    const before = await dump(env);
    const set = env.storage.local.set.bind(env.storage.local);
    vi.spyOn(env.storage.local, 'set').mockImplementation(async (items) => {
      if (JSON.stringify(items).length > 2000) throw new Error('QUOTA_BYTES quota exceeded');
      return set(items);
    });
    const many = Array.from({ length: 20 }, (_, i) => ({ name: `P${i}`, origins: [API], key: `${KEY_B}${i}` }));
    const r = await handlers.importProfiles(await parsed(file(many)));
    expect(r).toEqual({ ok: false, problem: 'storageQuota' });
    vi.restoreAllMocks();
    expect((await dump(env)).local).toEqual(before.local);
  });
});

describe('importProfiles and key age', () => {
  // BUG (src/background/transfer.ts:29): an entry without a key keeps the existing key, but
  // `...imp` still overwrites the profile's addedAt with the file's (or with Date.now() when the file
  // has none, src/core/transfer.ts:106). addedAt is the key's age (updateProfile changes it only with
  // the key), so importing a keyless file resets or back-dates the rotation reminder of a key that
  // did not change.
  it("a keyless entry leaves the existing key's age alone", async () => {
    const addedAt = profile('x', KEY_A).addedAt;
    await seed(env, settings({ profiles: [profile('a', KEY_A, { name: 'Prod', addedAt })], active: { [API]: 'a' } }));
    const r = await handlers.importProfiles(await parsed(file([{ name: 'Prod', origins: [API], addedAt: 5 }])));
    expect(r.ok).toBe(true);
    expect(value(await handlers.getState({})).profiles[0]).toMatchObject({ addedAt, ageDays: 1, rotationDue: false });
  });
});

describe('export, as the options page writes it', () => {
  it('leaves keys out unless asked, and what it writes imports back', async () => {
    const state = value(await handlers.getState({}));
    const write = async (includeKeys: boolean) => {
      const profiles = [];
      for (const p of state.profiles)
        profiles.push({ ...p, key: includeKeys ? value(await handlers.revealKey({ profileId: p.id })).key : '' });
      return JSON.stringify(buildExportFile({ profiles, sites: state.sites.map((x) => x.origin) }, includeKeys, new Date()));
    };
    const without = JSON.parse(await write(false)) as { profiles: Record<string, unknown>[] };
    expect(without.profiles).toEqual([{ name: 'Prod', origins: [API], addedAt: expect.any(Number), persist: 'local' }]);
    expect(await write(true)).toContain(KEY_A);
    const before = await dump(env);
    const r = await handlers.importProfiles(await parsed(JSON.stringify(without)));
    expect(r.ok).toBe(true);
    expect((await dump(env)).local.settings).toEqual(before.local.settings);
  });
});
