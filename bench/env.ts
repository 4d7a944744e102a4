// The browser side the measurements share: the e2e harness's launcher and test server, plus a few
// user actions. (test/e2e/user.ts imports vitest's expect, so its two helpers are repeated here.)
import type { Page } from 'playwright-core';
import { launch, type Launched } from '../test/e2e/browser';
import { startServer, type TestServer } from '../test/server/maiagent-server';

export const API = 'https://api.maiagent.ai';
export const DOCS = 'https://docs.maiagent.ai/';
export const KEY_A = 'BenchAaa.benchmarkSecretNumberOne01';
export const KEY_B = 'BenchBbb.benchmarkSecretNumberTwo02';

export interface Env {
  server: TestServer;
  b: Launched;
}

const USER = { id: 'u-bench', name: 'Bench User', email: 'bench@example.com', company: 'Bench Co' };

/** A test server and a fresh browser profile with the built extension (and any extra ones); both closed afterwards. */
export async function withBrowser<T>(fn: (env: Env) => Promise<T>, extraExtensions: string[] = []): Promise<T> {
  const server = await startServer();
  server.keys.set(KEY_A, USER);
  server.keys.set(KEY_B, { ...USER, id: 'u-bench-2' });
  let b: Launched | undefined;
  try {
    b = await launch({ server, extraExtensions });
    return await fn({ server, b });
  } finally {
    await b?.close().catch(() => undefined);
    await server.close().catch(() => undefined);
  }
}

/**
 * An extension page with no script of its own (an icon): it can message the background but,
 * unlike the popup or options page, never wakes the worker by itself (no getState, no listeners).
 */
export async function quietExtensionPage(b: Launched): Promise<Page> {
  const page = await b.ctx.newPage();
  await page.goto(`chrome-extension://${b.extId}/icons/icon-16.png`);
  return page;
}

type Reply = { ok: true; value: unknown } | { ok: false; problem: string };

/** Send a protocol message to the background from an extension page and unwrap the reply. */
export async function message<T = unknown>(page: Page, type: string, payload: Record<string, unknown> = {}): Promise<T> {
  // Runs in the extension page; bench/env.ts is also compiled as Node code (the unit tests import
  // bench/), where no extension types exist, hence the one structural type.
  const reply = await page.evaluate(
    async ({ type, payload }) => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
      return chrome.runtime.sendMessage({ type, payload });
    },
    { type, payload },
  );
  const r = reply as Reply | undefined;
  if (!r) throw new Error(`${type}: no reply from the background`);
  if (!r.ok) throw new Error(`${type}: ${r.problem}`);
  return r.value as T;
}

export { saveKeyInPopup } from '../test/e2e/user';

/** A docs page, already connected to the API host (the first request pays for TLS). */
export async function docsPage(b: Launched): Promise<Page> {
  const page = await b.ctx.newPage();
  await page.goto(DOCS);
  await page.evaluate(async (api) => {
    for (let i = 0; i < 5; i++) await (await fetch(`${api}/__echo`, { credentials: 'omit' })).text();
  }, API);
  return page;
}
