// One Firefox and one test server per test file: started before its tests, closed after.
import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, poll, type FirefoxOptions, type LaunchedFirefox } from './firefox';
import { startServer, type TestServer } from '../server/maiagent-server';

export const ADA = { id: 'u1', name: 'Ada Tester', email: 'ada@example.com', company: 'Example Co' };

export interface FirefoxEnv {
  server: TestServer;
  fx: LaunchedFirefox;
}

/** `keys`: the API keys the test server accepts, with the user each belongs to. */
export function useFirefox(keys: Record<string, typeof ADA>, opts: Omit<FirefoxOptions, 'server'> = {}): FirefoxEnv {
  const env = {} as FirefoxEnv;
  beforeAll(async () => {
    env.server = await startServer();
    for (const [key, user] of Object.entries(keys)) env.server.keys.set(key, user);
    env.fx = await launchFirefox({ server: env.server, ...opts });
    console.log(`Firefox e2e: ${env.fx.version}`);
  });
  afterAll(async () => {
    await env.fx?.close();
    await env.server?.close();
  });
  return env;
}

/** The popup's text as a user reads it. */
export const textOf = (page: Page) => page.evaluate(() => document.body.innerText);

/** Opens the popup, types the key into "API key" and presses "Save", like a user. */
export async function saveKeyInPopup(fx: LaunchedFirefox, key: string): Promise<Page> {
  const popup = await fx.openExtensionPage('src/popup/popup.html');
  const field = await popup.waitForSelector('::-p-xpath(//label[contains(normalize-space(.), "API key")]//input)', { timeout: 15_000 });
  await field!.type(key);
  await (await popup.waitForSelector('::-p-xpath(//button[normalize-space(.)="Save"])'))!.click();
  await popup.waitForSelector('[data-testid=masked-key]', { timeout: 15_000 });
  return popup;
}

/** Fetches the API from a page on `site` and returns what the browser got and what the server saw. */
export async function fetchFromSite(env: FirefoxEnv, site: string, path = '/api/users/current/') {
  const page = await env.fx.openSite(`https://${site}/`);
  try {
    const before = env.server.requests.length;
    const got = await page.evaluate(async (url) => {
      try {
        const r = await fetch(url, { credentials: 'omit' });
        return { status: r.status, text: await r.text() };
      } catch (e) {
        return { status: 0, text: String(e) };
      }
    }, `https://api.maiagent.ai${path}`);
    const seen = await poll(`the server to see GET ${path} from ${site}`, async () =>
      env.server.requests.slice(before).find((q) => q.host === 'api.maiagent.ai' && q.path === path && q.method === 'GET'),
    );
    return { got, authorization: seen.headers.authorization ?? null, origin: seen.headers.origin ?? null };
  } finally {
    await page.close();
  }
}
