// What the user typed or pasted as a key, cleaned up or refused with the reason: the pages' side.
// The background takes only keys cleaned up here and checks them with isKey (keys.ts).
import { KEY_CHARS, KEY_MAX_LENGTH, KEY_MIN_LENGTH, keyShape } from './keys';

export type KeyProblem =
  | 'keyEmpty'
  | 'keyBearer'
  | 'keyWhitespace'
  | 'keyQuotes'
  | 'keyControl'
  | 'keyNonAscii'
  | 'keyBadChars'
  | 'keyTooShort'
  | 'keyTooLong'
  | 'keyDocsPlaceholder'
  | 'keyJwt'
  | 'keyMasked';

export type KeyCheck = { ok: true; key: string } | { ok: false; problem: KeyProblem };

/**
 * Normalise what the user typed or pasted: trim, drop a pasted `Api-Key ` prefix
 * (or a whole `Authorization: Api-Key …` line), and refuse anything that would not work
 * as `Authorization: Api-Key <key>`.
 */
export function normalizeKey(input: string): KeyCheck {
  let s = input.trim();
  s = s.replace(/^authorization\s*:\s*/i, '');
  if (/^bearer(\s|$)/i.test(s)) return { ok: false, problem: 'keyBearer' };
  s = s.replace(/^api-key(\s+|$)/i, '').trim();
  if (s === '') return { ok: false, problem: 'keyEmpty' };
  // Before the character rules: `<your-api-key>` would otherwise be refused for its brackets only.
  const shape = keyShape(s);
  if (shape === 'placeholder') return { ok: false, problem: 'keyDocsPlaceholder' };
  if (shape === 'jwt') return { ok: false, problem: 'keyJwt' };
  // The console lists keys masked (`g5BnKD...Xs`); that copy is not the key.
  if (/\.\.\.|\u2026|\u2022/.test(s)) return { ok: false, problem: 'keyMasked' };
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
  if (/[\u0000-\u001f\u007f]/.test(s)) return { ok: false, problem: 'keyControl' };
  if (/\s/.test(s)) return { ok: false, problem: 'keyWhitespace' };
  if (/["'`\u2018\u2019\u201c\u201d]/.test(s)) return { ok: false, problem: 'keyQuotes' };
  // eslint-disable-next-line no-control-regex -- the range names every ASCII character, control ones included
  if (/[^\x00-\x7f]/.test(s)) return { ok: false, problem: 'keyNonAscii' };
  if (!KEY_CHARS.test(s)) return { ok: false, problem: 'keyBadChars' };
  if (s.length < KEY_MIN_LENGTH) return { ok: false, problem: 'keyTooShort' };
  if (s.length > KEY_MAX_LENGTH) return { ok: false, problem: 'keyTooLong' };
  return { ok: true, key: s };
}
