// The active key for one API origin: switch profile, see it masked, reveal, copy, check, replace, forget.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { Run } from '../ui/useAppState';
import { send, type PublicState } from '../shared/protocol';
import { useKeyCheck } from '../ui/useKeyCheck';
import { missingAccess } from './AccessNotice';
import { KeyForm } from '../ui/KeyForm';
import { OpenApiTab } from './OpenApiTab';
import { canOpenKeyedTabs } from '../platform/engine';

interface Props {
  origin: string;
  state: PublicState;
  run: Run;
  onStatus: (text: string) => void;
  /** The profile was deleted ("Forget this key"); the popup offers Undo. */
  onForgotten: (id: string, name: string) => void;
}

export function ProfileCard({ origin, state, run, onStatus, onForgotten }: Props) {
  const candidates = state.profiles.filter((p) => p.origins.includes(origin));
  const active = candidates.find((p) => p.id === state.active[origin]) ?? candidates[0];
  // A revealed key and a check result belong to the profile they were made for: when the active
  // profile changes (here, in the options page, or by "Forget"), they are no longer shown.
  const [revealedFor, setRevealedFor] = useState<{ id: string; key: string } | null>(null);
  const keyCheck = useKeyCheck(run);
  const [replacing, setReplacing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  if (!active) return null;
  const revealed = revealedFor?.id === active.id ? revealedFor.key : null;
  const setRevealed = (key: string | null) => setRevealedFor(key === null ? null : { id: active.id, key });
  const selectId = `active-${origin}`;
  const toggleReveal = async () => {
    if (revealed !== null) return setRevealed(null);
    const r = await run(send('revealKey', { profileId: active.id }));
    if (r.ok) setRevealed(r.value.key);
  };
  const copyKey = async () => {
    const r = await run(send('revealKey', { profileId: active.id }));
    if (!r.ok) return;
    try {
      await navigator.clipboard.writeText(r.value.key);
      onStatus(t('copied'));
    } catch {
      onStatus(t('copyFailed'));
    }
  };
  const forget = async () => {
    setConfirming(false);
    const r = await run(send('deleteProfile', { id: active.id }));
    if (!r.ok) return onStatus(t(r.problem));
    onForgotten(active.id, active.name);
  };

  return (
    <section class="card" aria-label={t('activeKeyFor', origin)}>
      <label class="field" for={selectId}>
        {t('activeKeyFor', origin)}
      </label>
      <select
        id={selectId}
        value={active.id}
        onChange={(e) => {
          setRevealed(null);
          keyCheck.clear();
          void run(send('setActive', { origin, profileId: e.currentTarget.value }));
        }}
      >
        {candidates.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      {active.hasKey ? (
        <>
          <div class="row">
            <span class="masked" data-testid="masked-key">
              {active.masked}
            </span>
            {revealed !== null && (
              <code class="revealed" data-testid="revealed-key">
                {revealed}
              </code>
            )}
          </div>
          <p class="hint muted">
            {t(active.persist === 'session' ? 'keptSession' : 'keptLocal')} · {t('keyAge', String(active.ageDays))}
          </p>
          {active.rotationDue && (
            <div class="notice" role="status">
              <span>{t('rotationDue', String(active.ageDays))}</span>
              <button type="button" onClick={() => void run(send('dismissRotation', { profileId: active.id }))}>
                {t('dismiss')}
              </button>
            </div>
          )}
          <div class="row buttons">
            <button type="button" aria-pressed={revealed !== null} onClick={() => void toggleReveal()}>
              {t(revealed !== null ? 'hideKey' : 'revealKey')}
            </button>
            <button type="button" onClick={() => void copyKey()}>
              {t('copyKey')}
            </button>
            <button type="button" disabled={keyCheck.busy(active.id)} onClick={() => void keyCheck.start(active.id)}>
              {t('checkKey')}
            </button>
          </div>
        </>
      ) : (
        <p class="notice" role="status">
          {t('sessionKeyGone')}
        </p>
      )}
      {keyCheck.view(active, state)}
      {active.hasKey && state.enabled && canOpenKeyedTabs() && <OpenApiTab origin={origin} run={run} />}
      {replacing ? (
        <KeyForm
          initialPersist={active.persist}
          onCancel={() => setReplacing(false)}
          onSave={async (key, persist) => {
            const r = await run(send('saveKey', { key, profileId: active.id, persist }));
            if (!r.ok) return r.problem;
            setReplacing(false);
            setRevealed(null);
            keyCheck.clear();
            onStatus(missingAccess(r.value).length ? t('savedNoAccess') : t('saved', origin));
            return null;
          }}
        />
      ) : (
        <div class="row buttons">
          <button type="button" onClick={() => setReplacing(true)}>
            {t(active.hasKey ? 'changeKey' : 'enterKeyAgain')}
          </button>
          <button type="button" aria-expanded={confirming} onClick={() => setConfirming(true)}>
            {t('forgetKey')}
          </button>
        </div>
      )}
      {confirming && (
        // Asked in place, not with confirm(): a native dialog would close the popup.
        <div class="notice" role="alertdialog" aria-label={t('forgetKey')} onKeyDown={(e) => e.key === 'Escape' && setConfirming(false)}>
          <span>{t('forgetConfirm', active.name)}</span>
          <button type="button" ref={confirmButton} onClick={() => void forget()}>
            {t('forgetConfirmYes')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </div>
      )}
    </section>
  );
}
