// The keys the panel masks (see secrets.ts), as panel state: every row is scanned before it is
// shown, and the rows already listed are scanned again when a key is saved later.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { NO_SECRETS, type Secrets } from '../core/secrets';
import type { Row } from './model';
import { SecretTracker } from './secrets';
import type { PanelState } from './usePanelState';

export function useSecretTracker(panel: PanelState, rows: readonly Row[]): { secrets: Secrets; tracker: SecretTracker } {
  // Keys found in what was captured, masked wherever the panel shows text and replaced in exports.
  const [secrets, setSecrets] = useState<Secrets>(NO_SECRETS);
  const [tracker] = useState(() => new SecretTracker(setSecrets));
  const rowsRef = useRef(rows);
  useLayoutEffect(() => {
    rowsRef.current = rows;
  });
  const { knownKeys } = panel;

  // A key saved later may already be in rows shown before: look for it there too.
  const knownSignature = panel.state?.profiles.map((p) => p.fingerprint).join() ?? '';
  useEffect(() => {
    const known = knownKeys();
    if (known.length)
      (async () => {
        for (const r of rowsRef.current) await tracker.scan(r.exchange, known);
      })().catch((e: unknown) =>
        console.warn('could not look for a saved key in the listed requests:', e instanceof Error ? e.name : typeof e),
      );
  }, [knownSignature, knownKeys, tracker]);

  return { secrets, tracker };
}
