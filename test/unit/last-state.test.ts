// The popup's copy of the last state it showed (src/ui/lastState.ts): it comes back as written,
// and anything else in its place (garbage, an older shape, no storage) reads as "no copy". And how
// the popup starts (src/ui/useAppState.ts startLoading): with a copy it draws at once and wakes the
// background only after that frame is painted, so a worker that has to start does not compete with
// the first frame; with no copy it asks at once (nothing to draw).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readLastState, writeLastState } from '../../src/ui/lastState';
import { installFakeBrowser, uninstallFakeBrowser, type Env } from './background/fake-env';
import type { PublicState } from '../../src/shared/protocol';

const STATE: PublicState = {
  enabled: true,
  profiles: [],
  active: {},
  sites: [{ origin: 'https://docs.maiagent.ai', granted: true, builtIn: true }],
  missingApiAccess: [],
  typedNavigation: false,
  notice: null,
};

function fakeStorage(): Map<string, string> {
  const items = new Map<string, string>();
  (globalThis as { localStorage?: unknown }).localStorage = {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
  return items;
}

afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('the popup’s last state', () => {
  it('reads back what was written', () => {
    fakeStorage();
    expect(readLastState()).toBeNull();
    writeLastState(STATE);
    expect(readLastState()).toEqual(STATE);
  });

  it('reads anything that is not a whole public state as no copy', () => {
    const items = fakeStorage();
    writeLastState(STATE);
    const [key] = [...items.keys()];
    for (const bad of ['not json', 'null', '{}', JSON.stringify({ ...STATE, profiles: 'x' }), JSON.stringify({ ...STATE, active: null })]) {
      items.set(key!, bad);
      expect(readLastState()).toBeNull();
    }
  });

  it('works without storage (reads nothing, writes nothing, throws nothing)', () => {
    expect(() => writeLastState(STATE)).not.toThrow();
    expect(readLastState()).toBeNull();
  });
});

describe('the popup’s start', () => {
  let env: Env;
  let frames: FrameRequestCallback[];

  beforeEach(() => {
    env = installFakeBrowser();
    vi.useFakeTimers();
    fakeStorage();
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.spyOn(env.runtime, 'sendMessage').mockImplementation((async () => ({ ok: true, value: STATE })) as never);
  });
  afterEach(uninstallFakeBrowser);

  const asked = () => vi.mocked(env.runtime.sendMessage).mock.calls.map((args) => (args[0] as unknown as { type: string }).type);

  it('with a copy to draw from, asks the background only after the first frame', async () => {
    writeLastState(STATE);
    const { startLoading } = await import('../../src/ui/useAppState');
    startLoading();
    await vi.advanceTimersByTimeAsync(0);
    expect(asked()).toEqual([]);
    // The frame is drawn; the ask is queued behind it, not inside it.
    for (const cb of frames.splice(0)) cb(16);
    expect(asked()).toEqual([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(asked()).toEqual(['getState']);
  });

  it('with no copy, asks at once', async () => {
    const { startLoading } = await import('../../src/ui/useAppState');
    startLoading();
    expect(asked()).toEqual(['getState']);
    expect(frames).toEqual([]);
  });

  it('starts once however often it is called', async () => {
    const { startLoading } = await import('../../src/ui/useAppState');
    startLoading();
    startLoading();
    expect(asked()).toEqual(['getState']);
  });
});
