// Stored keys found in text by what pages know of them (masked form and fingerprint), never by the key.

/** What pages know of a stored key: its masked form (`g5BnKD...Xs`) and its fingerprint. */
export interface KnownKey {
  masked: string;
  fingerprint: string;
}

const KEY_CHAR = /[A-Za-z0-9._-]/;
/** Enough for any real text; a body built to make us hash forever gets cut short. */
const MAX_CANDIDATES = 2000;

/**
 * The stored keys that appear in these texts, found without holding them: each place where a key's
 * visible start is followed by its visible end is hashed and compared with its fingerprint. So a
 * page learns a key only from text that already contains it. Keys of 10 characters or fewer are
 * masked whole and cannot be found this way.
 */
export async function findStoredKeys(
  texts: readonly string[],
  keys: readonly KnownKey[],
  fingerprint: (s: string) => Promise<string>,
): Promise<string[]> {
  const found = new Set<string>();
  const tried = new Set<string>();
  for (const k of keys) {
    const m = /^(.+)\.\.\.(.+)$/.exec(k.masked);
    if (!m || !k.fingerprint) continue;
    const [, head, tail] = m as unknown as [string, string, string];
    // maskKey shows 6 + 2 characters of keys of 16 or more, 3 + 1 of shorter ones.
    const [min, max] = head.length >= 6 ? [16, 512] : [11, 15];
    for (const text of texts) {
      for (let at = text.indexOf(head); at >= 0 && tried.size < MAX_CANDIDATES; at = text.indexOf(head, at + 1)) {
        let end = at;
        while (end < text.length && end - at < max && KEY_CHAR.test(text[end]!)) end++;
        const run = text.slice(at, end);
        for (let len = min; len <= run.length; len++) {
          const candidate = run.slice(0, len);
          if (!candidate.endsWith(tail) || tried.has(candidate)) continue;
          tried.add(candidate);
          if ((await fingerprint(candidate)) === k.fingerprint) found.add(candidate);
        }
      }
    }
  }
  return [...found];
}
