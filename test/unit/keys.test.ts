import { describe, expect, it } from 'vitest';
import { normalizeKey } from '../../src/core/key-input';
import { isKey, keyFingerprint, maskKey } from '../../src/core/keys';
import { credentialShape } from '../../src/core/diagnose/facts';

const KEY = 'g5BnKDab.Zx81uQ9fLmN2pR4sT6vW8yXs';

describe('normalizeKey', () => {
  it('accepts the real key shape and trims surrounding whitespace', () => {
    expect(normalizeKey(`  ${KEY}\n`)).toEqual({ ok: true, key: KEY });
    expect(normalizeKey('abc-DEF_123.xyz-789')).toEqual({ ok: true, key: 'abc-DEF_123.xyz-789' });
  });
  it('removes a pasted Api-Key prefix or whole header line', () => {
    expect(normalizeKey(`Api-Key ${KEY}`)).toEqual({ ok: true, key: KEY });
    expect(normalizeKey(`api-key   ${KEY}`)).toEqual({ ok: true, key: KEY });
    expect(normalizeKey(`Authorization: Api-Key ${KEY}`)).toEqual({ ok: true, key: KEY });
  });
  it.each([
    ['', 'keyEmpty'],
    ['   ', 'keyEmpty'],
    ['Api-Key ', 'keyEmpty'],
    [`Bearer ${KEY}`, 'keyBearer'],
    [`bearer ${KEY}`, 'keyBearer'],
    ['abcdef12 345678', 'keyWhitespace'],
    ['abcdef12\t345678', 'keyControl'],
    [`"${KEY}"`, 'keyQuotes'],
    [`‘${KEY}’`, 'keyQuotes'],
    ['abcdefgh\u0000ij', 'keyControl'],
    ['аbcdefgh12345', 'keyNonAscii'], // Cyrillic а
    ['abcdefgh+12345/', 'keyBadChars'],
    ['abc.de', 'keyTooShort'],
    ['a'.repeat(600), 'keyTooLong'],
    // Placeholders from the docs and examples, and templates that were never filled in.
    ['YOUR_API_KEY', 'keyDocsPlaceholder'],
    ['YOUR_API_KEY_HERE', 'keyDocsPlaceholder'],
    ['your_api_key_here', 'keyDocsPlaceholder'],
    ['<your-api-key>', 'keyDocsPlaceholder'],
    ['Api-Key <YOUR_API_KEY>', 'keyDocsPlaceholder'],
    ['${MAIAGENT_API_KEY}', 'keyDocsPlaceholder'],
    ['{{apiKey}}', 'keyDocsPlaceholder'],
    ['xxxxxxxxxxxx', 'keyDocsPlaceholder'],
    // A console login token (JWT) is not an API key.
    ['eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyX2lkIjoiYThjNCJ9.3kQm1sVbX9cZ0pL2nR7tY4uW6eA8dF1g', 'keyJwt'],
    // The console's masked listing, copied instead of the key.
    ['g5BnKD...Xs', 'keyMasked'],
  ])('refuses %j with %s', (input, problem) => {
    expect(normalizeKey(input)).toEqual({ ok: false, problem });
  });
  it('does not take a real key for a placeholder or a JWT', () => {
    for (const k of [KEY, 'eyJabcde.fghijklmnop', 'Q7wErTy1.Mn0bVc9XzLk8JhGf7DsA6pOi', 'yourapikey1.abcdefghijkl'])
      expect(normalizeKey(k).ok, k).toBe(true);
  });
});

describe("isKey (the background's check of a key the page normalised)", () => {
  it('accepts exactly what normalizeKey accepts and leaves unchanged', () => {
    const samples = [
      KEY,
      'abc-DEF_123.xyz-789',
      `Api-Key ${KEY}`,
      `Bearer ${KEY}`,
      ` ${KEY}`,
      'bearer12',
      'api-key1',
      'Api-Key',
      'short',
      '12345678',
      'a'.repeat(512),
      'a'.repeat(513),
      'g5BnKD...Xs',
      'abc..def.ghi',
      'your_api_key',
      'YOUR_API_KEY_HERE',
      'xxxxxxxxxxxx',
      'undefined',
      '<your-api-key>',
      'eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyIjoiYSJ9.sig-nature_1',
      'eyJabcde.fghijklmnop',
      'yourapikey1.abcdefghijkl',
      'k\u00e9y12345678',
      'key"12345678',
      'key 12345678',
      'key\t12345678',
      '',
    ];
    for (const k of samples) {
      const n = normalizeKey(k);
      expect(isKey(k), JSON.stringify(k)).toBe(n.ok && n.key === k);
    }
  });
});

describe('credentialShape (what the diagnosis reads a sent key as)', () => {
  it.each([
    [KEY, 'key'],
    ['$MAIAGENT_API_KEY', 'redacted'],
    ['g5BnKD...Xs', 'redacted'],
    ['[REDACTED]', 'redacted'],
    ['***', 'redacted'],
    ['undefined', 'placeholder'],
    ['YOUR_API_KEY', 'placeholder'],
    ['eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyX2lkIjoxfQ.c2ln', 'jwt'],
  ])('%s is %s', (value, shape) => {
    expect(credentialShape(value)).toBe(shape);
  });
});

describe('maskKey', () => {
  it('shows the first 6 and last 2 characters, as the console does', () => {
    expect(maskKey(KEY)).toBe('g5BnKD...Xs');
  });
  it('never reveals a short key, and hides at least half of a shorter one', () => {
    expect(maskKey('abcdefgh')).not.toContain('abc');
    expect(maskKey('abcdefghijk')).toBe('abc...k');
    for (let n = 8; n <= 64; n++) {
      const k = 'k'.repeat(n);
      const shown = maskKey(k).replace(/[.•]/g, '').length;
      expect(shown, `length ${n}`).toBeLessThanOrEqual(Math.floor(n / 2));
    }
  });
});

describe('keyFingerprint', () => {
  it('is stable, short and different for different keys', async () => {
    const a = await keyFingerprint(KEY);
    expect(a).toMatch(/^[0-9a-f]{8}$/);
    expect(await keyFingerprint(KEY)).toBe(a);
    expect(await keyFingerprint(`${KEY}x`)).not.toBe(a);
    expect(a).not.toContain(KEY.slice(0, 6));
  });
});
