// The key field with live validation: what the user types is checked before anything is stored.
import { useEffect, useRef, useState } from 'preact/hooks';
import { normalizeKey, type KeyProblem } from '../core/keys';
import { t } from '../shared/i18n';

interface Props {
  onSave: (key: string) => Promise<KeyProblem | null>;
  onCancel?: (() => void) | undefined;
}

export function KeyForm({ onSave, onCancel }: Props) {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<KeyProblem | null>(null);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  const check = (v: string) => {
    const r = normalizeKey(v);
    setProblem(r.ok ? null : r.problem);
    return r;
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setTouched(true);
    const r = check(value);
    if (!r.ok) return;
    setBusy(true);
    try {
      const serverProblem = await onSave(r.key);
      if (serverProblem) setProblem(serverProblem);
      else setValue('');
    } finally {
      setBusy(false);
    }
  };

  const showProblem = touched && problem !== null && !(problem === 'keyEmpty' && value === '' && !touched);
  return (
    <form onSubmit={submit} noValidate>
      <label class="field">
        {t('keyLabel')}
        <input
          ref={input}
          type="password"
          autocomplete="off"
          spellcheck={false}
          placeholder={t('keyPlaceholder')}
          value={value}
          aria-invalid={showProblem}
          aria-describedby="key-message"
          onInput={(e) => {
            const v = e.currentTarget.value;
            setValue(v);
            setTouched(v !== '');
            check(v);
          }}
        />
      </label>
      <p id="key-message" class={`message ${showProblem ? 'error' : 'ok'}`} role={showProblem ? 'alert' : undefined}>
        {showProblem ? t(problem) : value && !problem ? t('keyLooksOk') : ''}
      </p>
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
