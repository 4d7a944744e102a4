// Finding and launching Firefox (Debian's firefox-esr) with the Firefox build of the extension,
// driven by puppeteer-core over WebDriver BiDi. The real host names reach the local test server
// through a CONNECT proxy (proxy.ts). No silent skips: a missing browser or build fails with advice.
//
// What BiDi cannot reach (the DevTools toolbox, the extension's panel, host permissions as
// about:addons changes them) is driven from Firefox's own privileged code, run in a tab on
// about:addons: --remote-allow-system-access lets BiDi evaluate script there. (BiDi's
// "moz:scope": "chrome" would do too, but only from Firefox 141; about:addons works in 140 as well.)
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { API_HOST, DOCS_HOST, OTHER_HOSTS, type TestServer } from '../server/maiagent-server';
import { startHostProxy, type HostProxy } from './proxy';

const DIST_FIREFOX = resolve(import.meta.dirname, '../../dist-firefox');

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr', '/usr/lib/firefox/firefox'];

/** A fixed moz-extension:// host for the add-on (pref extensions.webextensions.uuids), so tests know its pages' URLs. */
const EXT_UUID = '6a1f3c2e-9b4d-4e7a-8c5f-0d2b1e3a4c5d';
const EXT_ORIGIN = `moz-extension://${EXT_UUID}`;

export function findFirefox(): string {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`FIREFOX_PATH is set to ${fromEnv}, but no file is there.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Firefox found for the Firefox end-to-end tests. Install one (Debian/Ubuntu: `sudo apt-get install firefox-esr`) ' +
        `or set FIREFOX_PATH to a Firefox binary. Looked in: ${CANDIDATES.join(', ')}`,
    );
  }
  return found;
}

interface FirefoxManifest {
  host_permissions: string[];
  browser_specific_settings: { gecko: { id: string } };
}

function readFirefoxBuild(): FirefoxManifest {
  const file = join(DIST_FIREFOX, 'manifest.json');
  if (!existsSync(file)) throw new Error(`No Firefox build in ${DIST_FIREFOX}: run \`npm run build:firefox\` first (npm test does).`);
  return JSON.parse(readFileSync(file, 'utf8')) as FirefoxManifest;
}

/** The raw BiDi connection: puppeteer keeps it (and a page's context id) out of its public types. */
interface BidiConnection {
  send(method: string, params: Record<string, unknown>): Promise<{ result: Record<string, unknown> }>;
}
const bidi = (browser: Browser) => (browser as unknown as { connection: BidiConnection }).connection;
const contextOf = (page: Page) => (page.mainFrame() as unknown as { _id: string })._id;

export interface LaunchedFirefox {
  browser: Browser;
  /** The add-on id the build declares, as Firefox installed it. */
  geckoId: string;
  hostPermissions: string[];
  version: string;
  proxy: HostProxy;
  /** A tab on one of the extension's pages (e.g. `src/popup/popup.html`). */
  openExtensionPage(path: string): Promise<Page>;
  /** A tab on a site (served by the test server). */
  openSite(url: string): Promise<Page>;
  /** Runs `fn` in Firefox's privileged browser-window scope and returns its JSON-able result. */
  chromeEval<T>(fn: (...args: never[]) => Promise<T>, ...args: unknown[]): Promise<T>;
  close(): Promise<void>;
}

export interface FirefoxOptions {
  server: TestServer;
  /** Firefox's default (true) grants MV3 host_permissions at install; false withholds them, as before Firefox 127. */
  grantHostPermissions?: boolean;
}

export async function launchFirefox(opts: FirefoxOptions): Promise<LaunchedFirefox> {
  const manifest = readFirefoxBuild();
  const executablePath = findFirefox();
  const geckoId = manifest.browser_specific_settings.gecko.id;
  const proxy = await startHostProxy([API_HOST, DOCS_HOST, ...OTHER_HOSTS], opts.server.port);
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      acceptInsecureCerts: true, // the test server's certificate is made at test time
      // Lets BiDi open moz-extension:// pages in a tab and evaluate in the privileged scope.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXT_UUID }),
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': false,
        'network.trr.mode': 5,
        'network.dns.disablePrefetch': true,
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        'dom.push.connection.enabled': false,
        'extensions.originControls.grantByDefault': opts.grantHostPermissions ?? true,
        // permissions.request() from a click is granted without the doorhanger.
        'extensions.webextOptionalPermissionPrompts': false,
        'intl.locale.requested': 'en-US',
      },
    });
  } catch (e) {
    await proxy.close();
    throw new Error(`Firefox at ${executablePath} did not start under WebDriver BiDi: ${e instanceof Error ? e.message : String(e)}`, {
      cause: e,
    });
  }
  const close = async () => {
    await browser.close().catch(() => undefined);
    await proxy.close();
  };
  try {
    const installed = await browser.installExtension(DIST_FIREFOX);
    if (installed !== geckoId) throw new Error(`Firefox installed the build as ${installed}, expected ${geckoId}`);
  } catch (e) {
    await close();
    throw e;
  }

  async function navigate(page: Page, url: string): Promise<void> {
    // page.goto() never resolves for moz-extension:// pages (puppeteer sees no navigation events
    // for them): navigate without waiting; callers wait for what they need on the page.
    await bidi(browser).send('browsingContext.navigate', { context: contextOf(page), url, wait: 'none' });
  }

  let privileged: Page | undefined;
  return {
    browser,
    geckoId,
    hostPermissions: manifest.host_permissions,
    version: await browser.version(),
    proxy,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      await navigate(page, `${EXT_ORIGIN}/${path}`);
      // Polled from here: puppeteer's waitForFunction compiles its predicate with Function(),
      // which the extension pages' CSP refuses in Firefox 140.
      await poll(`${path} to load`, () =>
        page.evaluate((origin) => location.origin === origin && document.readyState === 'complete', EXT_ORIGIN),
      );
      return page;
    },
    async openSite(url) {
      const page = await browser.newPage();
      await page.goto(url);
      return page;
    },
    async chromeEval<T>(fn: (...args: never[]) => Promise<T>, ...args: unknown[]): Promise<T> {
      if (!privileged) {
        privileged = await browser.newPage();
        await bidi(browser).send('browsingContext.navigate', { context: contextOf(privileged), url: 'about:addons', wait: 'complete' });
      }
      const r = await bidi(browser).send('script.evaluate', {
        target: { context: contextOf(privileged) },
        expression: `(${fn.toString()})(...${JSON.stringify(args)}).then((v) => JSON.stringify(v ?? null))`,
        awaitPromise: true,
      });
      const result = r.result as unknown as { type: string; result?: { value: string }; exceptionDetails?: { text: string } };
      if (result.type !== 'success')
        throw new Error(`privileged script failed: ${result.exceptionDetails?.text ?? JSON.stringify(result)}`);
      if (typeof result.result?.value !== 'string')
        throw new Error(`privileged script returned ${JSON.stringify(result.result)}: is --remote-allow-system-access honoured?`);
      return JSON.parse(result.result.value) as T;
    },
    close,
  };
}

/** Polls `fn` until it returns something truthy; fails with `what` and the last value seen. */
export async function poll<T>(what: string, fn: () => Promise<T | false | null | undefined | ''>, ms = 15_000, every = 150): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      last = await fn();
      if (last) return last as T;
    } catch (e) {
      last = e instanceof Error ? e.message : e;
    }
    if (Date.now() > end) throw new Error(`Timed out after ${ms} ms waiting for ${what}; last: ${JSON.stringify(last)?.slice(0, 600)}`);
    await new Promise((r) => setTimeout(r, every));
  }
}
