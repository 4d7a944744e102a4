// One regular expression for every known form of every secret, and the ways text is cleaned with it.
import { maskKey } from '../keys';
import { KEY_PLACEHOLDER } from '../redact';

/** Shorter "secrets" (a stray `test` in a header) would blank out ordinary words. */
const MIN_SECRET = 8;

export interface Secrets {
  /** Matches any known form of any secret, longest first; null when there is none. */
  re: RegExp | null;
  /** Each form matched, to the secret it is a form of. */
  original: ReadonlyMap<string, string>;
}

export const NO_SECRETS: Secrets = { re: null, original: new Map() };

/** The ways a secret shows up in text: as is, URL-encoded (both flavours), escaped in JSON. */
function formsOf(secret: string): string[] {
  const url = encodeURIComponent(secret);
  return [secret, url, url.replace(/%20/g, '+'), JSON.stringify(secret).slice(1, -1), secret.replace(/\//g, '\\/')];
}

export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function secretsMatcher(secrets: Iterable<string>): Secrets {
  const original = new Map<string, string>();
  for (const raw of secrets) {
    const s = raw.trim();
    if (s.length < MIN_SECRET) continue;
    for (const f of formsOf(s)) if (!original.has(f)) original.set(f, s);
  }
  if (original.size === 0) return NO_SECRETS;
  // Longest first: the regex takes the first alternative that matches at a position.
  const forms = [...original.keys()].sort((a, b) => b.length - a.length);
  return { re: new RegExp(forms.map(escapeRe).join('|'), 'g'), original };
}

/** Every form of every secret replaced (by the placeholder unless told otherwise). */
export function redactText(text: string, s: Secrets, replace: (secret: string) => string = () => KEY_PLACEHOLDER): string {
  if (!s.re || !text) return text;
  return text.replace(s.re, (m) => replace(s.original.get(m) ?? m));
}

/** For display: each secret shown in its masked form (`g5BnKD...Xs`), so the user sees which key it was. */
export function maskText(text: string, s: Secrets): string {
  return redactText(text, s, maskKey);
}

export type Segment = string | { secret: string };

/** Text cut at each secret, so that a snippet can put an expression (the environment variable) there. */
export function secretSegments(text: string, s: Secrets): Segment[] {
  if (!s.re || !text) return [text];
  const out: Segment[] = [];
  let at = 0;
  for (const m of text.matchAll(s.re)) {
    if (m.index > at) out.push(text.slice(at, m.index));
    out.push({ secret: s.original.get(m[0]) ?? m[0] });
    at = m.index + m[0].length;
  }
  if (at < text.length || out.length === 0) out.push(text.slice(at));
  return out;
}
