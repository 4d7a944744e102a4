// What the picture tests share (README screenshots, store images): real API traffic from the docs
// site, recorded as a HAR file for the panel to show.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestServer } from '../server/maiagent-server';
import type { Launched } from './browser';
import { pageFetch } from './user';

/** Real API traffic from the docs site (a 200, a 400, a 429, a 500 page…), written to `dir` as a HAR file. */
export async function recordHar(b: Launched, server: TestServer, dir: string): Promise<string> {
  const docs = await b.ctx.newPage();
  await docs.goto('https://docs.maiagent.ai/');
  const calls: [string, { method?: string; body?: string; headers?: Record<string, string> }?][] = [
    ['https://api.maiagent.ai/api/users/current/'],
    ['https://api.maiagent.ai/api/v1/chatbots/'],
    [
      'https://api.maiagent.ai/api/v1/chatbots/',
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"description":"demo"}' },
    ],
    ['https://api.maiagent.ai/api/v1/throttled/'],
    ['https://api.maiagent.ai/api/v1/broken/'],
  ];
  const entries = [];
  for (const [url, init] of calls) {
    const t0 = Date.now();
    const r = await pageFetch(docs, url, init ?? {});
    const seen = server.requests.at(-1)!;
    const type = r.text.startsWith('<') ? 'text/html' : 'application/json';
    entries.push({
      startedDateTime: new Date(t0).toISOString(),
      time: Date.now() - t0,
      request: {
        method: seen.method,
        url,
        headers: Object.entries(seen.headers).map(([name, value]) => ({ name, value: String(value) })),
        ...(seen.body ? { postData: { mimeType: 'application/json', text: seen.body } } : {}),
      },
      response: { status: r.status, headers: [{ name: 'Content-Type', value: type }], content: { text: r.text, mimeType: type } },
    });
  }
  await docs.close();
  const har = join(dir, 'demo.har');
  writeFileSync(har, JSON.stringify({ log: { version: '1.2', entries } }));
  return har;
}
