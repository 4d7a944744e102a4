// Faithful fakes of the DevTools extension APIs in the three shapes the extension meets:
//
// - 'chrome-150': Chrome before 152. No `browser` in an extension with a devtools_page; only
//   `chrome.devtools`, DevTools' own injected script: callback-only (getHAR without a callback
//   answers nothing, getContent without one returns undefined), inspectedWindow.eval calls back
//   (result, exceptionInfo). The real webextension-polyfill is loaded over it, as the bundle did.
// - 'chrome-152': Chrome 152+, as the notes describe it: `browser === chrome`, same callbacks.
// - 'chromium-156': as seen in Chromium 156's DevTools panel: `browser` is an object of its own,
//   but `browser.devtools === chrome.devtools` (the same callback-only API).
// - 'firefox': `browser.devtools` returns promises (MDN): getHAR() → HAR log,
//   inspectedWindow.eval() → [result, exceptionInfo], request.getContent() → [content, mimeType].
//   Firefox's `chrome` is a separate object; its devtools are spies the code must not need.
//
// One simulated network log stands behind each: tests start and finish requests before, during
// and after the panel's start-up, hold getHAR's answer, and deliver finished-request
// notifications late (DevTools builds each entry asynchronously), as the real thing can.
import { vi } from 'vitest';

export type Flavour = 'chrome-150' | 'chrome-152' | 'chromium-156' | 'firefox';
export const FLAVOURS: Flavour[] = ['chrome-150', 'chrome-152', 'chromium-156', 'firefox'];

export const INSPECTED = 'https://docs.maiagent.ai';
const BASE_TIME = Date.parse('2026-11-30T10:00:00.000Z');

interface FakeRequest {
  seq: number;
  method: string;
  url: string;
  startedDateTime: string;
  finished: boolean;
  status: number;
  body: string;
  encoding: '' | 'base64';
}

interface HarLike {
  startedDateTime: string;
  time: number;
  request: { method: string; url: string; headers: { name: string; value: string }[] };
  response: { status: number; statusText: string; headers: { name: string; value: string }[]; content: { size: number; mimeType: string } };
}

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

/** The DevTools side: the network log of the inspected tab. */
class FakeNetwork {
  readonly log: FakeRequest[] = [];
  private listeners: ((r: FakeRequest) => void)[] = [];
  private held: FakeRequest[] = [];
  /** Finished-request notifications wait here while true (DevTools still building the entry). */
  holdNotifications = false;
  /** While set, getHAR waits for it before it reads the log. */
  harGate: Promise<void> | null = null;
  /** Called after getHAR read the log and before its answer is delivered. */
  afterHarSnapshot: (() => void) | null = null;
  /** Make getHAR fail as DevTools does (Chrome: an error object; Firefox: a rejection). */
  harError: string | null = null;
  evalError: string | null = null;
  readonly contentReads: number[] = [];
  /**
   * Bodies DevTools does not hand over, by request: 'hang' never answers; a message is Firefox's
   * rejection (Chrome's callback API has no way to fail, so there it never answers either).
   */
  readonly unreadable = new Map<number, 'hang' | string>();
  private seq = 0;

  begin(method: string, url: string, startedAt?: number): FakeRequest {
    const seq = ++this.seq;
    const r: FakeRequest = {
      seq,
      method,
      url,
      startedDateTime: new Date(startedAt ?? BASE_TIME + seq).toISOString(),
      finished: false,
      status: 0,
      body: '',
      encoding: '',
    };
    this.log.push(r);
    return r;
  }

  finish(r: FakeRequest, status: number, body: string, encoding: '' | 'base64' = ''): void {
    Object.assign(r, { finished: true, status, body, encoding });
    if (this.holdNotifications) this.held.push(r);
    else this.notify(r);
  }

  /** A whole request: started and finished. */
  request(method: string, url: string, status: number, body: string, startedAt?: number): FakeRequest {
    const r = this.begin(method, url, startedAt);
    this.finish(r, status, body);
    return r;
  }

  releaseNotifications(): void {
    this.holdNotifications = false;
    for (const r of this.held.splice(0)) this.notify(r);
  }

  /**
   * Notifications go to the listeners subscribed when the request finished, and reach the page
   * asynchronously (a message from DevTools to the extension frame).
   */
  private notify(r: FakeRequest): void {
    const to = [...this.listeners];
    setTimeout(() => {
      for (const l of to) l(r);
    }, 0);
  }

  subscribe(l: (r: FakeRequest) => void): void {
    this.listeners.push(l);
  }

  get subscribers(): number {
    return this.listeners.length;
  }

  /** Chrome's getHAR lists every request of the log, finished or not. */
  async har(): Promise<FakeRequest[]> {
    if (this.harGate) await this.harGate;
    await tick();
    const snapshot = this.log.map((r) => ({ ...r }));
    this.afterHarSnapshot?.();
    await tick();
    return snapshot;
  }

  entry(r: FakeRequest): HarLike {
    return {
      startedDateTime: r.startedDateTime,
      time: r.finished ? 12.5 : -1,
      request: { method: r.method, url: r.url, headers: [{ name: 'Origin', value: INSPECTED }] },
      response: {
        status: r.status,
        statusText: '',
        headers: [{ name: 'Content-Type', value: 'application/json' }],
        content: { size: r.body.length, mimeType: 'application/json' },
      },
    };
  }
}

type Cb = (...args: unknown[]) => void;
const lastFn = (args: unknown[]): Cb | undefined => (typeof args.at(-1) === 'function' ? (args.at(-1) as Cb) : undefined);

/** chrome.devtools as DevTools injects it: callbacks only. */
function callbackDevtools(net: FakeNetwork) {
  const withContent = (r: FakeRequest) =>
    Object.assign(net.entry(r), {
      getContent(...args: unknown[]) {
        const cb = lastFn(args);
        if (args.length > 1) throw new Error('getContent takes one argument');
        if (!cb) return undefined;
        net.contentReads.push(r.seq);
        if (net.unreadable.has(r.seq)) return undefined;
        setTimeout(() => cb(r.body, r.encoding), 0);
        return undefined;
      },
    });
  return {
    inspectedWindow: {
      tabId: 7,
      eval: vi.fn((expression: string, ...rest: unknown[]) => {
        const cb = lastFn(rest);
        setTimeout(() => {
          if (net.evalError) cb?.(undefined, { isError: true, code: 'E_FAILED', description: net.evalError });
          else cb?.(expression === 'location.origin' ? INSPECTED : undefined, undefined);
        }, 0);
        return undefined;
      }),
      reload: vi.fn(() => undefined),
    },
    network: {
      getHAR: vi.fn((...args: unknown[]) => {
        const cb = lastFn(args);
        void net.har().then((reqs) => {
          if (net.harError) return cb?.({ code: 'E_FAILED', description: net.harError, details: [], isError: true });
          cb?.({ version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, pages: [], entries: reqs.map(withContent) });
        });
        return undefined;
      }),
      onRequestFinished: { addListener: vi.fn((l: (req: unknown) => void) => net.subscribe((r) => l(withContent(r)))) },
      onNavigated: { addListener: vi.fn() },
    },
    panels: {
      themeName: 'default',
      create: vi.fn((_t: string, _i: string, _p: string, ...rest: unknown[]) => {
        const cb = lastFn(rest);
        setTimeout(() => cb?.({}), 0);
        return undefined;
      }),
    },
  };
}

/** Firefox's browser.devtools: promises. */
function promiseDevtools(net: FakeNetwork) {
  const withContent = (r: FakeRequest) =>
    Object.assign(net.entry(r), {
      getContent: vi.fn(async () => {
        net.contentReads.push(r.seq);
        await tick();
        const failure = net.unreadable.get(r.seq);
        if (failure === 'hang') return new Promise<never>(() => undefined);
        if (failure !== undefined) throw new Error(failure);
        return [r.body, 'application/json'];
      }),
    });
  return {
    inspectedWindow: {
      tabId: 7,
      eval: vi.fn(async (expression: string) => {
        await tick();
        if (net.evalError) return [undefined, { isError: true, code: 'E_PROTOCOLERROR', description: net.evalError }];
        return [expression === 'location.origin' ? INSPECTED : undefined, undefined];
      }),
      reload: vi.fn(async () => undefined),
    },
    network: {
      getHAR: vi.fn(async () => {
        const reqs = await net.har();
        if (net.harError) throw new Error(net.harError);
        return { version: '1.1', creator: { name: 'Firefox', version: '153.0' }, pages: [], entries: reqs.map(withContent) };
      }),
      onRequestFinished: { addListener: vi.fn((l: (req: unknown) => void) => net.subscribe((r) => l(withContent(r)))) },
      onNavigated: { addListener: vi.fn() },
    },
    panels: { themeName: 'light', create: vi.fn(async () => ({})) },
  };
}

const runtime = { id: 'fake-extension-id', getURL: (p: string) => `chrome-extension://fake-extension-id/${p}`, lastError: undefined };
const i18n = { getMessage: (k: string) => (k === 'panelTitle' ? 'MaiAgent' : ''), getUILanguage: () => 'en' };

export interface Installed {
  net: FakeNetwork;
  flavour: Flavour;
  /** The devtools object the browser's code would reach (for spies). */
  devtools: ReturnType<typeof callbackDevtools> | ReturnType<typeof promiseDevtools>;
  /** Firefox only: the `chrome.devtools` spies the code must not call. */
  unused?: ReturnType<typeof callbackDevtools>;
}

/** Put one browser's globals in place and start a fresh module registry. Import src/ after this. */
export function installDevtools(flavour: Flavour): Installed {
  vi.resetModules();
  vi.unstubAllGlobals();
  const net = new FakeNetwork();
  if (flavour === 'firefox') {
    const devtools = promiseDevtools(net);
    const unused = callbackDevtools(net);
    vi.stubGlobal('location', { protocol: 'moz-extension:' });
    vi.stubGlobal('browser', { runtime: { ...runtime, getURL: (p: string) => `moz-extension://fake-uuid/${p}` }, i18n, devtools });
    vi.stubGlobal('chrome', { runtime, i18n, devtools: unused });
    return { net, flavour, devtools, unused };
  }
  const devtools = callbackDevtools(net);
  const chrome = { runtime, i18n, devtools };
  vi.stubGlobal('location', { protocol: 'chrome-extension:' });
  vi.stubGlobal('chrome', chrome);
  if (flavour === 'chrome-152') vi.stubGlobal('browser', chrome);
  if (flavour === 'chromium-156') vi.stubGlobal('browser', { runtime, i18n, devtools });
  if (flavour === 'chrome-150') vi.stubGlobal('browser', undefined);
  return { net, flavour, devtools };
}
