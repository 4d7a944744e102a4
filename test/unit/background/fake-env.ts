// A fake browser for the background's unit tests: @webext-core/fake-browser for storage and
// runtime, plus small hand-written fakes of what it does not implement (declarativeNetRequest,
// action.setIcon, permissions, i18n, commands). `installFakeBrowser()` puts it on globalThis as
// both `browser` and `chrome` and resets the module registry, so the modules under test — which
// read the global at import time — must be imported *after* it, with a dynamic `await import()`.
import { readFileSync } from 'node:fs';
import { fakeBrowser } from '@webext-core/fake-browser';
import { vi } from 'vitest';
import { originToMatchPattern } from '../../../src/core/origins';
import type { Settings } from '../../../src/core/settings';
import type { DnrRule } from '../../../src/core/rules';
import type { Reply } from '../../../src/shared/protocol';

export { fakeBrowser };

export const EXT_ID = 'test-extension-id';
export const EXT_ORIGIN = `chrome-extension://${EXT_ID}/`;
export const API = 'https://api.maiagent.ai';
export const DOCS = 'https://docs.maiagent.ai';
/** The manifest's host_permissions: always granted, cannot be removed. */
const REQUIRED_HOSTS = [`${API}/*`, `${DOCS}/*`];

// ---------------------------------------------------------------------------------------------
// Events

type Listener<A extends unknown[]> = (...args: A) => unknown;

interface FakeEvent<A extends unknown[]> {
  addListener(l: Listener<A>): void;
  removeListener(l: Listener<A>): void;
  hasListener(l: Listener<A>): boolean;
  /** Call every listener, as the browser would, and wait for what they return. */
  trigger(...args: A): Promise<unknown[]>;
}

function fakeEvent<A extends unknown[]>(): FakeEvent<A> {
  const listeners: Listener<A>[] = [];
  return {
    addListener: (l) => void listeners.push(l),
    removeListener: (l) => {
      const i = listeners.indexOf(l);
      if (i >= 0) listeners.splice(i, 1);
    },
    hasListener: (l) => listeners.includes(l),
    trigger: (...args) => Promise.all(listeners.map((l) => l(...args))),
  };
}

// ---------------------------------------------------------------------------------------------
// declarativeNetRequest

interface UpdateRuleOptions {
  removeRuleIds?: number[];
  addRules?: DnrRule[];
}

const ACTION_TYPES = new Set(['block', 'redirect', 'allow', 'upgradeScheme', 'modifyHeaders', 'allowAllRequests']);
/** Chrome's limit for rules with modifyHeaders ("unsafe" dynamic rules) and for session rules. */
const MAX_RULES = 5000;

/**
 * One rule set (dynamic or session) as Chrome keeps it: updates are atomic (removals first, then
 * additions; on any error nothing changes), ids must be positive integers and unique, and what
 * `get` returns is a copy. `failNextUpdate()` makes the next update reject without a change.
 */
class FakeRuleSet {
  private rules = new Map<number, DnrRule>();
  private failure: Error | null = null;
  /** Every update call as it was made (copies), failed ones included. */
  readonly updates: UpdateRuleOptions[] = [];

  constructor(readonly name: 'dynamic' | 'session') {}

  failNextUpdate(error: Error = new Error(`${this.name} rules: update failed`)): void {
    this.failure = error;
  }

  /** The installed rules (copies), by id. */
  list(): DnrRule[] {
    return structuredClone([...this.rules.values()].sort((a, b) => a.id - b.id));
  }

  readonly get = async (): Promise<DnrRule[]> => this.list();

  readonly update = async (options: UpdateRuleOptions): Promise<void> => {
    this.updates.push(structuredClone(options));
    if (this.failure) {
      const e = this.failure;
      this.failure = null;
      throw e;
    }
    const next = new Map(this.rules);
    for (const id of options.removeRuleIds ?? []) next.delete(id);
    for (const rule of options.addRules ?? []) {
      if (!Number.isInteger(rule.id) || rule.id < 1) throw new Error(`Rule with id ${rule.id} must have a positive integer id.`);
      if (next.has(rule.id)) throw new Error(`Rule with id ${rule.id} does not have a unique ID.`);
      checkRule(rule);
      next.set(rule.id, structuredClone(rule));
    }
    if (next.size > MAX_RULES) throw new Error(`Rule count exceeds the ${this.name} rule limit.`);
    this.rules = next;
  };
}

function checkRule(rule: DnrRule): void {
  const fail = (what: string) => {
    throw new Error(`Rule with id ${rule.id}: ${what}`);
  };
  if (!ACTION_TYPES.has(rule.action.type)) fail('invalid action type');
  if (rule.action.type === 'modifyHeaders') {
    if (rule.action.requestHeaders.length === 0) fail('modifyHeaders needs headers');
    for (const h of rule.action.requestHeaders) if (h.operation === 'set' && typeof h.value !== 'string') fail('"set" needs a value');
  }
  const c = rule.condition;
  // Chrome refuses empty lists where a list is given.
  if (c.initiatorDomains && c.initiatorDomains.length === 0) fail('initiatorDomains must be non-empty');
  if (c.resourceTypes && c.resourceTypes.length === 0) fail('resourceTypes must be non-empty');
}

class FakeDnr {
  readonly dynamic = new FakeRuleSet('dynamic');
  readonly session = new FakeRuleSet('session');
  readonly actionOptions: { displayActionCountAsBadgeText: boolean }[] = [];
  /** What getMatchedRules reports per tab; a tab missing here has no activeTab grant (the call rejects). */
  readonly matched = new Map<number, { rule: { ruleId: number; rulesetId: string } }[]>();

  /** The object put at `browser.declarativeNetRequest`, with spies on each call. */
  readonly api = {
    getDynamicRules: vi.fn(() => this.dynamic.get()),
    updateDynamicRules: vi.fn((o: UpdateRuleOptions) => this.dynamic.update(o)),
    getSessionRules: vi.fn(() => this.session.get()),
    updateSessionRules: vi.fn((o: UpdateRuleOptions) => this.session.update(o)),
    setExtensionActionOptions: vi.fn(async (o: { displayActionCountAsBadgeText: boolean }) => void this.actionOptions.push(o)),
    getMatchedRules: vi.fn(async ({ tabId }: { tabId: number }) => {
      const m = this.matched.get(tabId);
      if (!m) throw new Error("The extension does not have the 'activeTab' permission for this tab.");
      return { rulesMatchedInfo: m.map((x) => ({ ...x, tabId, timeStamp: 0 })) };
    }),
  };

  all(): DnrRule[] {
    return [...this.dynamic.list(), ...this.session.list()];
  }

  updateCalls(): number {
    return this.api.updateDynamicRules.mock.calls.length + this.api.updateSessionRules.mock.calls.length;
  }
}

// ---------------------------------------------------------------------------------------------
// permissions

/**
 * Host permissions: the manifest's required hosts (the extension cannot remove them, as in Chrome)
 * and the optional ones granted so far. `grant`/`withdraw` change access as the user would,
 * outside the extension (withdraw fires onRemoved like the browser does). `withhold`/`restore` do
 * the same for a required host, as Firefox's about:addons (or Chrome's site access setting) can.
 */
class FakePermissions {
  readonly granted = new Set<string>();
  /** Required hosts the user has taken away. */
  readonly withheld = new Set<string>();
  readonly onAdded = fakeEvent<[{ origins?: string[] }]>();
  readonly onRemoved = fakeEvent<[{ origins?: string[] }]>();

  readonly api = {
    contains: vi.fn(async ({ origins = [] }: { origins?: string[] }) =>
      origins.every((o) => (REQUIRED_HOSTS.includes(o) && !this.withheld.has(o)) || this.granted.has(o)),
    ),
    remove: vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
      if (origins.some((o) => REQUIRED_HOSTS.includes(o))) throw new Error('You cannot remove required permissions.');
      const gone = origins.filter((o) => this.granted.delete(o));
      if (gone.length) await this.onRemoved.trigger({ origins: gone });
      return true;
    }),
    onAdded: this.onAdded,
    onRemoved: this.onRemoved,
  };

  grant(origin: string): void {
    this.granted.add(originToMatchPattern(origin));
  }

  async withdraw(origin: string): Promise<void> {
    const p = originToMatchPattern(origin);
    if (this.granted.delete(p)) await this.onRemoved.trigger({ origins: [p] });
  }

  /** Take a required host away (Firefox: about:addons → Permissions), firing onRemoved. */
  async withhold(origin: string): Promise<void> {
    const p = originToMatchPattern(origin);
    if (!REQUIRED_HOSTS.includes(p)) throw new Error(`${origin} is not a required host`);
    this.withheld.add(p);
    await this.onRemoved.trigger({ origins: [p] });
  }

  /** Give a withheld required host back, firing onAdded. */
  async restore(origin: string): Promise<void> {
    const p = originToMatchPattern(origin);
    if (this.withheld.delete(p)) await this.onAdded.trigger({ origins: [p] });
  }
}

// ---------------------------------------------------------------------------------------------
// i18n: the English catalogue, with Chrome's placeholder rules

interface CatalogueEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
const catalogue = JSON.parse(readFileSync(new URL('../../../public/_locales/en/messages.json', import.meta.url), 'utf8')) as Record<
  string,
  CatalogueEntry
>;

/** chrome.i18n.getMessage: '' for an unknown name; $NAME$ → its placeholder's content; $1…$9 → substitutions; $$ → $. */
export function getMessage(name: string, subs?: string | string[]): string {
  const entry = catalogue[name];
  if (!entry) return '';
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  const positional = (s: string) => s.replace(/\$(\d)/g, (_, d: string) => list[Number(d) - 1] ?? '');
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (m, n: string) => {
    const ph = entry.placeholders?.[n.toLowerCase()];
    return ph ? positional(ph.content) : m;
  });
  return positional(named).replace(/\$\$/g, '$');
}

// ---------------------------------------------------------------------------------------------
// fetch: the extension's own files are not served; anything else comes from `network`

type NetworkHandler = (url: string, init: RequestInit | undefined) => Promise<Response>;

export interface Env {
  storage: typeof fakeBrowser.storage;
  runtime: typeof fakeBrowser.runtime;
  action: typeof fakeBrowser.action;
  setIcon: ReturnType<typeof vi.fn>;
  dnr: FakeDnr;
  permissions: FakePermissions;
  commands: { onCommand: FakeEvent<[string]> };
  /** The global fetch stub (every call). */
  fetch: ReturnType<typeof vi.fn<(input: RequestInfo | URL, init?: RequestInit) => Promise<Response>>>;
  /** What answers requests to the web; by default a network error, so no test reaches the network. */
  network: ReturnType<typeof vi.fn<NetworkHandler>>;
}

/** Put a fresh fake browser on globalThis and start a fresh module registry. */
export function installFakeBrowser(): Env {
  vi.resetModules();
  fakeBrowser.reset();
  const dnr = new FakeDnr();
  const permissions = new FakePermissions();
  const setIcon = vi.fn(async (_details: unknown) => undefined);
  const commands = { onCommand: fakeEvent<[string]>(), getAll: async () => [] };
  const network = vi.fn<NetworkHandler>(async () => {
    throw new TypeError('fetch failed');
  });
  const env: Env = {
    storage: fakeBrowser.storage,
    runtime: fakeBrowser.runtime,
    action: fakeBrowser.action,
    setIcon,
    dnr,
    permissions,
    commands,
    network,
    fetch: vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.startsWith(EXT_ORIGIN)) return new Response('not found', { status: 404 });
      return network(url, init);
    }),
  };
  const api = {
    ...fakeBrowser,
    action: { ...fakeBrowser.action, setIcon },
    declarativeNetRequest: dnr.api,
    permissions: permissions.api,
    i18n: { getMessage, getUILanguage: () => 'en' },
    commands,
  };
  vi.stubGlobal('browser', api);
  vi.stubGlobal('chrome', api);
  vi.stubGlobal('fetch', env.fetch);
  return env;
}

export function uninstallFakeBrowser(): void {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  fakeBrowser.reset();
}

// ---------------------------------------------------------------------------------------------
// Data helpers

/** Valid keys (letters, digits, `.`; 8–512 characters). */
export const KEY_A = 'g5BnKDk3.AaaaSecret0001Xs';
export const KEY_B = 'h7CpLEm4.BbbbSecret0002Yt';
export const KEY_C = 'j9DqMFn5.CcccSecret0003Zu';

export function profile(id: string, key: string, over: Partial<Settings['profiles'][number]> = {}): Settings['profiles'][number] {
  // Added a day ago: not due for rotation.
  return { id, name: `Profile ${id}`, key, origins: [API], addedAt: Date.now() - 86_400_000, persist: 'local', ...over };
}

export function settings(over: Partial<Settings> = {}): Settings {
  return { version: 3, enabled: true, profiles: [], active: {}, sites: [DOCS], typedNavigation: false, ...over };
}

/** Write settings (and session keys) straight into storage, as a previous run would have. */
export async function seed(env: Env, s: Settings, sessionKeys?: Record<string, string>): Promise<void> {
  await env.storage.local.set({ settings: s });
  if (sessionKeys) await env.storage.session.set({ sessionKeys });
}

/** Everything in both storage areas, copied. */
export async function dump(env: Env): Promise<{ local: Record<string, unknown>; session: Record<string, unknown> }> {
  return structuredClone({ local: await env.storage.local.get(), session: await env.storage.session.get() });
}

/** The Authorization values of every modifyHeaders rule. */
export function headerValues(rules: DnrRule[]): string[] {
  return rules.flatMap((r) => (r.action.type === 'modifyHeaders' ? r.action.requestHeaders.map((h) => `${h.header}: ${h.value}`) : []));
}

/** The value of a handler's reply; a refusal fails the test with its problem. */
export function value<T>(r: Reply<T>): T {
  if (!r.ok) throw new Error(`refused: ${r.problem}`);
  return r.value;
}
