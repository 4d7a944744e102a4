// Response bodies of captured requests: read only when asked for, at most 1 MB of each kept.
import { capBody as cap, shorten } from '../../core/har';
import type { RawContent } from '../../platform/devtools';

/** Why DevTools handed no body over: it gave no answer in time, or said why it could not. */
export type BodyFailure = { kind: 'timeout'; seconds: number } | { kind: 'error'; message: string };

export interface Body {
  text: string | null;
  encoding: string | null;
  truncated: boolean;
  /** Set when the body could not be read (then `text` is null): not the same as a response without one. */
  failure?: BodyFailure;
}

function capBody({ text, encoding }: RawContent): Body {
  return cap(text, encoding);
}

const unread = (failure: BodyFailure): Body => ({ text: null, encoding: null, truncated: false, failure });

/** How long DevTools may take to hand over a body before the panel says it could not be read. */
const BODY_TIMEOUT_MS = 10_000;

/** Read once; later calls share the answer, which never rejects: a failure is part of the answer. */
export function lazyBody(read: () => Promise<RawContent>, timeoutMs = BODY_TIMEOUT_MS): () => Promise<Body> {
  let once: Promise<Body> | null = null;
  return () =>
    (once ??= new Promise<Body>((resolve) => {
      const timer = setTimeout(() => resolve(unread({ kind: 'timeout', seconds: timeoutMs / 1000 })), timeoutMs);
      const done = (b: Body) => (clearTimeout(timer), resolve(b));
      read().then(
        (c) => done(capBody(c)),
        (e: unknown) => done(unread({ kind: 'error', message: shorten(e instanceof Error ? e.message : String(e), 120) || '?' })),
      );
    }));
}
