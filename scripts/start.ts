// `npm start`: try the extension by hand, with no MaiAgent account.
//
// After `npm run build` (npm start runs it), this starts the local MaiAgent stand-in
// (test/server/maiagent-server.ts) with a demo key, and opens Chromium in a window with dist/
// loaded, a fresh temporary profile, every host name mapped onto the local server
// (--host-resolver-rules) and its certificate accepted (--ignore-certificate-errors). The first
// tab is https://docs.maiagent.ai/demo, whose buttons make the API answer 200/401/400/403/404/429/500,
// a chat completion (also streamed) and an upload (test/server/demo-pages.ts).
// Ctrl+C (or closing the browser) stops the browser and the server and removes the profile.
//
// Environment:
//   CHROME_PATH=/path/to/chromium   the browser to use (else /usr/bin/chromium and other usual paths)
//   MAIAGENT_START_SMOKE=1          headless self-check: save the demo key in the popup, click the
//                                   200 button on the demo page, print the result, exit 0 (or 1)
//   MAIAGENT_START_HEADLESS=1       as normal, but headless (for tests of start-up and Ctrl+C)
// Without either, on Linux with neither $DISPLAY nor $WAYLAND_DISPLAY set, it says how to run it
// (xvfb-run, or the two switches above) and exits 1 before starting anything.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { assertBuilt, DIST, extensionArgs, findChrome } from '../test/e2e/browser';
import { API_HOST, DOCS_HOST, startServer, type TestServer } from '../test/server/maiagent-server';
import { isMain } from './lib/run';

/** The key the local server accepts. It only works against the local stand-in. */
export const DEMO_KEY = 'DemoKey1.maiagent-devtools-demo';
export const DEMO_URL = `https://${DOCS_HOST}/demo`;

export function chromeArgs(port: number, opts: { headless: boolean }): string[] {
  return [...extensionArgs(port), ...(opts.headless ? ['--disable-gpu'] : ['--auto-open-devtools-for-tabs', '--start-maximized'])];
}

const NO_CHROME_HELP = `npm start needs Chromium (or Google Chrome) to open the extension in.
  Debian/Ubuntu:  sudo apt-get install chromium
  or point to a browser:  CHROME_PATH=/path/to/chrome npm start`;

/** What to do on Linux/BSD without a display: the window could not open, so say so before trying. */
export const NO_DISPLAY_HELP = `npm start opens a browser window, but there is no display ($DISPLAY and $WAYLAND_DISPLAY are unset).
  On a virtual display:      xvfb-run npm start   (Debian/Ubuntu: sudo apt-get install xvfb)
  Headless self-check:       MAIAGENT_START_SMOKE=1 npm start
  Headless, until Ctrl+C:    MAIAGENT_START_HEADLESS=1 npm start`;

/** True where a headed browser needs an X11 or Wayland display (not macOS, not Windows). */
export function needsDisplay(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): boolean {
  if (platform === 'darwin' || platform === 'win32') return false;
  return !env.DISPLAY && !env.WAYLAND_DISPLAY;
}

function say(text: string): void {
  process.stdout.write(`${text}\n`);
}

function instructions(extId: string, server: TestServer, profileDir: string): string {
  return `
MaiAgent DevTools is running in Chromium (${DIST} loaded, extension id ${extId}).
Local MaiAgent stand-in: 127.0.0.1:${server.port}; every host name points to it.
Temporary profile: ${profileDir}

  Demo API key:  ${DEMO_KEY}

What to do:
  1. Click the puzzle-piece (Extensions) icon in Chromium's toolbar, then "MaiAgent DevTools";
     pin it there to keep it in sight. Paste the demo key above and press Save.
     (Or open chrome-extension://${extId}/src/popup/popup.html in a tab.)
  2. DevTools is open on the demo page (${DEMO_URL}): pick the "MaiAgent" panel. At the
     default width its tab hides under » (more tabs); drag it left to keep it in view.
  3. Click the buttons: 200, 401 without a key and with a wrong key (made by a page on another
     website, which never gets your key), 400, 403, 404, 429, 500, a chat completion, a streamed
     one and a file upload. The page prints each answer; the panel explains it.
  4. The API reference page (https://${DOCS_HOST}/reference/current-user): paste an example into
     the DevTools Console of that page — the key is added for you — or open its API link.

Press Ctrl+C here to stop the browser and the server.
`;
}

async function saveKeyInPopup(ctx: BrowserContext, extId: string): Promise<void> {
  const popup = await ctx.newPage();
  await popup.goto(`chrome-extension://${extId}/src/popup/popup.html`);
  await popup.getByLabel('API key').fill(DEMO_KEY);
  await popup.getByRole('button', { name: 'Save' }).click();
  await popup.getByTestId('masked-key').waitFor({ timeout: 10_000 });
  await popup.close();
}

async function smoke(ctx: BrowserContext, extId: string, page: Page): Promise<void> {
  await saveKeyInPopup(ctx, extId);
  const out = page.getByTestId('out-200');
  // The background installs the rules right after the key is saved; allow it a moment.
  let text = '';
  for (let i = 0; i < 20 && !text.includes('HTTP 200'); i++) {
    if (i > 0) await page.waitForTimeout(250);
    await page.locator('#call-200').click();
    await out.filter({ hasText: 'HTTP' }).waitFor({ timeout: 10_000 });
    text = (await out.textContent()) ?? '';
  }
  if (!text.includes('HTTP 200') || !text.includes('Demo Developer')) throw new Error(`unexpected answer on the demo page: ${text}`);
  say(`smoke: the demo page printed "${text.split('\n')[0] ?? ''}"`);
}

export async function main(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const smokeMode = env.MAIAGENT_START_SMOKE === '1';
  const headless = smokeMode || env.MAIAGENT_START_HEADLESS === '1';

  let executablePath: string;
  try {
    assertBuilt();
    executablePath = findChrome();
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    console.error(reason.startsWith('No build') ? reason : `${NO_CHROME_HELP}\n(${reason})`);
    return 1;
  }
  if (!headless && needsDisplay(env)) {
    console.error(NO_DISPLAY_HELP);
    return 1;
  }

  const server = await startServer();
  server.keys.set(DEMO_KEY, { id: 'demo-user', name: 'Demo Developer', email: 'demo@example.com', company: 'Demo Co' });
  const profileDir = mkdtempSync(join(tmpdir(), 'maiagent-start-'));

  let ctx: BrowserContext | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (why: string): Promise<void> =>
    (stopping ??= (async () => {
      say(`\n${why} Stopping the browser and the server…`);
      // Never hang on the way out.
      setTimeout(() => {
        console.error('Stopping took too long; exiting.');
        process.exit(1);
      }, 15_000).unref();
      await ctx?.close().catch(() => undefined);
      await server.close();
      rmSync(profileDir, { recursive: true, force: true });
      say('Stopped.');
    })());

  let interrupted: (() => void) | undefined;
  const interruptedP = new Promise<void>((resolve) => (interrupted = resolve));
  // Ctrl+C reaches npm, tsx and this process alike: each copy only asks for the same stop.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => interrupted?.());

  try {
    say(`Starting ${executablePath}${headless ? ' (headless)' : ''}…`);
    ctx = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless,
      args: chromeArgs(server.port, { headless }),
      ignoreHTTPSErrors: true,
      viewport: null,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    const worker =
      ctx.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await ctx.waitForEvent('serviceworker', { timeout: 15_000 }).catch(() => undefined));
    if (!worker) {
      throw new Error(
        'The browser did not load the extension. Google Chrome 137 and later ignore --load-extension; ' +
          'use Chromium (sudo apt-get install chromium), or load dist/ by hand: chrome://extensions → Developer mode → Load unpacked.',
      );
    }
    const extId = new URL(worker.url()).host;
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.goto(DEMO_URL);

    if (smokeMode) {
      await smoke(ctx, extId, page);
      await stop('Smoke check passed.');
      return 0;
    }

    say(instructions(extId, server, profileDir));
    say(`Ready: ${DEMO_URL} (API ${API_HOST} → 127.0.0.1:${server.port})`);
    const closed = new Promise<void>((resolve) => ctx?.once('close', () => resolve()));
    const which = await Promise.race([interruptedP.then(() => 'signal' as const), closed.then(() => 'closed' as const)]);
    await stop(which === 'signal' ? 'Interrupted.' : 'The browser was closed.');
    return 0;
  } catch (e) {
    console.error(`start: ${e instanceof Error ? e.message : String(e)}`);
    await stop('Failed.');
    return 1;
  }
}

if (isMain(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
