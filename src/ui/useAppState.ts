// Shared page state: the public settings from the background, refreshed when storage or
// permissions change (the options page and the popup may be open together).
import { ext as browser } from '../platform/ext';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { send, type PublicState } from '../shared/protocol';
import { onSettingsChanged, readSnapshot } from '../shared/storage-keys';
import { DOCS_ORIGIN } from '../core/constants';

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

/** Run a background call; failures become the page's error message instead of exceptions. */
export type Run = <T>(p: Promise<T>) => Promise<T | undefined>;

export function useAppState() {
  const [state, setState] = useState<PublicState | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setState(await send('getState', {}));
      setError(null);
    } catch {
      setError(t('backgroundUnavailable'));
    }
  }, []);

  useEffect(() => {
    // Draw at once from the last published snapshot (or the first-run form), then ask the
    // background, which may have to wake up first, for the authoritative state.
    void readSnapshot().then(({ state: snap, firstRun }) => {
      setState((cur) => cur ?? snap ?? (firstRun ? FIRST_RUN : null));
    });
    void refresh();
    onSettingsChanged(() => void refresh());
    const onPerm = () => void refresh();
    browser.permissions.onAdded.addListener(onPerm);
    browser.permissions.onRemoved.addListener(onPerm);
    return () => {
      browser.permissions.onAdded.removeListener(onPerm);
      browser.permissions.onRemoved.removeListener(onPerm);
    };
  }, [refresh]);

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
