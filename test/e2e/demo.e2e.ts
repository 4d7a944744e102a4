// The demo `npm start` opens, driven like a newcomer would: each button gives exactly the case it
// names (the 401s without the extension's key, made by a page on another website), the results
// print in fixed boxes so the buttons never move, completions and uploads answer in MaiAgent's
// documented shapes. And the docs flow: an example from the reference page, pasted into the
// console of that docs page, runs with the key; the page's API link opens the browsable API
// with the key.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { referenceExamples } from '../server/demo-pages';
import { API_HOST, DOCS_HOST, INVALID_KEY, NOT_PROVIDED, S3_HOST } from '../server/maiagent-server';
import { saveKeyInPopup } from './user';
import { ADA, useExtension } from './setup';

const KEY = 'DemoKey1.maiagent-devtools-demo';
const env = useExtension({ [KEY]: ADA });

async function click(page: Page, id: string, until: RegExp): Promise<string> {
  const out = page.getByTestId(`out-${id}`);
  await page.locator(`#call-${id}`).click();
  try {
    await out.filter({ hasText: until }).waitFor({ timeout: 15_000 });
  } catch {
    throw new Error(`the ${id} button printed ${JSON.stringify(await out.textContent())}, not ${String(until)}`);
  }
  return (await out.textContent()) ?? '';
}

const boxes = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('#calls button')].map((b) => {
      const r = b.getBoundingClientRect();
      // In page coordinates: clicking scrolls the page, which is not the buttons moving.
      return [r.left + scrollX, r.top + scrollY, r.width, r.height].map(Math.round).join(',');
    }),
  );

describe('the demo page', () => {
  it('each button gives the case it names; the buttons stay where they are', async () => {
    await (await saveKeyInPopup(env.b, KEY)).close();
    const page = await env.b.ctx.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(`https://${DOCS_HOST}/demo`);
    const before = await boxes(page);

    // Rules are installed right after the key is saved; allow them a moment.
    let ok = '';
    for (let i = 0; i < 20 && !ok.includes('HTTP 200'); i++) {
      if (i > 0) await page.waitForTimeout(250);
      ok = await click(page, '200', /HTTP/);
    }
    expect(ok).toContain('GET /api/users/current/ → HTTP 200 OK');
    expect(ok).toContain('Ada Tester');

    const apiCalls = () => env.server.requests.filter((r) => r.host === API_HOST && r.path === '/api/users/current/' && r.method === 'GET');
    const n = apiCalls().length;
    const noKey = await click(page, '401', /HTTP 401/);
    expect(noKey).toContain(NOT_PROVIDED);
    expect(noKey).toContain('from https://evil.test');
    const wrong = await click(page, '401-wrong', /HTTP 401/);
    expect(wrong).toContain(INVALID_KEY);
    // What the server saw: no header, then the other site's own made-up key — never the demo key.
    const seen = apiCalls()
      .slice(n)
      .map((r) => r.headers.authorization ?? null);
    expect(seen).toEqual([null, 'Api-Key not-a-real-key']);

    expect(await click(page, '400', /HTTP 400/)).toContain('This field is required.');
    expect(await click(page, '403', /HTTP 403/)).toContain('You do not have permission');
    expect(await click(page, '404', /HTTP 404/)).toContain('Not found.');
    expect(await click(page, '429', /HTTP 429/)).toContain('throttled');
    expect(await click(page, '500', /HTTP 500/)).toContain('Server Error (500)');

    const chat = await click(page, 'chat', /HTTP 200/);
    const reply = JSON.parse(chat.slice(chat.indexOf('\n') + 1)) as Record<string, unknown>;
    expect(reply).toEqual({ conversationId: 'conv-demo-1', content: expect.stringContaining('You said: Hello') as unknown, done: true });

    const streamed = await click(page, 'stream', /done/);
    expect(streamed).toMatch(/HTTP 200 OK · \d+ events, done\nYou said: Hello\. This is the local stand-in for MaiAgent\./);

    const upload = await click(page, 'upload', /attachments\/ → HTTP/);
    expect(upload).toContain('POST /api/v1/upload-presigned-url/ → HTTP 200 OK');
    expect(upload).toContain(`POST https://${S3_HOST}/maiagent-demo-uploads → HTTP 204`);
    expect(upload).toContain('POST /api/v1/attachments/ → HTTP 201 Created');
    const s3 = env.server.requests.filter((r) => r.host === S3_HOST && r.method === 'POST');
    expect(s3).toHaveLength(1);
    expect(s3[0]!.headers.authorization, 'the key must not go to storage').toBeUndefined();
    expect(s3[0]!.body).toContain('Hello, S3!');

    expect(await boxes(page)).toEqual(before);
    await page.close();
  });
});

describe('the docs flow', () => {
  it('an example pasted into the console of a docs page runs with the key', async () => {
    const page = await env.b.ctx.newPage();
    await page.goto(`https://${DOCS_HOST}/reference/current-user`);
    const logged: string[] = [];
    page.on('console', (m) => logged.push(m.text()));
    // The example exactly as the page shows it, run in the page as the console runs what is pasted.
    const example = (await page.getByTestId('example-current-user').textContent()) ?? '';
    expect(example).toBe(referenceExamples({ api: API_HOST, docs: DOCS_HOST, other: 'evil.test', s3: S3_HOST })[0]!.code);
    const n = env.server.requests.length;
    const statuses: number[] = [];
    page.on('response', (r) => void (r.url().startsWith(`https://${API_HOST}/`) && statuses.push(r.status())));
    // What the console does with a pasted expression: evaluate it in the page, await its promise.
    await page.evaluate((code) => (0, eval)(code) as Promise<void>, example);
    await expect.poll(() => logged.join('\n')).toContain('Ada Tester');
    expect(statuses).toEqual([200]);
    const sent = env.server.requests.slice(n).filter((r) => r.host === API_HOST);
    expect(sent.map((r) => r.headers.authorization)).toEqual([`Api-Key ${KEY}`]);

    const completion = (await page.getByTestId('example-completion').textContent()) ?? '';
    const answer = await page.evaluate(async (code) => {
      const lines: string[] = [];
      const log = console.log;
      console.log = (...a: unknown[]) => void lines.push(JSON.stringify(a[0]));
      try {
        await (0, eval)(code);
      } finally {
        console.log = log;
      }
      return lines;
    }, completion);
    expect(JSON.parse(answer[0]!)).toMatchObject({ conversationId: 'conv-demo-1', done: true });
    await page.close();
  });

  it("the page's API link opens the browsable API with the key", async () => {
    const page = await env.b.ctx.newPage();
    await page.goto(`https://${DOCS_HOST}/reference/current-user`);
    await Promise.all([page.waitForURL(`https://${API_HOST}/api/users/current/`), page.locator('#browsable-api').click()]);
    const shown = (await page.locator('#response').textContent()) ?? '';
    // Needs the rule for links started by docs pages (src/core/rules.ts); a 401 here means the link went without the key.
    expect(shown, 'a link on a docs page opens the browsable API with the key').toContain('HTTP 200');
    expect(shown).toContain('Ada Tester');
    await page.close();
  });
});
