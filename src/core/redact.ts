// Redaction: the key never leaves in full. Masks Authorization values for display and swaps the
// key for a placeholder in exports (cURL, fetch, HAR).
import { maskKey } from './keys';

export const KEY_PLACEHOLDER = '$MAIAGENT_API_KEY';

/**
 * Show an Authorization value the way it was sent, with every secret-looking token masked.
 * Stray spaces are made visible (`␣`) because they are a common cause of "Invalid API key format.".
 */
export function maskAuthorization(value: string): string {
  const tokens = value.split(/( +)/);
  const out = tokens.map((t, i) => {
    if (/^ +$/.test(t)) {
      const edge = i === 0 || i === tokens.length - 1;
      return t.length > 1 || edge ? '␣'.repeat(t.length) : ' ';
    }
    if (/^(api-key|bearer|token|basic)$/i.test(t)) return t;
    return t ? maskKey(t) : t;
  });
  return out.join('');
}

/** The key a header carries, if it has the `Api-Key <key>` form (or something close to it). */
export function keyFromAuthorization(value: string): string | null {
  const m = /^\s*(?:api-key|bearer|token)\s+(?:api-key\s+)?(\S+)\s*$/i.exec(value);
  return m ? m[1]! : null;
}

export function isAuthorizationHeader(name: string): boolean {
  return name.toLowerCase() === 'authorization';
}
