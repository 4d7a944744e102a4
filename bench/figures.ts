// What every measurement hands back: figures with their samples, the target and a verdict.

type Op = '<' | '<=' | '>' | '>=' | '==';

interface Target {
  op: Op;
  value: number;
}

/** A figure as declared by a measurement, before anything was measured. */
export interface FigureSpec {
  id: string;
  name: string;
  unit: string;
  /** null: reported for information, no pass/fail. */
  target: Target | null;
  /** Decimals to print in the table. */
  digits?: number;
  /**
   * What the verdict is taken on: the median of the samples (default), or the worst one ('max')
   * for a figure that must hold in every run.
   */
  verdict?: 'median' | 'max';
}

type Status = 'pass' | 'fail' | 'info' | 'not available' | 'error';

export interface Figure extends FigureSpec {
  /** One value per run (or per repetition inside a run; the module's README entry says which). */
  samples: number[];
  median: number | null;
  min: number | null;
  max: number | null;
  status: Status;
  /** Why a figure is not available or errored. */
  reason?: string;
}

/** What one measurement module returns. */
export interface Outcome {
  /** Samples per figure id; a figure that is missing here is reported as not available. */
  samples: Record<string, number[]>;
  /** Per-figure notes: why a figure is not available, or a caveat to a measured one. */
  reasons?: Record<string, string>;
  /** Anything worth keeping in results.json (per-file sizes, raw per-run numbers, notes). */
  details?: Record<string, unknown>;
}

export interface Measurement {
  id: string;
  title: string;
  figures: FigureSpec[];
  run(opts: RunOptions): Promise<Outcome>;
}

export interface RunOptions {
  iterations: number;
  smoke: boolean;
  /** Progress lines go to stderr so the table on stdout stays clean. */
  log(line: string): void;
}

export function median(xs: readonly number[]): number | null {
  return quantile(xs, 0.5);
}

/** Linear-interpolated quantile (q in 0..1) of the values; null for none. */
export function quantile(xs: readonly number[], q: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = s[lo]!;
  const b = s[hi]!;
  return a + (b - a) * (pos - lo);
}

function meets(value: number, t: Target): boolean {
  switch (t.op) {
    case '<':
      return value < t.value;
    case '<=':
      return value <= t.value;
    case '>':
      return value > t.value;
    case '>=':
      return value >= t.value;
    case '==':
      return value === t.value;
  }
}

export function targetText(f: FigureSpec): string {
  if (!f.target) return '—';
  const op = f.target.op === '==' ? '=' : f.target.op === '<=' ? '≤' : f.target.op === '>=' ? '≥' : f.target.op;
  const unit = f.unit === '×' || f.unit === '' ? f.unit : ` ${f.unit}`;
  return `${op} ${formatNumber(f.target.value, f.digits)}${unit}${f.verdict === 'max' ? ' (every run)' : ''}`;
}

export function formatNumber(v: number | null, digits = 1): string {
  if (v === null || !Number.isFinite(v)) return '—';
  if (Math.abs(v) >= 10_000) return Math.round(v).toLocaleString('en-US');
  return v.toFixed(digits);
}

/**
 * The verdict is taken on the median: a single slow run out of several is reported (max) but
 * does not fail the figure — unless the figure asks for the worst case (`verdict: 'max'`: the
 * target must hold in every run, e.g. the longest task while scrolling, worker starts).
 */
export function settle(spec: FigureSpec, samples: number[] | undefined, reason?: string): Figure {
  const xs = (samples ?? []).filter((x) => Number.isFinite(x));
  if (xs.length === 0) {
    return { ...spec, samples: [], median: null, min: null, max: null, status: 'not available', reason: reason ?? 'no samples' };
  }
  const m = median(xs)!;
  return {
    ...spec,
    samples: xs,
    median: m,
    min: Math.min(...xs),
    max: Math.max(...xs),
    status: spec.target === null ? 'info' : meets(spec.verdict === 'max' ? Math.max(...xs) : m, spec.target) ? 'pass' : 'fail',
    ...(reason ? { reason } : {}),
  };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
