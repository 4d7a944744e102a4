// "Open in tab": an API URL opened by the extension, in a new tab that gets the key. This is the
// way to use the browsable API: addresses typed in the address bar do not get the key by default.
import { useState } from 'preact/hooks';
import type { MessageKey } from '../core/messages';
import { t } from '../shared/i18n';
import { send } from '../shared/protocol';
import type { Run } from '../ui/useAppState';

export function OpenApiTab({ origin, run }: { origin: string; run: Run }) {
  const [url, setUrl] = useState(`${origin}/api/users/current/`);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const id = `open-${origin}`;
  const open = async (e: Event) => {
    e.preventDefault();
    const r = await run(send('openApiTab', { url, origin }));
    setProblem(r.ok ? null : r.problem);
  };
  return (
    <form class="row" noValidate onSubmit={(e) => void open(e)}>
      <label class="field" for={id} style={{ flex: 1 }}>
        {t('openTabLabel')}
      </label>
      <input
        id={id}
        type="url"
        class="mono"
        spellcheck={false}
        value={url}
        aria-invalid={problem !== null}
        aria-describedby={`${id}-hint`}
        onInput={(e) => {
          setUrl(e.currentTarget.value);
          setProblem(null);
        }}
      />
      <button type="submit">{t('openTab')}</button>
      <p id={`${id}-hint`} class={`hint ${problem ? 'error' : 'muted'}`} role={problem ? 'alert' : undefined}>
        {t(problem ?? 'openTabHint')}
      </p>
    </form>
  );
}
