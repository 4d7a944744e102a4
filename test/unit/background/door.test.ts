// The background's door (src/background/handlers.ts, dispatch): every message's payload is checked
// at run time before its handler runs; a malformed one is refused with `requestInvalid`, never a crash.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessageType, Protocol } from '../../../src/shared/protocol';
import {
  API,
  DOCS,
  EXT_ID,
  EXT_ORIGIN,
  KEY_A,
  installFakeBrowser,
  profile,
  seed,
  settings,
  uninstallFakeBrowser,
  type Env,
} from './fake-env';

let env: Env;
let door: typeof import('../../../src/background/handlers');

beforeEach(async () => {
  env = installFakeBrowser();
  await seed(env, settings({ profiles: [profile('a', KEY_A)], active: { [API]: 'a' } }));
  door = await import('../../../src/background/handlers');
});
afterEach(uninstallFakeBrowser);

/** A well-formed payload of each message (the door lets it through to the handler). */
const GOOD: { [K in MessageType]: Protocol[K]['req'] } = {
  getState: {},
  saveKey: { key: KEY_A, profileId: 'a', persist: 'session' },
  addProfile: { key: KEY_A, name: 'B', origins: [API], persist: 'local' },
  updateProfile: { id: 'a', name: 'A', key: KEY_A, origins: [API], persist: 'local' },
  deleteProfile: { id: 'a' },
  undoDelete: { id: 'a' },
  moveProfile: { id: 'a', by: 1 },
  setActive: { origin: API, profileId: 'a' },
  setEnabled: { enabled: false },
  setTypedNavigation: { on: true },
  openApiTab: { url: '/api/users/current/', origin: API },
  revealKey: { profileId: 'a' },
  checkKey: { profileId: 'a' },
  resend: { method: 'GET', url: `${API}/api/users/current/`, headers: [{ name: 'Accept', value: '*/*' }], body: '', profileId: null },
  dismissRotation: { profileId: 'a' },
  dismissNotice: {},
  addSite: { origin: 'https://app.example.com' },
  expectSite: { origin: 'https://app.example.com' },
  removeSite: { origin: 'https://app.example.com' },
  importProfiles: { profiles: [{ name: 'B', key: '', origins: [API], addedAt: 1, persist: 'local' }], sites: [DOCS] },
  undoImport: { profileIds: ['x'], sites: ['https://app.example.com'] },
};

/** Malformed payloads of each message: a missing field, a wrong type, a value outside its set. */
const BAD: Record<MessageType, unknown[]> = {
  getState: ['x', 1],
  saveKey: [{}, { key: 42 }, { key: KEY_A, profileId: 7 }, { key: KEY_A, persist: 'sync' }],
  addProfile: [{}, { key: [KEY_A] }, { key: KEY_A, origins: API }, { key: KEY_A, origins: [1] }, { key: KEY_A, name: {} }],
  updateProfile: [{}, { id: 1 }, { id: 'a', name: null }, { id: 'a', origins: 'x' }, { id: 'a', persist: 'cloud' }, { id: 'a', key: 5 }],
  deleteProfile: [{}, { id: 1 }, { id: null }],
  undoDelete: [{}, { id: ['a'] }],
  moveProfile: [{ id: 'a' }, { id: 'a', by: 2 }, { id: 'a', by: '1' }, { id: 3, by: 1 }],
  setActive: [{ origin: API }, { origin: API, profileId: 1 }, { origin: 1, profileId: 'a' }],
  setEnabled: [{}, { enabled: 'false' }, { enabled: 0 }],
  setTypedNavigation: [{}, { on: 'yes' }, { on: 1 }],
  openApiTab: [{ url: '/x' }, { url: 1, origin: API }, { url: '/x', origin: null }],
  revealKey: [{}, { profileId: 1 }],
  checkKey: [{}, { profileId: {} }],
  resend: [
    {},
    { method: 'GET', url: API, headers: [], profileId: 1 },
    { method: 'GET', url: API, headers: 'Accept: */*', profileId: null },
    { method: 'GET', url: API, headers: [{ name: 'A', value: 1 }], profileId: null },
    { method: 'GET', url: API, headers: [], body: {}, profileId: null },
    { method: 1, url: API, headers: [], profileId: null },
  ],
  dismissRotation: [{}, { profileId: 1 }],
  dismissNotice: ['x', 1],
  addSite: [{}, { origin: 1 }],
  expectSite: [{}, { origin: ['https://app.example.com'] }],
  removeSite: [{}, { origin: null }],
  importProfiles: [{}, { json: '{}' }, { profiles: [{ name: 'B' }], sites: [] }, { profiles: [], sites: 'x' }],
  undoImport: [{}, { profileIds: 'x', sites: [] }, { profileIds: [], sites: [1] }],
};

const TYPES = Object.keys(GOOD) as MessageType[];

describe('payloads checked at the door', () => {
  it('knows every message of the protocol', () => {
    expect(TYPES.sort()).toEqual(Object.keys(door.handlers).sort());
  });

  it.each(TYPES)('refuses a malformed %s payload with requestInvalid, without running the handler', async (type) => {
    const handler = vi.spyOn(door.handlers, type);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // (An array passes for a message without fields, as an object with none would: nothing is read from it.)
    const wrapped = Object.keys(GOOD[type]).length ? [[GOOD[type]]] : [];
    for (const payload of [...BAD[type], 'a string', 42, true, ...wrapped]) {
      expect(await door.dispatch(type, payload), JSON.stringify(payload)).toEqual({ ok: false, problem: 'requestInvalid' });
    }
    expect(handler).not.toHaveBeenCalled();
    // Said in the worker's console, naming the message only: a payload may hold a key.
    expect(warn).toHaveBeenCalled();
    expect(JSON.stringify(warn.mock.calls)).not.toContain(KEY_A);
  });

  it.each(TYPES)('lets a well-formed %s payload through to its handler', async (type) => {
    const handler = vi.spyOn(door.handlers, type).mockResolvedValue({ ok: true, value: null } as never);
    expect(await door.dispatch(type, GOOD[type])).toEqual({ ok: true, value: null });
    expect(handler).toHaveBeenCalledTimes(1);
  });
});

describe('messages reach the door only from the extension', () => {
  it('a malformed payload from the extension page is answered requestInvalid through the listener', async () => {
    await import('../../../src/background/index');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const answer = await new Promise((resolve) => {
      void env.runtime.onMessage.trigger(
        { type: 'setEnabled', payload: { enabled: 'no' } },
        { id: EXT_ID, url: `${EXT_ORIGIN}src/popup/popup.html` } as never,
        resolve as never,
      );
    });
    expect(answer).toEqual({ ok: false, problem: 'requestInvalid' });
  });
});
