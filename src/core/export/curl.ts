// A request as a curl command for a POSIX shell.
import type { Exchange } from '../exchange';
import { NO_SECRETS, type Segment } from '../secrets';
import { join, KEY_ENV, portable, secretWriter, TOKEN, type SnippetOptions } from './portable';

/** POSIX single quotes: nothing inside is expanded by the shell, `$` included. NUL cannot be passed in an argument at all. */
function shellQuote(s: string): string {
  return `'${s.replace(/\0/g, '').replace(/'/g, `'\\''`)}'`;
}

export function toCurl(ex: Exchange, opts: SnippetOptions = {}): string {
  const p = portable(ex, opts.secrets ?? NO_SECRETS, opts.apiOrigins);
  const key = p.sendKey ? opts.key : undefined;
  // Only our own variable stands outside the quotes, so that the shell fills in the key.
  const secret = secretWriter(p, key, shellQuote, `"$${KEY_ENV}"`);
  const sh = (segs: Segment[]) => join(segs, shellQuote, secret, '');
  const lines = [`curl ${sh(p.url)}`];
  // [ ] { } in a URL are curl's glob patterns unless switched off.
  if (p.url.some((x) => typeof x === 'string' && /[[\]{}]/.test(x))) lines.push('  --globoff');
  if (p.method !== 'GET') lines.push(`  -X ${TOKEN.test(p.method) && !p.method.includes("'") ? p.method : shellQuote(p.method)}`);
  if (p.sendKey)
    lines.push(
      key === undefined
        ? `  -H ${shellQuote(`Authorization: ${p.authScheme} `)}"$${KEY_ENV}"`
        : `  -H ${shellQuote(`Authorization: ${p.authScheme} ${key}`)}`,
    );
  for (const h of p.headers) lines.push(`  -H ${sh(h)}`);
  if (p.body) lines.push(`  --data-raw ${sh(p.body)}`);
  return lines.join(' \\\n');
}
