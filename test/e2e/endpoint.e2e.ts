// The real DevTools panel names the MaiAgent endpoint of a request from the catalogue: closest real
// endpoints for a path that is none, "the id was not found" for one that is, a documentation link
// per row (new tab, no opener), and a typo in a request body even when the server answered 2xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPanel, poll, type Cdp } from './devtools';
import { ADA, useExtension } from './setup';
import { pageFetch, saveKeyInPopup } from './user';

const KEY = 'Qw3Er5Ty.endpointTestSecret012345678';
const env = useExtension({ [KEY]: ADA }, { devtools: true });
let docs: Page;
let panel: Cdp;

interface EndpointView {
  text: string;
  links: { text: string; href: string; target: string; rel: string }[];
}

/** Click the newest row with this method, path and status; return the endpoint section once it shows that row. */
async function endpointOf(method: string, path: string, status: string): Promise<EndpointView> {
  const id = await poll(`a ${status} row for ${method} ${path}`, () =>
    panel.eval<string | false>(`(() => {
      const r = [...document.querySelectorAll('[role=option]')].reverse().find((r) => r.querySelector('.method').textContent === ${JSON.stringify(method)}
        && r.querySelector('.path').textContent === ${JSON.stringify(path)} && r.querySelector('.status').textContent === ${JSON.stringify(status)});
      if (!r) return false;
      r.click();
      return r.dataset.rowId;
    })()`),
  );
  return poll('the endpoint section of that row', () =>
    panel.eval<EndpointView | false>(`(() => {
      const sel = document.querySelector('[role=option][aria-selected=true]');
      const h2 = document.querySelector('.details .detail h2');
      const section = document.querySelector('.details [data-testid=endpoint]');
      if (sel?.dataset.rowId !== ${JSON.stringify(id)} || !h2?.textContent.startsWith(${JSON.stringify(status)}) || !section) return false;
      return { text: section.innerText, links: [...section.querySelectorAll('a')].map((a) => ({ text: a.textContent, href: a.href, target: a.target, rel: a.rel })) };
    })()`),
  );
}

beforeAll(async () => {
  await (await saveKeyInPopup(env.b, KEY)).close();
  docs = await env.b.ctx.newPage();
  await docs.goto('https://docs.maiagent.ai/');
  panel = await openPanel(env.b.profileDir, env.b.extId, 'https://docs.maiagent.ai/');
});
afterAll(() => panel?.close());

describe('endpoint catalogue in the DevTools panel', () => {
  it('on a 404 for a path that is no endpoint, lists the closest real ones with their documentation', async () => {
    await pageFetch(docs, 'https://api.maiagent.ai/api/v1/chatbot/');
    const view = await endpointOf('GET', '/api/v1/chatbot/', '404');
    expect(view.text).toContain('No MaiAgent endpoint has this path');
    expect(view.text).toContain('Closest real endpoints:');
    const closest = await panel.eval<string[]>(
      `[...document.querySelectorAll('[data-testid=closest-endpoints] li .mono')].map((e) => e.textContent)`,
    );
    expect(closest[0]).toBe('GET, POST /api/v1/chatbots/');
    expect(view.links[0]).toEqual({
      text: 'Open its documentation',
      href: 'https://docs.maiagent.ai/api/api-doc-en/api-reference/ai-zhu-li',
      target: '_blank',
      rel: 'noopener noreferrer',
    });
  });

  it('on a 404 for a real endpoint, says the id in the path was not found', async () => {
    await pageFetch(docs, 'https://api.maiagent.ai/api/v1/chatbots/3f2b8c1e-6a4d-4f7b-9c2e-1d5a7b9e0f11/');
    const view = await endpointOf('GET', '/api/v1/chatbots/3f2b8c1e-6a4d-4f7b-9c2e-1d5a7b9e0f11/', '404');
    expect(view.text).toContain('GET /api/v1/chatbots/{id}/');
    expect(view.text).toContain('what was not found is the id in it (3f2b8c1e-6a4d-4f7b-9c2e-1d5a7b9e0f11)');
    expect(view.text).not.toContain('Closest real endpoints');
  });

  it('links an answered row to its documentation, and the link opens the docs in a new tab', async () => {
    await pageFetch(docs, 'https://api.maiagent.ai/api/users/current/');
    const view = await endpointOf('GET', '/api/users/current/', '200');
    expect(view.text).toContain('GET /api/users/current/');
    const link = view.links[0]!;
    expect(link.href).toBe('https://docs.maiagent.ai/api/api-doc-en/api-reference/zu-zhi-he-cheng-yuan');
    const opened = env.b.ctx.waitForEvent('page', { timeout: 10_000 });
    await panel.eval(`document.querySelector('.details [data-testid=endpoint] a').click()`);
    const tab = await opened;
    await tab.waitForURL(/^https:\/\/docs\.maiagent\.ai\/api\/api-doc-en\/api-reference\/zu-zhi-he-cheng-yuan/);
    // rel=noopener: the docs tab gets no handle on the panel.
    expect(await tab.evaluate(() => window.opener === null)).toBe(true);
    await tab.close();
  });

  it('warns about a misspelt body field even though the server answered 201', async () => {
    await pageFetch(docs, 'https://api.maiagent.ai/api/v1/chatbots/', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'Helper',
        rag: null,
        instruction: 'Be brief.',
        large_language_model: '3f2b8c1e-6a4d-4f7b-9c2e-1d5a7b9e0f11',
      }),
    });
    const view = await endpointOf('POST', '/api/v1/chatbots/', '201');
    expect(view.text).toContain('POST /api/v1/chatbots/');
    const warnings = await panel.eval<string[]>(
      `[...document.querySelectorAll('[data-testid=body-warnings] li')].map((e) => e.textContent)`,
    );
    // snake_case is as good as camelCase; the typo is the only finding, and "missing" is not claimed after a 201.
    expect(warnings).toEqual([
      'instruction is not a field of this endpoint: did you mean instructions? The server ignores unknown fields without an error, so this value had no effect.',
    ]);
  });

  it('on a 405, lists the methods the endpoint takes', async () => {
    await pageFetch(docs, 'https://api.maiagent.ai/api/v1/chatbots/', { method: 'DELETE' });
    const view = await endpointOf('DELETE', '/api/v1/chatbots/', '405');
    expect(view.text).toContain('Methods this endpoint takes: GET, POST');
  });
});
