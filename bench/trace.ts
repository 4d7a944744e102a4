// A DevTools-protocol trace of one page, and the longest main-thread task in it.
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event: what it cost, without time the OS gave to other processes. */
  tdur?: number;
  args?: { name?: string; data?: { frames?: { url?: string; processId?: number; frame?: string }[] } };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'].join(',');

export class Trace {
  private events: TraceEvent[] = [];
  private done: Promise<void> | null = null;

  constructor(private readonly cdp: CDPSession) {
    cdp.on('Tracing.dataCollected', (e) => {
      for (const ev of e.value) this.events.push(ev as unknown as TraceEvent);
    });
  }

  async start(): Promise<void> {
    this.events = [];
    this.done = new Promise((resolve) => this.cdp.once('Tracing.tracingComplete', () => resolve()));
    await this.cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  }

  async stop(): Promise<TraceEvent[]> {
    await this.cdp.send('Tracing.end');
    await this.done;
    return this.events;
  }
}

/**
 * The longest top-level task (RunTask) on the renderer main thread of the page whose URL starts
 * with `urlPrefix`. The page's process comes from the trace's own frame list; without one, the
 * renderer main thread that was busiest is taken.
 */
export interface LongestTask {
  /** Wall-clock duration of the longest task, ms. */
  ms: number;
  /** Largest thread (CPU) time of any task, ms; NaN when the trace has none. */
  cpuMs: number;
  tasks: number;
  over50: number;
  pid: number | null;
  /** What the longest task spent its time in: events nested in it by name, wall ms summed (nested events count in each). */
  inside: { name: string; ms: number; cpuMs: number | null; count: number }[];
}

export function longestTask(events: TraceEvent[], urlPrefix: string): LongestTask {
  const mainThreads = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const framePids = new Set<number>();
  for (const e of events) {
    if (e.name !== 'TracingStartedInBrowser' && e.name !== 'TracingStartedInPage') continue;
    for (const f of e.args?.data?.frames ?? [])
      if (f.url?.startsWith(urlPrefix) && typeof f.processId === 'number') framePids.add(f.processId);
  }
  const isTask = (e: TraceEvent) =>
    e.ph === 'X' && typeof e.dur === 'number' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const byThread = new Map<string, number[]>();
  const cpuByThread = new Map<string, number[]>();
  for (const e of events) {
    if (!isTask(e)) continue;
    const main = mainThreads.find((m) => m.pid === e.pid && m.tid === e.tid);
    if (!main) continue;
    const k = `${e.pid}:${e.tid}`;
    const list = byThread.get(k) ?? [];
    list.push(e.dur! / 1000);
    byThread.set(k, list);
    if (typeof e.tdur === 'number') cpuByThread.set(k, [...(cpuByThread.get(k) ?? []), e.tdur / 1000]);
  }
  let chosen: [string, number[]] | undefined;
  for (const entry of byThread) {
    const pid = Number(entry[0].split(':')[0]);
    if (framePids.size && !framePids.has(pid)) continue;
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    if (!chosen || sum(entry[1]) > sum(chosen[1])) chosen = entry;
  }
  if (!chosen) return { ms: NaN, cpuMs: NaN, tasks: 0, over50: 0, pid: null, inside: [] };
  const durs = chosen[1];
  const cpu = cpuByThread.get(chosen[0]) ?? [];
  const [pid, tid] = chosen[0].split(':').map(Number);
  const longest = events
    .filter((e) => isTask(e) && e.pid === pid && e.tid === tid)
    .reduce<TraceEvent | undefined>((m, e) => (!m || e.dur! > m.dur! ? e : m), undefined);
  const inside = new Map<string, { ms: number; cpuMs: number | null; count: number }>();
  if (longest) {
    for (const e of events) {
      if (e === longest || e.pid !== pid || e.tid !== tid || e.ph !== 'X' || typeof e.dur !== 'number') continue;
      if (e.ts < longest.ts || e.ts + e.dur > longest.ts + longest.dur!) continue;
      const cur = inside.get(e.name) ?? { ms: 0, cpuMs: null, count: 0 };
      cur.ms += e.dur / 1000;
      if (typeof e.tdur === 'number') cur.cpuMs = (cur.cpuMs ?? 0) + e.tdur / 1000;
      cur.count += 1;
      inside.set(e.name, cur);
    }
  }
  return {
    ms: Math.max(...durs),
    cpuMs: cpu.length ? Math.max(...cpu) : NaN,
    tasks: durs.length,
    over50: durs.filter((d) => d >= 50).length,
    pid: pid!,
    inside: [...inside]
      .map(([name, v]) => ({ name, ...v }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 8),
  };
}
