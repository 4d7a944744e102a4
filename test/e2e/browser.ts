// Finding and launching Chromium with the built extension, the real host names mapped onto the
// local test server. No silent skips: a missing browser or build is a test failure with advice.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { TestServer } from '../server/maiagent-server';

export const DIST = resolve(import.meta.dirname, '../../dist');

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];

export function findChrome(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH is set to ${fromEnv}, but no file is there.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found for the end-to-end tests. Install one (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
        `or set CHROME_PATH to a Chrome/Chromium binary. Looked in: ${CANDIDATES.join(', ')}`,
    );
  }
  return found;
}

export function assertBuilt(): void {
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error(`No build in ${DIST}: run \`npm run build\` first (npm test does).`);
}

export interface Launched {
  ctx: BrowserContext;
  extId: string;
  profileDir: string;
  sw(): Promise<Worker>;
  /** A tab on the popup page, driven like a user would. */
  openPopup(): Promise<Page>;
  close(opts?: { keepProfile?: boolean }): Promise<void>;
}

export interface LaunchOptions {
  server: TestServer;
  profileDir?: string;
  devtools?: boolean;
  lang?: string;
  /** Unpacked extensions to load beside ours (another extension in the attack suite, the bench's empty one). */
  extraExtensions?: string[];
}

/** The built extension, with every host name on the local server: shared by the tests and `npm start`. */
export function extensionArgs(port: number, extra: readonly string[] = []): string[] {
  const all = [DIST, ...extra].join(',');
  return [
    `--disable-extensions-except=${all}`,
    `--load-extension=${all}`,
    // Every host name resolves to the test server: the real API and docs names, look-alikes, other sites.
    `--host-resolver-rules=MAP * 127.0.0.1:${port}`,
    '--ignore-certificate-errors',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
  ];
}

export async function launch(opts: LaunchOptions): Promise<Launched> {
  assertBuilt();
  const executablePath = findChrome();
  const profileDir = opts.profileDir ?? mkdtempSync(join(tmpdir(), 'maiagent-e2e-'));
  const port = opts.server.port;
  const args = [
    ...extensionArgs(port, opts.extraExtensions),
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-gpu',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ...(opts.devtools ? ['--auto-open-devtools-for-tabs', '--remote-debugging-port=0'] : []),
    // Lets tests press the toolbar button (CDP Extensions.triggerAction), which grants activeTab.
    '--enable-unsafe-extension-debugging',
    ...(opts.lang ? [`--lang=${opts.lang}`] : []),
  ];
  const ctx = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    args,
    ignoreHTTPSErrors: true,
    ...(opts.lang ? { locale: opts.lang } : {}),
  });
  // Ours is the worker with our manifest's script (other extensions may be loaded too).
  const script = (JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as { background: { service_worker: string } }).background
    .service_worker;
  const isOurs = (w: Worker) => new URL(w.url()).pathname === `/${script}`;
  const first = ctx.serviceWorkers().find(isOurs) ?? (await ctx.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }));
  const extId = new URL(first.url()).host;
  return {
    ctx,
    extId,
    profileDir,
    async sw() {
      const w = ctx.serviceWorkers().find((s) => s.url().startsWith(`chrome-extension://${extId}/`));
      return w ?? ctx.waitForEvent('serviceworker', { timeout: 15_000 });
    },
    async openPopup() {
      const page = await ctx.newPage();
      await page.goto(`chrome-extension://${extId}/src/popup/popup.html`);
      return page;
    },
    async close(o) {
      await ctx.close();
      if (!o?.keepProfile && !opts.profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** The port DevTools listens on, from the profile (needs devtools: true). */
export function devtoolsPort(profileDir: string): number {
  const text = readFileSync(join(profileDir, 'DevToolsActivePort'), 'utf8');
  return Number(text.split('\n')[0]);
}
