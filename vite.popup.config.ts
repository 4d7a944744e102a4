// The popup, built again on its own after the main build (vite.config.ts) and written over its
// page: as the only entry of its build it gets one script with everything it needs at first paint
// (the main build splits code shared with the options page and panel into several files) and its
// styles inline. Every file costs an extension page a round trip to the browser process before
// the script runs; the popup is measured against an empty extension page (bench, popup.vsEmptyMs).
// The check result view stays a chunk loaded on demand. `scripts/prune-dist.ts` then removes the
// main build's popup files, which nothing loads any more.
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { noInnerHtml } from './scripts/vite-plugin-no-inner-html.ts';
import { inlineCss } from './scripts/vite-plugin-inline-css.ts';

export default defineConfig({
  plugins: [noInnerHtml(), preact(), inlineCss()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: false,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { popup: 'src/popup/popup.html' },
      output: {
        entryFileNames: 'assets/popup-page-[hash].js',
        chunkFileNames: 'assets/popup-page-[name]-[hash].js',
        assetFileNames: 'assets/popup-page-[name]-[hash][extname]',
      },
    },
  },
});
