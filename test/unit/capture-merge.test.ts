// The pure start-up merge of the panel's capture (src/core/capture-merge.ts).
import { describe, expect, it } from 'vitest';
import { requestKey, StartupMerge } from '../../src/core/capture-merge';
import type { HarEntry } from '../../src/core/har';

const entry = (url: string, at = '2026-11-30T10:00:00.000Z', method = 'GET', status = 200): HarEntry => ({
  startedDateTime: at,
  request: { method, url },
  response: { status },
});

describe('requestKey', () => {
  it("uses DevTools' id when there is one, else start time, method and URL", () => {
    expect(requestKey(7, entry('https://a/x'))).toBe('id:7');
    expect(requestKey(null, entry('https://a/x'))).toBe(requestKey(null, entry('https://a/x', undefined, 'GET', 0)));
    expect(requestKey(null, entry('https://a/x'))).not.toBe(requestKey(null, entry('https://a/x', '2026-11-30T10:00:00.001Z')));
    expect(requestKey(null, entry('https://a/x'))).not.toBe(requestKey(null, entry('https://a/x', undefined, 'POST')));
  });
});

describe('StartupMerge', () => {
  type Item = { name: string; status: number };
  const merge = () => new StartupMerge<Item>((i) => i.name);

  it('holds finished requests until the backlog is in, then shows backlog first and each request once', () => {
    const m = merge();
    expect(m.finished({ name: 'b', status: 200 })).toEqual([]);
    const steps = m.backlog([
      { name: 'a', status: 200 },
      { name: 'b', status: 200 },
    ]);
    expect(steps.map((s) => [s.kind, s.item.name, s.fromBacklog])).toEqual([
      ['add', 'a', true],
      ['add', 'b', false],
    ]);
  });

  it('a request half done in the backlog is replaced in place when it finishes', () => {
    const m = merge();
    const [s] = m.backlog([{ name: 'a', status: 0 }]);
    expect(m.finished({ name: 'a', status: 400 })).toEqual([
      { kind: 'replace', slot: s!.slot, item: { name: 'a', status: 400 }, fromBacklog: false },
    ]);
    // A second finish with the same key is a new request.
    expect(m.finished({ name: 'a', status: 200 })[0]!.kind).toBe('add');
  });

  it('counts equal keys: two backlog entries and one buffered finish leave two rows', () => {
    const m = merge();
    m.finished({ name: 'x', status: 200 });
    const steps = m.backlog([
      { name: 'x', status: 200 },
      { name: 'x', status: 200 },
    ]);
    expect(steps).toHaveLength(2);
    expect(new Set(steps.map((s) => s.slot)).size).toBe(2);
  });

  it('a failed backlog (empty) still releases the held requests', () => {
    const m = merge();
    m.finished({ name: 'a', status: 200 });
    expect(m.backlog([]).map((s) => s.item.name)).toEqual(['a']);
    expect(m.backlog([{ name: 'late', status: 200 }])).toEqual([]);
  });
});
