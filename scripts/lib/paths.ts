// Where the builds and packages live.
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The Chrome/Edge build (vite + crxjs). */
export const DIST = resolve(ROOT, 'dist');
/** The Firefox build, derived from dist/. */
export const DIST_FIREFOX = resolve(ROOT, 'dist-firefox');
/** Store-ready zips. */
export const PACKAGES = resolve(ROOT, 'packages');
