// Capture start-up without losing or doubling a request. The panel listens for finished requests
// first and buffers them; then DevTools' backlog (getHAR) arrives. A request can be in both:
// it finished after the listener was added but before getHAR answered, or it was still in flight
// when getHAR answered (then the backlog has a partial entry and the finished one comes later).
// Pure: no browser calls.
import type { HarEntry } from './har';

/**
 * How one request is recognised in the backlog and among finished requests: DevTools' own id
 * where the page can read one (DevTools keeps one per request, but neither Chromium 156 nor
 * Firefox hands it to the page), else its start time, method and URL. Two different requests
 * with equal keys are told apart by count: each finished request cancels at most one backlog entry.
 */
export function requestKey(id: number | null, entry: HarEntry): string {
  if (id !== null) return `id:${id}`;
  return `at:${entry.startedDateTime ?? ''} ${entry.request.method} ${entry.request.url}`;
}

/** Show `item` as a new row in `slot`, or put it in place of what `slot` showed. */
export type MergeStep<T> = { kind: 'add' | 'replace'; slot: number; item: T; fromBacklog: boolean };

export class StartupMerge<T> {
  private buffered: T[] = [];
  private started = false;
  /** Backlog entries no finished request has matched yet, by key: their slots, oldest first. */
  private unmatched = new Map<string, number[]>();
  private nextSlot = 1;

  constructor(private readonly key: (item: T) => string) {}

  /** A request finished. Before the backlog is in, it is held back (nothing to show yet). */
  finished(item: T): MergeStep<T>[] {
    if (!this.started) {
      this.buffered.push(item);
      return [];
    }
    const k = this.key(item);
    const slots = this.unmatched.get(k);
    const slot = slots?.shift();
    if (slots && slots.length === 0) this.unmatched.delete(k);
    // The backlog had it (maybe half done): the finished entry takes its place.
    if (slot !== undefined) return [{ kind: 'replace', slot, item, fromBacklog: false }];
    return [{ kind: 'add', slot: this.nextSlot++, item, fromBacklog: false }];
  }

  /**
   * The backlog, in DevTools' order (an empty list when it could not be read). Returns the backlog
   * entries that did not also finish while it was asked for, then the held-back finished ones.
   */
  backlog(items: readonly T[]): MergeStep<T>[] {
    if (this.started) return [];
    this.started = true;
    const seen = new Map<string, number>();
    for (const item of this.buffered) {
      const k = this.key(item);
      seen.set(k, (seen.get(k) ?? 0) + 1);
    }
    const steps: MergeStep<T>[] = [];
    for (const item of items) {
      const k = this.key(item);
      const n = seen.get(k) ?? 0;
      if (n > 0) {
        seen.set(k, n - 1);
        continue;
      }
      const slot = this.nextSlot++;
      steps.push({ kind: 'add', slot, item, fromBacklog: true });
      this.unmatched.set(k, [...(this.unmatched.get(k) ?? []), slot]);
    }
    for (const item of this.buffered) steps.push({ kind: 'add', slot: this.nextSlot++, item, fromBacklog: false });
    this.buffered = [];
    return steps;
  }
}
