// Why the cause was given, and what was checked: each line passed, failed or not known.
import type { Check } from '../core/diagnose';
import { t, tm } from '../shared/i18n';
import type { ShownRow } from './shown-row';

const CHECK_MARK: Record<Check['state'], string> = { pass: '✓', fail: '✗', unknown: '?' };
const CHECK_WORD = { pass: 'checkPass', fail: 'checkFail', unknown: 'checkUnknown' } as const;

/** Evidence quotes the server, and a server may repeat a key: hence the masked row. */
export function Evidence({ row }: { row: ShownRow }) {
  const d = row.diagnosis;
  return (
    <>
      {d.evidence.length > 0 && (
        <>
          <h3>{t('evidenceHeading')}</h3>
          <ul class="evidence" data-testid="evidence">
            {d.evidence.map((e, i) => (
              <li key={i}>{tm(e)}</li>
            ))}
          </ul>
        </>
      )}
      {d.checks.length > 0 && (
        <details class="checks" data-testid="checks">
          <summary>{t('checksHeading')}</summary>
          <ul>
            {d.checks.map((c, i) => (
              <li key={i} class={`check-${c.state}`} data-state={c.state}>
                <span aria-hidden="true">{CHECK_MARK[c.state]}</span> {tm(c.label)}
                <span class="sr-only"> ({t(CHECK_WORD[c.state])})</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {row.snapshot.source === 'capture' && <p class="muted">{t('snapshotCapture')}</p>}
    </>
  );
}
