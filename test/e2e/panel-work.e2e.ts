// The panel as a place to work in all day. Every width (360 px to a full window) keeps list,
// divider and explanation apart and readable, and the divider moves by mouse and keyboard and is
// remembered: checked on the panel page in a tab (HAR rows a colleague might send, the divider
// dragged), and again in the real DevTools, docked and undocked into a window of 360, 560 and
// 1,200 px. The rest runs in the real DevTools.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { devtoolsOf, poll, selectRow, type Cdp } from './devtools';
import { harEntry, harFile } from './har';
import { usePanel } from './setup';
import { pageFetch } from './user';

const KEY = 'Wk7Yq2Lm.panelWorkSecret0123456789';
const DOCS = 'https://docs.maiagent.ai/';

const env = usePanel({ [KEY]: { id: 'u1', name: 'Ada', email: 'ada@example.com', company: 'Example Co' } }, { key: KEY, url: DOCS });

/** Click the newest row with this path and status and wait until the details show it. */
const select = (path: string, status: string) => selectRow(env.panel, path, status);

async function key(k: string, code: number, target: Cdp = env.panel): Promise<void> {
  await target.send('Input.dispatchKeyEvent', { type: 'keyDown', key: k, code: k, windowsVirtualKeyCode: code });
  await target.send('Input.dispatchKeyEvent', { type: 'keyUp', key: k, code: k, windowsVirtualKeyCode: code });
}

interface Layout {
  overlaps: string[];
  overflow: number;
  truncatedWithoutTitle: string[];
  detailsVisible: number;
  titleVisible: boolean;
}

/** Bounding boxes of what a user reads and clicks, each clipped to the pane that scrolls it. */
const measure = (run: (js: string) => Promise<Layout>) =>
  run(`(() => {
    const clip = (r, c) => {
      const x = Math.max(r.left, c.left), y = Math.max(r.top, c.top);
      const w = Math.min(r.right, c.right) - x, h = Math.min(r.bottom, c.bottom) - y;
      return w > 0 && h > 0 ? { x, y, w, h } : null;
    };
    const view = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
    const boxes = [];
    const add = (sel, pane) => {
      for (const el of document.querySelectorAll(sel)) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        // Inside a closed <details> an element keeps a box but is not drawn.
        if (!el.checkVisibility({ visibilityProperty: true })) continue;
        const p = pane ? el.closest(pane)?.getBoundingClientRect() ?? view : view;
        const b = clip(r, clip(p, view) ? { left: Math.max(p.left, 0), top: Math.max(p.top, 0), right: Math.min(p.right, innerWidth), bottom: Math.min(p.bottom, innerHeight) } : view);
        if (b) boxes.push({ what: el.tagName.toLowerCase() + '.' + el.className + ' "' + (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 24) + '"', ...b });
      }
    };
    add('.toolbar > *');
    add('.row.head > span');
    add('.list [role=option] > span', '.list');
    add('.splitter');
    add('.details h2, .details h3, .details button, .details p, .details li, .details [role=tab]', '.details');
    const overlaps = [];
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], c = boxes[j];
      const ix = Math.min(a.x + a.w, c.x + c.w) - Math.max(a.x, c.x);
      const iy = Math.min(a.y + a.h, c.y + c.h) - Math.max(a.y, c.y);
      if (ix > 1 && iy > 1) overlaps.push(a.what + ' × ' + c.what);
    }
    const truncatedWithoutTitle = [...document.querySelectorAll('.row > span, .toolbar > *')]
      .filter((el) => el.getBoundingClientRect().width > 0 && el.scrollWidth > el.clientWidth + 1)
      .filter((el) => !el.title || getComputedStyle(el).textOverflow !== 'ellipsis')
      .map((el) => el.className + ' "' + el.textContent.slice(0, 30) + '"');
    const d = document.querySelector('.details').getBoundingClientRect();
    const h2 = document.querySelector('.details h2')?.getBoundingClientRect();
    return {
      overlaps,
      overflow: document.documentElement.scrollWidth - innerWidth,
      truncatedWithoutTitle,
      detailsVisible: Math.min(d.bottom, innerHeight) - Math.max(d.top, 0),
      titleVisible: !!h2 && h2.top >= d.top && h2.bottom <= d.bottom && h2.right <= innerWidth + 1,
    };
  })()`);

/** A HAR a colleague might send: long paths and summaries, an error to explain. */
function layoutHar(): { file: string; done: () => void } {
  const e = (path: string, status: number, body: unknown, method = 'GET') =>
    harEntry(path, status, body, {
      method,
      requestHeaders: [{ name: 'Content-Type', value: 'application/json' }],
      requestBody: '{"description":"no name"}',
    });
  return harFile('layout.har', [
    e('/api/v1/chatbots/', 400, { name: ['This field is required.'], rag: ['This field is required.'] }, 'POST'),
    e('/api/v1/chatbots/a-very-long-chatbot-identifier-0123456789/knowledge-bases/?page=2&page_size=50', 404, { detail: 'Not found.' }),
    e('/api/users/current/', 401, { detail: 'Invalid API key format.' }),
    e('/api/v1/conversations/', 200, { count: 1, next: null, previous: null, results: [{ id: 'c1' }] }),
  ]);
}

describe('every width works', () => {
  let page: Page;
  let har: ReturnType<typeof layoutHar>;
  beforeAll(async () => {
    har = layoutHar();
    page = await env.b.ctx.newPage();
    await page.setViewportSize({ width: 1200, height: 700 });
    await page.goto(`chrome-extension://${env.b.extId}/src/panel/panel.html`);
    await page.getByLabel('Import HAR').setInputFiles(har.file);
    await page.getByRole('listbox').getByRole('option').first().click();
    await page.locator('.details h2').waitFor();
  });
  afterAll(async () => {
    await page?.close();
    har?.done();
  });

  it.each([360, 560, 1200])('at %i px: nothing overlaps, nothing runs off the side, the explanation is readable', async (width) => {
    await page.setViewportSize({ width, height: 600 });
    await poll('the new width', async () => (await page.evaluate(() => window.innerWidth)) === width);
    const m = await measure((js) => page.evaluate<Layout>(js));
    expect(m.overlaps).toEqual([]);
    expect(m.overflow).toBeLessThanOrEqual(0);
    expect(m.truncatedWithoutTitle).toEqual([]);
    expect(m.titleVisible).toBe(true);
    expect(m.detailsVisible).toBeGreaterThanOrEqual(240);
    const narrow = width < 700;
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('[role=separator]')!).display === 'none')).toBe(narrow);
  });

  it('at 1200 px the divider moves by keyboard and by mouse, and is remembered', async () => {
    await page.setViewportSize({ width: 1200, height: 600 });
    const sep = page.getByRole('separator');
    const now = async () => Number(await sep.getAttribute('aria-valuenow'));
    const listWidth = async () => (await page.locator('.list-wrap').boundingBox())!.width;
    const start = await now();
    const w0 = await listWidth();
    await sep.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await poll('the divider moved left', async () => (await now()) === start - 4);
    expect(await listWidth()).toBeLessThan(w0 - 30);
    await page.keyboard.press('End');
    await poll('the divider at its maximum', async () => (await now()) === 80);
    const box = (await sep.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 50);
    await page.mouse.down();
    await page.mouse.move(480, box.y + 80, { steps: 4 });
    await page.mouse.up();
    await poll('the divider dragged to 40 %', async () => (await now()) === 40);
    // Remembered: the panel opened again starts where the user left it.
    await page.reload();
    await sep.waitFor();
    expect(await now()).toBe(40);
  });
});

describe('the real DevTools, docked at its own width', () => {
  it('nothing overlaps and the explanation is readable', async () => {
    await pageFetch(env.docs, 'https://api.maiagent.ai/api/v1/chatbots/', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"description":"x"}',
    });
    await select('/api/v1/chatbots/', '400');
    const width = await env.panel.eval<number>('innerWidth');
    const m = await measure((js) => env.panel.eval<Layout>(js));
    expect(m.overlaps, `at ${width} px`).toEqual([]);
    expect(m.overflow).toBeLessThanOrEqual(0);
    expect(m.truncatedWithoutTitle).toEqual([]);
    expect(m.titleVisible).toBe(true);
    expect(m.detailsVisible).toBeGreaterThanOrEqual(200);
  });
});

describe('streams, in the real DevTools', () => {
  const streamOf = () =>
    env.panel.eval<{ state: string; text: string; conversation: string; events: string } | null>(`(() => {
      const s = document.querySelector('[data-testid=stream]');
      return s && { state: s.querySelector('[data-testid=stream-state]').textContent, text: s.querySelector('[data-testid=stream-text]').textContent,
        conversation: s.querySelector('[data-testid=stream-conversation]').textContent, events: s.querySelector('summary').textContent };
    })()`);

  it('an event stream shows the assembled reply, the conversation, done, and the timings', async () => {
    await pageFetch(env.docs, 'https://api.maiagent.ai/api/v1/test-stream/', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"isStreaming":true}',
    });
    const detail = await select('/api/v1/test-stream/', '200');
    const s = await poll('the stream view', streamOf);
    expect(s.text).toBe('Hello, Ada.');
    expect(s.conversation).toBe('conv-stream-1');
    expect(s.state).toContain('the final done event arrived');
    expect(s.events).toBe('3 events');
    expect(detail).toMatch(/First event after\s+\d/);
    expect(detail).toMatch(/Total time\s+\d/);
  });

  it('JSON lines without the event-stream label, and a stream cut before done says so', async () => {
    await pageFetch(env.docs, 'https://api.maiagent.ai/api/v1/test-stream/?format=jsonl&cut=1', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    await select('/api/v1/test-stream/?format=jsonl&cut=1', '200');
    const s = await poll('the stream view', streamOf);
    expect(s.text).toBe('Hello, Ada.');
    expect(s.events).toBe('2 events');
    expect(s.state).toContain('ended without a final done event');
  });
});

describe('Resend and Edit and resend, in the real DevTools', () => {
  const click = (text: string) =>
    env.panel.eval<boolean>(
      `(() => { const b = [...document.querySelectorAll('.details button')].find((b) => b.textContent === ${JSON.stringify(text)}); if (!b) return false; b.click(); return true; })()`,
    );
  const fill = (label: string, value: string) =>
    env.panel.eval<boolean>(`(() => {
      const l = [...document.querySelectorAll('.resend-editor label')].find((l) => l.textContent.startsWith(${JSON.stringify(label)}));
      const f = l?.querySelector('input, textarea');
      if (!f) return false;
      f.value = ${JSON.stringify(value)};
      f.dispatchEvent(new Event('input', { bubbles: true }));
      return true;
    })()`);
  const sendButton = () =>
    env.panel.eval<{ disabled: boolean } | null>(
      `(() => { const b = [...document.querySelectorAll('.resend-editor button')].find((b) => b.textContent === 'Send'); return b ? { disabled: b.disabled } : null; })()`,
    );
  /** The selected row, once it is a resent one with this status. */
  const resentRow = (status: string) =>
    poll(`a resent ${status} row, selected`, () =>
      env.panel.eval<{ summary: string; detail: string } | false>(`(() => {
        const r = document.querySelector('[role=option][aria-selected=true]');
        const h2 = document.querySelector('.details .detail h2');
        if (!r || !r.querySelector('.badge') || r.querySelector('.status').textContent !== ${JSON.stringify(status)} || !h2?.textContent.startsWith(${JSON.stringify(status)})) return false;
        return { summary: r.querySelector('.summary').textContent, detail: document.querySelector('.details .detail').innerText };
      })()`),
    );

  it('Resend sends the request again from the extension with the current key, as a new row marked resent', async () => {
    await pageFetch(env.docs, 'https://api.maiagent.ai/api/users/current/?resend=1');
    await select('/api/users/current/?resend=1', '200');
    const before = env.server.requests.filter((r) => r.path === '/api/users/current/?resend=1').length;
    expect(await click('Resend')).toBe(true);
    const row = await resentRow('200');
    expect(row.summary.startsWith('resent')).toBe(true);
    const seen = env.server.requests.filter((r) => r.path === '/api/users/current/?resend=1');
    expect(seen).toHaveLength(before + 1);
    expect(seen.at(-1)!.headers.authorization).toBe(`Api-Key ${KEY}`);
    expect(seen.at(-1)!.headers.cookie).toBeUndefined();
    expect(await env.panel.eval<string>('document.documentElement.outerHTML')).not.toContain(KEY);
  });

  it('Edit and resend: says where the JSON is invalid, refuses a URL that is not an API origin, and explains the new answer', async () => {
    await pageFetch(env.docs, 'https://api.maiagent.ai/api/v1/chatbots/', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ description: 'edit me' }),
    });
    await select('/api/v1/chatbots/', '400');
    expect(await click('Edit and resend')).toBe(true);
    await poll('the editor', async () => (await sendButton()) !== null);
    const editor = await env.panel.eval<string>(`document.querySelector('.resend-editor').innerText`);
    expect(editor).toContain(`Api-Key of`);
    expect(await env.panel.eval<string>(`document.querySelector('.resend-editor').outerHTML`)).not.toContain(KEY);
    // Invalid JSON: where, and no sending.
    await fill('Body (JSON)', '{\n  "name": "Bot",\n  "rag": }');
    const problem = await poll('the JSON problem', () =>
      env.panel.eval<string>(`document.querySelector('[data-testid=json-problem]')?.textContent ?? ''`),
    );
    expect(problem).toBe('The JSON is invalid at line 3, column 10.');
    expect(await sendButton()).toEqual({ disabled: true });
    // A URL outside the API origins: a clear message, no sending.
    const before = env.server.requests.length;
    await fill('Body (JSON)', '{"name": "Bot", "rag": {}}');
    await fill('URL', 'https://evil.test/api/v1/chatbots/');
    const refused = await poll('the refusal', () =>
      env.panel.eval<string>(`document.querySelector('#resend-url-problem')?.textContent ?? ''`),
    );
    expect(refused).toContain('Not sent: the extension sends only to a configured API origin, and https://evil.test is not one');
    expect(await sendButton()).toEqual({ disabled: true });
    await fill('URL', 'https://api.maiagent.ai/api/v1/chatbots/');
    await poll('Send enabled', async () => (await sendButton())?.disabled === false);
    expect(
      await env.panel.eval<boolean>(
        `[...document.querySelectorAll('.resend-editor button')].find((b) => b.textContent === 'Send').click(), true`,
      ),
    ).toBe(true);
    const row = await resentRow('201');
    expect(row.detail).toContain('201');
    const sent = env.server.requests.slice(before).filter((r) => r.path === '/api/v1/chatbots/' && r.method === 'POST');
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0]!.body)).toEqual({ name: 'Bot', rag: {} });
    expect(sent[0]!.headers.authorization).toBe(`Api-Key ${KEY}`);
    expect(env.server.requests.slice(before).some((r) => r.host === 'evil.test')).toBe(false);
  });
});

describe('the detail pane, in the real DevTools', () => {
  const setFilter = (v: string) =>
    env.panel.eval(
      `(() => { const i = document.querySelector('input[type=search]'); i.value = ${JSON.stringify(v)}; i.dispatchEvent(new Event('input', { bubbles: true })); return true; })()`,
    );
  const paths = () =>
    env.panel.eval<string[]>(
      `[...document.querySelectorAll('[role=option]')].map((r) => r.querySelector('.method').textContent + ' ' + r.querySelector('.path').textContent)`,
    );
  const active = () =>
    env.panel.eval<string>(
      `(() => { const a = document.activeElement; return a ? (a.id || a.getAttribute('type') || a.tagName) : ''; })()`,
    );

  it('hides CORS preflight (OPTIONS) rows unless the switch is on', async () => {
    // A header the API allows but a simple request cannot carry: the browser asks first.
    await pageFetch(env.docs, 'https://api.maiagent.ai/api/v1/chatbots/?preflight=1', {
      headers: { 'X-Requested-With': 'panel-test', 'Content-Type': 'application/json' },
      method: 'PUT',
      body: '{}',
    });
    await poll('the PUT row', async () => (await paths()).includes('PUT /api/v1/chatbots/?preflight=1'));
    expect((await paths()).filter((p) => p.startsWith('OPTIONS'))).toEqual([]);
    await env.panel.eval(
      `[...document.querySelectorAll('label')].find((l) => l.textContent === 'Preflight (OPTIONS)').querySelector('input').click(), true`,
    );
    await poll('the preflight row', async () => (await paths()).includes('OPTIONS /api/v1/chatbots/?preflight=1'));
    await env.panel.eval(
      `[...document.querySelectorAll('label')].find((l) => l.textContent === 'Preflight (OPTIONS)').querySelector('input').click(), true`,
    );
    await poll('the preflight hidden again', async () => !(await paths()).some((p) => p.startsWith('OPTIONS')));
  });

  it('"/" and Ctrl+F focus the filter, which finds text inside bodies and marks it in the body view', async () => {
    await env.panel.eval(`document.querySelector('[role=listbox]').focus(), true`);
    await key('/', 191);
    await poll('the filter focused by /', async () => (await active()) === 'search');
    // The list the next steps (and tests) use is fetched first, so a slow key press cannot take it away.
    await pageFetch(env.docs, 'https://api.maiagent.ai/api/v1/chatbots/');
    // Under load a key sent while the panel frame is still taking the focus can get lost on its
    // way through DevTools: the press is repeated, up to three times (never faked in the page).
    let focused = false;
    for (let i = 0; i < 3 && !focused; i++) {
      await env.panel.eval(`document.querySelector('[role=listbox]').focus(), true`);
      await env.panel.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'f', code: 'KeyF', windowsVirtualKeyCode: 70, modifiers: 2 });
      await env.panel.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'f', code: 'KeyF', windowsVirtualKeyCode: 70, modifiers: 2 });
      focused = await poll('the filter focused by Ctrl+F', async () => (await active()) === 'search', 5_000).then(
        () => true,
        () => false,
      );
    }
    expect(focused, 'Ctrl+F focuses the filter').toBe(true);
    // Only the body says "bot-17": the filter finds the list that holds it.
    await poll('the list row', async () => (await paths()).includes('GET /api/v1/chatbots/'));
    await setFilter('bot-17');
    await poll('only rows whose body has it', async () => {
      const p = await paths();
      return p.length > 0 && p.every((x) => x === 'GET /api/v1/chatbots/');
    });
    await select('/api/v1/chatbots/', '200');
    const mark = await poll('the marked match in the body', () =>
      env.panel.eval<{ text: string; visible: boolean } | null>(`(() => {
        const m = document.querySelector('.details [data-testid=response-body] mark');
        if (!m) return null;
        const r = m.getBoundingClientRect(), d = document.querySelector('.details').getBoundingClientRect();
        // Scrolled into view once the panel has drawn it.
        return r.top >= d.top - 1 && r.bottom <= d.bottom + 1 ? { text: m.textContent, visible: true } : null;
      })()`),
    );
    expect(mark.text).toBe('bot-17');
    expect(mark.visible).toBe(true);
    await setFilter('');
  });

  it('shows JSON as a tree whose keys give their path (results[0].id) to copy', async () => {
    await setFilter('');
    await select('/api/v1/chatbots/', '200');
    await poll('the tree', () => env.panel.eval<boolean>(`!!document.querySelector('[data-testid=json-tree]')`));
    const pick = (key: string) =>
      env.panel.eval<boolean>(
        `(() => { const b = [...document.querySelectorAll('.json-tree button.key')].find((b) => b.textContent === ${JSON.stringify(key)}); if (!b) return false; b.click(); return true; })()`,
      );
    // results is open, its items closed: open the first one.
    await env.panel.eval(
      `(() => { const li = [...document.querySelectorAll('.json-tree li.branch')].find((l) => l.querySelector(':scope > button.key')?.textContent === '0'); li.querySelector(':scope > button.toggle').click(); return true; })()`,
    );
    await poll('the first item open', () => pick('"id"'));
    expect(await env.panel.eval<string>(`document.querySelector('[data-testid=json-path]').textContent`)).toBe('results[0].id');
    expect(
      await env.panel.eval<string>(`[...document.querySelectorAll('.json-tree button')].map((b) => b.textContent).join('|')`),
    ).toContain('Copy path');
    await pick('"count"');
    expect(await env.panel.eval<string>(`document.querySelector('[data-testid=json-path]').textContent`)).toBe('count');
  });

  it('Alt+1…4 jump between Explanation, Request, Response and Timing; the details scroll by keyboard', async () => {
    await select('/api/v1/chatbots/', '200');
    const alt = async (n: number) => {
      await env.panel.send('Input.dispatchKeyEvent', {
        type: 'keyDown',
        key: String(n),
        code: `Digit${n}`,
        windowsVirtualKeyCode: 48 + n,
        modifiers: 1,
      });
      await env.panel.send('Input.dispatchKeyEvent', {
        type: 'keyUp',
        key: String(n),
        code: `Digit${n}`,
        windowsVirtualKeyCode: 48 + n,
        modifiers: 1,
      });
    };
    // The user is in the panel (keys go to the focused frame): here, on the request list.
    await env.panel.eval(`document.querySelector('[role=listbox]').focus(), true`);
    for (const [n, id] of [
      [2, 'sec-request'],
      [4, 'sec-timing'],
      [3, 'sec-response'],
      [1, 'sec-explanation'],
    ] as const) {
      await alt(n);
      await poll(`Alt+${n} on ${id}`, async () => (await active()) === id);
    }
    expect(await env.panel.eval<string>(`document.querySelector('#sec-timing').nextElementSibling.innerText`)).toMatch(/Total\s+\d/);
    // The details pane is a focusable region: Page Down scrolls it.
    await env.panel.eval(`(() => { const d = document.querySelector('.details'); d.scrollTop = 0; d.focus(); return true; })()`);
    expect(await env.panel.eval<string | null>(`document.querySelector('.details').getAttribute('tabindex')`)).toBe('0');
    await key('PageDown', 34);
    await poll('the details scrolled', () => env.panel.eval<boolean>(`document.querySelector('.details').scrollTop > 0`));
  });
});

describe('the real DevTools, undocked into its own window of 360, 560 and 1,200 px', () => {
  let win: { dt: Cdp; targetId: string; windowId: number };
  const dock = (side: string) =>
    win.dt.eval<string>(`(async () => {
      const UI = await import('./ui/legacy/legacy.js');
      const d = UI.DockController.DockController.instance();
      d.setDockSide(${JSON.stringify(side)});
      return d.dockSide();
    })()`);
  beforeAll(async () => {
    const { dt, targetId } = await devtoolsOf(env.b.profileDir, DOCS);
    win = { dt, targetId, windowId: 0 };
    // Undocked, the DevTools front-end is a browser window of its own and the panel fills its width.
    expect(await dock('undocked')).toBe('undocked');
    win.windowId = (await dt.send<{ windowId: number }>('Browser.getWindowForTarget', { targetId })).windowId;
    await pageFetch(
      env.docs,
      'https://api.maiagent.ai/api/v1/chatbots/a-very-long-chatbot-identifier-0123456789/knowledge-bases/?page=2&page_size=50',
    );
    await pageFetch(env.docs, 'https://api.maiagent.ai/api/v1/chatbots/', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"description":"no name"}',
    });
    await select('/api/v1/chatbots/', '400');
  });
  // Last in this file: keys sent to the panel after an undock and a re-dock no longer reach it
  // the same way (Ctrl+F), so the DevTools window stays undocked until the browser closes.
  afterAll(() => win?.dt.close());

  it.each([360, 560, 1200])('at %i px: nothing overlaps, nothing runs off the side, the explanation is readable', async (width) => {
    await win.dt.send('Browser.setWindowBounds', { windowId: win.windowId, bounds: { width, height: 700 } });
    await poll(`the panel ${width} px wide`, async () => (await env.panel.eval<number>('innerWidth')) === width);
    // Read from the top: the section links stay on top (sticky, opaque) of what scrolls under them.
    await env.panel.eval(`document.querySelector('.details').scrollTop = 0, true`);
    // The explanation of the 400 is what the user reads at every width.
    expect(await env.panel.eval<string>(`document.querySelector('.details .detail').innerText`)).toContain('name');
    const m = await measure((js) => env.panel.eval<Layout>(js));
    expect(m.overlaps, `at ${width} px`).toEqual([]);
    expect(m.overflow).toBeLessThanOrEqual(0);
    expect(m.truncatedWithoutTitle).toEqual([]);
    expect(m.titleVisible).toBe(true);
    expect(m.detailsVisible).toBeGreaterThanOrEqual(240);
    expect(await env.panel.eval<boolean>(`getComputedStyle(document.querySelector('[role=separator]')).display === 'none'`)).toBe(
      width < 700,
    );
  });
});
