import { describe, expect, it } from 'vitest';
import { keyFingerprint, maskKey, normalizeKey } from '../../src/core/keys';

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
  ])('refuses %j with %s', (input, problem) => {
    expect(normalizeKey(input)).toEqual({ ok: false, problem });
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
