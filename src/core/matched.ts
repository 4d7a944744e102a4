// How many requests of a tab got the key, from what declarativeNetRequest reports as matched.
// Only rules that add a header count: an `allow` rule that matched gave nothing away.

export interface MatchedInfo {
  rule: { ruleId: number; rulesetId: string };
}

export interface RuleLike {
  id: number;
  action: { type: string };
}

/** Chrome and Firefox name the two rule sets of an extension like this in matched-rule reports. */
const DYNAMIC_RULESET = '_dynamic';
const SESSION_RULESET = '_session';

export function countInjected(
  matched: readonly MatchedInfo[],
  rules: { dynamic: readonly RuleLike[]; session: readonly RuleLike[] },
): number {
  const injecting = (set: readonly RuleLike[]) => new Set(set.filter((r) => r.action.type === 'modifyHeaders').map((r) => r.id));
  const byRuleset: Record<string, Set<number>> = {
    [DYNAMIC_RULESET]: injecting(rules.dynamic),
    [SESSION_RULESET]: injecting(rules.session),
  };
  return matched.filter((m) => byRuleset[m.rule.rulesetId]?.has(m.rule.ruleId) ?? false).length;
}
