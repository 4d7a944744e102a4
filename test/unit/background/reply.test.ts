// The pages' side of the one reply shape (src/shared/protocol.ts send, src/ui/useAppState.ts
// bannerFor): a background that cannot be reached is told apart from one whose handler failed,
// and a refusal of what the user asked is neither.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API, KEY_A, installFakeBrowser, profile, seed, settings, uninstallFakeBrowser, type Env } from './fake-env';

let env: Env;
let send: (typeof import('../../../src/shared/protocol'))['send'];
let bannerFor: (typeof import('../../../src/ui/useAppState'))['bannerFor'];
let door: typeof import('../../../src/background/handlers');

beforeEach(async () => {
  env = installFakeBrowser();
  await seed(env, settings({ profiles: [profile('a', KEY_A)], active: { [API]: 'a' } }));
  ({ send } = await import('../../../src/shared/protocol'));
  ({ bannerFor } = await import('../../../src/ui/useAppState'));
  door = await import('../../../src/background/handlers');
  // The page's message goes through the background's door, as the browser would carry it.
  vi.spyOn(env.runtime, 'sendMessage').mockImplementation(((m: { type: 'getState'; payload: unknown }) =>
    door.dispatch(m.type, m.payload)) as never);
});
afterEach(uninstallFakeBrowser);

describe('send and the page banner', () => {
  it('answers {ok: true, value} when the background does it', async () => {
    const r = await send('revealKey', { profileId: 'a' });
    expect(r).toEqual({ ok: true, value: { key: KEY_A } });
    expect(bannerFor(r)).toBeNull();
  });

  it('a background that cannot be reached is backgroundUnavailable (no throw)', async () => {
    vi.mocked(env.runtime.sendMessage).mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    const r = await send('getState', {});
    expect(r).toEqual({ ok: false, problem: 'backgroundUnavailable' });
    expect(bannerFor(r)).toBe('backgroundUnavailable');
    // No answer at all (the port closed) reads the same.
    vi.mocked(env.runtime.sendMessage).mockResolvedValueOnce(undefined);
    expect(await send('getState', {})).toEqual({ ok: false, problem: 'backgroundUnavailable' });
  });

  it('a handler that fails is handlerFailed: the background is there', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(env.storage.local, 'get').mockRejectedValueOnce(new Error('storage broken'));
    const r = await send('getState', {});
    expect(r).toEqual({ ok: false, problem: 'handlerFailed' });
    expect(bannerFor(r)).toBe('handlerFailed');
  });

  it('a refusal of what the user asked goes to the control, not the banner', async () => {
    const r = await send('updateProfile', { id: 'a', name: '   ' });
    expect(r).toEqual({ ok: false, problem: 'nameEmpty' });
    expect(bannerFor(r)).toBeNull();
  });

  it('storage that cannot take a change goes to the banner too (a switch has no place of its own to say it)', () => {
    expect(bannerFor({ ok: false, problem: 'storageQuota' })).toBe('storageQuota');
    expect(bannerFor({ ok: false, problem: 'settingsInvalid' })).toBe('settingsInvalid');
    expect(bannerFor({ ok: false, problem: 'keyEmpty' })).toBeNull();
  });

  it.each(['en', 'ja', 'zh_TW'])('%s says the two failures differently', (lang) => {
    const m = JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<string, { message: string }>;
    const unreachable = m.backgroundUnavailable?.message;
    const failed = m.handlerFailed?.message;
    expect(unreachable).toBeTruthy();
    expect(failed).toBeTruthy();
    expect(failed).not.toBe(unreachable);
  });
});
