// The README's "Layout" table is how a newcomer finds things: every path it names must exist, and
// every folder of src/ and test/ and every top-level folder must be in it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('\n## Layout'), readme.indexOf('\n## ', readme.indexOf('\n## Layout') + 5));
const rows = section.split('\n').filter((l) => l.startsWith('| `'));
/** Folder cells, e.g. "`src/popup/`, `src/options/`" → both. */
const folders = rows.flatMap((r) => [...r.split('|')[1]!.matchAll(/`([^`]+\/)`/g)].map((m) => m[1]!));
/** File names in the descriptions with a folder the row names (`keys.ts` in the src/core/ row). */
const mentioned = rows.flatMap((r) => {
  const [, where, what] = r.split('|');
  const dirs = [...where!.matchAll(/`([^`]+\/)`/g)].map((m) => m[1]!);
  return [...what!.matchAll(/`([\w./-]+\.(?:ts|tsx|json|md|mjs)|[\w-]+\/)`/g)].map((m) => ({ dirs, name: m[1]! }));
});

const dirsOf = (dir: string) => readdirSync(join(ROOT, dir)).filter((n) => statSync(join(ROOT, dir, n)).isDirectory());

describe('README layout table', () => {
  it('has rows, and names files in them', () => {
    expect(rows.length).toBeGreaterThan(10);
    expect(mentioned.length).toBeGreaterThan(20);
  });

  it('names only folders that exist', () => {
    expect(folders.filter((f) => !existsSync(join(ROOT, f)))).toEqual([]);
  });

  it('names only files that exist in the folders of their row', () => {
    const missing = mentioned.filter(
      ({ dirs, name }) => !dirs.some((d) => existsSync(join(ROOT, d, name))) && !existsSync(join(ROOT, name)),
    );
    expect(missing.map((m) => `${m.dirs.join(',')} ${m.name}`)).toEqual([]);
  });

  it('lists every folder of src/ and test/ and every top-level folder', () => {
    const tracked = ['src', 'test'].flatMap((d) => dirsOf(d).map((n) => `${d}/${n}/`));
    const top = dirsOf('.')
      .filter((n) => !n.startsWith('.') && !/^(node_modules|dist.*|packages|test-results)$/.test(n))
      .map((n) => `${n}/`);
    // A row for a subfolder (public/_locales/) covers its parent; a row for a parent covers its subfolders.
    const listed = (f: string) => folders.some((g) => g.startsWith(f) || (f.startsWith(g) && g !== 'src/' && g !== 'test/'));
    expect([...tracked, ...top].filter((f) => !listed(f) && f !== 'src/' && f !== 'test/')).toEqual([]);
  });
});
