// `npm run build:firefox`: the Firefox MV3 build in dist-firefox/.
//
// Firefox runs the same code as Chrome; only the manifest differs. So this builds dist/ for
// Chrome (`npm run build`), copies it to dist-firefox/ and writes the manifest through the pure
// transform in scripts/firefox-manifest.ts. The crxjs output file names (hashed, deterministic)
// are taken from the built manifest, so nothing here guesses them.
//
//   tsx scripts/build-firefox.ts                      build dist/ first, then dist-firefox/
//   tsx scripts/build-firefox.ts --skip-chrome-build  derive from the dist/ that is already there
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { referencedFiles, toFirefoxManifest, type ManifestLike } from './firefox-manifest';
import { DIST, DIST_FIREFOX, ROOT } from './lib/paths';
import { buildChrome, isMain } from './lib/run';

/** dist/ → dist-firefox/ (replaced whole). Returns the Firefox manifest written. */
export function deriveFirefoxBuild(from = DIST, to = DIST_FIREFOX): ManifestLike {
  const manifestPath = join(from, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No Chrome build in ${from}: run \`npm run build\` first.`);
  const chrome = JSON.parse(readFileSync(manifestPath, 'utf8')) as ManifestLike;
  const firefox = toFirefoxManifest(chrome);
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  writeFileSync(join(to, 'manifest.json'), `${JSON.stringify(firefox, null, 2)}\n`);
  const missing = referencedFiles(firefox).filter((f) => !existsSync(join(to, f)));
  if (missing.length) throw new Error(`The Firefox manifest names files that are not in ${to}: ${missing.join(', ')}`);
  return firefox;
}

export function main(argv: string[]): void {
  if (!argv.includes('--skip-chrome-build')) buildChrome();
  const m = deriveFirefoxBuild();
  const gecko = (m.browser_specific_settings as { gecko: { id: string; strict_min_version: string } }).gecko;
  console.log(`Firefox build in ${relative(ROOT, DIST_FIREFOX)}/ (id ${gecko.id}, Firefox ${gecko.strict_min_version} or later).`);
  console.log('Check it with: npx web-ext lint --source-dir dist-firefox');
}

if (isMain(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(`build:firefox: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
