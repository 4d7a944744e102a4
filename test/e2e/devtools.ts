// Driving the real DevTools: find the DevTools window of a tab, show our panel, read its DOM.
// See ../shared/notes/browser-testing.md for where this approach comes from.
import WebSocket from 'ws';
import { devtoolsPort } from './browser';

interface Target {
  id: string;
  type: string;
  url: string;
  title: string;
  webSocketDebuggerUrl: string;
}

async function targets(port: number): Promise<Target[]> {
  const r = await fetch(`http://127.0.0.1:${port}/json/list`);
  return (await r.json()) as Target[];
}

export class Cdp {
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private constructor(private ws: WebSocket) {
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
      if (m.id === undefined) return;
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.error) p.reject(new Error(m.error.message));
      else p.resolve(m.result);
    });
  }

  static async connect(url: string): Promise<Cdp> {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new Cdp(ws);
  }

  send<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ id, method, params }));
    return new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
  }

  /** Evaluate an expression and return its JSON value. */
  async eval<T>(expression: string): Promise<T> {
    const r = await this.send<{ result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>(
      'Runtime.evaluate',
      {
        expression,
        awaitPromise: true,
        returnByValue: true,
      },
    );
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
    return r.result.value as T;
  }

  close(): void {
    this.ws.close();
  }
}

async function poll<T>(what: string, fn: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** The DevTools window of the tab whose URL starts with `tabUrl`: a CDP session on it, and its target id. */
export async function devtoolsOf(profileDir: string, tabUrl: string): Promise<{ dt: Cdp; targetId: string }> {
  const port = devtoolsPort(profileDir);
  // Each tab has its own DevTools window; ask each which page it inspects.
  return poll('the DevTools window of the tab', async () => {
    for (const t of (await targets(port)).filter((x) => x.type === 'page' && x.url.startsWith('devtools://'))) {
      const c = await Cdp.connect(t.webSocketDebuggerUrl);
      const url = await c
        .eval<string>(
          `(async () => {
          const SDK = await import('./core/sdk/sdk.js');
          return SDK.TargetManager.TargetManager.instance().primaryPageTarget()?.inspectedURL() ?? '';
        })()`,
        )
        .catch(() => '');
      if (url.startsWith(tabUrl)) return { dt: c, targetId: t.id };
      c.close();
    }
    return null;
  });
}

/**
 * Show the MaiAgent panel in the DevTools window of the tab whose URL starts with `tabUrl`,
 * and return a CDP session on the panel page. `beforeShow` runs once that DevTools window is
 * found (attached to the tab), before the panel is shown.
 */
export async function openPanel(profileDir: string, extId: string, tabUrl: string, beforeShow?: () => Promise<void>): Promise<Cdp> {
  const port = devtoolsPort(profileDir);
  const { dt } = await devtoolsOf(profileDir, tabUrl);
  try {
    // DevTools is attached to the tab now: what the page does from here is in its network log.
    await beforeShow?.();
    await poll('the extension panel to register', () =>
      dt.eval<boolean>(`(async () => {
        const UI = await import('./ui/legacy/legacy.js');
        const vm = UI.ViewManager.ViewManager.instance();
        const id = [...vm.views.keys()].find((k) => k.startsWith('chrome-extension://${extId}'));
        if (!id) return false;
        await vm.showView(id);
        return true;
      })()`),
    );
  } finally {
    dt.close();
  }
  const panelTarget = await poll('the panel page', async () =>
    (await targets(port)).find((t) => t.url.startsWith(`chrome-extension://${extId}/src/panel/panel.html`)),
  );
  return Cdp.connect(panelTarget.webSocketDebuggerUrl);
}

export { poll };

/**
 * Click the newest row with this path and status in the panel, as a user would, wait until the
 * details show that row (not the one selected before) and return their text. `openChecks` opens
 * "What we checked" first, so that its lines are in the text.
 */
export async function selectRow(panel: Cdp, path: string, status: string, opts: { openChecks?: boolean } = {}): Promise<string> {
  const id = await poll(`a ${status} row for ${path}`, () =>
    panel.eval<string | false>(`(() => {
      const r = [...document.querySelectorAll('[role=option]')].reverse().find((r) => r.querySelector('.path').textContent === ${JSON.stringify(path)} && r.querySelector('.status').textContent === ${JSON.stringify(status)});
      if (!r) return false;
      r.click();
      return r.dataset.rowId;
    })()`),
  );
  const openChecks = opts.openChecks
    ? `const checks = document.querySelector('[data-testid=checks]'); if (checks) checks.open = true;`
    : '';
  return poll('the detail view', () =>
    panel.eval<string>(`(() => {
      const sel = document.querySelector('[role=option][aria-selected=true]');
      const h2 = document.querySelector('.details .detail h2');
      if (sel?.dataset.rowId !== ${JSON.stringify(id)} || !h2?.textContent.startsWith(${JSON.stringify(status)})) return '';
      ${openChecks}
      return document.querySelector('.details .detail').innerText;
    })()`),
  );
}

/** Choose `file` in the panel's "Import HAR" field, through the DOM (CDP clients get no file chooser). */
export async function importHarFile(panel: Cdp, file: string): Promise<void> {
  const { root } = await panel.send<{ root: { nodeId: number } }>('DOM.getDocument', {});
  const { nodeId } = await panel.send<{ nodeId: number }>('DOM.querySelector', { nodeId: root.nodeId, selector: 'input[type=file]' });
  await panel.send('DOM.setFileInputFiles', { nodeId, files: [file] });
}
