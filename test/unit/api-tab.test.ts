import { describe, expect, it } from 'vitest';
import { checkApiTabUrl, MAX_API_TABS, withApiTab } from '../../src/core/api-tab';
import { defaultSettings, type Settings } from '../../src/core/settings';

const API = 'https://api.maiagent.ai';
const s = (over: Partial<Settings> = {}): Settings => ({
  ...defaultSettings(),
  profiles: [
    { id: 'a', name: 'a', key: 'abcdef12.secretsecret', origins: [API], addedAt: 1, persist: 'local' },
    { id: 'b', name: 'b', key: '', origins: ['http://localhost:8000'], addedAt: 1, persist: 'session' },
  ],
  active: { [API]: 'a', 'http://localhost:8000': 'b' },
  ...over,
});

describe('checkApiTabUrl', () => {
  it('opens canonical URLs on an API origin with an active key, and paths relative to the card origin', () => {
    expect(checkApiTabUrl(s(), ' https://API.maiagent.ai/api/users/current/ ', API)).toEqual({
      ok: true,
      url: `${API}/api/users/current/`,
    });
    expect(checkApiTabUrl(s(), '/api/v1/chatbots/?page=2', API)).toEqual({ ok: true, url: `${API}/api/v1/chatbots/?page=2` });
    // What is opened is the parsed URL, the one the browser requests: a backslash is a path slash.
    expect(checkApiTabUrl(s(), 'https://api.maiagent.ai\\@evil.test/', API)).toEqual({ ok: true, url: `${API}/@evil.test/` });
  });
  it.each([
    ['https://api.maiagent.ai.evil.test/', 'urlNotApi'],
    ['https://evil.test/?https://api.maiagent.ai/', 'urlNotApi'],
    ['http://api.maiagent.ai/', 'urlNotApi'],
    ['https://api.maiagent.ai:8443/', 'urlNotApi'],
    ['https://user:pw@api.maiagent.ai/', 'urlInvalid'],
    ['javascript:alert(1)', 'urlInvalid'],
    ['data:text/html,x', 'urlInvalid'],
    ['api.maiagent.ai/api/', 'urlInvalid'],
    ['//evil.test/', 'urlNotApi'],
    ['http://localhost:8000/api/', 'keyMissing'],
  ])('refuses %s (%s)', (input, problem) => {
    expect(checkApiTabUrl(s(), input, API)).toEqual({ ok: false, problem });
  });
  it('refuses while injection is off', () => {
    expect(checkApiTabUrl(s({ enabled: false }), `${API}/`, API)).toEqual({ ok: false, problem: 'injectionOffNote' });
  });
});

describe('withApiTab', () => {
  it('keeps each tab once, newest last, and at most MAX_API_TABS', () => {
    expect(withApiTab([1, 2, 3], 2)).toEqual([1, 3, 2]);
    const many = Array.from({ length: MAX_API_TABS }, (_, i) => i);
    expect(withApiTab(many, 99)).toEqual([...many.slice(1), 99]);
  });
});
