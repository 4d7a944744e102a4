// `npm run package` twice, from the build on: the same bytes both times (sha256), even in another
// time zone. And what the zips hold: the builds, the tracked sources, one fixed time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectVersion, sourceDateEpoch } from '../../scripts/package';
import { listFiles, sha256 } from '../../scripts/lib/zip';
import { dosToUnix, readCentralDirectory, readEntry } from './read-zip';
import { expectOk, ROOT, runBin } from './run-script';

const version = projectVersion();
const NAMES = ['chrome', 'firefox', 'source'].map((k) => `maiagent-devtools-${k}-${version}.zip`);
const PACKAGES = join(ROOT, 'packages');

function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(NAMES.map((n) => [n, sha256(readFileSync(join(dir, n)))]));
}

function entriesOf(file: string) {
  const zip = readFileSync(file);
  return { zip, cd: readCentralDirectory(zip) };
}

describe('npm run package', () => {
  let first: Record<string, string>;
  let second: Record<string, string>;
  const tmp = mkdtempSync(join(tmpdir(), 'maiagent-package-'));

  beforeAll(() => {
    expectOk(runBin('tsx', ['scripts/package.ts']), 'package (1st)');
    first = hashes(PACKAGES);
    // Another run from scratch, in a time zone with a 45-minute offset.
    expectOk(runBin('tsx', ['scripts/package.ts'], { TZ: 'Pacific/Chatham' }), 'package (2nd)');
    second = hashes(PACKAGES);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('makes the same bytes twice', () => {
    expect(Object.keys(first)).toEqual(NAMES);
    expect(second).toEqual(first);
  });

  it('zips exactly the builds, with one fixed time and fixed permissions', () => {
    const epoch = sourceDateEpoch() - (sourceDateEpoch() % 2); // DOS times have 2-second steps
    for (const [name, dir] of [
      [NAMES[0]!, join(ROOT, 'dist')],
      [NAMES[1]!, join(ROOT, 'dist-firefox')],
    ] as const) {
      const { zip, cd } = entriesOf(join(PACKAGES, name));
      expect(cd.map((e) => e.name)).toEqual(listFiles(dir));
      for (const e of cd) {
        expect(readEntry(zip, e).equals(readFileSync(join(dir, e.name))), e.name).toBe(true);
        expect(dosToUnix(e.dosDate, e.dosTime), e.name).toBe(epoch);
        expect(e.externalAttributes >>> 16, e.name).toBe(0o100644);
        expect(e.extraLength, e.name).toBe(0);
      }
    }
    const manifest = JSON.parse(
      readEntry(
        entriesOf(join(PACKAGES, NAMES[1]!)).zip,
        entriesOf(join(PACKAGES, NAMES[1]!)).cd.find((e) => e.name === 'manifest.json')!,
      ).toString(),
    ) as {
      browser_specific_settings?: unknown;
    };
    expect(manifest.browser_specific_settings).toBeDefined();
  });

  it('puts the tracked files in the source zip', () => {
    const tracked = spawnSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
      .stdout.split('\0')
      .filter((f) => f !== '' && existsSync(join(ROOT, f)))
      .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    const { zip, cd } = entriesOf(join(PACKAGES, NAMES[2]!));
    expect(cd.map((e) => e.name)).toEqual(tracked);
    for (const must of ['package.json', 'package-lock.json', 'manifest.json', 'vite.config.ts']) expect(tracked).toContain(must);
    const pkg = cd.find((e) => e.name === 'package.json')!;
    expect(readEntry(zip, pkg).equals(readFileSync(join(ROOT, 'package.json')))).toBe(true);
    expect(cd.some((e) => e.name.startsWith('node_modules/') || e.name.startsWith('dist'))).toBe(false);
  });

  it('takes the time from SOURCE_DATE_EPOCH', () => {
    expectOk(
      runBin('tsx', ['scripts/package.ts', '--skip-build', '--out-dir', tmp], { SOURCE_DATE_EPOCH: '1700000000' }),
      'package (SOURCE_DATE_EPOCH)',
    );
    const { cd } = entriesOf(join(tmp, NAMES[0]!));
    expect(new Set(cd.map((e) => dosToUnix(e.dosDate, e.dosTime)))).toEqual(new Set([1_700_000_000]));
    expect(sha256(readFileSync(join(tmp, NAMES[0]!)))).not.toBe(first[NAMES[0]!]);
  });
});
