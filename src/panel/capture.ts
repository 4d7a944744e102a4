// Capture: MaiAgent API requests from the inspected tab, through chrome.devtools.network.
import browser from 'webextension-polyfill';
import type { HarEntry } from '../core/har';

export interface Captured {
  entry: HarEntry;
  body: Promise<{ text: string | null; encoding: string | null }>;
}

type DevtoolsRequest = HarEntry & {
  getContent(cb?: (content: string | null, encoding: string | null) => void): Promise<[string | null, string | null]> | void;
};

/** getContent takes a callback in Chrome and returns a promise in Firefox; accept both. */
function readBody(req: DevtoolsRequest): Promise<{ text: string | null; encoding: string | null }> {
  return new Promise((resolve) => {
    try {
      const r = req.getContent((text, encoding) => resolve({ text: text ?? null, encoding: encoding ?? null }));
      if (r && typeof (r as Promise<unknown>).then === 'function') {
        (r as Promise<[string | null, string | null]>).then(
          ([text, encoding]) => resolve({ text: text ?? null, encoding: encoding ?? null }),
          () => resolve({ text: null, encoding: null }),
        );
      }
    } catch {
      resolve({ text: null, encoding: null });
    }
  });
}

export function onRequest(accept: (url: string) => boolean, handle: (c: Captured) => void): void {
  browser.devtools.network.onRequestFinished.addListener((req) => {
    const r = req as unknown as DevtoolsRequest;
    if (!accept(r.request.url)) return;
    handle({ entry: r, body: readBody(r) });
  });
}

/** What DevTools recorded before the panel opened. */
export async function existingEntries(accept: (url: string) => boolean): Promise<Captured[]> {
  const har = (await browser.devtools.network.getHAR()) as unknown as { entries: DevtoolsRequest[] };
  return har.entries.filter((e) => accept(e.request.url)).map((e) => ({ entry: e, body: readBody(e) }));
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
