// `npm test`: the build, then every suite, each run even when an earlier one failed (a unit-test
// failure must not hide what the browsers say), then the summary. Exit code: 1 if anything failed.
// Old reports are removed first, so the summary never counts a previous run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const CACHE = join(ROOT, '.cache');
mkdirSync(CACHE, { recursive: true });
for (const f of readdirSync(CACHE)) if (/^vitest-.*\.json$/.test(f) || f === 'e2e-runs.json') rmSync(join(CACHE, f));

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (script: string) => spawnSync(npm, ['run', script], { cwd: ROOT, stdio: 'inherit' }).status === 0;

// Every part runs: a failed build or unit test must not hide what the browsers say.
const results = ['build', 'test:unit', 'test:firefox', 'test:browsers'].map(run);
const ok = results.every(Boolean);
spawnSync(process.execPath, [join(ROOT, 'scripts/test-summary.mjs')], { cwd: ROOT, stdio: 'inherit' });
process.exit(ok ? 0 : 1);
