import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };
import { noInnerHtml } from './scripts/vite-plugin-no-inner-html.ts';
import { workerBundle } from './scripts/vite-plugin-worker-bundle.ts';

export default defineConfig({
  // noInnerHtml: see scripts/vite-plugin-no-inner-html.ts (Firefox's linter, and no HTML from strings).
  // workerBundle: see scripts/vite-plugin-worker-bundle.ts (the service worker as one file).
  plugins: [noInnerHtml(), preact(), crx({ manifest }), workerBundle()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Every browser the extension supports has modulepreload; the polyfill would be one more file to load.
    modulePreload: { polyfill: false },
    rollupOptions: {
      // The panel page is only referenced from code (devtools.panels.create), so crxjs cannot find it.
      input: { panel: 'src/panel/panel.html' },
    },
  },
});
