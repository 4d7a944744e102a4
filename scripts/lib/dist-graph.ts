// What a build loads: the files an HTML page or a script pulls in (its <script>, stylesheet and
// modulepreload links, and every static import under them), read from the built files as text.
// Shared by the bench (bytes per entry point) and the build's last step (files nothing loads,
// removed by scripts/vite-plugin-rebuild-alone.ts).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';

/** Specifiers of static imports/re-exports in a (minified) ES module, and of dynamic import("…"). */
export function importsOf(code: string): { statics: string[]; dynamics: string[] } {
  const statics = new Set<string>();
  const dynamics = new Set<string>();
  // import"x"; import x from"x"; import{a}from"x"; import*as a from"x"; export{a}from"x"; export*from"x"
  const re = /(?:^|[^\w$.])(import|export)\s*(\(\s*)?(?:[\w$*{}\s,]*?\bfrom\s*)?(["'`])([^"'`\n]+)\3/g;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    const spec = m[4]!;
    if (m[2]) dynamics.add(spec);
    else if (m[1] === 'import' || /\bfrom\s*["'`]/.test(m[0])) statics.add(spec);
  }
  return { statics: [...statics], dynamics: [...dynamics] };
}

/** dist-relative path of a specifier seen in `fromFile` (dist-relative), or null for bare/remote ones. */
export function resolveSpec(fromFile: string, spec: string): string | null {
  if (/^[a-z]+:/i.test(spec)) return null;
  if (spec.startsWith('/')) return posix.normalize(spec.slice(1));
  if (spec.startsWith('.')) return posix.normalize(posix.join(posix.dirname(fromFile), spec));
  return null;
}

/** Files an HTML page loads directly: module and classic scripts, modulepreload links and, with `styles`, stylesheets. */
export function linksOfHtml(dist: string, htmlFile: string, opts: { styles?: boolean } = {}): string[] {
  const html = readFileSync(join(dist, htmlFile), 'utf8');
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["']/gi)) out.push(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = /\brel=["']([^"']+)["']/i.exec(m[0])?.[1];
    const href = /\bhref=["']([^"']+)["']/i.exec(m[0])?.[1];
    if (href && (rel === 'modulepreload' || (opts.styles && rel === 'stylesheet'))) out.push(href);
  }
  return out.map((s) => resolveSpec(htmlFile, s)).filter((s): s is string => s !== null);
}

/**
 * Every file reachable from `roots` by static imports (and, with `dynamic`, import() too), and the
 * dynamic import targets met on the way. Throws when something loaded is not in the build.
 */
export function reachable(dist: string, roots: string[], opts: { dynamic?: boolean } = {}): { files: string[]; dynamicImports: string[] } {
  const seen = new Set<string>();
  const dynamic = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    if (!existsSync(join(dist, file))) throw new Error(`${roots.join(', ')} loads ${file}, which is not in the build`);
    seen.add(file);
    if (file.endsWith('.html')) queue.push(...linksOfHtml(dist, file, { styles: true }));
    if (!/\.m?js$/.test(file)) continue;
    const { statics, dynamics } = importsOf(readFileSync(join(dist, file), 'utf8'));
    for (const s of statics) {
      const r = resolveSpec(file, s);
      if (r) queue.push(r);
    }
    for (const s of dynamics) {
      const r = resolveSpec(file, s);
      if (!r) continue;
      dynamic.add(r);
      if (opts.dynamic) queue.push(r);
    }
  }
  return { files: [...seen], dynamicImports: [...dynamic].filter((d) => !seen.has(d)).sort() };
}

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

/**
 * Files of `dist` that nothing loads (dist-relative, sorted). Reachable means: named by the
 * manifest (worker, icons), an HTML page (code opens some by path, e.g. the DevTools panel), or
 * loaded by one of those (scripts, stylesheets, static and dynamic imports), or under _locales/ or icons/.
 */
export function unreachableFiles(dist: string): string[] {
  const files = allFiles(dist).map((abs) => relative(dist, abs).split('\\').join('/'));
  const pages = files.filter((f) => f.endsWith('.html'));
  const used = new Set(reachable(dist, [...manifestFiles(dist), ...pages], { dynamic: true }).files);
  return files.filter((f) => !used.has(f) && !/^(_locales|icons)\//.test(f)).sort();
}
