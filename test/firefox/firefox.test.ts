// `npm run build:firefox`, then Mozilla's own linter (web-ext lint, as addons.mozilla.org runs it)
// on dist-firefox/: no errors and no warnings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { referencedFiles, type ManifestLike } from '../../scripts/firefox-manifest';
import { importsOf, unreachableFiles } from '../../scripts/lib/dist-graph';
import { listFiles } from '../../scripts/lib/zip';
import { expectOk, ROOT, runBin } from './run-script';

const DIST = join(ROOT, 'dist');
const FIREFOX = join(ROOT, 'dist-firefox');

interface LintMessage {
  code: string;
  message: string;
  description?: string;
  file?: string;
  line?: number;
}
interface LintReport {
  count: number;
  summary: { errors: number; notices: number; warnings: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

const show = (ms: LintMessage[]) => ms.map((m) => `${m.code} ${m.file ?? ''}:${m.line ?? ''} ${m.message} — ${m.description ?? ''}`);

describe('Firefox build', () => {
  let printed = '';
  beforeAll(() => {
    const r = runBin('tsx', ['scripts/build-firefox.ts']);
    expectOk(r, 'build:firefox');
    printed = `${r.stdout}\n${r.stderr}`;
  });

  it('builds (npm run build inside) without a warning: the first output a newcomer sees', () => {
    expect(printed).toContain('built in');
    // Vite prints "(!) …" for its own warnings and "warning" in plugins' and Rollup's.
    expect(printed.split('\n').filter((l) => /\(!\)|warn/i.test(l))).toEqual([]);
  });

  it('gives the popup one script and its styles inline, and leaves no file that nothing loads', () => {
    // scripts/vite-plugin-rebuild-alone.ts: every file an extension page loads costs it a round trip
    // before its script runs (bench figure popup.vsEmptyMs); it also removes the main build's copies.
    const html = readFileSync(join(DIST, 'src/popup/popup.html'), 'utf8');
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).not.toMatch(/<link\b[^>]*\b(stylesheet|modulepreload)\b/);
    expect(html).toMatch(/<style>[^<]*--bg:/);
    const entry = /<script\b[^>]*\bsrc="\/([^"]+)"/.exec(html)![1]!;
    expect(importsOf(readFileSync(join(DIST, entry), 'utf8')).statics).toEqual([]);
    expect(unreachableFiles(DIST)).toEqual([]);
  });

  it('is the production build even when built from the tests (vitest sets NODE_ENV=test)', () => {
    expect(process.env.NODE_ENV).toBe('test');
    const withDevHooks = listFiles(DIST).filter(
      (f) => f.endsWith('.js') && readFileSync(join(DIST, f), 'utf8').includes('__PREACT_DEVTOOLS__'),
    );
    expect(withDevHooks).toEqual([]);
  });

  it('has the Firefox manifest and the same files as the Chrome build', () => {
    const m = JSON.parse(readFileSync(join(FIREFOX, 'manifest.json'), 'utf8')) as ManifestLike;
    const gecko = (m.browser_specific_settings as { gecko: Record<string, unknown> }).gecko;
    expect(gecko.id).toBe('maiagent-devtools@maiagent-devtools.dev');
    expect(gecko.strict_min_version).toBe('140.0');
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(m.background).toEqual({ scripts: ['service-worker-loader.js'], type: 'module' });
    expect(m).not.toHaveProperty('minimum_chrome_version');

    const files = listFiles(FIREFOX);
    expect(files).toEqual(listFiles(DIST));
    for (const f of files) {
      if (f === 'manifest.json') continue;
      expect(readFileSync(join(FIREFOX, f)).equals(readFileSync(join(DIST, f))), f).toBe(true);
    }
    for (const f of referencedFiles(m)) expect(files, f).toContain(f);
  });

  it('passes web-ext lint with no errors and no warnings', () => {
    const r = runBin('web-ext', ['lint', '--source-dir', FIREFOX, '--output=json', '--no-config-discovery']);
    let report: LintReport;
    try {
      report = JSON.parse(r.stdout) as LintReport;
    } catch {
      throw new Error(`web-ext lint printed no JSON (exit ${String(r.status)}):\n${r.stdout}\n${r.stderr}`);
    }
    expect(show(report.errors)).toEqual([]);
    expect(show(report.warnings)).toEqual([]);
    expect(report.summary.errors + report.summary.warnings).toBe(0);
    expect(r.status).toBe(0);
  });

  it('ships no dynamic innerHTML assignment (what the linter warned about in Preact)', () => {
    for (const f of listFiles(FIREFOX).filter((x) => x.endsWith('.js'))) {
      expect(readFileSync(join(FIREFOX, f), 'utf8'), f).not.toMatch(/\.innerHTML\s*=\s*[A-Za-z_$]/);
    }
  });
});
