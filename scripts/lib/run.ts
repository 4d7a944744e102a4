// Small helpers for the scripts: run a command, tell whether a module is the entry point.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './paths';

/** True when the module with this import.meta.url is the script node/tsx was started with. */
export function isMain(metaUrl: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && metaUrl === pathToFileURL(resolve(entry)).href;
}

/** Run a command in the project root with inherited output; throw if it fails. */
function run(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv } = {}): void {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: opts.env ?? process.env, shell: process.platform === 'win32' });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`\`${[cmd, ...args].join(' ')}\` failed with exit code ${String(r.status ?? r.signal)}`);
}

/** Run a command in the project root and return its stdout (stderr passes through). */
export function output(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`\`${[cmd, ...args].join(' ')}\` failed with exit code ${String(r.status ?? r.signal)}`);
  return r.stdout;
}

/** The Chrome build: type-check and vite build into dist/ (what `npm run build` does). */
export function buildChrome(): void {
  // Always the production build: run from vitest (NODE_ENV=test, inherited) Vite would otherwise
  // bundle Preact's development hooks, and the tests and packages would not see what ships.
  run('npm', ['run', 'build'], { env: { ...process.env, NODE_ENV: 'production' } });
}
