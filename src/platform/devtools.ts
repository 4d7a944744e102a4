// The DevTools APIs, one shape for every browser the extension runs in.
//
// - Chrome (every version): chrome.devtools.* is DevTools' own injected script, callback-only.
//   Before Chrome 152 an extension with a devtools_page has no `browser` at all (and
//   webextension-polyfill's wrapper has no getHAR, and makes getContent promise-only); from 152
//   it has a `browser` whose DevTools calls answer differently (eval resolves to a bare value).
//   So in Chrome only `chrome.devtools` is used, always with callbacks.
// - Firefox: browser.devtools.* returns promises; inspectedWindow.eval resolves to
//   [result, exceptionInfo] and a request's getContent to [content, mimeType] (MDN).
//
// Callers get promises with one shape and never need to know which browser runs.
import type { HarEntry } from '../core/har';
import { isFirefox } from './engine';

/** A response body as DevTools hands it over; `encoding` is 'base64' or null. */
export interface RawContent {
  text: string | null;
  encoding: string | null;
}

/** A finished request: its HAR entry, a way to read its body, and DevTools' id when it has one. */
export interface DevtoolsRequest {
  entry: HarEntry;
  /** DevTools' own id of the request (Chrome), the same in getHAR and onRequestFinished; else null. */
  id: number | null;
  getContent: () => Promise<RawContent>;
}

/** What an extension gets from DevTools: a HAR entry, plus getContent (and in Chrome `_id`, from its prototype). */
type NativeEntry = HarEntry & { _id?: unknown; getContent?: (cb?: (content: string, encodingOrMime: string) => void) => unknown };

interface EvalException {
  isError?: boolean;
  isException?: boolean;
  code?: string;
  description?: string;
  value?: unknown;
}

interface NativeDevtools {
  inspectedWindow: {
    tabId: number;
    eval(expression: string, options?: object, callback?: (result: unknown, exceptionInfo?: EvalException) => void): unknown;
    reload(options?: object): unknown;
  };
  network: {
    getHAR(callback?: (har: { entries?: NativeEntry[] } & EvalException) => void): unknown;
    onRequestFinished: { addListener(cb: (req: NativeEntry) => void): void };
    onNavigated: { addListener(cb: (url: string) => void): void };
  };
  panels: {
    themeName?: string;
    create(title: string, icon: string, page: string, callback?: (panel: unknown) => void): unknown;
  };
}

interface Globals {
  browser?: { devtools?: NativeDevtools };
  chrome?: { devtools?: NativeDevtools };
}

/** 'promise' in Firefox, 'callback' in Chrome (with or without its own `browser`), null outside DevTools. */
export function devtoolsFlavour(): 'promise' | 'callback' | null {
  const g = globalThis as Globals;
  if (isFirefox()) return g.browser?.devtools ? 'promise' : null;
  return g.chrome?.devtools ? 'callback' : null;
}

function api(): NativeDevtools {
  const g = globalThis as Globals;
  const d = devtoolsFlavour() === 'promise' ? g.browser?.devtools : g.chrome?.devtools;
  if (!d) throw new Error('DevTools APIs are not available here');
  return d;
}

const promised = () => devtoolsFlavour() === 'promise';

/** DevTools reports its own failures as an object with isError (Chrome) instead of throwing. */
function devtoolsError(x: unknown): string | null {
  const e = x as EvalException | null | undefined;
  if (e && typeof e === 'object' && e.isError) return e.description || e.code || 'DevTools error';
  return null;
}

/** True when this page runs inside DevTools (not opened in a tab, e.g. as a HAR viewer). */
export function inDevtools(): boolean {
  try {
    const d = devtoolsFlavour() ? api() : null;
    return !!d?.network && typeof d.inspectedWindow?.tabId === 'number';
  } catch {
    return false;
  }
}

export async function createPanel(title: string, icon: string, page: string): Promise<void> {
  const d = api();
  if (promised()) {
    await (d.panels.create(title, icon, page) as Promise<unknown>);
    return;
  }
  await new Promise<void>((resolve) => d.panels.create(title, icon, page, () => resolve()));
}

function cap(x: unknown): string | null {
  return typeof x === 'string' ? x : null;
}

function wrap(native: NativeEntry): DevtoolsRequest {
  const id = typeof native._id === 'number' ? native._id : null;
  const getContent = (): Promise<RawContent> =>
    new Promise((resolve, reject) => {
      const read = native.getContent;
      if (typeof read !== 'function') return resolve({ text: null, encoding: null });
      try {
        if (promised()) {
          // Firefox: [content, mimeType]; it says nothing about an encoding.
          (read.call(native) as Promise<[unknown, unknown]>).then(([text]) => resolve({ text: cap(text), encoding: null }), reject);
        } else {
          read.call(native, (text, encoding) => resolve({ text: cap(text), encoding: cap(encoding) || null }));
        }
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  return { entry: native, id, getContent };
}

/** Every request DevTools reports as finished from now on. */
export function onRequestFinished(listener: (r: DevtoolsRequest) => void): void {
  api().network.onRequestFinished.addListener((req) => listener(wrap(req)));
}

/** What DevTools recorded for the tab so far (may include requests still in flight). */
export async function getHAR(): Promise<DevtoolsRequest[]> {
  const d = api();
  const har = promised()
    ? ((await (d.network.getHAR() as Promise<{ entries?: NativeEntry[] }>)) as { entries?: NativeEntry[] } & EvalException)
    : await new Promise<{ entries?: NativeEntry[] } & EvalException>((resolve) => d.network.getHAR((h) => resolve(h)));
  const failed = devtoolsError(har);
  if (failed) throw new Error(failed);
  if (!har || !Array.isArray(har.entries)) throw new Error('DevTools returned no HAR log');
  return har.entries.map(wrap);
}

/** Evaluate an expression in the inspected page; resolves to its value, rejects on any failure. */
export async function evalInInspected(expression: string): Promise<unknown> {
  const d = api();
  const [result, exception] = promised()
    ? ((await (d.inspectedWindow.eval(expression) as Promise<[unknown, EvalException | undefined]>)) ?? [])
    : await new Promise<[unknown, EvalException | undefined]>((resolve) =>
        d.inspectedWindow.eval(expression, {}, (r, e) => resolve([r, e])),
      );
  if (exception && (exception.isError || exception.isException)) {
    throw new Error(
      exception.description || (typeof exception.value === 'string' ? exception.value : '') || exception.code || 'evaluation failed',
    );
  }
  return result;
}

export function onNavigated(listener: (url: string) => void): void {
  api().network.onNavigated.addListener(listener);
}

export function reloadInspected(): void {
  const r = api().inspectedWindow.reload({});
  if (r && typeof (r as Promise<unknown>).catch === 'function') (r as Promise<unknown>).catch(() => undefined);
}

/** DevTools' own theme, so the panel can match it; null when DevTools does not say. */
export function devtoolsTheme(): 'dark' | 'light' | null {
  try {
    const name = api().panels.themeName;
    return name === 'dark' ? 'dark' : name ? 'light' : null;
  } catch {
    return null;
  }
}
