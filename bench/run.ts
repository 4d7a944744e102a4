// `npm run bench`: every measurement, several runs each, one table and bench/results.json.
//
//   BENCH_ITERATIONS=n   runs per measurement (default 3); 1 (or --smoke) is a fast smoke run
//   BENCH_ONLY=a,b       only these measurements (ids: size, decoder, popup, injection, propagation, panel)
//
// Each measurement is isolated: if it throws, its figures are reported as "error" with the reason
// and the others still run. Missed targets are reported, not fatal: the exit code is 0 unless the
// harness itself breaks.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { decoder } from './decoder';
import { formatNumber, settle, sleep, targetText, type Figure, type Measurement, type Outcome, type RunOptions } from './figures';
import { injection } from './injection';
import { panel } from './panel';
import { popup } from './popup';
import { propagation } from './propagation';
import { size } from './size';

const OUT = resolve(import.meta.dirname, 'results.json');
/** No retries after this much time: the whole run must stay well under 5 minutes. */
const RETRY_BUDGET_MS = 180_000;
/** Past this, the remaining measurements run once each (a loaded machine can be much slower). */
const SHRINK_AFTER_MS = 200_000;

const errorText = (e: unknown) => (e instanceof Error ? e.message.split('\n')[0]! : String(e));

// Cheap and independent first, the browser-heavy ones after.
const ALL: Measurement[] = [size, decoder, popup, injection, propagation, panel];

function parseIterations(): { iterations: number; smoke: boolean } {
  const smokeFlag = process.argv.includes('--smoke');
  const raw = process.env.BENCH_ITERATIONS;
  let iterations = smokeFlag ? 1 : 3;
  if (raw !== undefined && raw !== '') {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 50) throw new Error(`BENCH_ITERATIONS must be a whole number from 1 to 50, got "${raw}"`);
    iterations = n;
  }
  return { iterations, smoke: smokeFlag || iterations === 1 };
}

function pad(s: string, n: number, right = false): string {
  const len = [...s].length;
  return len >= n ? s : right ? ' '.repeat(n - len) + s : s + ' '.repeat(n - len);
}

function table(figures: Figure[]): string {
  const rows = figures.map((f) => {
    const unit = f.unit && f.unit !== '×' ? ` ${f.unit}` : f.unit;
    const v = (x: number | null) => (x === null ? '—' : formatNumber(x, f.digits) + unit);
    return [f.name, v(f.median), v(f.min), v(f.max), targetText(f), f.status, String(f.samples.length)];
  });
  const head = ['figure', 'median', 'min', 'max', 'target', 'status', 'n'];
  const widths = head.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...r[i]!].length)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, i >= 1 && i <= 3)).join('  ');
  const out = [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  // One note per distinct reason (a measurement that is not available says why once).
  const byReason = new Map<string, string[]>();
  for (const f of figures) if (f.reason) byReason.set(f.reason, [...(byReason.get(f.reason) ?? []), f.name]);
  const notes = [...byReason].map(
    ([reason, names]) => `  * ${names.length > 2 ? `${names[0]} (and ${names.length - 1} more)` : names.join('; ')}: ${reason}`,
  );
  return [...out, ...(notes.length ? ['', 'notes:', ...notes] : [])].join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadBefore = loadavg();
  const { iterations, smoke } = parseIterations();
  const only = (process.env.BENCH_ONLY ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = only.filter((id) => !ALL.some((m) => m.id === id));
  if (unknown.length)
    throw new Error(`BENCH_ONLY names unknown measurements: ${unknown.join(', ')} (known: ${ALL.map((m) => m.id).join(', ')})`);
  const chosen = only.length ? ALL.filter((m) => only.includes(m.id)) : ALL;

  const log = (line: string) => process.stderr.write(`${line}\n`);
  const opts: RunOptions = { iterations, smoke, log };
  log(`bench: ${iterations} run(s) per measurement${smoke ? ' (smoke)' : ''}, ${cpus().length} CPU(s)`);

  const figures: Figure[] = [];
  const measurements: Record<string, unknown> = {};
  const shrunk: string[] = [];
  for (const m of chosen) {
    const t0 = Date.now();
    log(`\n[${m.id}] ${m.title}`);
    let outcome: Outcome | undefined;
    let failure: unknown;
    let runOpts = opts;
    if (opts.iterations > 1 && Date.now() - started > SHRINK_AFTER_MS) {
      runOpts = { ...opts, iterations: 1 };
      shrunk.push(m.id);
      log(`  time budget: ${((Date.now() - started) / 1000).toFixed(0)} s used, running this measurement once`);
    }
    // One retry: others may rebuild dist/ under a running browser (ERR_FILE_NOT_FOUND), and one
    // flaky step should not cost a whole measurement. Not when the time budget is mostly used.
    for (let attempt = 1; attempt <= 2 && outcome === undefined; attempt++) {
      try {
        outcome = await m.run(runOpts);
      } catch (e) {
        failure = e;
        log(`  failed (attempt ${attempt}): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        if (Date.now() - started > RETRY_BUDGET_MS) break;
        if (attempt === 1) {
          log('  retrying once');
          await sleep(3_000);
        }
      }
    }
    if (outcome) {
      const retried = failure ? `measured on the second attempt; the first failed: ${errorText(failure)}` : undefined;
      for (const spec of m.figures) figures.push(settle(spec, outcome.samples[spec.id], outcome.reasons?.[spec.id] ?? retried));
      measurements[m.id] = {
        seconds: (Date.now() - t0) / 1000,
        ...(failure ? { retried: errorText(failure) } : {}),
        ...(outcome.details ?? {}),
      };
    } else {
      const reason = errorText(failure);
      for (const spec of m.figures) figures.push({ ...settle(spec, [], reason), status: 'error' });
      measurements[m.id] = { seconds: (Date.now() - t0) / 1000, error: reason };
    }
    log(`  (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }

  const seconds = (Date.now() - started) / 1000;
  const results = {
    when: new Date().toISOString(),
    iterations,
    smoke,
    ...(shrunk.length ? { ranOnceForTime: shrunk } : {}),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      platform: process.platform,
      // Other work on the machine skews timings; the 1-minute load average says how much there was.
      loadAverage1m: { before: loadBefore[0], after: loadavg()[0] },
    },
    seconds,
    summary: {
      pass: figures.filter((f) => f.status === 'pass').length,
      fail: figures.filter((f) => f.status === 'fail').length,
      notAvailable: figures.filter((f) => f.status === 'not available').length,
      error: figures.filter((f) => f.status === 'error').length,
    },
    figures: figures.map((f) => ({
      id: f.id,
      name: f.name,
      unit: f.unit,
      median: f.median,
      min: f.min,
      max: f.max,
      target: f.target,
      targetText: targetText(f),
      verdictOn: f.verdict === 'max' ? 'worst run (max)' : 'median',
      status: f.status,
      pass: f.status === 'pass' ? true : f.status === 'fail' ? false : null,
      samples: f.samples,
      ...(f.reason ? { reason: f.reason } : {}),
    })),
    measurements,
  };
  writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);

  process.stdout.write(`\n${table(figures)}\n\n`);
  const load = `load average ${loadBefore[0]!.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs`;
  process.stdout.write(
    `${load}\n${results.summary.pass} pass, ${results.summary.fail} fail, ${results.summary.notAvailable} not available, ${results.summary.error} error — ` +
      `${seconds.toFixed(1)} s — ${OUT}\n`,
  );
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`bench: harness failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
