import { defineConfig, type BuildOptions } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };
import { noInnerHtml } from './scripts/vite-plugin-no-inner-html.ts';
import { rebuildAlone } from './scripts/vite-plugin-rebuild-alone.ts';

// noInnerHtml: see scripts/vite-plugin-no-inner-html.ts (Firefox's linter, and no HTML from strings).
const plugins = () => [noInnerHtml(), preact()];
const output: BuildOptions = {
  sourcemap: false,
  // Every browser the extension supports has modulepreload; the polyfill would be one more file to load.
  modulePreload: { polyfill: false },
};

export default defineConfig({
  plugins: [
    ...plugins(),
    crx({ manifest }),
    // See scripts/vite-plugin-rebuild-alone.ts: the worker as one file, the popup as one script
    // with its styles inline; then the files nothing loads are removed.
    rebuildAlone({
      plugins,
      build: output,
      entries: [
        { script: 'src/background/index.ts', over: 'service-worker-loader.js' },
        { page: 'src/popup/popup.html', prefix: 'popup-page' },
      ],
    }),
  ],
  build: {
    ...output,
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      // The panel page is only referenced from code (devtools.panels.create), so crxjs cannot find it.
      input: { panel: 'src/panel/panel.html' },
    },
  },
});
