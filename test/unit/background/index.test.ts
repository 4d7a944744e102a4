// The service worker's entry (src/background/index.ts): the message gate and the events that
// trigger reconciliation.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  API,
  EXT_ID,
  EXT_ORIGIN,
  freshBackground,
  headerValues,
  installFakeBrowser,
  KEY_A,
  KEY_B,
  profile,
  seed,
  settings,
  uninstallFakeBrowser,
  type Env,
  type Handlers,
  type Reconcile,
} from './fake-env';

let env: Env;
let reconcile: Reconcile;
let handlers: Handlers;

const POPUP = { id: EXT_ID, url: `${EXT_ORIGIN}src/popup/popup.html` };

beforeEach(async () => {
  ({ env, reconcile, handlers } = await freshBackground({
    seeded: settings({ profiles: [profile('a', KEY_A)], active: { [API]: 'a' } }),
    started: true,
  }));
});
afterEach(uninstallFakeBrowser);

/** Deliver a message as the browser would; resolve with whether the listener kept the channel open and what it answered. */
async function deliver(message: unknown, sender: { id?: string; url?: string; tab?: unknown }) {
  const sendResponse = vi.fn();
  const answered = new Promise<unknown>((resolve) => sendResponse.mockImplementation(resolve));
  // The listener answers synchronously: true keeps the channel open for sendResponse.
  const [kept] = (await env.runtime.onMessage.trigger(message, sender as never, sendResponse)) as unknown[];
  if (kept === true) return { kept, reply: await answered, sendResponse };
  // Give a stray answer every chance to arrive before saying there is none.
  await reconcile();
  await new Promise((r) => setTimeout(r, 0));
  return { kept, reply: undefined, sendResponse };
}

describe('message gate', () => {
  it("answers a known message from the extension's own page with {ok: true, value}", async () => {
    const reveal = vi.spyOn(handlers, 'revealKey');
    const { kept, reply } = await deliver({ type: 'revealKey', payload: { profileId: 'a' } }, POPUP);
    expect(kept).toBe(true);
    expect(reply).toEqual({ ok: true, value: { key: KEY_A } });
    expect(reveal).toHaveBeenCalledWith({ profileId: 'a' });
    const state = await deliver({ type: 'getState' }, { id: EXT_ID, url: `${EXT_ORIGIN}src/options/options.html` });
    expect(state.reply).toMatchObject({ ok: true, value: { enabled: true, active: { [API]: 'a' } } });
  });

  it('answers {ok: false, problem: handlerFailed} when a handler throws, and logs it without the payload', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(env.storage.local, 'get').mockRejectedValueOnce(new Error(`storage broken ${KEY_B}`));
    const { reply } = await deliver({ type: 'saveKey', payload: { key: KEY_B } }, POPUP);
    expect(reply).toEqual({ ok: false, problem: 'handlerFailed' });
    expect(error).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(error.mock.calls)).not.toContain(KEY_B);
  });

  it.each([
    ['another extension', { id: 'other-extension-id', url: 'chrome-extension://other-extension-id/page.html' }],
    ['another extension claiming our page', { id: 'other-extension-id', url: `${EXT_ORIGIN}src/popup/popup.html` }],
    ['a web page (content script context)', { id: EXT_ID, url: 'https://evil.example.com/', tab: { id: 1 } }],
    ['a look-alike origin', { id: EXT_ID, url: `chrome-extension://${EXT_ID}.evil.example.com/` }],
    ['a sender without url', { id: EXT_ID }],
    ['a sender without id', { url: `${EXT_ORIGIN}src/popup/popup.html` }],
  ])('gives no answer to %s', async (_what, sender) => {
    const reveal = vi.spyOn(handlers, 'revealKey');
    const { kept, sendResponse } = await deliver({ type: 'revealKey', payload: { profileId: 'a' } }, sender);
    expect(kept).toBe(false);
    expect(sendResponse).not.toHaveBeenCalled();
    // The handler did not even run.
    expect(reveal).not.toHaveBeenCalled();
  });

  it.each([
    ['an unknown type', { type: 'stealKey', payload: {} }],
    ['an inherited property name', { type: 'constructor', payload: {} }],
    ['__proto__', { type: '__proto__' }],
    ['no type', { payload: {} }],
    ['a non-string type', { type: 42 }],
    ['a string', 'getState'],
    ['null', null],
  ])('gives no answer to %s', async (_what, message) => {
    const { kept, sendResponse } = await deliver(message, POPUP);
    expect(kept).toBe(false);
    expect(sendResponse).not.toHaveBeenCalled();
  });
});

describe('wake-up and events', () => {
  it('installs the rules when the worker starts', async () => {
    expect(headerValues(env.dnr.all())).toEqual([`Authorization: Api-Key ${KEY_A}`, `Authorization: Api-Key ${KEY_A}`]);
  });

  it('reconciles when settings change in storage', async () => {
    await seed(env, settings({ profiles: [profile('a', KEY_B)], active: { [API]: 'a' } }));
    await reconcile();
    expect(headerValues(env.dnr.all())).toEqual([`Authorization: Api-Key ${KEY_B}`, `Authorization: Api-Key ${KEY_B}`]);
  });

  it('reconciles when host access is withdrawn outside the extension', async () => {
    const APP = 'https://app.example.com';
    env.permissions.grant(APP);
    await seed(env, settings({ profiles: [profile('a', KEY_A)], active: { [API]: 'a' }, sites: ['https://docs.maiagent.ai', APP] }));
    await reconcile();
    expect(env.dnr.dynamic.list()[0]!.condition.initiatorDomains).toEqual(['app.example.com', 'docs.maiagent.ai']);
    await env.permissions.withdraw(APP);
    await reconcile();
    expect(env.dnr.dynamic.list()[0]!.condition.initiatorDomains).toEqual(['docs.maiagent.ai']);
  });

  it('the toggle-injection command flips injection (other commands do nothing)', async () => {
    await env.commands.onCommand.trigger('something-else');
    await reconcile();
    expect(env.dnr.all()).toHaveLength(2);
    await env.commands.onCommand.trigger('toggle-injection');
    await vi.waitFor(async () => expect(env.dnr.all()).toEqual([]));
    await env.commands.onCommand.trigger('toggle-injection');
    await vi.waitFor(async () => expect(env.dnr.all()).toHaveLength(2));
  });

  it('logs a failure of work nobody awaits (by the error name only), instead of leaving it unhandled', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(env.storage.local, 'get').mockRejectedValueOnce(new Error(`storage broken ${KEY_B}`));
    await env.commands.onCommand.trigger('toggle-injection');
    await vi.waitFor(() => expect(error).toHaveBeenCalledWith('MaiAgent DevTools: the injection shortcut failed:', 'Error'));
    expect(JSON.stringify(error.mock.calls)).not.toContain(KEY_B);
    // Nothing changed: injection is still on.
    expect(env.dnr.all()).toHaveLength(2);
  });
});

describe('the undo copy of a deleted profile (it holds the key)', () => {
  it('is dropped at wake-up once its time is up, without any page asking', async () => {
    uninstallFakeBrowser();
    env = installFakeBrowser();
    await seed(env, settings({ profiles: [], active: {} }));
    await env.storage.session.set({ undoDelete: { profile: profile('gone', KEY_B), index: 0, wasActive: [], until: Date.now() - 1 } });
    await import('../../../src/background/index');
    await (await import('../../../src/background/reconcile')).reconcile();
    await new Promise((r) => setTimeout(r, 0));
    expect(JSON.stringify(await env.storage.session.get())).not.toContain(KEY_B);
  });

  it('is kept while the offer lasts', async () => {
    uninstallFakeBrowser();
    env = installFakeBrowser();
    await seed(env, settings({ profiles: [], active: {} }));
    await env.storage.session.set({ undoDelete: { profile: profile('gone', KEY_B), index: 0, wasActive: [], until: Date.now() + 20_000 } });
    await import('../../../src/background/index');
    await (await import('../../../src/background/reconcile')).reconcile();
    expect(JSON.stringify(await env.storage.session.get())).toContain(KEY_B);
  });
});
