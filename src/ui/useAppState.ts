// Shared page state: the public settings from the background, refreshed when storage or
// permissions change (the options page and the popup may be open together).
import { ext as browser } from '../platform/ext';
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { MessageKey } from '../core/messages';
import { send, type Problem, type PublicState, type Reply, type ReplyTo } from '../shared/protocol';
import { onSettingsChanged, readSnapshot } from './snapshot';
import { DOCS_ORIGIN } from '../core/constants';
import { readLastState, writeLastState } from './lastState';

/** What a browser that never saved anything looks like, before the background answers. */
const FIRST_RUN: PublicState = {
  enabled: true,
  profiles: [],
  active: {},
  sites: [{ origin: DOCS_ORIGIN, granted: true, builtIn: true }],
  missingApiAccess: [],
  typedNavigation: false,
  notice: null,
};

/** The two reads a page starts before its first render (see startLoading). */
interface Early {
  /** The page's own copy of the last state it showed (see ./lastState.ts). */
  cached: PublicState | null;
  snapshot: ReturnType<typeof readSnapshot>;
  state: Promise<ReplyTo<'getState'>>;
}
let early: Early | null = null;
/** Whether this page keeps its copy of the last state (the popup, which calls startLoading). */
let keepsCopy = false;

/**
 * Start reading the snapshot and asking the background as soon as the page's script runs, before
 * Preact renders anything: the first useAppState takes both answers over. Without it the reads
 * start only once the first render is committed. The page also keeps a copy of the last state it
 * showed and draws its first render from it.
 */
export function startLoading(): void {
  keepsCopy = true;
  if (early) return;
  const cached = readLastState();
  early = {
    cached,
    snapshot: readSnapshot(),
    // With a copy to draw from, wake the worker after the first frame is painted: a worker that has
    // to start competes with that frame for the CPU. Without one, nothing is drawn until it answers.
    state: cached ? afterPaint().then(() => send('getState', {})) : send('getState', {}),
  };
}

/** Resolves once the next frame has been painted (a task queued from the frame's callback runs after it). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Failures of the background or its storage (not a refusal of what the user asked): the page's
 * banner shows them, also for calls whose control shows nothing of its own (a switch).
 */
const BACKGROUND_FAILURES: ReadonlySet<Problem> = new Set<Problem>([
  'backgroundUnavailable',
  'handlerFailed',
  'requestInvalid',
  'storageQuota',
  'settingsInvalid',
]);

/**
 * The banner message a reply calls for: "not answering" (the worker could not be reached) told
 * apart from "could not do that" (it answered that its handler failed); none for a refusal, which
 * the control that asked shows next to itself.
 */
export function bannerFor(r: Reply<unknown>): MessageKey | null {
  return !r.ok && BACKGROUND_FAILURES.has(r.problem) ? r.problem : null;
}

/** Run a background call and show a failure of the background in the page's banner; the reply is passed on. */
export type Run = <T>(p: Promise<Reply<T>>) => Promise<Reply<T>>;

export function useAppState() {
  const [state, setState] = useState<PublicState | null>(() => early?.cached ?? null);
  const [error, setError] = useState<string | null>(null);
  /** The background answered: a snapshot read later no longer replaces its state. */
  const answeredRef = useRef(false);

  const show = useCallback((next: PublicState, fromBackground: boolean) => {
    if (fromBackground) answeredRef.current = true;
    else if (answeredRef.current) return;
    setState(next);
    if (keepsCopy) writeLastState(next);
  }, []);

  /** Take the background's answer to getState: its state, or why there is none. */
  const take = useCallback(
    (r: ReplyTo<'getState'>) => {
      if (r.ok) show(r.value, true);
      setError(r.ok ? null : t(r.problem));
    },
    [show],
  );

  const refresh = useCallback(async () => take(await send('getState', {})), [take]);

  // A layout effect: it runs right after the first render is committed, not a frame later.
  useLayoutEffect(() => {
    // Draw at once from the last published snapshot (or the first-run form), then ask the
    // background, which may have to wake up first, for the authoritative state.
    const started = early;
    early = null;
    void (started?.snapshot ?? readSnapshot()).then(({ state: snap, firstRun }) => {
      const drawn = snap ?? (firstRun ? FIRST_RUN : null);
      if (drawn) show(drawn, false);
    });
    void (started ? started.state.then(take) : refresh());
    onSettingsChanged(() => void refresh());
    const onPerm = () => void refresh();
    browser.permissions.onAdded.addListener(onPerm);
    browser.permissions.onRemoved.addListener(onPerm);
    return () => {
      browser.permissions.onAdded.removeListener(onPerm);
      browser.permissions.onRemoved.removeListener(onPerm);
    };
  }, [refresh, show, take]);

  const run = useCallback(async <T>(p: Promise<Reply<T>>): Promise<Reply<T>> => {
    setError(null);
    const r = await p;
    const banner = bannerFor(r);
    if (banner) {
      setError(t(banner));
      // Controls that changed before the call (a switch) are drawn again from the state, which did not change.
      setState((cur) => (cur ? { ...cur } : cur));
    }
    return r;
  }, []);

  return { state, setState, error, run, refresh };
}
