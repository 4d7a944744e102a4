import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { StorageNotice } from '../ui/StorageNotice';
import { useAppState } from '../ui/useAppState';
import { NavigationSection } from './NavigationSection';
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
      {state && <StorageNotice state={state} run={run} />}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {state && (
        <>
          <ProfilesSection state={state} run={run} onStatus={setStatus} />
          <SitesSection state={state} run={run} onStatus={setStatus} />
          <NavigationSection state={state} run={run} />
          <TransferSection state={state} run={run} onStatus={setStatus} />
        </>
      )}
      <p class="message ok" role="status" aria-live="polite">
        {status}
      </p>
    </main>
  );
}
