// Vite plugin: the service worker as one file.
//
// In the shared build, modules the worker has in common with the pages (i18n, key and origin rules,
// storage names, Resend's target rule) land in chunks shared with the pages, so the worker imports
// four files, each gzipped on its own, and loads every export any page uses from them. After the
// build, this bundles the worker's entry again on its own, with the same sources and minifier, into
// the file crxjs's loader names (service-worker-loader.js): one module, nothing a page alone uses,
// no import cascade when the browser wakes the worker. The pages keep their chunks; the worker's
// entry chunk, used by nothing else, is removed. (MV3 workers cannot import() anyway.)
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'vite';

const WORKER_ENTRY = 'src/background/index.ts';
const LOADER = 'service-worker-loader.js';

export function workerBundle(): Plugin {
  let outDir = 'dist';
  let root = process.cwd();
  return {
    name: 'maiagent:worker-bundle',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const loaderPath = join(outDir, LOADER);
      const loader = readFileSync(loaderPath, 'utf8');
      const entryChunk = /^import\s*['"]\.\/([^'"]+)['"];?\s*$/.exec(loader.trim())?.[1];
      if (!entryChunk) throw new Error(`worker-bundle: ${LOADER} is not the one import crxjs writes:\n${loader}`);
      const tmp = join(outDir, '.worker-bundle');
      await build({
        configFile: false,
        root,
        logLevel: 'warn',
        build: {
          outDir: tmp,
          emptyOutDir: true,
          write: true,
          copyPublicDir: false,
          sourcemap: false,
          modulePreload: false,
          // One input without import(): one chunk. (Not a lib build: that would keep whitespace.)
          rollupOptions: { input: resolve(root, WORKER_ENTRY), output: { format: 'es', entryFileNames: 'worker.js' } },
        },
      });
      writeFileSync(loaderPath, readFileSync(join(tmp, 'worker.js')));
      rmSync(tmp, { recursive: true, force: true });
      // The old entry chunk belongs to the worker alone (pages import only shared chunks).
      rmSync(join(outDir, entryChunk), { force: true });
      rmSync(join(outDir, `${entryChunk}.map`), { force: true });
    },
  };
}
