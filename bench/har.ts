// A large, realistic HAR file: entries drawn from the corpus templates with varied ids, query
// strings, times and sizes (seeded, so every run imports the same file).
import { writeFileSync } from 'node:fs';
import type { HarEntry } from '../src/core/har';
import { REQUIRED_STATUSES, templates, type Template } from './corpus';

/** Mulberry32: a small seeded PRNG. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How often each template is drawn: success is common, each kind of error less so. */
function weight(t: Template): number {
  const s = t.response.status;
  if (s >= 200 && s < 300) return 6;
  if (s === 0) return 1;
  return 2;
}

function vary(t: Template, i: number, r: () => number, start: number): HarEntry {
  const botId = 1 + Math.floor(r() * 500);
  const url = t.request.url
    .replace(/bot-\d+/g, `bot-${botId}`)
    .replace(/page=\d+/, `page=${1 + Math.floor(r() * 3)}`)
    .replace(/c-404/, `c-${Math.floor(r() * 1e6).toString(36)}`);
  const time = 20 + r() * (t.response.status >= 500 ? 1500 : 300);
  const content = t.response.content ?? {};
  return {
    startedDateTime: new Date(start + i * 137 + Math.floor(r() * 100)).toISOString(),
    time,
    request: {
      ...t.request,
      url,
      headers: [...(t.request.headers ?? []), { name: 'x-request-seq', value: String(i) }],
    },
    response: {
      ...t.response,
      headers: [
        ...(t.response.headers ?? []),
        { name: 'date', value: new Date(start + i * 137).toUTCString() },
        { name: 'x-request-id', value: `req-${i.toString(16)}` },
      ],
      content: { ...content },
    },
    // The fields Chrome writes, so the file looks like a DevTools export.
    ...({
      _resourceType: 'fetch',
      cache: {},
      timings: { blocked: 1, dns: -1, ssl: -1, connect: -1, send: 0.1, wait: time - 2, receive: 0.9 },
      serverIPAddress: '203.0.113.10',
    } as Record<string, unknown>),
  };
}

export interface GeneratedHar {
  path: string;
  entries: number;
  bytes: number;
  statuses: Record<string, number>;
}

export function writeHar(path: string, count: number, seed = 42): GeneratedHar {
  const pool = templates();
  const weighted = pool.flatMap((t) => Array.from({ length: weight(t) }, () => t));
  const r = rng(seed);
  const start = Date.parse('2024-05-01T08:00:00Z');
  const entries: HarEntry[] = [];
  // Every status the brief names appears at least once, up front; the rest is drawn.
  for (const status of REQUIRED_STATUSES) {
    const t = pool.find((x) => x.response.status === status);
    if (!t) throw new Error(`the corpus has no ${status} response`);
    entries.push(vary(t, entries.length, r, start));
  }
  while (entries.length < count) entries.push(vary(weighted[Math.floor(r() * weighted.length)]!, entries.length, r, start));
  const statuses: Record<string, number> = {};
  for (const e of entries) statuses[e.response.status] = (statuses[e.response.status] ?? 0) + 1;
  const har = {
    log: {
      version: '1.2',
      creator: { name: 'WebInspector', version: '537.36' },
      pages: [
        {
          startedDateTime: new Date(start).toISOString(),
          id: 'page_1',
          title: 'https://docs.maiagent.ai/',
          pageTimings: { onContentLoad: 300, onLoad: 500 },
        },
      ],
      entries: entries.map((e) => ({ pageref: 'page_1', ...e })),
    },
  };
  const text = JSON.stringify(har);
  writeFileSync(path, text);
  return { path, entries: entries.length, bytes: Buffer.byteLength(text), statuses };
}
