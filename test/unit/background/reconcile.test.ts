// Rule reconciliation (src/background/reconcile.ts): storage in, DNR rules out.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileRules, RULE_FETCH, RULE_NAV_TAB } from '../../../src/core/rules';
import {
  API,
  DOCS,
  EXT_ID,
  fakeBrowser,
  freshBackground,
  headerValues,
  KEY_A,
  KEY_B,
  ONPREM,
  profile,
  seed,
  settings,
  uninstallFakeBrowser,
  type Env,
  type Reconcile,
} from './fake-env';

let env: Env;
let reconcile: Reconcile;

const APP = 'https://app.example.com';

beforeEach(async () => {
  ({ env, reconcile } = await freshBackground());
});
afterEach(uninstallFakeBrowser);

const base = () =>
  settings({
    profiles: [profile('a', KEY_A), profile('b', KEY_B, { origins: [ONPREM], persist: 'session', key: '' })],
    active: { [API]: 'a', [ONPREM]: 'b' },
    sites: [DOCS, APP],
  });

describe('reconcile', () => {
  it('compiles rules only for origins the browser grants access to', async () => {
    await seed(env, base(), { b: KEY_B });
    expect(await reconcile()).toEqual({ changed: true });
    // app.example.com is a site but not granted; the on-prem API is not granted: neither is in any rule.
    const fetchRule = env.dnr.dynamic.list().find((r) => r.id === RULE_FETCH)!;
    expect(fetchRule.condition.initiatorDomains).toEqual(['docs.maiagent.ai']);
    expect(env.dnr.session.list()).toEqual([]);
    expect(JSON.stringify(env.dnr.all())).not.toMatch(/app\.example\.com|onprem/);
    expect(env.permissions.api.contains).toHaveBeenCalledWith({ origins: ['https://app.example.com/*'] });

    // Access granted: the next reconcile adds both.
    env.permissions.grant(APP);
    env.permissions.grant(ONPREM);
    expect(await reconcile()).toEqual({ changed: true });
    expect(env.dnr.dynamic.list().find((r) => r.id === RULE_FETCH)!.condition.initiatorDomains).toEqual([
      'app.example.com',
      'docs.maiagent.ai',
    ]);
    expect(headerValues(env.dnr.session.list())).toEqual([`Authorization: Api-Key ${KEY_B}`, `Authorization: Api-Key ${KEY_B}`]);
    expect(env.dnr.session.list().every((r) => r.condition.urlFilter === `|${ONPREM}/`)).toBe(true);
  });

  it('installs exactly what compileRules gives, with the extension host as initiator of its own tabs', async () => {
    await seed(env, base(), { b: KEY_B });
    env.permissions.grant(ONPREM);
    const tab = await fakeBrowser.tabs.create({ url: 'about:blank' });
    await env.storage.session.set({ apiTabs: [tab.id] });
    await reconcile();
    const { readSettings } = await import('../../../src/background/store');
    const wanted = compileRules(await readSettings(), { extensionHost: EXT_ID, apiTabs: [tab.id!], granted: (o) => o !== APP });
    expect(env.dnr.dynamic.list()).toEqual([...wanted.dynamic].sort((a, b) => a.id - b.id));
    expect(env.dnr.session.list()).toEqual([...wanted.session].sort((a, b) => a.id - b.id));
    const tabRule = env.dnr.session.list().find((r) => r.id === 500_000 + RULE_NAV_TAB)!;
    expect(tabRule.condition).toEqual({
      urlFilter: `|${API}/`,
      resourceTypes: ['main_frame'],
      requestMethods: ['get'],
      initiatorDomains: [EXT_ID],
      tabIds: [tab.id],
    });
    // No rule anywhere lists who may not start a request: every initiator condition is a positive list.
    expect(JSON.stringify(env.dnr.all())).not.toMatch(/excluded/i);
  });

  it('drops the tab rule once its tabs are closed (tab ids are not reused)', async () => {
    await seed(env, base());
    const open = new Set([7, 3]);
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (id: number) => {
      if (!open.has(id)) throw new Error(`No tab with id: ${id}.`);
      return { id } as unknown as Awaited<ReturnType<typeof fakeBrowser.tabs.get>>;
    });
    await env.storage.session.set({ apiTabs: [7, 3] });
    await reconcile();
    expect(env.dnr.session.list().map((r) => r.condition.tabIds)).toEqual([[3, 7]]);
    open.delete(3);
    expect(await reconcile()).toEqual({ changed: true });
    expect(env.dnr.session.list().map((r) => r.condition.tabIds)).toEqual([[7]]);
    expect(await env.storage.session.get('apiTabs')).toEqual({ apiTabs: [7] });
    open.delete(7);
    await reconcile();
    expect(env.dnr.session.list()).toEqual([]);
  });

  it('fails closed when the tab list cannot be read', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await seed(env, base(), { b: KEY_B });
    await reconcile();
    expect(env.dnr.dynamic.list()).toHaveLength(2);
    const session = env.storage.session as unknown as { get: (keys: unknown) => Promise<Record<string, unknown>> };
    const get = session.get.bind(session);
    const spy = vi
      .spyOn(session, 'get')
      .mockImplementation((keys) => (JSON.stringify(keys).includes('apiTabs') ? Promise.reject(new Error('storage gone')) : get(keys)));
    await expect(reconcile()).rejects.toThrow('storage gone');
    expect(env.dnr.dynamic.list()).toEqual([]);
    expect(env.dnr.session.list()).toEqual([]);
    spy.mockRestore();
    expect(await reconcile()).toEqual({ changed: true });
    expect(env.dnr.dynamic.list()).toHaveLength(2);
  });

  it('makes no update call when the settings did not change', async () => {
    await seed(env, base(), { b: KEY_B });
    env.permissions.grant(ONPREM);
    await reconcile();
    const calls = env.dnr.updateCalls();
    expect(calls).toBe(2);
    const icons = env.setIcon.mock.calls.length;
    expect(await reconcile()).toEqual({ changed: false });
    expect(await reconcile()).toEqual({ changed: false });
    expect(env.dnr.updateCalls()).toBe(calls);
    // Nor toolbar calls.
    expect(env.setIcon.mock.calls.length).toBe(icons);
  });

  it('repairs drift: rules changed behind its back are replaced in one update', async () => {
    await seed(env, base());
    await reconcile();
    const wanted = env.dnr.dynamic.list();
    await env.dnr.dynamic.update({
      removeRuleIds: [1],
      addRules: [
        {
          id: 99,
          priority: 1,
          action: { type: 'modifyHeaders', requestHeaders: [{ header: 'X-Stale', operation: 'set', value: '1' }] },
          condition: { urlFilter: '|https://x/', resourceTypes: ['main_frame'] },
        },
      ],
    });
    expect(await reconcile()).toEqual({ changed: true });
    expect(env.dnr.dynamic.list()).toEqual(wanted);
    expect(env.dnr.dynamic.updates.at(-1)).toMatchObject({ removeRuleIds: [2, 99] });
  });

  it('fails closed: when updateDynamicRules fails, every rule is removed and the error propagates', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await seed(env, base(), { b: KEY_B });
    env.permissions.grant(ONPREM);
    await reconcile();
    expect(env.dnr.dynamic.list()).toHaveLength(2);
    expect(env.dnr.session.list()).toHaveLength(2);

    // A new key for both profiles; the dynamic update fails (after the session update went in).
    const KEY_C2 = 'k1ErNGo6.NewwSecret0009Zz';
    await seed(
      env,
      { ...base(), profiles: [profile('a', KEY_C2), profile('b', '', { origins: [ONPREM], persist: 'session' })] },
      { b: KEY_C2 },
    );
    const failure = new Error('Internal error');
    env.dnr.dynamic.failNextUpdate(failure);
    await expect(reconcile()).rejects.toBe(failure);
    expect(env.dnr.dynamic.list()).toEqual([]);
    expect(env.dnr.session.list()).toEqual([]);
    // Session rules went in first, then came out again with everything else (ids: second origin in order).
    const sessionIds = [500_011, 500_012];
    expect(env.dnr.session.updates.slice(1).map((u) => [u.removeRuleIds, headerValues(u.addRules ?? [])])).toEqual([
      [sessionIds, Array(2).fill(`Authorization: Api-Key ${KEY_C2}`)],
      [sessionIds, []],
    ]);
    expect(env.dnr.dynamic.updates.slice(1).map((u) => u.removeRuleIds)).toEqual([
      [1, 2],
      [1, 2],
    ]);
    // The failure is reported without rule contents.
    expect(error).toHaveBeenCalledWith('MaiAgent DevTools: rule update failed:', 'Internal error');
    expect(JSON.stringify(error.mock.calls)).not.toMatch(new RegExp(`${KEY_A}|${KEY_B}|${KEY_C2}`));

    // The queue goes on: the next reconcile installs the new rules.
    expect(await reconcile()).toEqual({ changed: true });
    expect(headerValues(env.dnr.all())).toEqual(Array(4).fill(`Authorization: Api-Key ${KEY_C2}`));
  });

  it('fails closed when the session update fails too, without installing the new dynamic rules', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await seed(env, base(), { b: KEY_B });
    await reconcile();
    env.permissions.grant(ONPREM);
    env.dnr.session.failNextUpdate();
    await expect(reconcile()).rejects.toThrow('session rules: update failed');
    expect(env.dnr.all()).toEqual([]);
  });

  it('serialises runs: concurrent calls each see the rules the previous one left', async () => {
    await seed(env, base(), { b: KEY_B });
    env.permissions.grant(ONPREM);
    const results = await Promise.all([reconcile(), reconcile(), reconcile()]);
    expect(results).toEqual([{ changed: true }, { changed: false }, { changed: false }]);
    expect(env.dnr.updateCalls()).toBe(2);
  });

  it('removes every rule when injection is off', async () => {
    await seed(env, base(), { b: KEY_B });
    env.permissions.grant(ONPREM);
    await reconcile();
    await seed(env, { ...base(), enabled: false });
    expect(await reconcile()).toEqual({ changed: true });
    expect(env.dnr.all()).toEqual([]);
  });
});
