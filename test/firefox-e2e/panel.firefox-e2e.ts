// Firefox: the real DevTools toolbox on a docs.maiagent.ai tab, the "MaiAgent" panel in it, and a
// 401 listed and explained. The panel is read and clicked from the privileged scope (BiDi cannot
// reach a DevTools panel).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { poll } from './firefox';
import { evalInPanel, openDevtoolsPanel } from './privileged';
import { ADA, saveKeyInPopup, useFirefox } from './setup';

const KEY = 'Lk8Jh6Gf.firefoxPanel0123456789abcd';
const env = useFirefox({ [KEY]: ADA });
let docs: Page;
let toolId: string;

async function panel<T>(expression: string): Promise<T> {
  const r = await env.fx.chromeEval(evalInPanel, toolId, expression);
  if ('error' in r) throw new Error(`panel: ${r.error}`);
  return r.value as T;
}
const panelText = () => panel<string>('document.body.innerText');

async function docsFetch(path: string): Promise<number> {
  return docs.evaluate(async (url) => (await fetch(url, { credentials: 'omit' })).status, `https://api.maiagent.ai${path}`);
}

beforeAll(async () => {
  const popup = await saveKeyInPopup(env.fx, KEY);
  // Injection off, so the docs page's request goes out without a key and gets the 401.
  await (await popup.waitForSelector('[role=switch]'))!.click();
  await poll('injection to be off', async () => (await popup.evaluate(() => document.body.innerText)).includes('Injection is off'));
  await popup.close();
  docs = await env.fx.openSite('https://docs.maiagent.ai/');
  const opened = await env.fx.chromeEval(openDevtoolsPanel, 'https://docs.maiagent.ai/', 'MaiAgent');
  if ('error' in opened) throw new Error(`DevTools: ${opened.error} ${JSON.stringify(opened.tools ?? [])}`);
  toolId = opened.toolId;
  expect(opened.panelUrl).toMatch(/\/src\/panel\/panel\.html$/);
  // The panel has started when it shows its empty list.
  await poll('the panel to start', async () => (await panelText()).includes('No MaiAgent API requests yet'));
});

describe('Firefox: DevTools panel', () => {
  it('lists the 401 of a request from the inspected page, and explains it', async () => {
    expect(await docsFetch('/api/users/current/')).toBe(401);
    const row = await poll('the 401 row', () =>
      panel<{ method: string; path: string; status: string; summary: string } | null>(`(() => {
        const r = [...document.querySelectorAll('[role=option]')].find((r) => r.querySelector('.status').textContent === '401');
        return r ? { method: r.querySelector('.method').textContent, path: r.querySelector('.path').textContent,
          status: '401', summary: r.querySelector('.summary').textContent } : null;
      })()`),
    );
    expect(row).toEqual({
      method: 'GET',
      path: '/api/users/current/',
      status: '401',
      summary: 'Not authenticated — Authentication credentials were not provided.',
    });
    await panel('document.querySelector("[role=option]").click()');
    const detail = await poll('the 401 explained', () =>
      panel<string>(
        `(() => { const d = document.querySelector('.details .detail'); return d && d.querySelector('h2')?.textContent.startsWith('401') ? d.innerText : ''; })()`,
      ),
    );
    expect(detail).toContain('key injection is switched off');
    expect(detail).toContain('No Authorization header was sent.');
    expect(detail).toContain('Authorization: Api-Key <your key>');
    expect(await panelText()).not.toContain(KEY);
  });

  it('masks a stored key wherever a request shows it, and Copy error report and Copy as Python hold no key', async () => {
    // A page that puts the key in the query string (a simple request: no preflight).
    expect(await docsFetch(`/__echo?probe=firefox&api_key=${KEY}`)).toBe(200);
    const masked = `${KEY.slice(0, 6)}...${KEY.slice(-2)}`;
    const path = await poll('the row, its key masked', () =>
      panel<string>(
        `(() => { const r = [...document.querySelectorAll('[role=option]')].find((r) => r.querySelector('.path').textContent.startsWith('/__echo?probe=firefox')); if (r) r.click(); return r ? r.querySelector('.path').textContent : ''; })()`,
      ),
    );
    expect(path).toBe(`/__echo?probe=firefox&api_key=${masked}`);
    const detail = await poll('the detail view', () =>
      panel<string>(
        `(() => { const d = document.querySelector('.details .detail'); return d && d.innerText.includes('/__echo?probe=firefox') ? d.innerText : ''; })()`,
      ),
    );
    expect(detail).toContain(masked);
    expect(detail).not.toContain(KEY);
    const copy = async (button: string, start: string) => {
      await panel(`[...document.querySelectorAll('button')].find((b) => b.textContent === ${JSON.stringify(button)}).click()`);
      return poll(button, () =>
        panel<string>(
          `(() => { const t = document.querySelector('[data-testid=snippet]')?.textContent ?? ''; return t.startsWith(${JSON.stringify(start)}) ? t : ''; })()`,
        ),
      );
    };
    const report = await copy('Copy error report', '### MaiAgent API error report');
    expect(report).toContain('`GET https://api.maiagent.ai/__echo?probe=firefox&api_key=$MAIAGENT_API_KEY`');
    expect(report).toMatch(/- \*\*Browser:\*\* Firefox \d+/);
    expect(report).not.toContain(KEY);
    const python = await copy('Copy as Python', 'import os');
    expect(python).toContain('"https://api.maiagent.ai/__echo?probe=firefox&api_key=" + os.environ["MAIAGENT_API_KEY"]');
    expect(python).not.toContain(KEY);
    expect(await panel<string>('document.documentElement.outerHTML')).not.toContain(KEY);
  });
});
