// `npm run test:browsers` (the last part of `npm test`): the end-to-end suites once per browser.
//
//   CHROME_PATHS=/a/chromium:/b/chromium   Chromium/Chrome binaries, colon-separated; the Chromium
//                                          suite (vitest.e2e.config.ts) runs on each.
//                                          Default: $CHROME_PATH, else the usual install paths.
//   FIREFOX_PATHS=/a/firefox-esr:…         Firefox binaries; the Firefox suite
//                                          (vitest.firefox-e2e.config.ts) runs on each.
//                                          Default: $FIREFOX_PATH, else the usual install paths.
//
// Each run gets its browser through CHROME_PATH / FIREFOX_PATH and writes its own JSON report,
// .cache/vitest-e2e-<browser>-<version>.json; .cache/e2e-runs.json lists the runs for
// scripts/test-summary.mjs. A browser that is missing or does not start is a failed run, never a
// skip. Afterwards the tracked files must be as they were: a test that changes them fails the run.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findChrome } from '../test/e2e/browser';
import { findFirefox } from '../test/firefox-e2e/firefox';
import { ROOT } from './lib/paths';
import { isMain } from './lib/run';

type Kind = 'chromium' | 'firefox';

export interface Run {
  browser: Kind;
  path: string;
  version: string | null;
  /** The vitest JSON report, relative to the project root; null when the suite could not start. */
  report: string | null;
  exitCode: number | null;
  error?: string;
  seconds: number;
}

const CACHE = join(ROOT, '.cache');
const BIN = join(ROOT, 'node_modules/.bin');
const SUITE: Record<Kind, { config: string; env: string; list: string; find: () => string }> = {
  chromium: { config: 'vitest.e2e.config.ts', env: 'CHROME_PATH', list: 'CHROME_PATHS', find: findChrome },
  firefox: { config: 'vitest.firefox-e2e.config.ts', env: 'FIREFOX_PATH', list: 'FIREFOX_PATHS', find: findFirefox },
};

/** The binaries to run one suite on: the colon-separated list, else the one found as usual. */
export function browserPaths(kind: Kind, env: NodeJS.ProcessEnv = process.env): string[] {
  const list = env[SUITE[kind].list];
  if (list !== undefined && list.trim() !== '') {
    const paths = list
      .split(':')
      .map((p) => p.trim())
      .filter(Boolean);
    // The same binary twice (e.g. oldest == newest) runs once.
    const seen = new Set<string>();
    return paths.filter((p) => {
      const key = existsSync(p) ? realpathSync(p) : p;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  return [SUITE[kind].find()];
}

/** "Chromium 156.0.8078.114 built on Debian…" / "Mozilla Firefox 153.8.0esr" → "156.0.8078.114" / "153.8.0esr". */
export function parseVersion(output: string): string | null {
  return /\b(\d+(?:\.\d+)+(?:esr)?)\b/.exec(output)?.[1] ?? null;
}

function browserVersion(path: string): string {
  const r = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  const version = parseVersion(`${r.stdout ?? ''}`);
  if (r.error || r.status !== 0 || !version) {
    const why = r.error?.message ?? `exit ${String(r.status)}: ${(r.stderr || r.stdout || '').trim().slice(0, 500)}`;
    throw new Error(`${path} --version failed (${why}). Is a library missing (ldd ${path})?`);
  }
  return version;
}

function runSuite(kind: Kind, path: string, index: number): Run {
  const t0 = Date.now();
  const done = (r: Omit<Run, 'seconds'>): Run => ({ ...r, seconds: Math.round((Date.now() - t0) / 100) / 10 });
  if (!existsSync(path)) {
    return done({
      browser: kind,
      path,
      version: null,
      report: null,
      exitCode: null,
      error: `no ${kind} at ${path} (from ${SUITE[kind].list})`,
    });
  }
  let version: string;
  try {
    version = browserVersion(path);
  } catch (e) {
    return done({ browser: kind, path, version: null, report: null, exitCode: null, error: e instanceof Error ? e.message : String(e) });
  }
  // The index keeps two binaries of one version (a wrapper and its target) from sharing a report.
  const report = join('.cache', `vitest-e2e-${kind}-${version}-${index}.json`);
  console.log(`\n━━ ${kind} ${version} (${path}): ${SUITE[kind].config} ━━\n`);
  const r = spawnSync(join(BIN, 'vitest'), ['run', '--config', SUITE[kind].config], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, [SUITE[kind].env]: path, E2E_REPORT: report },
  });
  const error = r.error ? r.error.message : existsSync(join(ROOT, report)) ? undefined : 'vitest wrote no report';
  return done({
    browser: kind,
    path,
    version,
    report: existsSync(join(ROOT, report)) ? report : null,
    exitCode: r.status,
    ...(error ? { error } : {}),
  });
}

/**
 * The state of the tracked files: what `git status` lists and a hash of their full difference from
 * HEAD (so a change to a file that was already modified counts too); null outside a git work tree.
 */
export function trackedState(): { status: string; diff: string } | null {
  const status = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' });
  const diff = spawnSync('git', ['diff', '--binary', '--no-ext-diff', 'HEAD'], { cwd: ROOT, maxBuffer: 512 * 1024 * 1024 });
  if (status.status !== 0 || diff.status !== 0) return null;
  return { status: status.stdout, diff: createHash('sha256').update(diff.stdout).digest('hex') };
}

export function main(): number {
  const before = trackedState();
  mkdirSync(CACHE, { recursive: true });
  for (const f of readdirSync(CACHE)) if (/^vitest-e2e-.*\.json$/.test(f) || f === 'e2e-runs.json') rmSync(join(CACHE, f));

  const runs: Run[] = [];
  const lists: [Kind, string[]][] = [];
  for (const kind of ['chromium', 'firefox'] as const) {
    try {
      lists.push([kind, browserPaths(kind)]);
    } catch (e) {
      // No browser of this kind at all: a failed run with the finder's advice.
      runs.push({
        browser: kind,
        path: '',
        version: null,
        report: null,
        exitCode: null,
        error: e instanceof Error ? e.message : String(e),
        seconds: 0,
      });
    }
  }
  console.log(`End-to-end runs: ${lists.map(([k, ps]) => ps.map((p) => `${k} ${p}`).join(', ')).join('; ') || 'none'}`);
  for (const [kind, paths] of lists) {
    if (kind === 'firefox') {
      // The Firefox build is the Chrome build with another manifest: derive it from the dist/ under test.
      const r = spawnSync(join(BIN, 'tsx'), ['scripts/build-firefox.ts', '--skip-chrome-build'], { cwd: ROOT, stdio: 'inherit' });
      if (r.status !== 0) {
        for (const path of paths)
          runs.push({ browser: kind, path, version: null, report: null, exitCode: null, error: 'build:firefox failed', seconds: 0 });
        continue;
      }
    }
    for (const [i, path] of paths.entries()) runs.push(runSuite(kind, path, i + 1));
  }
  writeFileSync(join(CACHE, 'e2e-runs.json'), `${JSON.stringify(runs, null, 2)}\n`);

  console.log('\nEnd-to-end runs:');
  for (const r of runs) {
    const state = r.error ? `FAILED: ${r.error}` : r.exitCode === 0 ? 'passed' : `failed (vitest exit ${String(r.exitCode)})`;
    console.log(`  ${r.browser} ${r.version ?? '?'} — ${state}, ${r.seconds} s${r.path ? ` (${r.path})` : ''}`);
  }

  let status = runs.every((r) => !r.error && r.exitCode === 0) ? 0 : 1;
  const after = trackedState();
  if (before === null || after === null) {
    console.log('Not a git work tree: the check that tests leave tracked files alone was not made.');
  } else if (after.status !== before.status || after.diff !== before.diff) {
    console.error(
      `\nFAILED: a test changed tracked files (tests must never do that). git status before:\n${before.status || '  (clean)\n'}after:\n${after.status}`,
    );
    status = 1;
  }
  console.log(
    `Reports: ${runs
      .map((r) => r.report && relative(ROOT, join(ROOT, r.report)))
      .filter(Boolean)
      .join(', ')}`,
  );
  return status;
}

if (isMain(import.meta.url)) process.exit(main());
