import { describe, expect, it } from 'vitest';
import tlds from 'tlds' with { type: 'json' };
import { allRules, compileRules as compileSets, initiatorRoots, sameRules, type DnrRule } from '../../src/core/rules';
import { defaultSettings, type Settings } from '../../src/core/settings';

const KEY = 'abcdef12.secretsecret';
const roots = initiatorRoots(tlds);
const compileRules = (s: Settings, r: string[]) => allRules(compileSets(s, r));
const settings = (over: Partial<Settings> = {}): Settings => ({
  ...defaultSettings(),
  profiles: [{ id: 'a', name: 'a', key: KEY, origins: ['https://api.maiagent.ai'], addedAt: 1, persist: 'local' }],
  active: { 'https://api.maiagent.ai': 'a' },
  ...over,
});

/** A small model of DNR's urlFilter with `|` start anchor (the only syntax we emit). */
const urlMatches = (r: DnrRule, url: string) => r.condition.urlFilter.startsWith('|') && url.startsWith(r.condition.urlFilter.slice(1));

describe('compileRules', () => {
  it('emits nothing when injection is off or there is no key', () => {
    expect(compileRules(settings({ enabled: false }), roots)).toEqual([]);
    expect(compileRules(settings({ profiles: [], active: {} }), roots)).toEqual([]);
  });

  it('sets exactly "Api-Key <key>" on the API origin for fetch/XHR from allowed sites', () => {
    const rules = compileRules(settings(), roots);
    const fetchRule = rules.find((r) => r.condition.resourceTypes.includes('xmlhttprequest'))!;
    expect(fetchRule.action).toEqual({ type: 'modifyHeaders', requestHeaders: [{ header: 'Authorization', operation: 'set', value: `Api-Key ${KEY}` }] });
    expect(fetchRule.condition.urlFilter).toBe('|https://api.maiagent.ai/');
    expect(fetchRule.condition.initiatorDomains).toEqual(['docs.maiagent.ai']);
  });

  it('anchors the URL filter so look-alikes, other ports and http do not match', () => {
    const [r] = compileRules(settings(), roots);
    expect(urlMatches(r!, 'https://api.maiagent.ai/api/v1/')).toBe(true);
    for (const u of ['https://api.maiagent.ai.evil.test/', 'https://api.maiagent.ai:8443/', 'http://api.maiagent.ai/', 'https://evil.test/?https://api.maiagent.ai/', 'https://x.api.maiagent.ai/']) {
      expect(urlMatches(r!, u), u).toBe(false);
    }
  });

  it('navigations: GET only, and a higher-priority guard for navigations other sites start', () => {
    const rules = compileRules(settings(), roots);
    const navs = rules.filter((r) => r.condition.resourceTypes.includes('main_frame') && r.action.type === 'modifyHeaders');
    expect(navs.length).toBe(1);
    for (const n of navs) expect(n.condition.requestMethods).toEqual(['get']);
    const guard = rules.find((r) => r.action.type === 'allow')!;
    expect(guard.priority).toBeGreaterThan(Math.max(...navs.map((n) => n.priority)));
    expect(guard.condition.resourceTypes).toEqual(['main_frame', 'sub_frame']);
    expect(guard.condition.initiatorDomains).toEqual(expect.arrayContaining(['com', 'test', 'ai', '127', '1', 'localhost', 'xn--p1ai']));
    // Only the API's own pages may start authenticated navigations; allowed sites use fetch.
    expect(guard.condition.excludedInitiatorDomains).toEqual(['api.maiagent.ai']);
  });

  it('gives one rule set per active origin with deterministic ids', () => {
    const s = settings({
      profiles: [
        { id: 'a', name: 'a', key: KEY, origins: ['https://api.maiagent.ai'], addedAt: 1, persist: 'local' as const },
        { id: 'b', name: 'b', key: 'zzzzzzzz.yyyyyy', origins: ['http://localhost:8000'], addedAt: 1, persist: 'local' as const },
      ],
      active: { 'https://api.maiagent.ai': 'a', 'http://localhost:8000': 'b' },
    });
    const one = compileRules(s, roots);
    const two = compileRules(s, roots);
    expect(one).toEqual(two);
    expect(new Set(one.map((r) => r.id)).size).toBe(one.length);
    expect(one.filter((r) => r.condition.urlFilter === '|http://localhost:8000/').length).toBe(3);
  });

  it('sameRules ignores order and undefined fields, and sees a changed key', () => {
    const a = compileRules(settings(), roots);
    expect(sameRules(a, [...a].reverse())).toBe(true);
    const b = compileRules(settings({ profiles: [{ id: 'a', name: 'a', key: 'other123.key', origins: ['https://api.maiagent.ai'], addedAt: 1, persist: 'local' as const }] }), roots);
    expect(sameRules(a, b)).toBe(false);
  });
});

describe('initiatorRoots', () => {
  it('converts internationalised TLDs to their ASCII form and adds IPv4 last labels', () => {
    const r = initiatorRoots(['com', 'рф', '中国']);
    expect(r).toContain('xn--p1ai');
    expect(r).toContain('xn--fiqs8s');
    expect(r).toContain('255');
    expect(r).not.toContain('256');
  });
});

describe('session-only keys', () => {
  it('go to session rules, remembered keys to dynamic rules, with ids unique across both', () => {
    const s = settings({
      profiles: [
        { id: 'a', name: 'a', key: KEY, origins: ['https://api.maiagent.ai'], addedAt: 1, persist: 'local' },
        { id: 'b', name: 'b', key: 'zzzzzzzz.yyyyyy', origins: ['https://onprem.example'], addedAt: 1, persist: 'session' },
      ],
      active: { 'https://api.maiagent.ai': 'a', 'https://onprem.example': 'b' },
    });
    const sets = compileSets(s, roots);
    expect(sets.dynamic.every((r) => r.condition.urlFilter === '|https://api.maiagent.ai/')).toBe(true);
    expect(sets.session.every((r) => r.condition.urlFilter === '|https://onprem.example/')).toBe(true);
    expect(sets.session.length).toBe(3);
    const ids = allRules(sets).map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('a session profile whose key is gone (browser restarted) gets no rules', () => {
    const s = settings({ profiles: [{ id: 'a', name: 'a', key: '', origins: ['https://api.maiagent.ai'], addedAt: 1, persist: 'session' }] });
    expect(allRules(compileSets(s, roots))).toEqual([]);
  });
});

describe('granted origins only', () => {
  it('leaves out sites and API origins the browser does not grant access to', () => {
    const s = settings({ sites: ['https://docs.maiagent.ai', 'https://app.example'] });
    const all = compileRules(s, roots);
    expect(all.find((r) => r.id % 10 === 1)?.condition.initiatorDomains).toEqual(['app.example', 'docs.maiagent.ai']);
    const some = allRules(compileSets(s, roots, (o) => o !== 'https://app.example'));
    expect(some.find((r) => r.id % 10 === 1)?.condition.initiatorDomains).toEqual(['docs.maiagent.ai']);
    expect(allRules(compileSets(s, roots, (o) => o !== 'https://api.maiagent.ai'))).toEqual([]);
  });
});

describe('URL filters carry no DNR wildcard syntax', () => {
  it('for any origin that normalizeOrigin accepts, the filter is "|" + origin + "/" and nothing else special', async () => {
    const { normalizeOrigin } = await import('../../src/core/origins');
    const inputs = ['https://api.maiagent.ai', 'https://maiagent.corp.example:8443', 'http://localhost:8000', 'http://127.0.0.1', 'https://例え.jp', 'https://*.x.example', 'https://a^b.example', 'https://a|b.example'];
    for (const input of inputs) {
      const r = normalizeOrigin(input);
      if (!r.ok) continue;
      const s = settings({ profiles: [{ id: 'a', name: 'a', key: KEY, origins: [r.origin], addedAt: 1, persist: 'local' }], active: { [r.origin]: 'a' } });
      for (const rule of compileRules(s, roots)) {
        expect(rule.condition.urlFilter).toBe(`|${r.origin}/`);
        // DNR treats * ^ | as syntax; only the leading anchor may appear.
        expect(rule.condition.urlFilter.slice(1)).not.toMatch(/[*^|]/);
      }
    }
  });
});
