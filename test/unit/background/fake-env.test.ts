// The hand-written fakes behave like the browser APIs they stand in for.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DnrRule } from '../../../src/core/rules';
import { getMessage, installFakeBrowser, uninstallFakeBrowser, type Env } from './fake-env';

let env: Env;
beforeEach(() => {
  env = installFakeBrowser();
});
afterEach(uninstallFakeBrowser);

const rule = (id: number, over: Partial<DnrRule['condition']> = {}): DnrRule => ({
  id,
  priority: 1,
  action: { type: 'modifyHeaders', requestHeaders: [{ header: 'X-Test', operation: 'set', value: String(id) }] },
  condition: { urlFilter: '|https://x/', resourceTypes: ['main_frame'], ...over },
});

describe('FakeRuleSet', () => {
  it('adds, removes and returns copies', async () => {
    const { dynamic } = env.dnr;
    await dynamic.update({ addRules: [rule(2), rule(1)] });
    const got = await dynamic.get();
    expect(got.map((r) => r.id)).toEqual([1, 2]);
    got[0]!.priority = 9;
    expect((await dynamic.get())[0]!.priority).toBe(1);
    await dynamic.update({ removeRuleIds: [1, 77], addRules: [rule(1, { urlFilter: '|https://y/' })] });
    expect((await dynamic.get()).map((r) => [r.id, r.condition.urlFilter])).toEqual([
      [1, '|https://y/'],
      [2, '|https://x/'],
    ]);
  });

  it('rejects duplicate and invalid ids, and empty lists, changing nothing', async () => {
    const { session } = env.dnr;
    await session.update({ addRules: [rule(1)] });
    await expect(session.update({ addRules: [rule(1)] })).rejects.toThrow('Rule with id 1 does not have a unique ID.');
    await expect(session.update({ addRules: [rule(3), rule(3)] })).rejects.toThrow('unique ID');
    await expect(session.update({ addRules: [rule(0)] })).rejects.toThrow('positive');
    await expect(session.update({ removeRuleIds: [1], addRules: [rule(4, { initiatorDomains: [] })] })).rejects.toThrow('initiatorDomains');
    expect(session.list().map((r) => r.id)).toEqual([1]);
  });

  it('fails the next update only, when told to', async () => {
    const { dynamic } = env.dnr;
    dynamic.failNextUpdate(new Error('quota'));
    await expect(dynamic.update({ addRules: [rule(1)] })).rejects.toThrow('quota');
    expect(dynamic.list()).toEqual([]);
    await dynamic.update({ addRules: [rule(1)] });
    expect(dynamic.list()).toHaveLength(1);
    expect(dynamic.updates).toHaveLength(2);
  });

  it('keeps dynamic and session rules apart', async () => {
    await env.dnr.api.updateDynamicRules({ addRules: [rule(1)] });
    await env.dnr.api.updateSessionRules({ addRules: [rule(1)] });
    expect(env.dnr.all().map((r) => r.id)).toEqual([1, 1]);
  });
});

describe('FakePermissions', () => {
  it('grants the required hosts, refuses to remove them, removes optional ones', async () => {
    const p = env.permissions;
    expect(await p.api.contains({ origins: ['https://api.maiagent.ai/*', 'https://docs.maiagent.ai/*'] })).toBe(true);
    expect(await p.api.contains({ origins: ['https://app.example.com/*'] })).toBe(false);
    p.grant('https://app.example.com:8443');
    expect(await p.api.contains({ origins: ['https://app.example.com/*'] })).toBe(true);
    await expect(p.api.remove({ origins: ['https://docs.maiagent.ai/*'] })).rejects.toThrow('required');
    expect(await p.api.remove({ origins: ['https://app.example.com/*'] })).toBe(true);
    expect(await p.api.contains({ origins: ['https://app.example.com/*'] })).toBe(false);
  });
});

describe('i18n.getMessage', () => {
  it('substitutes placeholders like Chrome, and answers "" for an unknown name', () => {
    expect(getMessage('extName')).toBe('MaiAgent DevTools');
    expect(getMessage('defaultProfileName', ['3'])).toBe('Key 3');
    expect(getMessage('defaultProfileName', '4')).toBe('Key 4');
    expect(getMessage('saved', ['https://api.maiagent.ai'])).toBe('Key saved. Requests to https://api.maiagent.ai now carry it.');
    expect(getMessage('noSuchMessage')).toBe('');
  });

  it('is what the shared t() helper reads', async () => {
    const { t } = await import('../../../src/shared/i18n');
    expect(t('defaultProfileName', '2')).toBe('Key 2');
  });
});
