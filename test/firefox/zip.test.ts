// The reproducible zip writer and the build plugin, without building anything.
import { describe, expect, it } from 'vitest';
import { listFiles, makeZip, utcAsLocal, ZIP_EPOCH_MIN, type ZipEntry } from '../../scripts/lib/zip';
import { stripPreactInnerHtml } from '../../scripts/vite-plugin-no-inner-html';
import { dosToUnix, readCentralDirectory, readEntry } from './read-zip';

const entries: ZipEntry[] = [
  { name: 'src/b.ts', data: Buffer.from('export const b = 2;\n') },
  { name: 'README.md', data: Buffer.from('# hi\n'.repeat(50)) },
  { name: 'src/a.ts', data: Buffer.from('export const a = 1;\n') },
  { name: '.ci/run', data: Buffer.from('#!/bin/sh\n'), executable: true },
  { name: 'empty', data: Buffer.alloc(0) },
];
const T = 1_764_135_284; // 2025-11-26T05:34:44Z (an even second: DOS times have 2 s steps)

describe('makeZip', () => {
  it('gives the same bytes for the same entries in any order', async () => {
    const a = await makeZip(entries, T);
    const b = await makeZip([...entries].reverse(), T);
    expect(a.equals(b)).toBe(true);
  });

  it('sorts entries, fixes time and permissions, and adds no extra fields', async () => {
    const zip = await makeZip(entries, T);
    const cd = readCentralDirectory(zip);
    expect(cd.map((e) => e.name)).toEqual(['.ci/run', 'README.md', 'empty', 'src/a.ts', 'src/b.ts']);
    for (const e of cd) {
      expect(dosToUnix(e.dosDate, e.dosTime), e.name).toBe(T);
      expect(e.extraLength, e.name).toBe(0);
      expect(e.commentLength, e.name).toBe(0);
      expect(e.flags & 0x8, `${e.name}: no data descriptor`).toBe(0);
    }
    expect(cd.map((e) => (e.externalAttributes >>> 16).toString(8))).toEqual(['100755', '100644', '100644', '100644', '100644']);
    const readme = cd.find((e) => e.name === 'README.md')!;
    expect(readEntry(zip, readme).toString()).toBe('# hi\n'.repeat(50));
    expect(readme.compressedSize).toBeLessThan(readme.size);
  });

  it('does not depend on the time zone', async () => {
    const zip = await makeZip(entries, T);
    const local = utcAsLocal(new Date(T * 1000));
    expect([local.getHours(), local.getMinutes(), local.getSeconds()]).toEqual([5, 34, 44]);
    expect(dosToUnix(readCentralDirectory(zip)[0]!.dosDate, readCentralDirectory(zip)[0]!.dosTime)).toBe(T);
  });

  it('clamps times before 1980 to 1980-01-01', async () => {
    const cd = readCentralDirectory(await makeZip(entries, 0));
    expect(dosToUnix(cd[0]!.dosDate, cd[0]!.dosTime)).toBe(ZIP_EPOCH_MIN);
  });

  it('refuses duplicate and unsafe names', async () => {
    await expect(makeZip([...entries, { name: 'src/a.ts', data: Buffer.alloc(1) }], T)).rejects.toThrow(/duplicate/);
    for (const name of ['/abs', '../up', 'a//b', 'a\\b', 'a/./b', '']) {
      await expect(makeZip([{ name, data: Buffer.alloc(1) }], T), name).rejects.toThrow(/bad zip entry name/);
    }
  });

  it('lists files with / separators in byte order', () => {
    const files = listFiles(new URL('../../scripts', import.meta.url).pathname);
    expect(files).toContain('lib/zip.ts');
    expect(files).toEqual([...files].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
  });
});

describe('stripPreactInnerHtml', () => {
  it("replaces Preact's one dynamic innerHTML assignment with a throw", () => {
    const code = 'if(h)c||p&&(h.__html==p.__html||h.__html==u.innerHTML)||(u.innerHTML=h.__html),t.__k=[];else if(p&&(u.innerHTML=""),x)';
    const out = stripPreactInnerHtml(code);
    expect(out).not.toMatch(/innerHTML=h/);
    expect(out).toContain('throw new Error("dangerouslySetInnerHTML is disabled in this extension")');
    expect(out).toContain('u.innerHTML=""'); // clearing with a literal stays
  });

  it('fails the build when Preact changes shape', () => {
    expect(() => stripPreactInnerHtml('no such code')).toThrow(/found 0/);
  });
});
