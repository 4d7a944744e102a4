// background/store.ts is the only module that writes extension storage: every other module reads
// at most, and asks the store (settings, the snapshot, the typed session entries) to write.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('the one writer of storage', () => {
  it('no module but background/store.ts sets, removes or clears storage', () => {
    const writers = sources(SRC)
      .filter((f) => /\bstorage\s*\.\s*(local|session|sync|managed)\s*\.\s*(set|remove|clear)\b/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    expect(writers).toEqual(['background/store.ts']);
  });
});
