// Contract of src/platform/devtools.ts and the panel's capture start-up (src/panel/capture/), run
// against each browser's DevTools APIs (fake-devtools.ts): every request shows exactly once, with
// its body, whether it finished before, during or after start-up, and the origin is right.
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import { FLAVOURS, INSPECTED, installDevtools, type Flavour, type Installed } from './fake-devtools';
import type { Body } from '../../../src/panel/capture/body';
import type { CaptureEvent } from '../../../src/panel/capture/session';

const API = 'https://api.maiagent.ai/api/v1';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Load the modules as the panel page would: after the browser's globals exist. */
async function load(flavour: Flavour) {
  const env = installDevtools(flavour);
  const devtools = await import('../../../src/platform/devtools');
  const session = await import('../../../src/panel/capture/session');
  return { env, devtools, session };
}

interface Shown {
  url: string;
  status: number;
  body: () => Promise<{ text: string | null }>;
}

/** What the panel would show: apply each event (add a slot, or replace what a slot shows). */
function collect() {
  const events: CaptureEvent[] = [];
  const slots = new Map<number, Shown>();
  const handler = (e: CaptureEvent) => {
    events.push(e);
    if (e.kind !== 'request') return;
    if (e.replace && !slots.has(e.slot)) throw new Error(`replace of unknown slot ${e.slot}`);
    if (!e.replace && slots.has(e.slot)) throw new Error(`slot ${e.slot} added twice`);
    slots.set(e.slot, { url: e.request.entry.request.url, status: e.request.entry.response.status, body: e.request.body });
  };
  const rows = () => [...slots.entries()].sort(([a], [b]) => a - b).map(([, s]) => s);
  return { events, handler, rows, urls: () => rows().map((r) => r.url) };
}

const until = async (what: string, ok: () => boolean) => {
  for (let i = 0; i < 200; i++) {
    if (ok()) return;
    await new Promise((r) => setTimeout(r, 1));
  }
  throw new Error(`timed out waiting for ${what}`);
};

const ready = (c: ReturnType<typeof collect>) => until('ready', () => c.events.some((e) => e.kind === 'ready'));

describe.each(FLAVOURS)('%s', (flavour) => {
  let env: Installed;

  it('lists requests finished before, during and after start-up exactly once, with bodies and the origin', async () => {
    const m = await load(flavour);
    env = m.env;
    const net = env.net;
    // Before the panel: in DevTools' log only.
    net.request('GET', `${API}/before/`, 200, '{"n":"before"}');
    // One still in flight when getHAR reads the log; it finishes after the answer.
    const inflight = net.begin('POST', `${API}/inflight/`);
    // Hold getHAR, so requests can finish while start-up waits for it.
    let openGate!: () => void;
    net.harGate = new Promise((r) => (openGate = r));
    // One that finishes after getHAR read the log, but whose notification arrives only after
    // getHAR's answer (DevTools builds the entry asynchronously).
    net.afterHarSnapshot = () => {
      net.holdNotifications = true;
    };

    const c = collect();
    const session = m.session.startCapture(m.devtools);
    // The listener is there at once, before anything was awaited.
    expect(net.subscribers).toBe(1);
    session.listen(c.handler);

    // During start-up: finishes after the listener, before getHAR reads the log (both sources have it).
    net.request('GET', `${API}/during/`, 201, '{"n":"during"}');
    await new Promise((r) => setTimeout(r, 5));
    openGate();
    await until('getHAR read the log', () => net.holdNotifications);
    net.finish(inflight, 400, '{"name":["This field is required."]}');
    await ready(c);
    net.releaseNotifications();
    // After start-up.
    net.request('DELETE', `${API}/after/`, 204, '');
    await until('the after request', () => c.urls().includes(`${API}/after/`));
    await new Promise((r) => setTimeout(r, 10));

    expect(c.urls().sort()).toEqual([`${API}/after/`, `${API}/before/`, `${API}/during/`, `${API}/inflight/`].sort());
    const byUrl = new Map(c.rows().map((r) => [r.url, r]));
    expect(byUrl.get(`${API}/inflight/`)!.status).toBe(400);
    expect((await byUrl.get(`${API}/before/`)!.body()).text).toBe('{"n":"before"}');
    expect((await byUrl.get(`${API}/during/`)!.body()).text).toBe('{"n":"during"}');
    expect((await byUrl.get(`${API}/inflight/`)!.body()).text).toBe('{"name":["This field is required."]}');
    expect(c.events.find((e) => e.kind === 'origin')).toEqual({ kind: 'origin', origin: INSPECTED });
    // The origin is known before the first request is handed over.
    expect(c.events.findIndex((e) => e.kind === 'origin')).toBeLessThan(c.events.findIndex((e) => e.kind === 'request'));
    expect(c.events.some((e) => e.kind === 'problem')).toBe(false);
    if (env.unused) {
      expect(env.unused.network.getHAR).not.toHaveBeenCalled();
      expect(env.unused.inspectedWindow.eval).not.toHaveBeenCalled();
      expect(env.unused.network.onRequestFinished.addListener).not.toHaveBeenCalled();
    }
  });

  it('keeps two identical requests made in the same millisecond as two rows', async () => {
    const m = await load(flavour);
    const at = Date.parse('2026-11-30T10:00:01.000Z');
    m.env.net.request('GET', `${API}/same/`, 200, '{}', at);
    m.env.net.request('GET', `${API}/same/`, 200, '{}', at);
    const c = collect();
    m.session.startCapture(m.devtools).listen(c.handler);
    m.env.net.request('GET', `${API}/same/`, 200, '{}', at + 5);
    await ready(c);
    await until('three rows', () => c.rows().length === 3);
    await new Promise((r) => setTimeout(r, 10));
    expect(c.urls()).toEqual([`${API}/same/`, `${API}/same/`, `${API}/same/`]);
  });

  it('says when the backlog cannot be read, and still lists new requests', async () => {
    const m = await load(flavour);
    m.env.net.request('GET', `${API}/lost/`, 200, '{}');
    m.env.net.harError = 'Permission denied';
    const c = collect();
    m.session.startCapture(m.devtools).listen(c.handler);
    await ready(c);
    expect(c.events).toContainEqual({ kind: 'problem', problem: 'harFailed', detail: 'Permission denied' });
    m.env.net.request('GET', `${API}/new/`, 200, '{}');
    await until('the new request', () => c.urls().includes(`${API}/new/`));
    expect(c.urls()).toEqual([`${API}/new/`]);
  });

  it('says when the inspected origin cannot be read', async () => {
    const m = await load(flavour);
    m.env.net.evalError = 'Inspected frame has gone';
    const c = collect();
    m.session.startCapture(m.devtools).listen(c.handler);
    await ready(c);
    expect(c.events).toContainEqual({ kind: 'problem', problem: 'originFailed', detail: 'Inspected frame has gone' });
    expect(c.events.some((e) => e.kind === 'origin')).toBe(false);
  });

  it('says when getHAR never answers, after the time limit, and goes on', async () => {
    const m = await load(flavour);
    m.env.net.harGate = new Promise(() => undefined);
    const c = collect();
    m.session.startCapture(m.devtools, 50).listen(c.handler);
    m.env.net.request('GET', `${API}/meanwhile/`, 200, '{}');
    await ready(c);
    expect(c.events.find((e) => e.kind === 'problem')).toMatchObject({ kind: 'problem', problem: 'harFailed' });
    expect(c.urls()).toEqual([`${API}/meanwhile/`]);
  });

  it('tells a body DevTools did not hand over apart from an empty one, and says why', async () => {
    const m = await load(flavour);
    m.env.net.request('DELETE', `${API}/empty/`, 204, '');
    const lost = m.env.net.request('GET', `${API}/lost/`, 200, '{"n":1}');
    m.env.net.unreadable.set(lost.seq, 'hang');
    const refused = m.env.net.request('GET', `${API}/refused/`, 200, '{"n":2}');
    m.env.net.unreadable.set(refused.seq, 'Request content was evicted from inspector cache');
    const c = collect();
    m.session.startCapture(m.devtools, 10_000, 50).listen(c.handler);
    await ready(c);
    const body = (url: string) =>
      c
        .rows()
        .find((r) => r.url === url)!
        .body() as Promise<Body>;

    expect(await body(`${API}/empty/`)).toEqual({ text: '', encoding: null, truncated: false });
    expect(await body(`${API}/lost/`)).toEqual({
      text: null,
      encoding: null,
      truncated: false,
      failure: { kind: 'timeout', seconds: 0.05 },
    });
    // Firefox says why; Chrome's callback cannot fail, so there the body simply never comes.
    expect((await body(`${API}/refused/`)).failure).toEqual(
      flavour === 'firefox'
        ? { kind: 'error', message: 'Request content was evicted from inspector cache' }
        : { kind: 'timeout', seconds: 0.05 },
    );
  });

  it('says when the backlog cannot be listed, and still ends start-up', async () => {
    const m = await load(flavour);
    m.env.net.request('GET', `${API}/before/`, 200, '{}');
    const events: CaptureEvent[] = [];
    m.session.startCapture(m.devtools).listen((e) => {
      events.push(e);
      if (e.kind === 'request') throw new Error('row could not be built');
    });
    await until('ready', () => events.some((e) => e.kind === 'ready'));
    expect(events).toContainEqual({ kind: 'problem', problem: 'harFailed', detail: 'row could not be built' });
    expect(events.at(-1)).toEqual({ kind: 'ready' });
  });

  it('platform: inDevtools, evalInInspected and the panel registration work in this browser', async () => {
    const m = await load(flavour);
    expect(m.devtools.inDevtools()).toBe(true);
    expect(await m.devtools.evalInInspected('location.origin')).toBe(INSPECTED);
    await m.devtools.createPanel('MaiAgent', '/icons/icon-32.png', '/src/panel/panel.html');
    expect(m.env.devtools.panels.create).toHaveBeenCalledWith(
      'MaiAgent',
      '/icons/icon-32.png',
      '/src/panel/panel.html',
      ...(flavour === 'firefox' ? [] : [expect.any(Function)]),
    );
    expect(m.devtools.devtoolsTheme()).toBe(flavour === 'firefox' ? 'light' : 'light');
  });
});

describe('chrome-150: the fake is faithful to what issue #10 saw with the real webextension-polyfill', () => {
  it('through the polyfill, getHAR() answers undefined and getContent(callback) throws; the platform layer reads both', async () => {
    const m = await load('chrome-150');
    m.env.net.request('GET', `${API}/x/`, 200, '{"x":1}');
    // Load the real polyfill afresh over this fake, as the old bundle did.
    const require = createRequire(import.meta.url);
    const path = require.resolve('webextension-polyfill');
    delete require.cache[path];
    const polyfilled = require(path) as { devtools: { network: { getHAR(): unknown } } };
    expect(polyfilled.devtools.network.getHAR()).toBeUndefined();

    const entries = await m.devtools.getHAR();
    expect(entries.map((e) => e.entry.request.url)).toEqual([`${API}/x/`]);
    expect(await entries[0]!.getContent()).toEqual({ text: '{"x":1}', encoding: null });
  });

  it("the polyfill wraps onRequestFinished so that a request's getContent is promise-only", async () => {
    const m = await load('chrome-150');
    const require = createRequire(import.meta.url);
    const path = require.resolve('webextension-polyfill');
    delete require.cache[path];
    const polyfilled = require(path) as {
      devtools: { network: { onRequestFinished: { addListener(l: (r: { getContent(cb?: unknown): unknown }) => void): void } } };
    };
    const thrown = new Promise<string>((resolve) =>
      polyfilled.devtools.network.onRequestFinished.addListener((r) => {
        try {
          r.getContent(() => undefined);
          resolve('no error');
        } catch (e) {
          resolve(String(e));
        }
      }),
    );
    m.env.net.request('GET', `${API}/y/`, 200, '{}');
    expect(await thrown).toMatch(/Expected at most 0 arguments/);
  });
});

describe('webextension-polyfill at run time', () => {
  it('no file in src/ loads it (types only): its behaviour differs between Chrome versions', () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(f)) files.push(p);
      }
    };
    walk(new URL('../../../src', import.meta.url).pathname);
    const loading = files.filter((f) => /^\s*import\s+(?!type\b)[^;]*['"]webextension-polyfill['"]/m.test(readFileSync(f, 'utf8')));
    expect(loading).toEqual([]);
    expect(files.length).toBeGreaterThan(20);
  });
});
