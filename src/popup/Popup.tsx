import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_API_ORIGIN } from '../core/settings';
import { t } from '../shared/i18n';
import { send, type PublicState } from '../shared/protocol';
import { KeyForm } from './KeyForm';

export function Popup() {
  const [state, setState] = useState<PublicState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string>('');
  const [replacing, setReplacing] = useState(false);

  const run = async <T,>(p: Promise<T>): Promise<T | undefined> => {
    try {
      setError(null);
      return await p;
    } catch {
      setError(t('backgroundUnavailable'));
      return undefined;
    }
  };

  useEffect(() => {
    void run(send('getState', {})).then((s) => s && setState(s));
  }, []);

  if (!state) return <main aria-busy="true">{error && <p class="error" role="alert">{error}</p>}</main>;

  const activeId = state.active[DEFAULT_API_ORIGIN];
  const active = state.profiles.find((p) => p.id === activeId);

  const save = async (key: string) => {
    const r = await run(send('saveKey', { key, ...(replacing && active ? { profileId: active.id } : {}) }));
    if (!r) return null;
    if (!r.ok) return r.problem;
    setState(r.state);
    setReplacing(false);
    setStatus(t('saved', DEFAULT_API_ORIGIN));
    return null;
  };

  return (
    <main>
      <h1>{t('popupTitle')}</h1>
      {state.notice && (
        <div class="notice" role="status">
          <span>{t(state.notice)}</span>
          <button type="button" onClick={() => void run(send('dismissNotice', {})).then((s) => s && setState(s))}>
            {t('dismiss')}
          </button>
        </div>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!active || replacing ? (
        <>
          <KeyForm onSave={save} onCancel={replacing ? () => setReplacing(false) : undefined} />
          <p class="hint muted">{t('keyHint')}</p>
        </>
      ) : (
        <section aria-label={t('savedKeyLabel')}>
          <div class="row">
            <span>{t('savedKeyLabel')}:</span>
            <span class="masked" data-testid="masked-key">
              {active.masked}
            </span>
          </div>
          <div class="row muted hint">
            {t('apiOriginLabel')}: {DEFAULT_API_ORIGIN}
          </div>
          <div class="row" style={{ marginTop: '8px' }}>
            <button type="button" onClick={() => setReplacing(true)}>
              {t('changeKey')}
            </button>
            <button
              type="button"
              onClick={() =>
                void run(send('forgetKey', { profileId: active.id })).then((s) => {
                  if (s) {
                    setState(s);
                    setStatus(t('forgotten'));
                  }
                })
              }
            >
              {t('forgetKey')}
            </button>
          </div>
        </section>
      )}
      <label class="row">
        <input
          type="checkbox"
          role="switch"
          checked={state.enabled}
          onChange={(e) => {
            const enabled = e.currentTarget.checked;
            void run(send('setEnabled', { enabled })).then((s) => s && setState(s));
          }}
        />
        {t('injectionLabel')}
      </label>
      {!state.enabled && <p class="hint error">{t('injectionOffNote')}</p>}
      <p class="message ok" role="status" aria-live="polite">
        {status}
      </p>
    </main>
  );
}
