import { describe, expect, it } from 'vitest';
import { normalizeOrigin } from '../../src/core/origins';

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

describe('plain hosts only', () => {
  it.each(['https://*.maiagent.ai', 'https://api.maiagent.ai.', 'https://my_api.example', 'https://api^.example', 'https://-bad.example'])(
    'refuses %s, which would widen the rule or the permission',
    (input) => expect(normalizeOrigin(input)).toEqual({ ok: false, problem: 'originInvalid' }),
  );
  it('punycode is fine', () => {
    expect(normalizeOrigin('https://例え.jp')).toEqual({ ok: true, origin: 'https://xn--r8jz45g.jp' });
  });
  it.each(['http://[::1]:8000', 'http://[::1]', 'https://[2001:db8::1]', 'https://[::ffff:127.0.0.1]'])(
    'refuses the IPv6 literal %s with its own reason (its access could never be granted)',
    (input) => expect(normalizeOrigin(input)).toEqual({ ok: false, problem: 'originIpv6' }),
  );
});
