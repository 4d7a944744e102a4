// A first-run tip (where to find the extension's button, or its DevTools tab): shown until the
// user dismisses it, then never again. Kept in the extension origin's localStorage: a UI
// preference, not a setting, so it needs neither the background nor the settings schema.
import { useState } from 'preact/hooks';
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

export function FirstRunTip({ id, text }: { id: TipId; text: MessageKey }) {
  const [hidden, setHidden] = useState(() => isDismissed(id));
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
