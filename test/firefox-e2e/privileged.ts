// Code that runs with Firefox's privileges, in a tab on about:addons (LaunchedFirefox.chromeEval):
// what a user does in about:addons and in the DevTools toolbox, where BiDi cannot reach. Each function is
// sent as source text, so it may use only its arguments and Firefox's own globals.

/* Firefox's privileged globals, typed as far as these functions use them. */
interface FxWindow {
  gBrowser: { tabs: FxTab[]; selectedTab: FxTab };
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
}
interface FxTab {
  linkedBrowser: { currentURI: { spec: string } };
}
interface FxToolbox {
  hostType: string;
  currentToolId: string;
  doc: Document;
  getAdditionalTools(): { id: string; label: string }[];
  selectTool(id: string): Promise<unknown>;
}
interface FxBrowserElement extends Element {
  currentURI?: { spec: string };
  messageManager: {
    addMessageListener(name: string, fn: (msg: { data: unknown }) => void): void;
    removeMessageListener(name: string, fn: (msg: { data: unknown }) => void): void;
    loadFrameScript(url: string, allowDelayedLoad: boolean): void;
  };
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Firefox's privileged modules have no types; each caller names what it uses
declare const ChromeUtils: { importESModule(url: string): Record<string, any> };
declare const Services: { wm: { getMostRecentWindow(type: string): FxWindow } };
declare const WebExtensionPolicy: { getByID(id: string): { extension: unknown } | null };

/**
 * Grants (`add`) or withdraws (`remove`) host permissions the way about:addons does; the running
 * add-on gets permissions.onAdded or onRemoved. Returns the origins granted afterwards.
 */
export async function changeHostPermissions(id: string, origins: string[], change: 'add' | 'remove'): Promise<string[]> {
  const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
  const policy = WebExtensionPolicy.getByID(id);
  if (!policy) throw new Error(`no add-on ${id}`);
  await ExtensionPermissions[change](id, { permissions: [], origins }, policy.extension);
  return ((await ExtensionPermissions.get(id)) as { origins: string[] }).origins;
}

/** Opens DevTools on the tab whose URL starts with `urlPrefix` and selects the add-on's panel `label`. */
export async function openDevtoolsPanel(
  urlPrefix: string,
  label: string,
): Promise<{ toolId: string; panelUrl: string } | { error: string; tools?: string[] }> {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  // Firefox's DevTools loader (named so, not `require`: it loads Firefox's modules, not packages).
  const { require: devtoolsRequire } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
  const { gDevTools } = devtoolsRequire('devtools/client/framework/devtools') as {
    gDevTools: { showToolboxForTab(tab: FxTab, o: { toolId: string }): Promise<FxToolbox> };
  };
  const win = Services.wm.getMostRecentWindow('navigator:browser');
  const tab = win.gBrowser.tabs.find((t) => t.linkedBrowser.currentURI.spec.startsWith(urlPrefix));
  if (!tab) return { error: `no tab on ${urlPrefix}` };
  win.gBrowser.selectedTab = tab;
  const toolbox = await gDevTools.showToolboxForTab(tab, { toolId: 'webconsole' });
  let def: { id: string; label: string } | undefined;
  for (let i = 0; i < 150 && !def; i++) {
    def = toolbox.getAdditionalTools().find((t) => t.label === label);
    if (!def) await sleep(100);
  }
  if (!def) return { error: `DevTools has no "${label}" panel`, tools: toolbox.getAdditionalTools().map((t) => t.label) };
  await toolbox.selectTool(def.id);
  for (let i = 0; i < 150; i++) {
    const frame = toolbox.doc.getElementById(`toolbox-panel-iframe-${def.id}`) as HTMLIFrameElement | null;
    const el = frame?.contentDocument?.querySelector('browser') as FxBrowserElement | null | undefined;
    const spec = el?.currentURI?.spec ?? '';
    if (spec.startsWith('moz-extension:')) return { toolId: def.id, panelUrl: spec };
    await sleep(100);
  }
  return { error: `the "${label}" panel page did not load` };
}

/**
 * Evaluates `expression` in the add-on's DevTools panel page (the toolbox of the selected tab) and
 * returns its JSON-able value. `document` and `window` are the panel's. The panel lives in a remote
 * <browser> in the extension process, so this goes through a frame script.
 */
export async function evalInPanel(toolId: string, expression: string): Promise<{ value: unknown } | { error: string }> {
  const win = Services.wm.getMostRecentWindow('navigator:browser');
  // Firefox's DevTools loader (named so, not `require`: it loads Firefox's modules, not packages).
  const { require: devtoolsRequire } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
  const { gDevTools } = devtoolsRequire('devtools/client/framework/devtools') as {
    gDevTools: { getToolboxForTab(tab: FxTab): FxToolbox | null };
  };
  // The toolbox that shows this panel, whichever tab is selected now.
  let el: FxBrowserElement | null | undefined;
  for (const tab of win.gBrowser.tabs) {
    const frame = gDevTools.getToolboxForTab(tab)?.doc.getElementById(`toolbox-panel-iframe-${toolId}`) as
      HTMLIFrameElement | null | undefined;
    el = frame?.contentDocument?.querySelector('browser') as FxBrowserElement | null | undefined;
    if (el) break;
  }
  if (!el) return { error: 'no panel page' };
  const mm = el.messageManager;
  const name = `maiagent-test:${Math.random()}`;
  return await new Promise((resolve) => {
    const listener = (msg: { data: unknown }) => {
      mm.removeMessageListener(name, listener);
      win.clearTimeout(timer);
      resolve(msg.data as { value: unknown } | { error: string });
    };
    const timer = win.setTimeout(() => {
      mm.removeMessageListener(name, listener);
      resolve({ error: 'the panel did not answer' });
    }, 5000);
    mm.addMessageListener(name, listener);
    const script = `(() => { const window = content; const document = content.document; let r;
      try { r = { value: JSON.parse(JSON.stringify((${expression}) ?? null)) }; } catch (e) { r = { error: String(e) }; }
      sendAsyncMessage(${JSON.stringify(name)}, r); })();`;
    mm.loadFrameScript(`data:,${encodeURIComponent(script)}`, false);
  });
}
