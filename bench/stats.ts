// Statistics over rounds: the injection figures compare configurations measured in the same
// round (same machine state), then summarise the per-round comparisons.
import { formatNumber, median, quantile } from './figures';

export interface Spread {
  median: number;
  /** 25th and 75th percentile (linear interpolation, as `quantile`). */
  q1: number;
  q3: number;
  /** q3 − q1. */
  iqr: number;
  n: number;
}

/** Median and interquartile range of the values; null for none. */
export function spread(xs: readonly number[]): Spread | null {
  const finite = xs.filter((x) => Number.isFinite(x));
  if (finite.length === 0) return null;
  const q1 = quantile(finite, 0.25)!;
  const q3 = quantile(finite, 0.75)!;
  return { median: median(finite)!, q1, q3, iqr: q3 - q1, n: finite.length };
}

/** "median 1.012 (IQR 0.998–1.031, 9 rounds)": the note the table prints under a figure. */
export function spreadText(xs: readonly number[], digits: number, unit = '', what = 'rounds'): string {
  const s = spread(xs);
  if (!s) return 'no samples';
  const f = (v: number) => `${formatNumber(v, digits)}${unit}`;
  return `median ${f(s.median)} (IQR ${f(s.q1)} to ${f(s.q3)}, ${s.n} ${what})`;
}

/** One round: per configuration, what was measured in it (latency median, CPU per request...). */
export type Round<C extends string> = Partial<Record<C, number>>;

/**
 * Per round, `a` relative to `b` — `a / b` for 'ratio', `a − b` for 'difference' — for the rounds
 * that measured both. Rounds are compared on their own, so a slow stretch of the machine that hits
 * a whole round cancels out instead of landing on whichever configuration ran then.
 */
export function perRound<C extends string>(rounds: readonly Round<C>[], a: C, b: C, how: 'ratio' | 'difference'): number[] {
  const out: number[] = [];
  for (const r of rounds) {
    const x = r[a];
    const y = r[b];
    if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (how === 'ratio') {
      if (y === 0) continue;
      out.push(x / y);
    } else out.push(x - y);
  }
  return out;
}

/** CPU nanoseconds spent over `requests` requests, in microseconds per request. */
export function usPerRequest(ns: number, requests: number): number {
  if (requests <= 0) throw new Error('no requests to divide by');
  return ns / requests / 1000;
}

/** The order in which round `round` (0-based) runs the configurations: rotated by one each round. */
export function rotation<T>(items: readonly T[], round: number): T[] {
  const k = ((round % items.length) + items.length) % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}
