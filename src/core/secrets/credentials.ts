// Headers that carry a credential, and the credential in them.
import { keyFromAuthorization } from '../redact';

/** Headers whose whole value is a credential. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'api-key']);

export function isCredentialHeader(name: string): boolean {
  return CREDENTIAL_HEADERS.has(name.toLowerCase());
}

/** The credentials request headers carried: the key of `Api-Key <key>`, or the value after its scheme. */
export function credentialsOf(headers: readonly { name: string; value: string }[] | undefined): string[] {
  const out: string[] = [];
  for (const h of headers ?? []) {
    if (!isCredentialHeader(h.name) || typeof h.value !== 'string') continue;
    const key = keyFromAuthorization(h.value);
    if (key) out.push(key);
    const rest = h.value
      .trim()
      .replace(/^(?:api-key|bearer|token|basic)\s+/i, '')
      .trim();
    if (rest) out.push(rest);
  }
  return out;
}
