// Capture: requests of the inspected tab, through chrome.devtools.network. Bodies are read only
// when asked for, and at most 1 MB of each is kept.
import browser from 'webextension-polyfill';
import { BODY_CAP, capBody as cap, type HarEntry } from '../core/har';

export { BODY_CAP };

export interface Body {
  text: string | null;
  encoding: string | null;
  truncated: boolean;
}

export interface Captured {
  entry: HarEntry;
  /** Reads the response body (once; later calls share the answer). */
  body: () => Promise<Body>;
}

type DevtoolsRequest = HarEntry & {
  getContent(cb?: (content: string | null, encoding: string | null) => void): Promise<[string | null, string | null]> | void;
};

const EMPTY: Body = { text: null, encoding: null, truncated: false };

/** getContent takes a callback in Chrome and returns a promise in Firefox; accept both. */
function readBody(req: DevtoolsRequest): Promise<Body> {
  return new Promise((resolve) => {
    try {
      const r = req.getContent((text, encoding) => resolve(cap(text ?? null, encoding ?? null)));
      if (r && typeof (r as Promise<unknown>).then === 'function') {
        (r as Promise<[string | null, string | null]>).then(
          ([text, encoding]) => resolve(cap(text ?? null, encoding ?? null)),
          () => resolve(EMPTY),
        );
      }
    } catch {
      resolve(EMPTY);
    }
  });
}

function captured(req: DevtoolsRequest): Captured {
  let once: Promise<Body> | null = null;
  return { entry: req, body: () => (once ??= readBody(req)) };
}

/** True when the panel runs inside DevTools (not opened in a tab as a HAR viewer). */
export function inDevtools(): boolean {
  try {
    return !!browser.devtools?.network && typeof browser.devtools.inspectedWindow?.tabId === 'number';
  } catch {
    return false;
  }
}

export function onRequest(handle: (c: Captured) => void): void {
  browser.devtools.network.onRequestFinished.addListener((req) => handle(captured(req as unknown as DevtoolsRequest)));
}

/** What DevTools recorded before the panel opened. */
export async function existingEntries(): Promise<Captured[]> {
  const har = (await browser.devtools.network.getHAR()) as unknown as { entries: DevtoolsRequest[] };
  return har.entries.map(captured);
}

export async function inspectedOrigin(): Promise<string | null> {
  try {
    const [result] = (await browser.devtools.inspectedWindow.eval('location.origin')) as [unknown, unknown];
    return typeof result === 'string' ? result : null;
  } catch {
    return null;
  }
}

export function onNavigated(cb: () => void): void {
  browser.devtools.network.onNavigated.addListener(cb);
}

export function reloadInspected(): void {
  void browser.devtools.inspectedWindow.reload({});
}

/** DevTools' own theme, so the panel matches it. */
export function devtoolsTheme(): 'dark' | 'light' | null {
  try {
    const name = (browser.devtools.panels as unknown as { themeName?: string }).themeName;
    return name === 'dark' ? 'dark' : name ? 'light' : null;
  } catch {
    return null;
  }
}
