// The diagnosis corpus: realistic exchanges (HAR entries as Chrome records them), each with its
// public source and the cause a developer needs. Every case must come out right; the run prints
// the score ("diagnosis: N/M causes right").
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { CAUSE_IDS, diagnose, FILE_SNAPSHOT, linkRedirect, type Diagnosis, type Snapshot } from '../../src/core/diagnose';
import { headerValue, type Exchange } from '../../src/core/exchange';
import { harToExchange } from '../../src/core/har';
import { keyFingerprint } from '../../src/core/keys';
import { keyFromAuthorization } from '../../src/core/redact';
import { API, DOCS, STORED_KEY } from './corpus/exchanges/build';
import { CASES, type Case } from './corpus/exchanges';

const storedFingerprint = await keyFingerprint(STORED_KEY);

function pageOf(ex: Exchange): string | null {
  const origin = headerValue(ex.requestHeaders, 'origin');
  if (origin && origin !== 'null') return origin;
  const referer = headerValue(ex.requestHeaders, 'referer');
  return referer ? new URL(referer).origin : null;
}

/** What the panel would have known: by default a developer with the stored key active on the API. */
function snapshotFor(c: Case, ex: Exchange): Snapshot {
  if (c.settings === 'file') return FILE_SNAPSHOT;
  return {
    source: 'capture',
    enabled: true,
    keyedOrigins: [API],
    allowedSites: [DOCS],
    storedFingerprint,
    profileName: 'Production',
    lastCheck: null,
    pageOrigin: pageOf(ex),
    ...c.settings,
  };
}

async function run(c: Case): Promise<Diagnosis> {
  const ex = harToExchange(c.entry);
  const sent = headerValue(ex.requestHeaders, 'authorization');
  const key = sent ? keyFromAuthorization(sent) : null;
  return diagnose({
    exchange: ex,
    snapshot: snapshotFor(c, ex),
    sentFingerprint: key ? await keyFingerprint(key) : null,
    redirectedFrom: linkRedirect(
      (c.before ?? []).map((e) => harToExchange(e)),
      ex,
    ),
  });
}

const results: { id: string; right: boolean }[] = [];

describe('diagnosis corpus', () => {
  afterAll(() => {
    const right = results.filter((r) => r.right).length;
    const line = `diagnosis: ${right}/${results.length} causes right`;
    console.log(line);
    // For the closing summary of `npm test` (scripts/test-summary.mjs); .cache is not tracked.
    const cache = new URL('../../.cache/', import.meta.url);
    mkdirSync(cache, { recursive: true });
    writeFileSync(
      new URL('vitest-diagnosis.json', cache),
      JSON.stringify({ right, total: results.length, wrong: results.filter((r) => !r.right).map((r) => r.id) }),
    );
  });

  it('holds at least 100 exchanges, each with a unique id, a title and a public source', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
    for (const c of CASES) {
      expect(c.title.length, c.id).toBeGreaterThan(10);
      expect(c.source, c.id).toMatch(/^https:\/\/|^[\w.-]+\/[\w.-]+: \S/);
    }
  });

  it('covers every cause the diagnosis can name', () => {
    const covered = new Set(CASES.map((c) => c.expect));
    expect(CAUSE_IDS.filter((id) => !covered.has(id))).toEqual([]);
  });

  it.each(CASES.map((c) => [c.id, c] as const))('%s', async (_, c) => {
    const d = await run(c);
    results.push({ id: c.id, right: d.causeId === c.expect });
    expect(d.causeId, c.title).toBe(c.expect);
    // A cause always says why: some evidence, and at least one thing to do.
    if (d.causeId !== null) {
      expect(d.evidence.length, `${c.id}: evidence`).toBeGreaterThan(0);
      expect(d.fixes.length, `${c.id}: fixes`).toBeGreaterThan(0);
    }
    // The key never appears in what the panel shows.
    expect(JSON.stringify({ ...d, decoded: null })).not.toContain(STORED_KEY.slice(8));
  });
});
