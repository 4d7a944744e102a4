// One launch of the injection measurement: a fresh profile with one configuration (no extension,
// the one-rule reference, or the project with a key saved), a cross-origin-isolated docs page, and
// a bare loop of sequential API fetches timed in the page, with the browser's CPU read around it.
import { DIST } from '../test/e2e/browser';
import type { TestServer } from '../test/server/maiagent-server';
import { Tab, type Cdp } from './cdp';
import { launchChromium, unpackedExtensionId } from './chromium';
import { API, DOCS } from './env';
import { median, sleep } from './figures';
import { usPerRequest } from './stats';

export type Config = 'none' | 'reference' | 'project';
export const CONFIGS: readonly Config[] = ['none', 'reference', 'project'];

export const API_PATH = '/api/users/current/';
export const ISOLATED_DOCS = `${DOCS}isolated`;
const WARM_UP = 30;

export interface LaunchResult {
  config: Config;
  latencies: number[];
  medianMs: number;
  /** Browser main (UI) thread CPU per request, µs. */
  mainUs: number;
  /** Every thread of the browser process, µs per request. */
  browserUs: number;
  /** Browser and all child processes (renderers, network service...), µs per request. */
  allUs: number;
  requests: number;
  withKey: number;
  withAnyAuthorization: number;
  /** Project only: service-worker starts seen during the loop, and whether it ran at the end. */
  workerStarts: number;
  workerRunningAfter: boolean;
}

interface Version {
  versionId: string;
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

/** The extension's service worker over the ServiceWorker domain of one of its pages: stop it, count starts. */
class WorkerWatch {
  starts = 0;
  private status = new Map<string, Version['runningStatus']>();

  private constructor(
    private readonly tab: Tab,
    extId: string,
  ) {
    tab.cdp.on('ServiceWorker.workerVersionUpdated', (p, sessionId) => {
      if (sessionId !== tab.sessionId) return;
      for (const v of (p as { versions: Version[] }).versions) {
        if (!v.scriptURL.startsWith(`chrome-extension://${extId}/`)) continue;
        if (v.runningStatus === 'starting' && this.status.get(v.versionId) !== 'starting') this.starts += 1;
        this.status.set(v.versionId, v.runningStatus);
      }
    });
  }

  static async attach(tab: Tab, extId: string): Promise<WorkerWatch> {
    const w = new WorkerWatch(tab, extId);
    await tab.send('ServiceWorker.enable');
    return w;
  }

  running(): string[] {
    return [...this.status].filter(([, s]) => s !== 'stopped').map(([id]) => id);
  }

  async stop(): Promise<void> {
    const end = Date.now() + 10_000;
    let lastAsk = 0;
    // Wait for the first status report: a worker may not be listed yet right after enable. Seeing
    // none at all would make "no starts" meaningless.
    while (this.status.size === 0) {
      if (Date.now() > end)
        throw new Error('the ServiceWorker domain reported no worker of the extension: worker starts could not be counted');
      await sleep(10);
    }
    while (this.running().length > 0) {
      if (Date.now() > end) throw new Error(`the extension service worker did not stop: ${JSON.stringify([...this.status])}`);
      if (Date.now() - lastAsk > 500) {
        lastAsk = Date.now();
        for (const versionId of this.running()) await this.tab.send('ServiceWorker.stopWorker', { versionId }).catch(() => undefined);
      }
      await sleep(10);
    }
  }
}

/** The loop the page runs: sequential fetches, each timed from fetch() to the body read (ms). */
function loopScript(count: number, tag: string): string {
  return `(async () => {
  const out = [];
  for (let i = 0; i < ${count}; i++) {
    const t0 = performance.now();
    const r = await fetch(${JSON.stringify(`${API}${API_PATH}`)} + '?r=${tag}&i=' + i, { credentials: 'omit', cache: 'no-store' });
    await r.text();
    out.push(performance.now() - t0);
  }
  return out;
})()`;
}

async function saveKey(cdp: Cdp, extId: string, key: string): Promise<Tab> {
  // An extension page without a script of its own (an icon): it can message the background.
  const ctl = await Tab.open(cdp, `chrome-extension://${extId}/icons/icon-16.png`);
  const reply = await ctl.evaluate<{ ok: boolean; problem?: string } | undefined>(
    `chrome.runtime.sendMessage({ type: 'saveKey', payload: { key: ${JSON.stringify(key)} } })`,
  );
  if (!reply?.ok) throw new Error(`saveKey: ${reply?.problem ?? 'no reply from the background'}`);
  return ctl;
}

export interface LaunchOptions {
  server: TestServer;
  config: Config;
  referenceDir: string;
  key: string;
  requests: number;
  /** Unique per launch: marks its requests in the server's log. */
  tag: string;
}

export async function measureLaunch(o: LaunchOptions): Promise<LaunchResult> {
  const extensions = o.config === 'project' ? [DIST] : o.config === 'reference' ? [o.referenceDir] : [];
  const br = await launchChromium(o.server.port, extensions);
  try {
    let worker: WorkerWatch | null = null;
    if (o.config === 'project') {
      const extId = unpackedExtensionId(DIST);
      const ctl = await saveKey(br.cdp, extId, o.key);
      worker = await WorkerWatch.attach(ctl, extId);
    } else {
      // The same number of tabs in every configuration.
      await Tab.open(br.cdp, 'about:blank');
    }
    const docs = await Tab.open(br.cdp, ISOLATED_DOCS);
    if ((await docs.evaluate<boolean>('self.crossOriginIsolated')) !== true) {
      throw new Error(`${ISOLATED_DOCS} is not cross-origin isolated (COOP/COEP headers missing?): its timer would be coarse`);
    }
    // Warm: the connection, the server's code, the rule matching.
    await docs.evaluate(loopScript(WARM_UP, `${o.tag}-warm`));
    // The save woke the worker; stopped, any start during the loop is the loop's doing.
    await worker?.stop();
    const startsBefore = worker?.starts ?? 0;

    const reqBefore = o.server.requests.length;
    const main0 = br.mainThreadNs();
    const proc0 = br.browserProcessNs();
    const all0 = br.allProcessesNs();
    const latencies = await docs.evaluate<number[]>(loopScript(o.requests, o.tag));
    const main1 = br.mainThreadNs();
    const proc1 = br.browserProcessNs();
    const all1 = br.allProcessesNs();
    // Worker status arrives as protocol events; give a late one time to land.
    await sleep(100);

    const mine = o.server.requests.slice(reqBefore).filter((r) => r.path.startsWith(`${API_PATH}?r=${o.tag}&`));
    const n = latencies.length;
    return {
      config: o.config,
      latencies,
      medianMs: median(latencies)!,
      mainUs: usPerRequest(main1 - main0, n),
      browserUs: usPerRequest(proc1 - proc0, n),
      allUs: usPerRequest(all1 - all0, n),
      requests: mine.length,
      withKey: mine.filter((r) => r.headers.authorization === `Api-Key ${o.key}`).length,
      withAnyAuthorization: mine.filter((r) => r.headers.authorization !== undefined).length,
      workerStarts: worker ? worker.starts - startsBefore : 0,
      workerRunningAfter: worker ? worker.running().length > 0 : false,
    };
  } finally {
    await br.close();
  }
}

/** Why a launch's requests do not show the configuration at work (null when they do). */
export function headerProblem(r: LaunchResult, expected: number): string | null {
  const injects = r.config !== 'none';
  if (r.requests !== expected) return `${r.config}: the server saw ${r.requests} of the ${expected} requests`;
  if (injects && r.withKey !== expected) return `${r.config}: ${r.withKey} of ${expected} requests carried the key`;
  if (!injects && r.withAnyAuthorization !== 0)
    return `${r.config}: ${r.withAnyAuthorization} of ${expected} requests carried an Authorization header`;
  return null;
}
