// What the build's last step (scripts/vite-plugin-rebuild-alone.ts) keeps and removes, on a small made-up build.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importsOf, reachable, unreachableFiles } from '../../scripts/lib/dist-graph';

let dir = '';
function build(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'dist-graph-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const MANIFEST = JSON.stringify({
  background: { service_worker: 'sw.js', type: 'module' },
  action: { default_popup: 'src/popup/popup.html', default_icon: { 16: 'icons/i.png' } },
});

describe('importsOf', () => {
  it('tells static imports and re-exports from dynamic ones in minified code', () => {
    const code = `import{a as b}from"./x.js";import"./y.js";export*from"./z.js";const m=()=>import("./lazy.js");a.import("no")`;
    expect(importsOf(code)).toEqual({ statics: ['./x.js', './y.js', './z.js'], dynamics: ['./lazy.js'] });
  });
});

describe('unreachableFiles', () => {
  it('keeps what the manifest, the pages and their scripts load (also import()), and names the rest', () => {
    const d = build({
      'manifest.json': MANIFEST,
      'sw.js': 'import"./assets/shared.js";',
      'src/popup/popup.html': '<script type="module" src="/assets/popup.js"></script><link rel="stylesheet" href="/assets/p.css">',
      'src/panel/panel.html': '<script type="module" src="/assets/panel.js"></script>',
      'assets/popup.js': 'const v=()=>import("./view.js");',
      'assets/view.js': 'import"./shared.js";',
      'assets/shared.js': '',
      'assets/p.css': '',
      'assets/panel.js': '',
      'assets/old-popup.js': 'import"./old-chunk.js";',
      'assets/old-chunk.js': '',
      'icons/i.png': '',
      '_locales/en/messages.json': '{}',
    });
    expect(unreachableFiles(d)).toEqual(['assets/old-chunk.js', 'assets/old-popup.js']);
  });

  it('fails loudly when a page loads a file the build does not have', () => {
    const d = build({ 'manifest.json': MANIFEST, 'sw.js': 'import"./gone.js";', 'src/popup/popup.html': '' });
    expect(() => reachable(d, ['sw.js'])).toThrow(/gone\.js, which is not in the build/);
  });
});
