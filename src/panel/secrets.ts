// The keys the panel hides: stored keys found in what it captured (by their masked form and
// fingerprint, so the panel holds no key that was not already in the captured text), and every
// credential a request carried (a colleague's key in an imported HAR file too).
import type { Exchange } from '../core/exchange';
import { keyFingerprint } from '../core/keys';
import { credentialsOf, findStoredKeys, NO_SECRETS, secretsMatcher, type KnownKey, type Secrets } from '../core/secrets';

function texts(ex: Exchange): string[] {
  const out = [ex.url, ex.requestBody ?? '', ex.error ?? '', ex.statusText ?? ''];
  for (const h of ex.requestHeaders) out.push(h.value);
  for (const h of ex.responseHeaders) out.push(h.value);
  if (ex.responseBody) {
    if (!ex.responseBase64) out.push(ex.responseBody);
    else
      try {
        // Bytes as characters: the key is ASCII, so it is found in any encoding around it.
        out.push(atob(ex.responseBody));
      } catch {
        out.push(ex.responseBody);
      }
  }
  return out;
}

export class SecretTracker {
  private readonly keys = new Set<string>();
  secrets: Secrets = NO_SECRETS;

  constructor(private readonly onChange: (s: Secrets) => void) {}

  /** Resolves once every secret in `ex` is part of `secrets` (call it before the row is shown). */
  async scan(ex: Exchange, known: readonly KnownKey[]): Promise<void> {
    const found = [...credentialsOf(ex.requestHeaders), ...(known.length ? await findStoredKeys(texts(ex), known, keyFingerprint) : [])];
    const before = this.keys.size;
    for (const k of found) this.keys.add(k);
    if (this.keys.size === before) return;
    this.secrets = secretsMatcher(this.keys);
    this.onChange(this.secrets);
  }
}
