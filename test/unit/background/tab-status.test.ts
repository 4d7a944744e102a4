// The popup's view of the current tab (src/popup/tab-status.ts): the verdict from the state the
// background publishes, and the count of the tab's requests that got the key.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API, DOCS, KEY_A, profile, seed, settings, uninstallFakeBrowser, type Env, value, freshBackground } from './fake-env';

let env: Env;
let handlers: (typeof import('../../../src/background/handlers'))['handlers'];
let popup: typeof import('../../../src/popup/tab-status');

const APP = 'https://app.example.com';

beforeEach(async () => {
  ({ env, handlers } = await freshBackground({ seeded: settings({ profiles: [profile('a', KEY_A)], active: { [API]: 'a' } }) }));
  popup = await import('../../../src/popup/tab-status');
});
afterEach(uninstallFakeBrowser);

describe('tabStatus', () => {
  it('tells whether a tab gets the key', async () => {
    const verdict = async (url: string) => popup.tabStatus(value(await handlers.getState({})), url).verdict;
    expect(popup.tabStatus(value(await handlers.getState({})), `${DOCS}/docs/intro`)).toEqual({ origin: DOCS, verdict: 'allowed' });
    expect(await verdict(`${API}/api/users/current/`)).toBe('apiOrigin');
    expect(await verdict(`${APP}/`)).toBe('notAllowed');
    expect(await verdict('http://app.example.com/')).toBe('insecure');
    expect(await verdict('chrome://extensions')).toBe('notWeb');
    value(await handlers.setEnabled({ enabled: false }));
    expect(await verdict(`${DOCS}/`)).toBe('injectionOff');
  });
});

describe('the per-tab count of requests that got the key', () => {
  it('counts only matches of rules that add the header, in the rule set they came from', async () => {
    value(await handlers.getState({})); // reconciles: the rules are in place
    const inject = env.dnr.dynamic
      .list()
      .filter((r) => r.action.type === 'modifyHeaders')
      .map((r) => r.id);
    expect(inject.length).toBeGreaterThan(0);
    env.dnr.matched.set(7, [
      { rule: { ruleId: inject[0]!, rulesetId: '_dynamic' } },
      { rule: { ruleId: inject[0]!, rulesetId: '_dynamic' } },
      // Same id in the other rule set (none there), a rule id that is not ours.
      { rule: { ruleId: inject[0]!, rulesetId: '_session' } },
      { rule: { ruleId: 99_999, rulesetId: '_dynamic' } },
    ]);
    expect(await popup.injectedInTab(7)).toBe(2);
  });

  it('is unknown (null) when the browser will not tell, without failing the verdict', async () => {
    expect(await popup.injectedInTab(8)).toBeNull();
    expect(popup.tabStatus(value(await handlers.getState({})), `${DOCS}/`)).toEqual({ origin: DOCS, verdict: 'allowed' });
  });
});

describe('tabStatus with access withheld', () => {
  it('the docs site withheld: the docs page is told it has no access', async () => {
    await env.permissions.withhold(DOCS);
    expect(popup.tabStatus(value(await handlers.getState({})), `${DOCS}/guide`)).toEqual({ origin: DOCS, verdict: 'noAccess' });
  });

  it('the API origin withheld: an API page is told it has no access', async () => {
    await env.permissions.withhold(API);
    expect(popup.tabStatus(value(await handlers.getState({})), `${API}/api/users/current/`).verdict).toBe('noAccess');
  });

  it('no key in effect: noKey', async () => {
    await seed(env, settings({ profiles: [], active: {} }));
    expect(popup.tabStatus(value(await handlers.getState({})), `${DOCS}/`).verdict).toBe('noKey');
  });
});
