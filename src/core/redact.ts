// Authorization values: masked for display (stray spaces made visible), the key read out of one,
// and the placeholder that stands for the key in exports (the exports themselves: core/export/).
import { maskKey } from './keys';

export const KEY_PLACEHOLDER = '$MAIAGENT_API_KEY';

/**
 * Show an Authorization value the way it was sent, with every secret-looking token masked.
 * Stray spaces are made visible (`␣`) because they are a common cause of "Invalid API key format.".
 */
export function maskAuthorization(value: string): string {
  // Tabs, line breaks and no-break spaces break the header as much as doubled spaces do.
  const tokens = value.split(/(\s+)/);
  const out = tokens.map((t, i) => {
    if (/^\s+$/.test(t)) {
      // split() puts an empty string before a leading and after a trailing run: look past those.
      const edge = tokens.slice(0, i).every((x) => x === '') || tokens.slice(i + 1).every((x) => x === '');
      return t === ' ' && !edge ? ' ' : '␣'.repeat(t.length);
    }
    if (/^(api-key|bearer|token|basic)$/i.test(t)) return t;
    return t ? maskToken(t) : t;
  });
  return out.join('');
}

/** maskKey, except when its six-dots-two form would spell the token out (a key like `abcdef...gh`). */
function maskToken(t: string): string {
  const masked = maskKey(t);
  return masked === t ? '•'.repeat(t.length) : masked;
}

/** The key a header carries, if it has the `Api-Key <key>` form (or something close to it). */
export function keyFromAuthorization(value: string): string | null {
  const m = /^\s*(?:api-key|bearer|token)\s+(?:api-key\s+)?(\S+)\s*$/i.exec(value);
  return m ? m[1]! : null;
}

export function isAuthorizationHeader(name: string): boolean {
  return name.toLowerCase() === 'authorization';
}
