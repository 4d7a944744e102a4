// The extension API the background and shared modules use: Firefox's `browser`, else Chrome's
// `chrome`. In Manifest V3 both return promises, so the worker does without webextension-polyfill
// (3 kB of its 10 kB budget); pages still use the polyfill for the few callback-only APIs.
import type Browser from 'webextension-polyfill';

type Api = typeof Browser;
const g = globalThis as unknown as { browser?: Api; chrome?: Api };

export const ext: Api = (g.browser ?? g.chrome)!;
