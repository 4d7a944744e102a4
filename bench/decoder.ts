// Figure 4: how many exchanges per second the pure core decodes and diagnoses, in Node, on a
// mixed corpus built from test/unit/corpus (diagnose() calls decode()).
import { performance } from 'node:perf_hooks';
import { diagnose, FILE_SNAPSHOT, type Snapshot } from '../src/core/diagnose';
import type { Exchange } from '../src/core/exchange';
import { harToExchange } from '../src/core/har';
import { templates } from './corpus';
import type { Measurement, Outcome } from './figures';

const API = 'https://api.maiagent.ai';
const DOCS = 'https://docs.maiagent.ai';

/** The situations the panel diagnoses in: a keyed developer on the docs site, and the usual slips. */
type Context = { snapshot: Snapshot; sentFingerprint: string | null };
const base: Snapshot = {
  source: 'capture',
  enabled: true,
  keyedOrigins: [API],
  allowedSites: [DOCS],
  storedFingerprint: '1a2b3c4d',
  profileName: 'Default',
  lastCheck: null,
  pageOrigin: DOCS,
};
const CONTEXTS: Context[] = [
  { snapshot: base, sentFingerprint: '1a2b3c4d' },
  { snapshot: { ...base, lastCheck: { outcome: 'refused', origin: API, at: 0 } }, sentFingerprint: '1a2b3c4d' },
  { snapshot: base, sentFingerprint: '9f8e7d6c' },
  { snapshot: { ...base, enabled: false }, sentFingerprint: null },
  { snapshot: { ...base, keyedOrigins: [], storedFingerprint: null }, sentFingerprint: null },
  { snapshot: { ...base, pageOrigin: 'https://app.example.com' }, sentFingerprint: null },
  { snapshot: FILE_SNAPSHOT, sentFingerprint: null },
];

function corpusExchanges(): Exchange[] {
  return templates().map((t) => harToExchange(t));
}

/** Run diagnose over the items for about `ms` milliseconds; entries per second. */
function measure(items: { ex: Exchange; ctx: Context }[], ms: number): { perSecond: number; count: number; sink: number } {
  let count = 0;
  let sink = 0;
  const t0 = performance.now();
  let now = t0;
  while (now - t0 < ms) {
    // Check the clock once per pass over the corpus, not per entry.
    for (const { ex, ctx } of items) {
      const d = diagnose({ exchange: ex, ...ctx });
      sink += d.fixes.length + (d.cause ? 1 : 0);
    }
    count += items.length;
    now = performance.now();
  }
  return { perSecond: (count / (now - t0)) * 1000, count, sink };
}

export const decoder: Measurement = {
  id: 'decoder',
  title: 'Decoder + diagnosis throughput (Node)',
  figures: [
    { id: 'decoder.throughput', name: 'Decoder: entries decoded+diagnosed', unit: '/s', target: { op: '>', value: 50_000 }, digits: 0 },
  ],
  async run(opts): Promise<Outcome> {
    const exchanges = corpusExchanges();
    // Every exchange under every context, interleaved so consecutive entries differ.
    const items = exchanges.flatMap((ex, i) => CONTEXTS.map((_, j) => ({ ex, ctx: CONTEXTS[(i + j) % CONTEXTS.length]! })));
    const windowMs = opts.smoke ? 400 : 1000;
    measure(items, opts.smoke ? 200 : 500); // warm-up: let the JIT settle
    const samples: number[] = [];
    let sink = 0;
    // Several short windows per run: a window is one sample.
    const windows = opts.iterations * 2;
    for (let i = 0; i < windows; i++) {
      const r = measure(items, windowMs);
      samples.push(r.perSecond);
      sink += r.sink;
    }
    opts.log(`  ${samples.map((s) => Math.round(s).toLocaleString('en-US')).join(', ')} entries/s`);
    const statuses = [...new Set(exchanges.map((e) => e.status))].sort((a, b) => a - b);
    return {
      samples: { 'decoder.throughput': samples },
      details: {
        corpusEntries: exchanges.length,
        contexts: CONTEXTS.length,
        itemsPerPass: items.length,
        statuses,
        windowMs,
        windows,
        checksum: sink,
      },
    };
  },
};
