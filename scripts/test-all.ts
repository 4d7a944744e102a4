// `npm test`: the static checks, the build, then every suite, each run even when an earlier one failed (a unit-test
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

// Every part runs: a failed build or unit test must not hide what the browsers say. The static
// checks (lint, formatting, unused exports) come first: they are quick, and a finding there is as
// much a failure as a failed test. (The build type-checks every context first: npm run typecheck.)
const parts = ['lint', 'format:check', 'unused', 'build', 'test:unit', 'test:firefox', 'test:browsers'];
const failed = parts.filter((part) => !run(part));
spawnSync(process.execPath, [join(ROOT, 'scripts/test-summary.mjs')], { cwd: ROOT, stdio: 'inherit' });
// The summary counts tests; a failed static check has no test to count, so it is named here.
if (failed.length) console.log(`Failed: ${failed.map((part) => `npm run ${part}`).join(', ')}`);
const ok = failed.length === 0;
process.exit(ok ? 0 : 1);
