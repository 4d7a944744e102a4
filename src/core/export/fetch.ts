// A request as a JavaScript fetch call (Node or a browser console).
import type { Exchange } from '../exchange';
import { NO_SECRETS, type Segment } from '../secrets';
import { join, KEY_ENV, portable, secretWriter, splitHeader, type SnippetOptions } from './portable';

export function toFetch(ex: Exchange, opts: SnippetOptions = {}): string {
  const p = portable(ex, opts.secrets ?? NO_SECRETS, opts.apiOrigins);
  const key = p.sendKey ? opts.key : undefined;
  // JSON.stringify makes every page-supplied value an inert string literal.
  const lit = (s: string) => JSON.stringify(s);
  const js = (segs: Segment[]) => join(segs, lit, secretWriter(p, key, lit, `process.env.${KEY_ENV}`), ' + ');
  const headers: string[] = [];
  if (p.sendKey)
    headers.push(
      `    "Authorization": ${key === undefined ? `${lit(`${p.authScheme} `)} + process.env.${KEY_ENV}` : lit(`${p.authScheme} ${key}`)},`,
    );
  for (const h of p.headers) {
    const [name, ...rest] = splitHeader(h);
    headers.push(`    ${lit(name)}: ${js(rest)},`);
  }
  const init = [`  method: ${lit(p.method)},`, '  headers: {', ...headers, '  },'];
  if (p.body) init.push(`  body: ${js(p.body)},`);
  return `await fetch(${js(p.url)}, {\n${init.join('\n')}\n});`;
}
