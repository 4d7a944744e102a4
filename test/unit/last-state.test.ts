// The popup's copy of the last state it showed (src/ui/lastState.ts): it comes back as written,
// and anything else in its place (garbage, an older shape, no storage) reads as "no copy".
import { afterEach, describe, expect, it } from 'vitest';
import { readLastState, writeLastState } from '../../src/ui/lastState';
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
