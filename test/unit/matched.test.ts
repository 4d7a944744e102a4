import { describe, expect, it } from 'vitest';
import { countInjected } from '../../src/core/matched';

const inject = (id: number) => ({ id, action: { type: 'modifyHeaders' } });
const allow = (id: number) => ({ id, action: { type: 'allow' } });
const hit = (ruleId: number, rulesetId: string) => ({ rule: { ruleId, rulesetId } });

describe('countInjected', () => {
  it('counts each match of a header rule, per rule set', () => {
    const rules = { dynamic: [inject(1), allow(2)], session: [inject(1001)] };
    expect(countInjected([hit(1, '_dynamic'), hit(1, '_dynamic'), hit(1001, '_session')], rules)).toBe(3);
  });
  it('ignores allow rules, other rule sets, static rules and ids no longer installed', () => {
    const rules = { dynamic: [inject(1), allow(2)], session: [] };
    expect(countInjected([hit(2, '_dynamic'), hit(1, '_session'), hit(1, 'static'), hit(5, '_dynamic')], rules)).toBe(0);
  });
});
