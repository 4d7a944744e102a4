// The build's last step: remove from dist/ the files that nothing loads — what the main build wrote
// for the popup before vite.popup.config.ts rebuilt it. Reachable means: named by the manifest
// (worker, icons), an HTML page (code opens some by path, e.g. the DevTools panel), or loaded by
// one of those (scripts, stylesheets, static and dynamic imports), or under _locales/ or icons/.
// Prints what it removed.
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { reachable } from './lib/dist-graph';
import { DIST, ROOT } from './lib/paths';
import { isMain } from './lib/run';

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** Every string in the manifest that names a file of the build. */
function manifestFiles(dist: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as Json;
  const out: string[] = ['manifest.json'];
  const visit = (v: Json) => {
    if (typeof v === 'string') {
      if (/\.(html|js|png|svg|json|css)$/.test(v) && !/^[a-z]+:/i.test(v)) out.push(v.replace(/^\//, ''));
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(manifest);
  return out;
}

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const abs = join(dir, name);
    return statSync(abs).isDirectory() ? allFiles(abs) : [abs];
  });
}

/** Files of `dist` that nothing loads (dist-relative). */
export function unreachableFiles(dist: string): string[] {
  const files = allFiles(dist).map((abs) => relative(dist, abs).split('\\').join('/'));
  const pages = files.filter((f) => f.endsWith('.html'));
  const used = new Set(reachable(dist, [...manifestFiles(dist), ...pages], { dynamic: true }).files);
  return files.filter((f) => !used.has(f) && !/^(_locales|icons)\//.test(f)).sort();
}

if (isMain(import.meta.url)) {
  const gone = unreachableFiles(DIST);
  for (const f of gone) rmSync(join(DIST, f));
  console.log(
    `prune: removed ${gone.length} file(s) nothing loads from ${relative(ROOT, DIST)}/${gone.length ? `: ${gone.join(', ')}` : ''}`,
  );
}
