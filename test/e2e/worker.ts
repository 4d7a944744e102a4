// Stopping the extension's service worker the way Chrome does when it idles, through the
// DevTools protocol (ServiceWorker domain), and counting how often it starts again.
import type { CDPSession, Page } from 'playwright-core';
import type { Launched } from './browser';

interface Version {
  versionId: string;
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

export class WorkerControl {
  /** How many times our worker went to "starting" since attach (or the last reset). */
  starts = 0;
  private status = new Map<string, Version['runningStatus']>();

  private constructor(
    private readonly cdp: CDPSession,
    private readonly extId: string,
  ) {
    cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: Version[] }) => {
      for (const v of e.versions) {
        if (!v.scriptURL.startsWith(`chrome-extension://${this.extId}/`)) continue;
        if (v.runningStatus === 'starting' && this.status.get(v.versionId) !== 'starting') this.starts += 1;
        this.status.set(v.versionId, v.runningStatus);
      }
    });
  }

  /** `page` is any page of the profile that stays open (an extension page works). */
  static async attach(b: Launched, page: Page): Promise<WorkerControl> {
    const cdp = await b.ctx.newCDPSession(page);
    const control = new WorkerControl(cdp, b.extId);
    await cdp.send('ServiceWorker.enable');
    return control;
  }

  running(): string[] {
    return [...this.status].filter(([, s]) => s !== 'stopped').map(([id]) => id);
  }

  async stop(): Promise<void> {
    const end = Date.now() + 10_000;
    let lastAsk = 0;
    while (this.running().length > 0) {
      if (Date.now() > end) throw new Error(`the extension service worker did not stop: ${JSON.stringify([...this.status])}`);
      // Ask again now and then: a worker that is still starting ignores an early stop.
      if (Date.now() - lastAsk > 500) {
        lastAsk = Date.now();
        for (const versionId of this.running()) await this.cdp.send('ServiceWorker.stopWorker', { versionId }).catch(() => undefined);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }
}
