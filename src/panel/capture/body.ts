// Response bodies of captured requests: read only when asked for, at most 1 MB of each kept.
import { capBody as cap } from '../../core/har';
import type { RawContent } from '../../platform/devtools';

export interface Body {
  text: string | null;
  encoding: string | null;
  truncated: boolean;
}

const EMPTY: Body = { text: null, encoding: null, truncated: false };

function capBody({ text, encoding }: RawContent): Body {
  return cap(text, encoding);
}

/** How long DevTools may take to hand over a body before it is shown as none. */
const BODY_TIMEOUT_MS = 10_000;

/** Read once; later calls share the answer. A body DevTools cannot give (in time) is shown as none. */
export function lazyBody(read: () => Promise<RawContent>, timeoutMs = BODY_TIMEOUT_MS): () => Promise<Body> {
  let once: Promise<Body> | null = null;
  return () =>
    (once ??= new Promise<Body>((resolve) => {
      const timer = setTimeout(() => resolve(EMPTY), timeoutMs);
      const done = (b: Body) => (clearTimeout(timer), resolve(b));
      read().then(
        (c) => done(capBody(c)),
        () => done(EMPTY),
      );
    }));
}
