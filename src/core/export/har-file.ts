// Requests as a HAR 1.2 file, every secret and cookie out of it.
import { cleanHeaders, type HarEntry } from '../har';
import { credentialsOf, NO_SECRETS, redactHarEntry, secretsMatcher, type Secrets } from '../secrets';

/**
 * A HAR 1.2 file of the given entries: every credential header replaced, every cookie emptied, and
 * every form of every secret (the given keys and any credential a request carried) replaced wherever
 * it appears in an entry.
 */
export function toHar(entries: readonly HarEntry[], creator: { name: string; version: string }, secrets: Secrets = NO_SECRETS): string {
  // A key one entry sent may be echoed by another: every entry's credentials are secrets for all.
  const all = secretsMatcher([
    ...secrets.original.values(),
    ...entries.flatMap((e) => [...credentialsOf(cleanHeaders(e.request.headers)), ...credentialsOf(cleanHeaders(e.response.headers))]),
  ]);
  // Imported files may hold anything: keep only well-formed headers, then replace secrets.
  const clean = entries.map((e) =>
    redactHarEntry(
      {
        ...e,
        request: { ...e.request, headers: cleanHeaders(e.request.headers) },
        response: { ...e.response, headers: cleanHeaders(e.response.headers) },
      },
      all,
    ),
  );
  return JSON.stringify({ log: { version: '1.2', creator, entries: clean } }, null, 2);
}
