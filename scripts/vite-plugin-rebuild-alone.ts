// Vite plugin: some entries built again, each on its own, after the main build, over its output;
// then the files nothing loads any more are removed.
//
// The main build (crxjs: the worker and every page together) puts code that several entries share
// into shared chunks. An entry then loads several files, each one more round trip before its
// script runs, and each chunk carries every export any of its users needs. Built as the only input
// of a build (same sources, plugins and minifier), an entry gets just what it uses:
// - a script (the service worker) becomes one ES module, written over the file that loaded it
//   (crxjs's service-worker-loader.js, which only imports the worker's chunk). MV3 workers cannot
//   import() anyway, so there is one chunk; the build fails if there is more.
// - an HTML page (the popup, measured against an empty extension page: bench popup.vsEmptyMs)
//   gets one script and its styles inline (vite-plugin-inline-css.ts); code it loads with import()
//   stays in chunks of its own. Its files are named assets/<prefix>-… .
// Then every file of the output that nothing loads (the main build's copies of these entries) is
// removed, by the import graph (lib/dist-graph.ts), and named in the log.
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type BuildOptions, type Plugin, type PluginOption, type ResolvedConfig } from 'vite';
import { unreachableFiles } from './lib/dist-graph.ts';
import { inlineCss } from './vite-plugin-inline-css.ts';

type AloneEntry =
  /** A script (root-relative) bundled into one ES module written over `over` (output-relative). */
  | { script: string; over: string }
  /** An HTML page (root-relative), written over the main build's page. */
  | { page: string; prefix: string };

interface Options {
  entries: AloneEntry[];
  /** The main build's plugins other than crxjs, made anew for each build. */
  plugins: () => PluginOption[];
  /** The main build's output options (sourcemap, modulePreload, …). */
  build: BuildOptions;
}

/** crxjs's worker loader: one import of the worker's chunk and nothing else. */
const LOADER = /^import\s*['"]\.\/[^'"]+['"];?$/;

async function rebuild(config: ResolvedConfig, opts: Options, entry: AloneEntry): Promise<void> {
  const outDir = resolve(config.root, config.build.outDir);
  const isScript = 'script' in entry;
  if (isScript) {
    const loader = readFileSync(join(outDir, entry.over), 'utf8').trim();
    if (!LOADER.test(loader)) throw new Error(`rebuild-alone: ${entry.over} is not the one import crxjs writes:\n${loader}`);
  }
  const result = await build({
    configFile: false,
    root: config.root,
    mode: config.mode,
    logLevel: config.logLevel,
    plugins: [...opts.plugins(), ...(isScript ? [] : [inlineCss()])],
    build: {
      ...opts.build,
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      rollupOptions: {
        input: resolve(config.root, isScript ? entry.script : entry.page),
        output: isScript
          ? { format: 'es', entryFileNames: entry.over }
          : {
              entryFileNames: `assets/${entry.prefix}-[hash].js`,
              chunkFileNames: `assets/${entry.prefix}-[name]-[hash].js`,
              assetFileNames: `assets/${entry.prefix}-[name]-[hash][extname]`,
            },
      },
    },
  });
  const chunks = (Array.isArray(result) ? result : [result])
    .flatMap((r) => ('output' in r ? r.output : []))
    .filter((o) => o.type === 'chunk');
  if (isScript && chunks.length !== 1) {
    throw new Error(`rebuild-alone: ${entry.script} became ${chunks.length} files, not one: ${chunks.map((c) => c.fileName).join(', ')}`);
  }
}

export function rebuildAlone(opts: Options): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'maiagent:rebuild-alone',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      // One after the other: each build writes into the same folder.
      for (const entry of opts.entries) await rebuild(config, opts, entry);
      const outDir = resolve(config.root, config.build.outDir);
      const gone = unreachableFiles(outDir);
      for (const f of gone) rmSync(join(outDir, f));
      config.logger.info(`rebuild-alone: removed ${gone.length} file(s) nothing loads${gone.length ? `: ${gone.join(', ')}` : ''}`);
    },
  };
}
