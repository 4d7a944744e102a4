import { describe, expect, it } from 'vitest';
import {
  allRules,
  compileRules as compileSets,
  RULE_FETCH,
  RULE_NAV_LINK,
  RULE_NAV_TAB,
  RULE_NAV_TYPED,
  sameRules,
  type DnrRule,
  type RuleContext,
} from '../../src/core/rules';
import { defaultSettings, type Settings } from '../../src/core/settings';

const KEY = 'abcdef12.secretsecret';
const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ctx = (over: Partial<RuleContext> = {}): RuleContext => ({ extensionHost: EXT, apiTabs: [], ...over });
const compileRules = (s: Settings, c: RuleContext = ctx()) => allRules(compileSets(s, c));
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
    expect(compileRules(settings({ enabled: false, typedNavigation: true }), ctx({ apiTabs: [4] }))).toEqual([]);
    expect(compileRules(settings({ profiles: [], active: {}, typedNavigation: true }), ctx({ apiTabs: [4] }))).toEqual([]);
  });

  it('sets exactly "Api-Key <key>" on the API origin for fetch/XHR from allowed sites', () => {
    const rules = compileRules(settings());
    const fetchRule = rules.find((r) => r.condition.resourceTypes.includes('xmlhttprequest'))!;
    expect(fetchRule.action).toEqual({
      type: 'modifyHeaders',
      requestHeaders: [{ header: 'Authorization', operation: 'set', value: `Api-Key ${KEY}` }],
    });
    expect(fetchRule.condition.urlFilter).toBe('|https://api.maiagent.ai/');
    expect(fetchRule.condition.initiatorDomains).toEqual(['docs.maiagent.ai']);
  });

  it('anchors the URL filter so look-alikes, other ports and http do not match', () => {
    const [r] = compileRules(settings());
    expect(urlMatches(r!, 'https://api.maiagent.ai/api/v1/')).toBe(true);
    for (const u of [
      'https://api.maiagent.ai.evil.test/',
      'https://api.maiagent.ai:8443/',
      'http://api.maiagent.ai/',
      'https://evil.test/?https://api.maiagent.ai/',
      'https://x.api.maiagent.ai/',
    ]) {
      expect(urlMatches(r!, u), u).toBe(false);
    }
  });

  it('navigations: top level only, GET only, from allowed sites and the API host by a positive initiator list', () => {
    const rules = compileRules(settings({ sites: ['https://docs.maiagent.ai', 'http://localhost:3000'] }));
    expect(rules.map((r) => r.id).sort()).toEqual([RULE_FETCH, RULE_NAV_LINK]);
    const nav = rules.find((r) => r.id === RULE_NAV_LINK)!;
    expect(nav.condition).toEqual({
      urlFilter: '|https://api.maiagent.ai/',
      resourceTypes: ['main_frame'],
      requestMethods: ['get'],
      initiatorDomains: ['api.maiagent.ai', 'docs.maiagent.ai', 'localhost'],
    });
  });

  it('never a frame, never a rule without a positive initiator list unless the user switched typed navigations on', () => {
    for (const s of [settings(), settings({ sites: [] })]) {
      const rules = compileRules(s, ctx({ apiTabs: [3, 9] }));
      for (const r of rules) {
        expect(r.condition.resourceTypes).not.toContain('sub_frame');
        expect(r.condition.initiatorDomains?.length, `rule ${r.id}`).toBeGreaterThan(0);
        expect(r.condition).not.toHaveProperty('excludedInitiatorDomains');
      }
    }
    const on = compileRules(settings({ typedNavigation: true }));
    const typed = on.find((r) => r.id === RULE_NAV_TYPED)!;
    expect(typed.condition).toEqual({ urlFilter: '|https://api.maiagent.ai/', resourceTypes: ['main_frame'], requestMethods: ['get'] });
    expect(compileRules(settings()).find((r) => r.id === RULE_NAV_TYPED)).toBeUndefined();
  });

  it('tabs opened from the extension: one session rule per origin, scoped to those tabs and to the extension as initiator', () => {
    expect(compileRules(settings()).find((r) => r.id % 10 === RULE_NAV_TAB)).toBeUndefined();
    const sets = compileSets(settings(), ctx({ apiTabs: [12, 5, 12] }));
    // The key is remembered (dynamic rules), but tabIds exist only in session rules.
    expect(sets.dynamic.map((r) => r.id)).toEqual([RULE_FETCH, RULE_NAV_LINK]);
    expect(sets.session).toEqual([
      {
        id: 500_000 + RULE_NAV_TAB,
        priority: 1,
        action: { type: 'modifyHeaders', requestHeaders: [{ header: 'Authorization', operation: 'set', value: `Api-Key ${KEY}` }] },
        condition: {
          urlFilter: '|https://api.maiagent.ai/',
          resourceTypes: ['main_frame'],
          requestMethods: ['get'],
          initiatorDomains: [EXT],
          tabIds: [5, 12],
        },
      },
    ]);
  });

  it('gives one rule set per active origin with deterministic ids', () => {
    const s = settings({
      profiles: [
        { id: 'a', name: 'a', key: KEY, origins: ['https://api.maiagent.ai'], addedAt: 1, persist: 'local' as const },
        { id: 'b', name: 'b', key: 'zzzzzzzz.yyyyyy', origins: ['http://localhost:8000'], addedAt: 1, persist: 'local' as const },
      ],
      active: { 'https://api.maiagent.ai': 'a', 'http://localhost:8000': 'b' },
    });
    const one = compileRules(s);
    const two = compileRules(s);
    expect(one).toEqual(two);
    expect(new Set(one.map((r) => r.id)).size).toBe(one.length);
    expect(one.filter((r) => r.condition.urlFilter === '|http://localhost:8000/').length).toBe(2);
  });

  it('sameRules ignores order and undefined fields, and sees a changed key', () => {
    const a = compileRules(settings());
    expect(sameRules(a, [...a].reverse())).toBe(true);
    const b = compileRules(
      settings({
        profiles: [
          { id: 'a', name: 'a', key: 'other123.key', origins: ['https://api.maiagent.ai'], addedAt: 1, persist: 'local' as const },
        ],
      }),
    );
    expect(sameRules(a, b)).toBe(false);
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
    const sets = compileSets(s, ctx({ apiTabs: [1] }));
    expect(sets.dynamic.every((r) => r.condition.urlFilter === '|https://api.maiagent.ai/')).toBe(true);
    // The on-premises origin's rules, plus the tab rule of each origin.
    expect(sets.session.filter((r) => !r.condition.tabIds).every((r) => r.condition.urlFilter === '|https://onprem.example/')).toBe(true);
    expect(sets.session.length).toBe(4);
    const ids = allRules(sets).map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('a session profile whose key is gone (browser restarted) gets no rules', () => {
    const s = settings({
      profiles: [{ id: 'a', name: 'a', key: '', origins: ['https://api.maiagent.ai'], addedAt: 1, persist: 'session' }],
    });
    expect(allRules(compileSets(s, ctx({ apiTabs: [1] })))).toEqual([]);
  });
});

describe('granted origins only', () => {
  it('leaves out sites and API origins the browser does not grant access to', () => {
    const s = settings({ sites: ['https://docs.maiagent.ai', 'https://app.example'] });
    const all = compileRules(s);
    expect(all.find((r) => r.id % 10 === 1)?.condition.initiatorDomains).toEqual(['app.example', 'docs.maiagent.ai']);
    const some = allRules(compileSets(s, ctx({ granted: (o) => o !== 'https://app.example' })));
    expect(some.find((r) => r.id % 10 === 1)?.condition.initiatorDomains).toEqual(['docs.maiagent.ai']);
    expect(some.find((r) => r.id % 10 === 2)?.condition.initiatorDomains).toEqual(['api.maiagent.ai', 'docs.maiagent.ai']);
    expect(allRules(compileSets(s, ctx({ apiTabs: [1], granted: (o) => o !== 'https://api.maiagent.ai' })))).toEqual([]);
  });
});

describe('URL filters carry no DNR wildcard syntax', () => {
  it('for any origin that normalizeOrigin accepts, the filter is "|" + origin + "/" and nothing else special', async () => {
    const { normalizeOrigin } = await import('../../src/core/origins');
    const inputs = [
      'https://api.maiagent.ai',
      'https://maiagent.corp.example:8443',
      'http://localhost:8000',
      'http://127.0.0.1',
      'https://例え.jp',
      'https://*.x.example',
      'https://a^b.example',
      'https://a|b.example',
    ];
    for (const input of inputs) {
      const r = normalizeOrigin(input);
      if (!r.ok) continue;
      const s = settings({
        profiles: [{ id: 'a', name: 'a', key: KEY, origins: [r.origin], addedAt: 1, persist: 'local' }],
        active: { [r.origin]: 'a' },
      });
      for (const rule of compileRules(s)) {
        expect(rule.condition.urlFilter).toBe(`|${r.origin}/`);
        // DNR treats * ^ | as syntax; only the leading anchor may appear.
        expect(rule.condition.urlFilter.slice(1)).not.toMatch(/[*^|]/);
      }
    }
  });
});
