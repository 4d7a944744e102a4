// Key rules: what a MaiAgent API key may look like, how it is cleaned up, and how it is shown.
// Pure: no browser calls. Error codes map to i18n message names in the shells.

/** Letters, digits, and the `.` between prefix and secret; `-` and `_` are allowed too. */
export const KEY_CHARS = /^[A-Za-z0-9._-]+$/;
export const KEY_MIN_LENGTH = 8;
export const KEY_MAX_LENGTH = 512;

/**
 * Whether `k` is a key as it is stored and injected: exactly what normalizeKey (key-input.ts)
 * accepts and leaves unchanged. The short form for the background, which gets keys the pages
 * have already normalised; test/unit/keys.test.ts holds the two to the same answers.
 */
export function isKey(k: string): boolean {
  return KEY_CHARS.test(k) && k.length >= KEY_MIN_LENGTH && k.length <= KEY_MAX_LENGTH && !k.includes('...') && keyShape(k) === 'key';
}

/**
 * The console's masked form: first 6 characters, `...`, last 2. Shorter keys show less, so that
 * at least half of any key stays hidden; very short ones are masked wholly.
 */
export function maskKey(key: string): string {
  if (key.length <= 10) return '•'.repeat(Math.max(4, key.length));
  if (key.length < 16) return `${key.slice(0, 3)}...${key.slice(-1)}`;
  return `${key.slice(0, 6)}...${key.slice(-2)}`;
}

/**
 * Text with every occurrence of a stored key shown masked. Stored keys are letters, digits and
 * `._-`, so their URL-encoded and JSON forms are the key itself. (The panel's fuller redaction is
 * in core/secrets/; this small one keeps the worker within its size budget.)
 */
export function maskKeyIn(text: string, key: string): string {
  return key && text.includes(key) ? text.split(key).join(maskKey(key)) : text;
}

/** The value DNR sets and the docs require. */
export function authorizationValue(key: string): string {
  return `Api-Key ${key}`;
}

/**
 * A short, stable fingerprint to tell two keys apart without showing either.
 * SHA-256 over the key, first 8 hex digits. Web Crypto exists in extension pages and Node 20.
 */
export async function keyFingerprint(key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  return Array.from(new Uint8Array(digest).slice(0, 4), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What a key-like value is: a JWT (`eyJ…` with two dots, a console login token), a placeholder, or maybe a key. */
export type KeyShape = 'jwt' | 'placeholder' | 'key';

const JWT = /^eyJ[\w-]*\.[\w-]*\.[\w-]*$/;
/**
 * <your-api-key>, {api_key}, {{apiKey}}, ${apiKey} (quotes instead of a template literal),
 * YOUR_API_KEY(_HERE), API_KEY, xxxx, and "undefined" (a setting that was not there).
 */
const PLACEHOLDER = /^(<[^>]*>|\{\{?[^}]*\}?\}|\$\{[^}]*\}|your[_-]?(api[_-]?)?key([_-]?here)?|api[_-]?key|x{3,}|undefined)$/i;

export function keyShape(value: string): KeyShape {
  const v = value.trim();
  return JWT.test(v) ? 'jwt' : PLACEHOLDER.test(v) ? 'placeholder' : 'key';
}
