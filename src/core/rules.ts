// DNR rule compiler: settings in, declarativeNetRequest rules out. Pure and deterministic,
// so the background can compare installed rules with the wanted ones and repair drift.
import { authorizationValue } from './keys';
import { activeKeys, type Settings } from './settings';

/** The subset of chrome.declarativeNetRequest.Rule we produce (kept structural so Node tests need no browser types). */
export interface DnrRule {
  id: number;
  priority: number;
  action: { type: 'modifyHeaders'; requestHeaders: { header: string; operation: 'set'; value: string }[] };
  condition: {
    urlFilter: string;
    resourceTypes: ('xmlhttprequest' | 'other' | 'main_frame')[];
    requestMethods?: 'get'[];
    initiatorDomains?: string[];
    tabIds?: number[];
  };
}

/** Rule ids: 10 per API origin, in origin order. Stable for the same settings. */
const IDS_PER_ORIGIN = 10;
/** Session rules get their own id range so a key moving between the two sets never collides. */
const SESSION_ID_OFFSET = 500_000;
export const RULE_FETCH = 1;
export const RULE_NAV_LINK = 2;
export const RULE_NAV_TAB = 3;
export const RULE_NAV_TYPED = 4;

/** What the rules need besides the settings. */
export interface RuleContext {
  /** The extension's own host (`chrome-extension://<host>/`): the initiator of the API tabs it opens. */
  extensionHost: string;
  /** Tabs the user opened on an API URL from the extension ("Open in tab"), still open. */
  apiTabs: readonly number[];
  /** Whether the browser grants host access to an origin; rules exist only for granted ones. */
  granted?: (origin: string) => boolean;
}

export interface RuleSets {
  /** Rules for keys remembered on this device: dynamic rules, kept across restarts. */
  dynamic: DnrRule[];
  /** Rules for session-only keys, and every tab-scoped rule (DNR takes `tabIds` in session rules only). */
  session: DnrRule[];
}

/**
 * Rules that set `Authorization: Api-Key <key>` on requests to each active API origin. Every rule
 * names who may start the request with a positive match, never a list of who may not: a request
 * whose initiator is opaque (sandboxed frame, `data:`, `file:`) or absent (speculative loads, typed
 * addresses, redirects of those) matches no initiator condition, so it gets no key.
 *  1. fetch/XHR/other started by pages of the allowed sites (the docs site and sites the user allowed);
 *  2. top-level GET navigations started by pages of the allowed sites or of the API host itself
 *     (links on the docs site, in the user's app, in the browsable API);
 *  3. top-level GET navigations that the extension itself starts, in the tabs it opened for the user
 *     ("Open in tab"), and their reloads; the tab list keeps this rule to those tabs;
 *  4. only if the user switched it on: every top-level GET navigation, which is how an address
 *     typed in the address bar gets the key — and also any page's link to the API (see README).
 * Frames never get the key: a page of any site could frame the API.
 * The URL filter anchors scheme, host and port followed by `/`, so `api.maiagent.ai.evil.test`,
 * `api.maiagent.ai:8443` and `http://api.maiagent.ai` do not match.
 * The extension's own pages are not initiators of rule 1: they set the header themselves, so that
 * a "Check key" of a non-active profile is not overwritten by the active key.
 */
export function compileRules(settings: Settings, ctx: RuleContext): RuleSets {
  const out: RuleSets = { dynamic: [], session: [] };
  if (!settings.enabled) return out;
  const granted = ctx.granted ?? (() => true);
  // Only origins the browser grants access to: a site imported or whose access was withdrawn must
  // not come back to life because a click on the toolbar button grants access to its tab.
  const sites = [...new Set(settings.sites.filter(granted).map((s) => new URL(s).hostname))].sort();
  const tabs = [...new Set(ctx.apiTabs)].sort((a, b) => a - b);
  activeKeys(settings).forEach(({ origin, key, persist }, i) => {
    if (!granted(origin)) return;
    const rules = persist === 'session' ? out.session : out.dynamic;
    const base = i * IDS_PER_ORIGIN + (persist === 'session' ? SESSION_ID_OFFSET : 0);
    const urlFilter = `|${origin}/`;
    const action: DnrRule['action'] = {
      type: 'modifyHeaders',
      requestHeaders: [{ header: 'Authorization', operation: 'set', value: authorizationValue(key) }],
    };
    const nav = { urlFilter, resourceTypes: ['main_frame'], requestMethods: ['get'] } satisfies DnrRule['condition'];
    if (sites.length > 0) {
      rules.push({
        id: base + RULE_FETCH,
        priority: 1,
        action,
        condition: { urlFilter, resourceTypes: ['xmlhttprequest', 'other'], initiatorDomains: sites },
      });
    }
    const linkFrom = [...new Set([...sites, new URL(origin).hostname])].sort();
    rules.push({ id: base + RULE_NAV_LINK, priority: 1, action, condition: { ...nav, initiatorDomains: linkFrom } });
    if (tabs.length > 0) {
      // Always a session rule: the tabs are gone when the browser closes.
      out.session.push({
        id: i * IDS_PER_ORIGIN + SESSION_ID_OFFSET + RULE_NAV_TAB,
        priority: 1,
        action,
        condition: { ...nav, initiatorDomains: [ctx.extensionHost], tabIds: tabs },
      });
    }
    if (settings.typedNavigation) rules.push({ id: base + RULE_NAV_TYPED, priority: 1, action, condition: nav });
  });
  return out;
}

/** All rules of both sets, as one list (what the tests look through). */
export function allRules(sets: RuleSets): DnrRule[] {
  return [...sets.dynamic, ...sets.session];
}

/** Order-insensitive equality of two rule sets, used to detect drift. */
export function sameRules(a: readonly unknown[], b: readonly unknown[]): boolean {
  const norm = (rs: readonly unknown[]) =>
    rs
      .map((r) => canonical(r))
      .sort()
      .join('\n');
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
