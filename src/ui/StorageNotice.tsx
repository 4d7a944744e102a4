// The one-time notice that stored settings were repaired or reset, with a way to dismiss it.
import { t } from '../shared/i18n';
import { send, type PublicState } from '../shared/protocol';
import type { Run } from './useAppState';

export function StorageNotice({ state, run }: { state: PublicState; run: Run }) {
  if (!state.notice) return null;
  return (
    <div class="notice" role="status">
      <span>{t(state.notice)}</span>
      <button type="button" onClick={() => void run(send('dismissNotice', {}))}>
        {t('dismiss')}
      </button>
    </div>
  );
}
