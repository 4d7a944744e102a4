// The extension API: Firefox's `browser`, else Chrome's `chrome`. In Manifest V3 both return
// promises, so the worker and the popup do without webextension-polyfill (3 kB of the worker's
// 10 kB budget, and time before the popup can be typed in); only the panel's DevTools calls,
// which are callback-only in Chrome, still go through the polyfill (src/panel/capture.ts).
import type Browser from 'webextension-polyfill';

type Api = typeof Browser;
const g = globalThis as unknown as { browser?: Api; chrome?: Api };

export const ext: Api = (g.browser ?? g.chrome)!;
