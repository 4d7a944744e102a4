// Shared page state: the public settings from the background, refreshed when storage or
// permissions change (the options page and the popup may be open together).
import { ext as browser } from '../platform/ext';
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { send, type PublicState } from '../shared/protocol';
import { onSettingsChanged, readSnapshot } from '../shared/storage-keys';
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
  state: Promise<{ ok: true; value: PublicState } | { ok: false }>;
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
  early ??= {
    cached: readLastState(),
    snapshot: readSnapshot(),
    // Settled here, so a background that does not answer is not an unhandled rejection meanwhile.
    state: send('getState', {}).then(
      (value) => ({ ok: true as const, value }),
      () => ({ ok: false as const }),
    ),
  };
}

/** Run a background call; failures become the page's error message instead of exceptions. */
export type Run = <T>(p: Promise<T>) => Promise<T | undefined>;

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

  const refresh = useCallback(async () => {
    try {
      show(await send('getState', {}), true);
      setError(null);
    } catch {
      setError(t('backgroundUnavailable'));
    }
  }, [show]);

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
    if (started) {
      void started.state.then((r) => {
        if (r.ok) {
          show(r.value, true);
          setError(null);
        } else setError(t('backgroundUnavailable'));
      });
    } else void refresh();
    onSettingsChanged(() => void refresh());
    const onPerm = () => void refresh();
    browser.permissions.onAdded.addListener(onPerm);
    browser.permissions.onRemoved.addListener(onPerm);
    return () => {
      browser.permissions.onAdded.removeListener(onPerm);
      browser.permissions.onRemoved.removeListener(onPerm);
    };
  }, [refresh, show]);

  /** Run a background call; on failure show the generic message instead of throwing. */
  const run = useCallback(async <T>(p: Promise<T>): Promise<T | undefined> => {
    try {
      setError(null);
      return await p;
    } catch {
      setError(t('backgroundUnavailable'));
      return undefined;
    }
  }, []);

  return { state, setState, error, run, refresh };
}
