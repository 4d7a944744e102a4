// The extension API: Firefox's `browser`, else Chrome's `chrome` (Chrome before 152 has no
// `browser` in an extension with a devtools_page; from 152 it has a `browser` of its own). Everything the
// pages and the worker call through `ext` returns a promise in Manifest V3 in both browsers, with
// the same shape. The calls whose shape differs (the DevTools APIs) are in ./devtools.ts.
//
// webextension-polyfill is used for its types only. At run time it would do different things on
// different Chrome versions (it wraps `chrome` before 152 and steps aside from 152 on, and its
// wrapper has no getHAR and makes getContent promise-only), so nothing here loads it.
import type Browser from 'webextension-polyfill';

type Api = typeof Browser;
const g = globalThis as unknown as { browser?: Api; chrome?: Api };

export const ext: Api = (g.browser ?? g.chrome)!;
