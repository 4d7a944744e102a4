// "Open in tab" and the typed-navigation switch (src/background/api-tabs.ts, profiles.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RULE_NAV_TAB, RULE_NAV_TYPED } from '../../../src/core/rules';
import {
  API,
  EXT_ID,
  KEY_A,
  fakeBrowser,
  profile,
  seed,
  settings,
  uninstallFakeBrowser,
  type Env,
  value,
  freshBackground,
} from './fake-env';

let env: Env;
let handlers: (typeof import('../../../src/background/handlers'))['handlers'];

beforeEach(async () => {
  ({ env, handlers } = await freshBackground());
});
afterEach(uninstallFakeBrowser);

describe('openApiTab', () => {
  it('opens a blank tab, scopes a rule to it, then navigates it from the extension (so the extension is the initiator)', async () => {
    await seed(env, settings({ profiles: [profile('a', KEY_A)], active: { [API]: 'a' } }));
    const order: string[] = [];
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation(async (p) => {
      order.push(`create ${p.url}`);
      return { id: 41 } as unknown as Awaited<ReturnType<typeof fakeBrowser.tabs.create>>;
    });
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(
      async (id) => ({ id }) as unknown as Awaited<ReturnType<typeof fakeBrowser.tabs.get>>,
    );
    const update = vi.spyOn(fakeBrowser.tabs, 'update').mockImplementation((async (id: number, p: { url: string }) => {
      // By the time the navigation starts, the tab's rule is installed.
      const rule = env.dnr.session.list().find((r) => r.id === 500_000 + RULE_NAV_TAB);
      order.push(`update ${id} ${p.url} rule=${JSON.stringify(rule?.condition.tabIds)}:${rule?.condition.initiatorDomains}`);
      return { id };
    }) as unknown as typeof fakeBrowser.tabs.update);

    expect(await handlers.openApiTab({ url: '/api/users/current/', origin: API })).toEqual({
      ok: true,
      value: { url: `${API}/api/users/current/` },
    });
    expect(order).toEqual(['create about:blank', `update 41 ${API}/api/users/current/ rule=[41]:${EXT_ID}`]);
    expect(create).toHaveBeenCalledTimes(1);
    expect(update).toHaveBeenCalledTimes(1);
  });

  it('refuses other hosts and opens nothing', async () => {
    await seed(env, settings({ profiles: [profile('a', KEY_A)], active: { [API]: 'a' } }));
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await handlers.openApiTab({ url: 'https://api.maiagent.ai.evil.test/', origin: API })).toEqual({
      ok: false,
      problem: 'urlNotApi',
    });
    expect(await handlers.openApiTab({ url: 'javascript:alert(1)', origin: API })).toEqual({ ok: false, problem: 'urlInvalid' });
    expect(create).not.toHaveBeenCalled();
    expect(env.dnr.session.list()).toEqual([]);
  });
});

describe('openApiTab without host access', () => {
  it('refuses before opening anything when the browser withholds the API origin', async () => {
    await seed(env, settings({ profiles: [profile('a', KEY_A)], active: { [API]: 'a' } }));
    await env.permissions.withhold(API);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await handlers.openApiTab({ url: '/api/users/current/', origin: API })).toEqual({ ok: false, problem: 'openTabNoAccess' });
    expect(create).not.toHaveBeenCalled();
  });

  it('closes the blank tab when the navigation cannot be started', async () => {
    await seed(env, settings({ profiles: [profile('a', KEY_A)], active: { [API]: 'a' } }));
    vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation(
      async () => ({ id: 42 }) as unknown as Awaited<ReturnType<typeof fakeBrowser.tabs.create>>,
    );
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(
      async (id) => ({ id }) as unknown as Awaited<ReturnType<typeof fakeBrowser.tabs.get>>,
    );
    vi.spyOn(fakeBrowser.tabs, 'update').mockImplementation((async () => {
      throw new Error('No tab with id: 42.');
    }) as unknown as typeof fakeBrowser.tabs.update);
    const remove = vi.spyOn(fakeBrowser.tabs, 'remove').mockImplementation(async () => undefined);
    expect(await handlers.openApiTab({ url: '/api/users/current/', origin: API })).toEqual({ ok: false, problem: 'openTabFailed' });
    expect(remove).toHaveBeenCalledWith(42);
  });
});

describe('setTypedNavigation', () => {
  it('is off by default; on adds the typed-navigation rule, off removes it', async () => {
    await seed(env, settings({ profiles: [profile('a', KEY_A)], active: { [API]: 'a' } }));
    expect(value(await handlers.getState({})).typedNavigation).toBe(false);
    expect(env.dnr.dynamic.list().find((r) => r.id === RULE_NAV_TYPED)).toBeUndefined();
    expect(value(await handlers.setTypedNavigation({ on: true })).typedNavigation).toBe(true);
    expect(env.dnr.dynamic.list().find((r) => r.id === RULE_NAV_TYPED)?.condition).toEqual({
      urlFilter: `|${API}/`,
      resourceTypes: ['main_frame'],
      requestMethods: ['get'],
    });
    expect(value(await handlers.setTypedNavigation({ on: false })).typedNavigation).toBe(false);
    expect(env.dnr.dynamic.list().find((r) => r.id === RULE_NAV_TYPED)).toBeUndefined();
  });
});
