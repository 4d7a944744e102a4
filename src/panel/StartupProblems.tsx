// Start-up steps of the panel that failed (and requests it could not list), said in words with
// what the user can do: an empty list must never stand for "no traffic" when the panel could not look.
import { t } from '../shared/i18n';
import { reloadInspected } from '../platform/devtools';
import type { CaptureProblems } from './useCapture';

type Problems = CaptureProblems & { stateFailed?: string };

const TEXT = {
  listenFailed: 'captureListenFailed',
  harFailed: 'captureHarFailed',
  originFailed: 'captureOriginFailed',
  showFailed: 'captureShowFailed',
  stateFailed: 'captureStateFailed',
} as const;

export function StartupProblems({ problems, onRetryState }: { problems: Problems; onRetryState: () => void }) {
  const shown = (Object.keys(TEXT) as (keyof Problems)[]).filter((k) => problems[k] !== undefined);
  if (shown.length === 0) return null;
  return (
    <>
      {shown.map((k) => (
        <div class="hint error" role="alert" key={k} data-problem={k}>
          <span>{t(TEXT[k], problems[k] ?? '')}</span>
          {k === 'stateFailed' ? (
            <button type="button" onClick={onRetryState}>
              {t('tryAgain')}
            </button>
          ) : k === 'harFailed' || k === 'originFailed' || k === 'showFailed' ? (
            <button type="button" onClick={() => reloadInspected()}>
              {t('reloadPage')}
            </button>
          ) : null}
        </div>
      ))}
    </>
  );
}
