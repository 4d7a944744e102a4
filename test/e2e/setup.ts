// The set-up every e2e file shares: one test server per file, one browser on it per file (or per
// describe block, e.g. one per language), and optionally the MaiAgent panel open in the real
// DevTools of a docs tab. Each is started before the tests of its block and closed after them
// (vitest runs beforeAll hooks in order and afterAll hooks in reverse: panel, browser, server).
import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Launched, type LaunchOptions } from './browser';
import { openPanel, type Cdp } from './devtools';
import { saveKeyInPopup } from './user';
import { startServer, type TestServer } from '../server/maiagent-server';

export const ADA = { id: 'u1', name: 'Ada Tester', email: 'ada@example.com', company: 'Example Co' };

export interface ServerEnv {
  server: TestServer;
}

export interface Env extends ServerEnv {
  b: Launched;
}

/** The test server alone (a file that launches its browsers itself, e.g. twice on one profile). */
export function useServer(keys: Record<string, typeof ADA> = {}): ServerEnv {
  const env = {} as ServerEnv;
  beforeAll(async () => {
    env.server = await startServer();
    for (const [key, user] of Object.entries(keys)) env.server.keys.set(key, user);
  });
  afterAll(async () => {
    await env.server?.close();
  });
  return env;
}

/** A browser with the built extension on `srv`'s server, for the tests of the enclosing block. */
export function useBrowser(srv: ServerEnv, opts: Omit<LaunchOptions, 'server'> = {}): Env {
  const env = {
    get server() {
      return srv.server;
    },
  } as Env;
  beforeAll(async () => {
    env.b = await launch({ server: srv.server, ...opts });
  });
  afterAll(async () => {
    await env.b?.close();
  });
  return env;
}

/** `keys`: the API keys the test server accepts, with the user each belongs to. */
export function useExtension(keys: Record<string, typeof ADA>, opts: Omit<LaunchOptions, 'server'> = {}): Env {
  return useBrowser(useServer(keys), opts);
}

export interface PanelEnv extends Env {
  /** The tab whose DevTools show the panel. */
  docs: Page;
  /** A CDP session on the panel page. */
  panel: Cdp;
}

export interface PanelOptions extends Omit<LaunchOptions, 'server' | 'devtools'> {
  /** Saved in the popup before the tab opens. */
  key?: string;
  /** What else to do before the tab opens (after `key` is saved). */
  prepare?: (env: Env) => Promise<void>;
  /** The tab to open DevTools on. */
  url?: string;
}

/** A browser with DevTools, a tab on `url` (the docs site) and the MaiAgent panel shown in its DevTools. */
export function usePanel(keys: Record<string, typeof ADA>, opts: PanelOptions = {}): PanelEnv {
  const { key, prepare, url = 'https://docs.maiagent.ai/', ...launchOpts } = opts;
  const env = useExtension(keys, { ...launchOpts, devtools: true }) as PanelEnv;
  beforeAll(async () => {
    if (key) await (await saveKeyInPopup(env.b, key)).close();
    await prepare?.(env);
    env.docs = await env.b.ctx.newPage();
    await env.docs.goto(url);
    env.panel = await openPanel(env.b.profileDir, env.b.extId, url);
  });
  afterAll(() => {
    env.panel?.close();
  });
  return env;
}
