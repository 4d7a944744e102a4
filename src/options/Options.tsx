import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { send } from '../shared/protocol';
import { useAppState } from '../ui/useAppState';
import { ProfilesSection } from './ProfilesSection';
import { SitesSection } from './SitesSection';
import { TransferSection } from './TransferSection';

export function Options() {
  const app = useAppState();
  const [status, setStatus] = useState('');
  const { state, error, run } = app;
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      {state?.notice && (
        <div class="notice" role="status">
          <span>{t(state.notice)}</span>
          <button type="button" onClick={() => void run(send('dismissNotice', {}))}>
            {t('dismiss')}
          </button>
        </div>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {state && (
        <>
          <ProfilesSection state={state} run={run} onStatus={setStatus} />
          <SitesSection state={state} run={run} onStatus={setStatus} />
          <TransferSection run={run} onStatus={setStatus} />
        </>
      )}
      <p class="message ok" role="status" aria-live="polite">
        {status}
      </p>
    </main>
  );
}
