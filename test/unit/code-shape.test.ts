// Small files (issue #14): no file in src/ over 250 lines, except generated data, so each says
// what it holds and a reader can take it in at once.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const MAX_LINES = 250;
/** Written by scripts/catalog.ts, checked against its inputs by its own test. */
const GENERATED = new Set(['src/core/catalog/data.ts']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const abs = join(dir, n);
    return statSync(abs).isDirectory() ? files(abs) : /\.(ts|tsx|css)$/.test(n) ? [abs] : [];
  });
}

describe('src/ files', () => {
  it(`are at most ${MAX_LINES} lines each`, () => {
    const all = files(join(ROOT, 'src')).map((f) => relative(ROOT, f).split('\\').join('/'));
    expect(all.length).toBeGreaterThan(50);
    const long = all
      .filter((f) => !GENERATED.has(f))
      .map((f) => ({ f, lines: readFileSync(join(ROOT, f), 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ f, lines }) => `${f}: ${lines}`);
    expect(long).toEqual([]);
  });
});
