// `npm run package`: store-ready zips in packages/.
//
//   maiagent-devtools-chrome-<version>.zip   dist/          (Chrome Web Store, Edge Add-ons)
//   maiagent-devtools-firefox-<version>.zip  dist-firefox/  (addons.mozilla.org)
//   maiagent-devtools-source-<version>.zip   the files `git ls-files` lists (AMO source review)
//   listing/<store>/<lang>/                   the store listing texts (scripts/listing.ts)
//
// It builds both targets first, so it works on its own after `npm ci`. The zips are
// reproducible: entries sorted, one fixed time for all (SOURCE_DATE_EPOCH if set, else the time
// of the HEAD commit), fixed permissions, no extra fields (see scripts/lib/zip.ts).
//
//   tsx scripts/package.ts               build, then zip
//   tsx scripts/package.ts --skip-build  zip the dist/ and dist-firefox/ that are there
//   tsx scripts/package.ts --out-dir DIR write the zips to DIR instead of packages/
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { deriveFirefoxBuild } from './build-firefox';
import { writeListings } from './listing';
import { DIST, DIST_FIREFOX, PACKAGES, ROOT } from './lib/paths';
import { buildChrome, isMain, output } from './lib/run';
import { listFiles, makeZip, sha256, ZIP_EPOCH_MIN, type ZipEntry } from './lib/zip';

export interface PackageResult {
  file: string;
  sha256: string;
  entries: number;
}

/** The version, checked to be the same in package.json and manifest.json. */
export function projectVersion(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { version: string };
  if (pkg.version !== manifest.version) {
    throw new Error(`package.json has version ${pkg.version} but manifest.json has ${manifest.version}; make them the same.`);
  }
  return pkg.version;
}

function inGit(): boolean {
  const r = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === 'true';
}

/** Seconds since 1970 for every zip entry: SOURCE_DATE_EPOCH, else the HEAD commit's time. */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = env.SOURCE_DATE_EPOCH;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!/^\d+$/.test(fromEnv)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970, got ${JSON.stringify(fromEnv)}`);
    return Number(fromEnv);
  }
  if (inGit()) return Number(output('git', ['log', '-1', '--format=%ct', 'HEAD']).trim());
  return ZIP_EPOCH_MIN;
}

function dirEntries(dir: string): ZipEntry[] {
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No build in ${dir}.`);
  return listFiles(dir).map((name) => ({ name, data: readFileSync(join(dir, name)) }));
}

/** Tracked files, read from the work tree (what was just built), executable bit from git. */
export function sourceEntries(): ZipEntry[] {
  if (!inGit()) throw new Error('The source package needs a git checkout (it lists the files with `git ls-files`).');
  const entries: ZipEntry[] = [];
  for (const line of output('git', ['ls-files', '--stage', '-z']).split('\0')) {
    if (line === '') continue;
    // "<mode> <object> <stage>\t<path>"
    const tab = line.indexOf('\t');
    const [mode] = line.slice(0, tab).split(' ');
    const name = line.slice(tab + 1);
    if (mode === '160000') continue; // a submodule: no file content here
    if (mode === '120000') throw new Error(`${name} is a symbolic link; the source package cannot hold it.`);
    const full = join(ROOT, name);
    if (!existsSync(full)) {
      console.warn(`package: ${name} is tracked but deleted in the work tree; left out of the source zip.`);
      continue;
    }
    entries.push({ name, data: readFileSync(full), executable: mode === '100755' });
  }
  return entries;
}

export async function makePackages(opts: { build?: boolean; outDir?: string } = {}): Promise<PackageResult[]> {
  const version = projectVersion();
  const outDir = opts.outDir ?? PACKAGES;
  // First: a listing over a store's limits stops the run before the slow part.
  writeListings(join(outDir, 'listing'));
  if (opts.build !== false) {
    buildChrome();
    deriveFirefoxBuild();
  } else if (!existsSync(join(DIST_FIREFOX, 'manifest.json'))) {
    throw new Error('No dist-firefox/: run `npm run build:firefox` or drop --skip-build.');
  }
  const dirty = inGit() && output('git', ['status', '--porcelain', '--untracked-files=no']).trim() !== '';
  if (dirty) console.warn('package: the work tree has uncommitted changes to tracked files; the zips hold them, not the commit.');
  const epoch = sourceDateEpoch();
  mkdirSync(outDir, { recursive: true });
  const jobs: [string, () => ZipEntry[]][] = [
    [`maiagent-devtools-chrome-${version}.zip`, () => dirEntries(DIST)],
    [`maiagent-devtools-firefox-${version}.zip`, () => dirEntries(DIST_FIREFOX)],
    [`maiagent-devtools-source-${version}.zip`, sourceEntries],
  ];
  const results: PackageResult[] = [];
  for (const [name, entries] of jobs) {
    const list = entries();
    const zip = await makeZip(list, epoch);
    const file = join(outDir, name);
    writeFileSync(file, zip);
    results.push({ file, sha256: sha256(zip), entries: list.length });
  }
  return results;
}

export async function main(argv: string[]): Promise<void> {
  const at = argv.indexOf('--out-dir');
  const outDir = at >= 0 ? argv[at + 1] : undefined;
  if (at >= 0 && !outDir) throw new Error('--out-dir needs a directory');
  const results = await makePackages({ build: !argv.includes('--skip-build'), ...(outDir ? { outDir: resolve(outDir) } : {}) });
  console.log(`\nPackages (time stamp ${new Date(sourceDateEpoch() * 1000).toISOString()}):`);
  for (const r of results) console.log(`  ${r.sha256}  ${relative(ROOT, r.file)}  (${r.entries} files)`);
  console.log(
    `Store listings: ${relative(ROOT, join(outDir ?? PACKAGES, 'listing'))}/<chrome|firefox>/<en|ja|zh-TW>/ (screenshots: test/e2e/store-listing.e2e.ts)`,
  );
}

if (isMain(import.meta.url)) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(`package: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
