// The capture session of a DevTools panel. startCapture() runs at panel load, before anything is
// drawn: the listener for finished requests is added first, synchronously, and buffers; then the
// backlog (getHAR) and the inspected page's origin are asked for, and merged so that every
// request shows exactly once. The panel listens when it is ready and gets everything so far.
import { requestKey, StartupMerge } from '../../core/capture-merge';
import type { HarEntry } from '../../core/har';
import * as devtools from '../../platform/devtools';
import type { DevtoolsRequest } from '../../platform/devtools';
import { lazyBody, type Body } from './body';

export interface Captured {
  entry: HarEntry;
  /** Reads the response body (once; later calls share the answer). */
  body: () => Promise<Body>;
}

/** A start-up step that failed; the panel says so, with what to do. */
export type CaptureProblem = 'listenFailed' | 'harFailed' | 'originFailed';

export type CaptureEvent =
  /** A request to show in `slot`, or (replace) to show in place of what `slot` showed. */
  | { kind: 'request'; slot: number; replace: boolean; fromBacklog: boolean; request: Captured }
  /** The backlog is in: from here on requests arrive as they finish. */
  | { kind: 'ready' }
  | { kind: 'origin'; origin: string | null }
  | { kind: 'navigated' }
  | { kind: 'problem'; problem: CaptureProblem; detail: string };

export interface CaptureSession {
  /** Everything that happened so far, in order, then each new event as it happens. One listener. */
  listen(handler: (e: CaptureEvent) => void): void;
}

export type DevtoolsApi = Pick<typeof devtools, 'onRequestFinished' | 'getHAR' | 'evalInInspected' | 'onNavigated'>;

/** How long getHAR (or the origin) may take before the panel says it failed and goes on with what it has. */
const HAR_TIMEOUT_MS = 10_000;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms / 1000} s`)), ms);
    p.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}

async function originOf(api: DevtoolsApi): Promise<string> {
  const o = await api.evalInInspected('location.origin');
  if (typeof o !== 'string') throw new Error(`unexpected answer: ${typeof o}`);
  return o;
}

/** `bodyTimeoutMs`: how long each body may take (lazyBody's own limit when not given). */
export function startCapture(api: DevtoolsApi = devtools, harTimeoutMs = HAR_TIMEOUT_MS, bodyTimeoutMs?: number): CaptureSession {
  const queue: CaptureEvent[] = [];
  let handler: ((e: CaptureEvent) => void) | null = null;
  const emit = (e: CaptureEvent) => (handler ? handler(e) : void queue.push(e));

  const merge = new StartupMerge<DevtoolsRequest>((r) => requestKey(r.id, r.entry));
  const show = (steps: ReturnType<typeof merge.finished>) => {
    for (const s of steps) {
      emit({
        kind: 'request',
        slot: s.slot,
        replace: s.kind === 'replace',
        fromBacklog: s.fromBacklog,
        request: { entry: s.item.entry, body: lazyBody(s.item.getContent, bodyTimeoutMs) },
      });
    }
  };

  // First, before any await: nothing that finishes from now on can be missed.
  try {
    api.onRequestFinished((r) => show(merge.finished(r)));
    api.onNavigated(() => {
      emit({ kind: 'navigated' });
      originOf(api).then(
        (origin) => emit({ kind: 'origin', origin }),
        (e: unknown) => emit({ kind: 'problem', problem: 'originFailed', detail: message(e) }),
      );
    });
  } catch (e) {
    emit({ kind: 'problem', problem: 'listenFailed', detail: message(e) });
  }

  const origin = withTimeout(originOf(api), harTimeoutMs).then(
    (o) => emit({ kind: 'origin', origin: o }),
    (e: unknown) => emit({ kind: 'problem', problem: 'originFailed', detail: message(e) }),
  );
  let har: Promise<DevtoolsRequest[]>;
  try {
    har = withTimeout(api.getHAR(), harTimeoutMs);
  } catch (e) {
    har = Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
  void Promise.all([
    har.catch((e: unknown) => {
      emit({ kind: 'problem', problem: 'harFailed', detail: message(e) });
      return [];
    }),
    origin,
  ])
    .then(([backlog]) => show(merge.backlog(backlog)))
    // Nothing here may end unseen: a backlog that cannot be merged is a backlog not read, and the
    // panel still hears that start-up is over (it offers to reload when nothing was listed).
    .catch((e: unknown) => emit({ kind: 'problem', problem: 'harFailed', detail: message(e) }))
    .finally(() => emit({ kind: 'ready' }));

  return {
    listen(h) {
      handler = h;
      for (const e of queue.splice(0)) h(e);
    },
  };
}
