import { ext as browser } from '../platform/ext';
import { useState } from 'preact/hooks';
import { DEFAULT_API_ORIGIN } from '../core/constants';
import { t } from '../shared/i18n';
import { send } from '../shared/protocol';
import { FirstRunTip } from '../ui/FirstRunTip';
import { StorageNotice } from '../ui/StorageNotice';
import { useAppState } from '../ui/useAppState';
import { AccessNotice, missingAccess } from './AccessNotice';
import { KeyForm } from '../ui/KeyForm';
import { UndoDelete } from '../ui/UndoDelete';
import { ProfileCard } from './ProfileCard';
import { CurrentTab } from './CurrentTab';

/** The button is already on the toolbar (Chrome 91+, Firefox 118+); where the browser cannot tell, it is not. */
async function pinned(): Promise<boolean> {
  const action = (globalThis as { chrome?: typeof chrome }).chrome?.action;
  if (typeof action?.getUserSettings !== 'function') return false;
  return (await action.getUserSettings()).isOnToolbar === true;
}

export function Popup() {
  const { state, error, run } = useAppState();
  const [status, setStatus] = useState('');
  const [adding, setAdding] = useState(false);
  const [forgotten, setForgotten] = useState<{ id: string; name: string } | null>(null);

  if (!state)
    return (
      <main aria-busy="true">
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </main>
    );

  const origins = Object.keys(state.active).sort();
  const firstRun = state.profiles.length === 0;

  return (
    <main>
      <h1>{t('popupTitle')}</h1>
      <FirstRunTip id="pin-extension" text="tipPinExtension" needless={pinned} />
      <StorageNotice state={state} run={run} />
      <AccessNotice state={state} />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {firstRun ? (
        <>
          <KeyForm
            onSave={async (key, persist) => {
              const r = await run(send('saveKey', { key, persist }));
              if (!r.ok) return r.problem;
              setStatus(missingAccess(r.value).length ? t('savedNoAccess') : t('saved', DEFAULT_API_ORIGIN));
              return null;
            }}
          />
          <p class="hint muted">{t('keyHint')}</p>
        </>
      ) : (
        origins.map((o) => (
          <ProfileCard
            key={o}
            origin={o}
            state={state}
            run={run}
            onStatus={setStatus}
            onForgotten={(id, name) => setForgotten({ id, name })}
          />
        ))
      )}
      {forgotten && (
        <UndoDelete
          key={forgotten.id}
          deleted={forgotten}
          text={t('forgotten')}
          run={run}
          onStatus={setStatus}
          onDone={() => setForgotten(null)}
        />
      )}
      {!firstRun &&
        (adding ? (
          <KeyForm
            withName
            onCancel={() => setAdding(false)}
            onSave={async (key, persist, name) => {
              const r = await run(send('addProfile', { key, persist, name }));
              if (!r.ok) return r.problem;
              const created = r.value.profiles.at(-1);
              if (created) {
                const a = await run(send('setActive', { origin: DEFAULT_API_ORIGIN, profileId: created.id }));
                if (!a.ok) return a.problem;
              }
              setAdding(false);
              setStatus(missingAccess(r.value).length ? t('savedNoAccess') : t('saved', DEFAULT_API_ORIGIN));
              return null;
            }}
          />
        ) : (
          <button type="button" onClick={() => setAdding(true)}>
            {t('addKey')}
          </button>
        ))}
      <label class="row switch">
        <input
          type="checkbox"
          role="switch"
          checked={state.enabled}
          onChange={(e) => void run(send('setEnabled', { enabled: e.currentTarget.checked }))}
        />
        {t('injectionLabel')}
      </label>
      {!state.enabled && <p class="hint error">{t('injectionOffNote')}</p>}
      <CurrentTab state={state} run={run} onStatus={setStatus} />
      <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('manage')}
      </button>
      <p class="message ok" role="status" aria-live="polite">
        {status}
      </p>
    </main>
  );
}
