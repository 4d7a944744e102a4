import { describe, expect, it } from 'vitest';
import { isAuthorizationHeader, keyFromAuthorization, maskAuthorization } from '../../src/core/redact';

const KEY = 'g5BnKDab.Zx81uQ9fLmN2pR4sT6vW8yXs';
const MASKED = 'g5BnKD...Xs';

describe('maskAuthorization', () => {
  it.each([
    [`Api-Key ${KEY}`, `Api-Key ${MASKED}`],
    [`api-key ${KEY}`, `api-key ${MASKED}`],
    [`Bearer ${KEY}`, `Bearer ${MASKED}`],
    [`Token ${KEY}`, `Token ${MASKED}`],
    ['Basic YWRhOmc1Qm5LRGFiLlp4ODF1UTlmTG1OMnBSNHNUNnZXOHlYcw==', 'Basic YWRhOm...=='],
    [KEY, MASKED],
    [`Api-Key Api-Key ${KEY}`, `Api-Key Api-Key ${MASKED}`],
    [`Api-Key  Api-Key ${KEY}`, `Api-Key␣␣Api-Key ${MASKED}`],
    [` Api-Key ${KEY}`, `␣Api-Key ${MASKED}`],
    [`Api-Key ${KEY} `, `Api-Key ${MASKED}␣`],
    [`  Api-Key ${KEY}  `, `␣␣Api-Key ${MASKED}␣␣`],
    [`Api-Key\t${KEY}`, `Api-Key␣${MASKED}`],
    [`Api-Key ${KEY}\r\n`, `Api-Key ${MASKED}␣␣`],
    [`Api-Key:${KEY}`, 'Api-Ke...Xs'],
    [`Api-Key "${KEY}"`, 'Api-Key "g5BnK...s"'],
    ['Api-Key short123', 'Api-Key ••••••••'],
    ['Api-Key', 'Api-Key'],
    ['', ''],
    [' ', '␣'],
  ])('%j → %j', (value, shown) => {
    expect(maskAuthorization(value)).toBe(shown);
  });

  it('does not spell out a key whose masked form equals itself', () => {
    expect(maskAuthorization('Api-Key abcdef...gh')).toBe('Api-Key abc...h');
    expect(maskAuthorization('Api-Key abcdef...ghijklmn')).toBe('Api-Key abcdef...mn');
  });

  // A seeded PRNG keeps the fuzz reproducible.
  function rng(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 4294967296;
    };
  }
  const CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-';
  const SHAPES: ((k: string) => string)[] = [
    (k) => `Api-Key ${k}`,
    (k) => `Bearer ${k}`,
    (k) => `Api-Key  Api-Key ${k}`,
    (k) => ` Api-Key ${k} `,
    (k) => `Api-Key\t${k}\n`,
    (k) => `Api-Key:${k}`,
    (k) => `Api-Key "${k}"`,
    (k) => `${k}`,
    (k) => `Api-Key ${k}, Api-Key ${k}`,
    (k) => `Token   ${k}`,
    (k) => `Api-Key\u00a0${k}`,
  ];

  it('never returns the full key, nor its hidden middle, for any shape (fuzzed)', () => {
    const r = rng(7);
    for (let i = 0; i < 2000; i++) {
      const len = 8 + Math.floor(r() * 57);
      const key = Array.from({ length: len }, () => CHARS[Math.floor(r() * CHARS.length)]).join('');
      const shape = SHAPES[Math.floor(r() * SHAPES.length)]!;
      const out = maskAuthorization(shape(key));
      expect(out).not.toContain(key);
      // The part maskKey hides; long enough not to appear by chance in "Api-Key" and the like.
      if (len >= 16) expect(out).not.toContain(key.slice(6, -2));
    }
  });
});

describe('keyFromAuthorization', () => {
  it.each<[string, string | null]>([
    [`Api-Key ${KEY}`, KEY],
    [`api-key   ${KEY}  `, KEY],
    [`Bearer ${KEY}`, KEY],
    [`Token ${KEY}`, KEY],
    [`Api-Key Api-Key ${KEY}`, KEY],
    [`Api-Key  Api-Key ${KEY}`, KEY],
    [`Api-Key\t${KEY}`, KEY],
    [KEY, null],
    [`Api-Key:${KEY}`, null],
    [`Api-Key ${KEY} extra`, null],
    ['Api-Key', null],
    ['', null],
  ])('%j → %j', (value, key) => {
    expect(keyFromAuthorization(value)).toBe(key);
  });
});

describe('isAuthorizationHeader', () => {
  it('matches the name in any case and nothing else', () => {
    expect(isAuthorizationHeader('Authorization')).toBe(true);
    expect(isAuthorizationHeader('authorization')).toBe(true);
    expect(isAuthorizationHeader('Proxy-Authorization')).toBe(false);
    expect(isAuthorizationHeader('X-Api-Key')).toBe(false);
  });
});
