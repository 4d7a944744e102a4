import { describe, expect, it } from 'vitest';
import { isSameOrigin, normalizeOrigin } from '../../src/core/origins';

describe('normalizeOrigin', () => {
  it.each([
    ['https://api.maiagent.ai', 'https://api.maiagent.ai'],
    ['https://API.MaiAgent.ai/', 'https://api.maiagent.ai'],
    ['https://maiagent.corp.example:8443', 'https://maiagent.corp.example:8443'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['http://127.0.0.1:8000/', 'http://127.0.0.1:8000'],
  ])('accepts %s', (input, origin) => expect(normalizeOrigin(input)).toEqual({ ok: true, origin }));
  it.each([
    ['http://api.maiagent.ai', 'originInsecure'],
    ['http://192.168.1.10', 'originInsecure'],
    ['https://api.maiagent.ai/api/v1/', 'originHasPath'],
    ['ftp://api.maiagent.ai', 'originInvalid'],
    ['not a url', 'originInvalid'],
    ['https://user:pw@api.maiagent.ai', 'originInvalid'],
  ])('refuses %s', (input, problem) => expect(normalizeOrigin(input)).toEqual({ ok: false, problem }));
});

describe('isSameOrigin', () => {
  it('compares scheme, host and port exactly', () => {
    const o = 'https://api.maiagent.ai';
    expect(isSameOrigin('https://api.maiagent.ai/api/v1/', o)).toBe(true);
    expect(isSameOrigin('https://api.maiagent.ai:443/x', o)).toBe(true);
    expect(isSameOrigin('https://api.maiagent.ai:8443/x', o)).toBe(false);
    expect(isSameOrigin('http://api.maiagent.ai/x', o)).toBe(false);
    expect(isSameOrigin('https://api.maiagent.ai.evil.test/x', o)).toBe(false);
    expect(isSameOrigin('https://x.api.maiagent.ai/x', o)).toBe(false);
    expect(isSameOrigin('https://api.maiagent.ai@evil.test/x', o)).toBe(false);
  });
});
