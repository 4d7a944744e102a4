// Where API pages get the key, and the switch for addresses typed in the address bar (off by
// default: DNR cannot tell a typed address from a navigation any website starts).
import { t } from '../shared/i18n';
import { send, type PublicState } from '../shared/protocol';
import type { Run } from '../ui/useAppState';

export function NavigationSection({ state, run }: { state: PublicState; run: Run }) {
  return (
    <section aria-labelledby="nav-h">
      <h2 id="nav-h">{t('navHeading')}</h2>
      <p class="muted">{t('navHint')}</p>
      <label class="row">
        <input
          type="checkbox"
          role="switch"
          checked={state.typedNavigation}
          aria-describedby="typed-nav-hint"
          onChange={(e) => void run(send('setTypedNavigation', { on: e.currentTarget.checked }))}
        />
        {t('typedNavLabel')}
      </label>
      <p id="typed-nav-hint" class="hint muted">
        {t('typedNavHint')}
      </p>
      {state.typedNavigation && (
        <p class="warning" role="status">
          {t('typedNavOn')}
        </p>
      )}
    </section>
  );
}
