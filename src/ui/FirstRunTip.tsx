// A first-run tip (where to find the extension's button, or its DevTools tab): shown until the
// user dismisses it, then never again. Kept in the extension origin's localStorage: a UI
// preference, not a setting, so it needs neither the background nor the settings schema.
import { useEffect, useState } from 'preact/hooks';
import type { MessageKey } from '../core/messages';
import { t } from '../shared/i18n';

export type TipId = 'pin-extension' | 'panel-overflow';
const storageKey = (id: TipId) => `maiagent-tip-dismissed:${id}`;

function isDismissed(id: TipId): boolean {
  try {
    return localStorage.getItem(storageKey(id)) === '1';
  } catch {
    return false;
  }
}

/**
 * `needless`: asked once before showing; true means the tip has nothing to say (the button is
 * already pinned). Until it answers, nothing is shown, so the tip never flashes up and away.
 */
export function FirstRunTip({ id, text, needless }: { id: TipId; text: MessageKey; needless?: () => Promise<boolean> }) {
  // With `needless`, hidden until it answers: the localStorage read waits for the effect, off the first render.
  const [hidden, setHidden] = useState(() => needless !== undefined || isDismissed(id));
  useEffect(() => {
    if (!needless || isDismissed(id)) return;
    void needless().then(
      (yes) => setHidden(yes),
      () => setHidden(false),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- asked once per mount; a tip's id and question do not change
  }, []);
  if (hidden) return null;
  const dismiss = () => {
    try {
      localStorage.setItem(storageKey(id), '1');
    } catch {
      /* storage unavailable: hidden for this page only */
    }
    setHidden(true);
  };
  return (
    <div class="tip" role="note" data-testid={`tip-${id}`}>
      <span>{t(text)}</span>
      <button type="button" onClick={dismiss}>
        {t('tipDismiss')}
      </button>
    </div>
  );
}
