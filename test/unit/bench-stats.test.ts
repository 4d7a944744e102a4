// The statistics behind the bench's per-round figures (bench/stats.ts), the worst-case verdict and the header check.
import { describe, expect, it } from 'vitest';
import { settle } from '../../bench/figures';
import { headerProblem } from '../../bench/injection-launch';
import { perRound, rotation, spread, spreadText, usPerRequest } from '../../bench/stats';

describe('spread', () => {
  it('gives the median and the interquartile range with linear interpolation', () => {
    // Sorted: 1 2 3 4 5 6 7 8 — q1 at position 1.75 → 2.75, q3 at 5.25 → 6.25.
    expect(spread([8, 1, 7, 2, 6, 3, 5, 4])).toEqual({ median: 4.5, q1: 2.75, q3: 6.25, iqr: 3.5, n: 8 });
  });

  it('is a single point for one value and null for none; non-finite values are left out', () => {
    expect(spread([1.2])).toEqual({ median: 1.2, q1: 1.2, q3: 1.2, iqr: 0, n: 1 });
    expect(spread([])).toBeNull();
    expect(spread([NaN, Infinity])).toBeNull();
    expect(spread([1, NaN, 3])!.n).toBe(2);
  });

  it('prints median, IQR and the number of rounds', () => {
    expect(spreadText([1, 1.1, 0.9, 1.05, 0.95], 3, '×')).toBe('median 1.000× (IQR 0.950× to 1.050×, 5 rounds)');
    expect(spreadText([], 1)).toBe('no samples');
  });
});

describe('perRound', () => {
  const rounds = [
    { project: 2.2, reference: 2.0, none: 1.5 },
    { project: 3.3, reference: 3.0 },
    { project: 1.0, none: 1.0 },
  ];

  it('compares the two configurations within each round that measured both', () => {
    const r = perRound(rounds, 'project', 'reference', 'ratio');
    expect(r).toHaveLength(2);
    expect(r[0]).toBeCloseTo(1.1, 12);
    expect(r[1]).toBeCloseTo(1.1, 12);
    expect(perRound(rounds, 'reference', 'none', 'difference')).toEqual([0.5]);
  });

  it('is not a ratio of medians over all rounds: a slow round does not move it', () => {
    // Round 2 ran while the machine was busy: everything twice as slow, the ratio the same.
    const r = perRound(
      [
        { a: 1.1, b: 1.0 },
        { a: 2.2, b: 2.0 },
        { a: 1.1, b: 1.0 },
      ],
      'a',
      'b',
      'ratio',
    );
    expect(r.map((x) => x.toFixed(6))).toEqual(['1.100000', '1.100000', '1.100000']);
  });

  it('skips a round with a zero denominator', () => {
    expect(perRound([{ a: 1, b: 0 }], 'a', 'b', 'ratio')).toEqual([]);
  });
});

describe('usPerRequest', () => {
  it('turns CPU nanoseconds over a loop into microseconds per request', () => {
    expect(usPerRequest(5_000_000, 500)).toBe(10);
    expect(() => usPerRequest(1, 0)).toThrow();
  });
});

describe('rotation', () => {
  it('starts each round one configuration later, so each goes first equally often', () => {
    const c = ['none', 'reference', 'project'];
    expect([0, 1, 2, 3].map((r) => rotation(c, r)[0])).toEqual(['none', 'reference', 'project', 'none']);
    expect(rotation(c, 1)).toEqual(['reference', 'project', 'none']);
  });
});

describe('settle with a worst-case verdict', () => {
  const spec = { id: 'x', name: 'x', unit: 'ms', target: { op: '<' as const, value: 50 } };

  it('fails when any run misses the target, where the median alone would pass', () => {
    expect(settle(spec, [20, 30, 70]).status).toBe('pass');
    expect(settle({ ...spec, verdict: 'max' }, [20, 30, 70]).status).toBe('fail');
    expect(settle({ ...spec, verdict: 'max' }, [20, 30, 49]).status).toBe('pass');
  });
});

describe('headerProblem', () => {
  const base = { latencies: [], medianMs: 1, mainUs: 0, browserUs: 0, allUs: 0, workerStarts: 0, workerRunningAfter: false };

  it('accepts an injecting configuration only when every request carried the key', () => {
    expect(headerProblem({ ...base, config: 'project', requests: 500, withKey: 500, withAnyAuthorization: 500 }, 500)).toBeNull();
    expect(headerProblem({ ...base, config: 'reference', requests: 500, withKey: 499, withAnyAuthorization: 499 }, 500)).toMatch(
      /499 of 500/,
    );
    expect(headerProblem({ ...base, config: 'project', requests: 498, withKey: 498, withAnyAuthorization: 498 }, 500)).toMatch(
      /saw 498 of the 500/,
    );
  });

  it('accepts no extension only when no request carried an Authorization header', () => {
    expect(headerProblem({ ...base, config: 'none', requests: 500, withKey: 0, withAnyAuthorization: 0 }, 500)).toBeNull();
    expect(headerProblem({ ...base, config: 'none', requests: 500, withKey: 0, withAnyAuthorization: 1 }, 500)).toMatch(/Authorization/);
  });
});
