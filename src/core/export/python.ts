// A request as a Python script using requests.
import type { Exchange } from '../exchange';
import { NO_SECRETS, type Segment } from '../secrets';
import { join, KEY_ENV, portable, secretWriter, splitHeader, type SnippetOptions } from './portable';

/** A Python string literal in ASCII: quotes, backslashes, controls and non-ASCII all escaped. */
function pyString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c < 0x7f) out += ch;
    else if (c <= 0xffff) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += `\\U${c.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

export function toPython(ex: Exchange, opts: SnippetOptions = {}): string {
  const p = portable(ex, opts.secrets ?? NO_SECRETS, opts.apiOrigins);
  const key = p.sendKey ? opts.key : undefined;
  const env = `os.environ[${pyString(KEY_ENV)}]`;
  const py = (segs: Segment[]) => join(segs, pyString, secretWriter(p, key, pyString, env), ' + ');
  const headers: string[] = [];
  if (p.sendKey)
    headers.push(
      `        "Authorization": ${key === undefined ? `${pyString(`${p.authScheme} `)} + ${env}` : pyString(`${p.authScheme} ${key}`)},`,
    );
  for (const h of p.headers) {
    const [name, ...rest] = splitHeader(h);
    headers.push(`        ${pyString(name)}: ${py(rest)},`);
  }
  const args = [`    ${pyString(p.method)},`, `    ${py(p.url)},`, '    headers={', ...headers, '    },'];
  // Bytes, not str: requests would send a str body as Latin-1.
  if (p.body) args.push(`    data=(${py(p.body)}).encode("utf-8"),`);
  return [
    'import os',
    '',
    'import requests',
    '',
    'response = requests.request(',
    ...args,
    ')',
    'print(response.status_code)',
    'print(response.text)',
  ].join('\n');
}
