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
    expect(row).toEqual({ method: 'GET', path: '/api/users/current/', status: '401', summary: 'Not authenticated — Authentication credentials were not provided.' });
    await panel('document.querySelector("[role=option]").click()');
    const detail = await poll('the 401 explained', () =>
      panel<string>(`(() => { const d = document.querySelector('.details .detail'); return d && d.querySelector('h2')?.textContent.startsWith('401') ? d.innerText : ''; })()`),
    );
    expect(detail).toContain('key injection is switched off');
    expect(detail).toContain('No Authorization header was sent.');
    expect(detail).toContain('Authorization: Api-Key <your key>');
    expect(await panelText()).not.toContain(KEY);
  });
});
