// The extension's settings as the panel sees them (profiles, active keys, allowed sites): asked for
// at start and again whenever they change. Without an answer the panel still decodes, says so, and
// records the settings of rows captured meanwhile as unknown.
import { useCallback, useRef, useState } from 'preact/hooks';
import { DEFAULT_API_ORIGIN } from '../core/constants';
import type { KnownKey } from '../core/secrets';
import { t } from '../shared/i18n';
import { send, type PublicState } from '../shared/protocol';

export interface PanelState {
  state: PublicState | null;
  /** The latest answer, for callbacks that outlive a render (capture, row building). */
  stateRef: { readonly current: PublicState | null };
  /** Why the background did not answer, while it does not. */
  stateFailed: string | null;
  /** Ask again; never throws (a failure is kept in `stateFailed`). */
  refreshState: () => Promise<void>;
  /** The API origins of every profile, or the default one when none is configured. */
  apiOrigins: () => string[];
  isApi: (url: string) => boolean;
  /** Stored keys as pages know them (masked form and fingerprint), to find them in captured text. */
  knownKeys: () => KnownKey[];
}

export function usePanelState(): PanelState {
  const [state, setState] = useState<PublicState | null>(null);
  const [stateFailed, setStateFailed] = useState<string | null>(null);
  const stateRef = useRef<PublicState | null>(null);

  const refreshState = useCallback(async () => {
    const r = await send('getState', {});
    // The panel still decodes without settings, but the diagnosis knows less: say so.
    if (!r.ok) return setStateFailed(t(r.problem));
    stateRef.current = r.value;
    setState(r.value);
    setStateFailed(null);
  }, []);

  const apiOrigins = useCallback((): string[] => {
    const s = stateRef.current;
    const configured = s ? [...new Set(s.profiles.flatMap((p) => p.origins))] : [];
    return configured.length ? configured : [DEFAULT_API_ORIGIN];
  }, []);

  const isApi = useCallback(
    (url: string) => {
      try {
        return apiOrigins().includes(new URL(url).origin);
      } catch {
        return false;
      }
    },
    [apiOrigins],
  );

  const knownKeys = useCallback((): KnownKey[] => stateRef.current?.profiles.filter((p) => p.hasKey) ?? [], []);

  return { state, stateRef, stateFailed, refreshState, apiOrigins, isApi, knownKeys };
}
