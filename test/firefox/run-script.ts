// Run one of the project's scripts the way npm does, and capture what it prints.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const BIN = resolve(ROOT, 'node_modules/.bin');

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runBin(bin: string, args: string[], env: NodeJS.ProcessEnv = {}): Ran {
  const r = spawnSync(resolve(BIN, bin), args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 110_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Fails with the script's own output, so a broken build explains itself. */
export function expectOk(r: Ran, what: string): void {
  if (r.status !== 0)
    throw new Error(`${what} exited with ${String(r.status)}\n--- stdout\n${r.stdout.slice(-4000)}\n--- stderr\n${r.stderr.slice(-4000)}`);
}
