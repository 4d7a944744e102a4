// Reproducible zip files: the same entries and the same time give the same bytes.
//
// - entries sorted by their UTF-8 name bytes, file entries only (no directory entries);
// - one fixed modification time for every entry, written as a plain DOS date/time in UTC
//   (no extended-timestamp extra field, which would add the time zone's view of it);
// - fixed permissions (0644, or 0755 for files git tracks as executable), no other attributes;
// - deflate at level 9 by Node's zlib (the bytes can change with a different zlib, i.e. a
//   different Node.js major version; the entries' contents cannot).
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ZipFile } from 'yazl';

export interface ZipEntry {
  /** Path inside the zip, with `/` separators and no leading `/`. */
  name: string;
  data: Buffer;
  executable?: boolean;
}

/** Midnight 1980-01-01 UTC, the earliest time a zip (DOS) timestamp can hold. */
export const ZIP_EPOCH_MIN = 315_532_800;

/**
 * yazl writes DOS times from a Date's local-time fields. This returns the Date whose local fields
 * equal `utc`'s UTC fields, so the zip holds the UTC time whatever the machine's time zone.
 */
export function utcAsLocal(utc: Date): Date {
  const local = new Date(
    utc.getUTCFullYear(),
    utc.getUTCMonth(),
    utc.getUTCDate(),
    utc.getUTCHours(),
    utc.getUTCMinutes(),
    utc.getUTCSeconds(),
  );
  const same =
    local.getFullYear() === utc.getUTCFullYear() &&
    local.getMonth() === utc.getUTCMonth() &&
    local.getDate() === utc.getUTCDate() &&
    local.getHours() === utc.getUTCHours() &&
    local.getMinutes() === utc.getUTCMinutes();
  // Only a local daylight-saving gap can break this (that hour does not exist locally).
  if (!same) throw new Error(`cannot write ${utc.toISOString()} as a zip time in this time zone; run with TZ=UTC`);
  return local;
}

const byName = (a: ZipEntry, b: ZipEntry) => Buffer.compare(Buffer.from(a.name, 'utf8'), Buffer.from(b.name, 'utf8'));

export async function makeZip(entries: readonly ZipEntry[], mtimeSeconds: number): Promise<Buffer> {
  const sorted = [...entries].sort(byName);
  for (let i = 0; i < sorted.length; i++) {
    const { name } = sorted[i]!;
    if (name === '' || name.startsWith('/') || name.includes('\\') || name.split('/').some((p) => p === '' || p === '.' || p === '..')) {
      throw new Error(`bad zip entry name: ${JSON.stringify(name)}`);
    }
    if (i > 0 && sorted[i - 1]!.name === name) throw new Error(`duplicate zip entry: ${name}`);
  }
  const mtime = utcAsLocal(new Date(Math.max(mtimeSeconds, ZIP_EPOCH_MIN) * 1000));
  const zip = new ZipFile();
  for (const e of sorted) {
    zip.addBuffer(e.data, e.name, {
      mtime,
      forceDosTimestamp: true,
      mode: e.executable ? 0o100755 : 0o100644,
      compressionLevel: 9,
    });
  }
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
  zip.end();
  return done;
}

/** Every regular file under `dir`, as zip entry names (sorted). Symbolic links are refused. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const ent of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, ent.name);
      if (ent.isDirectory()) walk(full);
      else if (ent.isFile()) out.push(relative(dir, full).split(sep).join('/'));
      else throw new Error(`not a regular file: ${full}`);
    }
  };
  if (!statSync(dir).isDirectory()) throw new Error(`not a directory: ${dir}`);
  walk(dir);
  return out.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
