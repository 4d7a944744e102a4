// DNR rule compiler: settings in, declarativeNetRequest rules out. Pure and deterministic,
// so the background can compare installed rules with the wanted ones and repair drift.
import { authorizationValue } from './keys';
import { activeKeys, type Settings } from './settings';

/** The subset of chrome.declarativeNetRequest.Rule we produce (kept structural so Node tests need no browser types). */
export interface DnrRule {
  id: number;
  priority: number;
  action:
    | { type: 'modifyHeaders'; requestHeaders: { header: string; operation: 'set'; value: string }[] }
    | { type: 'allow' };
  condition: {
    urlFilter: string;
    resourceTypes: ('xmlhttprequest' | 'other' | 'main_frame' | 'sub_frame')[];
    requestMethods?: 'get'[];
    initiatorDomains?: string[];
    excludedInitiatorDomains?: string[];
  };
}

/** Rule ids: 10 per API origin, in origin order. Stable for the same settings. */
const IDS_PER_ORIGIN = 10;
/** Session rules get their own id range so a key moving between the two sets never collides. */
const SESSION_ID_OFFSET = 500_000;
export const RULE_FETCH = 1;
export const RULE_NAV_TYPED = 2;
export const RULE_NAV_GUARD = 3;

/**
 * Every host name ends in one of these labels: the top-level domains, the numbers 0–255 (the last
 * label of an IPv4 address) and single-label names such as `localhost`. DNR has no way to say
 * "has an initiator", so the navigation guard lists them all as initiator domains: a navigation
 * with an initiator matches the guard, a typed one (no initiator) does not.
 */
export function initiatorRoots(tlds: readonly string[]): string[] {
  const ascii = tlds.flatMap((t) => {
    try {
      return [new URL(`http://x.${t}/`).hostname.slice(2)];
    } catch {
      return [];
    }
  });
  const numbers = Array.from({ length: 256 }, (_, i) => String(i));
  return [...new Set([...ascii, ...numbers, 'localhost', 'local', 'internal', 'test', 'example', 'invalid', 'onion'])].sort();
}

/**
 * Rules that set `Authorization: Api-Key <key>` on requests to each active API origin:
 *  - fetch/XHR/other started by pages of the allowed sites (the docs site and sites the user allowed);
 *  - GET navigations (top level and frames) that the user typed, or that pages of the API itself
 *    started (links in the browsable API). A guard rule of higher priority stops navigations that any
 *    other site started, the allowed sites included: DNR cannot tell https://docs.maiagent.ai from
 *    http://docs.maiagent.ai or its subdomains for navigations, and fetch is what those sites use.
 * The URL filter anchors scheme, host and port followed by `/`, so `api.maiagent.ai.evil.test`,
 * `api.maiagent.ai:8443` and `http://api.maiagent.ai` do not match.
 * The extension's own pages are not initiators here: they set the header themselves, so that a
 * "Check key" of a non-active profile is not overwritten by the active key.
 */
export interface RuleSets {
  /** Rules for keys remembered on this device: dynamic rules, kept across restarts. */
  dynamic: DnrRule[];
  /** Rules for session-only keys: session rules, gone when the browser closes. */
  session: DnrRule[];
}

export function compileRules(settings: Settings, roots: readonly string[], granted: (origin: string) => boolean = () => true): RuleSets {
  const out: RuleSets = { dynamic: [], session: [] };
  if (!settings.enabled) return out;
  // Only origins the browser grants access to: a site imported or whose access was withdrawn must
  // not come back to life because a click on the toolbar button grants access to its tab.
  const initiators = [...new Set(settings.sites.filter(granted).map((s) => new URL(s).hostname))].sort();
  activeKeys(settings).forEach(({ origin, key, persist }, i) => {
    if (!granted(origin)) return;
    const rules = persist === 'session' ? out.session : out.dynamic;
    const base = i * IDS_PER_ORIGIN + (persist === 'session' ? SESSION_ID_OFFSET : 0);
    const urlFilter = `|${origin}/`;
    const action: DnrRule['action'] = {
      type: 'modifyHeaders',
      requestHeaders: [{ header: 'Authorization', operation: 'set', value: authorizationValue(key) }],
    };
    if (initiators.length > 0) {
      rules.push({
        id: base + RULE_FETCH,
        priority: 1,
        action,
        condition: { urlFilter, resourceTypes: ['xmlhttprequest', 'other'], initiatorDomains: initiators },
      });
    }
    rules.push({
      id: base + RULE_NAV_GUARD,
      priority: 2,
      action: { type: 'allow' },
      condition: {
        urlFilter,
        resourceTypes: ['main_frame', 'sub_frame'],
        initiatorDomains: [...roots],
        // Links inside the browsable API (next page, related objects) stay authenticated.
        excludedInitiatorDomains: [new URL(origin).hostname],
      },
    });
    rules.push({
      id: base + RULE_NAV_TYPED,
      priority: 1,
      action,
      condition: { urlFilter, resourceTypes: ['main_frame', 'sub_frame'], requestMethods: ['get'] },
    });
  });
  return out;
}

/** All rules of both sets, for tests and matching checks. */
export function allRules(sets: RuleSets): DnrRule[] {
  return [...sets.dynamic, ...sets.session];
}

/** Order-insensitive equality of two rule sets, used to detect drift. */
export function sameRules(a: readonly unknown[], b: readonly unknown[]): boolean {
  const norm = (rs: readonly unknown[]) =>
    rs.map((r) => canonical(r)).sort().join('\n');
  return norm(a) === norm(b);
}

function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).join(',')}]`;
  if (x && typeof x === 'object') {
    const entries = Object.entries(x as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(x);
}
