// How the popup starts (src/ui/useAppState.ts startLoading): with its copy of the last state it
// draws at once and wakes the background only after that frame is painted, so a worker that has
// to start does not compete with the first frame; with no copy it asks at once (nothing to draw).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installFakeBrowser, uninstallFakeBrowser, type Env } from './background/fake-env';
import { writeLastState } from '../../src/ui/lastState';
import type { PublicState } from '../../src/shared/protocol';

const COPY: PublicState = {
  enabled: true,
  profiles: [],
  active: {},
  sites: [{ origin: 'https://docs.maiagent.ai', granted: true, builtIn: true }],
  missingApiAccess: [],
  typedNavigation: false,
  notice: null,
};

let env: Env;
let frames: FrameRequestCallback[];

beforeEach(() => {
  env = installFakeBrowser();
  vi.useFakeTimers();
  const items = new Map<string, string>();
  vi.stubGlobal('localStorage', { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) });
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
  vi.spyOn(env.runtime, 'sendMessage').mockImplementation((async () => ({ ok: true, value: COPY })) as never);
});
afterEach(uninstallFakeBrowser);

const asked = () => vi.mocked(env.runtime.sendMessage).mock.calls.map((args) => (args[0] as unknown as { type: string }).type);

describe('the popup’s start', () => {
  it('with a copy to draw from, asks the background only after the first frame', async () => {
    writeLastState(COPY);
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
