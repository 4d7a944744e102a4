// The key field with live validation: what the user types is checked before anything is stored.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { normalizeKey } from '../core/key-input';
import type { MessageKey } from '../core/messages';
import { t } from '../shared/i18n';
import type { Persist, Problem } from '../shared/protocol';

interface Props {
  onSave: (key: string, persist: Persist, name: string) => Promise<Problem | null>;
  onCancel?: (() => void) | undefined;
  /** Ask for a name too (adding a second key). */
  withName?: boolean;
  initialPersist?: Persist;
}

export function KeyForm({ onSave, onCancel, withName, initialPersist = 'local' }: Props) {
  const [value, setValue] = useState('');
  const [name, setName] = useState('');
  const [persist, setPersist] = useState<Persist>(initialPersist);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  // Focus lands in the key field, so a first-run user can paste and press Enter. A layout effect
  // runs right after the render; a plain effect waits for the next animation frame.
  useLayoutEffect(() => input.current?.focus(), []);

  const submit = async (e: Event) => {
    e.preventDefault();
    const r = normalizeKey(value);
    if (!r.ok) {
      setProblem(r.problem);
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const refused = await onSave(r.key, persist, name.trim());
      if (refused) setProblem(refused);
      else setValue('');
    } finally {
      setBusy(false);
    }
  };

  const live = value === '' ? null : normalizeKey(value);
  const shown = problem ?? (live && !live.ok ? live.problem : null);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate class="key-form">
      {withName && (
        <label class="field">
          {t('profileNameLabel')}
          <input
            type="text"
            value={name}
            maxLength={100}
            placeholder={t('profileNamePlaceholder')}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
      )}
      <label class="field">
        {t('keyLabel')}
        <input
          ref={input}
          type="password"
          autocomplete="off"
          spellcheck={false}
          placeholder={t('keyPlaceholder')}
          value={value}
          aria-invalid={shown !== null}
          aria-describedby="key-message"
          onInput={(e) => {
            setValue(e.currentTarget.value);
            setProblem(null);
          }}
        />
      </label>
      <p id="key-message" class={`message ${shown ? 'error' : 'ok'}`} role={shown ? 'alert' : undefined}>
        {shown ? t(shown) : live?.ok ? t('keyLooksOk') : ''}
      </p>
      <fieldset class="persist">
        <legend>{t('persistLegend')}</legend>
        <label>
          <input type="radio" name="persist" checked={persist === 'local'} onChange={() => setPersist('local')} />
          {t('persistLocal')}
        </label>
        <label>
          <input type="radio" name="persist" checked={persist === 'session'} onChange={() => setPersist('session')} />
          {t('persistSession')}
        </label>
      </fieldset>
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {t('save')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
