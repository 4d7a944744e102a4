// Figure 6: gzipped JavaScript per entry point, from the build in dist/, and the packed extension.
// Each file is gzipped on its own at level 9 (as Vite's report does) and an entry point is the sum
// over the JavaScript it loads: its <script> and modulepreload links, and everything those import
// statically. Dynamic import() targets are listed but not counted (they load later, if at all).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { crc32, deflateRawSync, gzipSync } from 'node:zlib';
import { DIST } from '../test/e2e/browser';
import type { Measurement, Outcome } from './figures';
import { linksOfHtml, reachable } from '../scripts/lib/dist-graph';

/** Vite's unit: 1 kB = 1000 bytes. */
const KB = 1000;

interface FileSize {
  file: string;
  bytes: number;
  gzip: number;
}

interface EntrySize {
  entry: string;
  gzipBytes: number;
  rawBytes: number;
  files: FileSize[];
  dynamicImports: string[];
}

const gz = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

function entrySize(entry: string, roots: string[]): EntrySize {
  const graph = reachable(DIST, roots);
  const files = graph.files
    .filter((f) => /\.m?js$/.test(f))
    .sort()
    .map((file) => {
      const buf = readFileSync(join(DIST, file));
      return { file, bytes: buf.length, gzip: gz(buf) };
    });
  return {
    entry,
    gzipBytes: files.reduce((n, f) => n + f.gzip, 0),
    rawBytes: files.reduce((n, f) => n + f.bytes, 0),
    files,
    dynamicImports: graph.dynamicImports,
  };
}

/** What an entry's dynamic imports add beyond its static graph (files it already loads are not counted again). */
function deferredSize(of: EntrySize): EntrySize {
  const loaded = new Set(of.files.map((f) => f.file));
  const files = of.dynamicImports.flatMap((d) => entrySize(d, [d]).files).filter((f) => !loaded.has(f.file) && (loaded.add(f.file), true));
  return {
    entry: `${of.entry} (deferred)`,
    gzipBytes: files.reduce((n, f) => n + f.gzip, 0),
    rawBytes: files.reduce((n, f) => n + f.bytes, 0),
    files,
    dynamicImports: [],
  };
}

/** Files and directories under `dir` (directories get their own zip entries, as `zip -r` makes). */
function walk(dir: string): { abs: string; isDir: boolean }[] {
  return readdirSync(dir).flatMap((name) => {
    const abs = join(dir, name);
    return statSync(abs).isDirectory() ? [{ abs, isDir: true }, ...walk(abs)] : [{ abs, isDir: false }];
  });
}

/** Size of a zip of `dir` (deflate level 9, no extra fields), computed without writing it. */
function zipSize(dir: string): { bytes: number; files: number; uncompressed: number } {
  let bytes = 0;
  let uncompressed = 0;
  const all = walk(dir).sort((a, b) => a.abs.localeCompare(b.abs));
  const files = all.filter((e) => !e.isDir);
  for (const { abs, isDir } of all) {
    const name = Buffer.byteLength(relative(dir, abs).split('\\').join('/') + (isDir ? '/' : ''));
    if (isDir) {
      bytes += 30 + name + 46 + name;
      continue;
    }
    const data = readFileSync(abs);
    crc32(data); // computed as a real packer would; its value does not change the size
    const deflated = deflateRawSync(data, { level: 9 }).length;
    const stored = Math.min(deflated, data.length); // a packer stores a file that does not shrink
    bytes += 30 + name + stored; // local file header + name + data
    bytes += 46 + name; // central directory record
    uncompressed += data.length;
  }
  bytes += 22; // end of central directory
  return { bytes, files: files.length, uncompressed };
}

export const size: Measurement = {
  id: 'size',
  title: 'Size of the build (gzip per entry point, packed zip)',
  figures: [
    { id: 'size.popup', name: 'Size: popup JS (gzip)', unit: 'kB', target: { op: '<=', value: 20 }, digits: 2 },
    { id: 'size.panel', name: 'Size: panel JS (gzip)', unit: 'kB', target: { op: '<=', value: 40 }, digits: 2 },
    { id: 'size.background', name: 'Size: background JS (gzip)', unit: 'kB', target: { op: '<=', value: 10 }, digits: 2 },
    // Not a budget: code the panel loads after it has opened (the endpoint catalogue), shown so a
    // move from the static graph to a lazy chunk is visible rather than hidden.
    { id: 'size.panelDeferred', name: 'Size: panel JS loaded after opening (gzip)', unit: 'kB', target: null, digits: 2 },
    { id: 'size.zip', name: 'Size: packed extension (zip)', unit: 'kB', target: null, digits: 2 },
  ],
  async run(): Promise<Outcome> {
    if (!existsSync(join(DIST, 'manifest.json'))) throw new Error('no build in dist/ (npm run bench builds it first)');
    const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as { background?: { service_worker?: string } };
    const sw = manifest.background?.service_worker;
    if (!sw) throw new Error('manifest.json names no background service worker');
    const popupHtml = 'src/popup/popup.html';
    const panelHtml = 'src/panel/panel.html';
    const popup = entrySize(popupHtml, linksOfHtml(DIST, popupHtml));
    const panelEntry = entrySize(panelHtml, linksOfHtml(DIST, panelHtml));
    const background = entrySize(sw, [posix.normalize(sw)]);
    const panelDeferred = deferredSize(panelEntry);
    const zip = zipSize(DIST);
    // Sizes do not vary between runs: one sample each.
    return {
      samples: {
        'size.popup': [popup.gzipBytes / KB],
        'size.panel': [panelEntry.gzipBytes / KB],
        'size.background': [background.gzipBytes / KB],
        'size.panelDeferred': [panelDeferred.gzipBytes / KB],
        'size.zip': [zip.bytes / KB],
      },
      details: {
        dist: relative(resolve(dirname(DIST)), DIST) || DIST,
        method: 'gzip level 9 per file, summed over the static import graph of each entry; 1 kB = 1000 bytes, as Vite reports',
        entries: { popup, panel: panelEntry, panelDeferred, background },
        zip: { ...zip, method: 'deflate level 9 per file, zip headers included' },
      },
    };
  },
};
