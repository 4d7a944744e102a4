// Timing of a request from its HAR entry: the phases the browser measured and the total.
import { formatDuration } from '../core/format';
import type { MessageKey } from '../core/messages';
import { t } from '../shared/i18n';
import type { Row } from './model';

const PHASES: [string, MessageKey][] = [
  ['blocked', 'timingBlocked'],
  ['dns', 'timingDns'],
  ['connect', 'timingConnect'],
  ['ssl', 'timingSsl'],
  ['send', 'timingSend'],
  ['wait', 'timingWait'],
  ['receive', 'timingReceive'],
];

export function TimingSection({ row }: { row: Row }) {
  const timings = (row.entry as { timings?: Record<string, unknown> }).timings ?? {};
  // HAR uses -1 for a phase that did not happen.
  const phases = PHASES.filter(([k]) => typeof timings[k] === 'number' && timings[k] >= 0);
  return (
    <dl class="fields timing">
      {phases.map(([k, label]) => (
        <>
          <dt key={`t-${k}`}>{t(label)}</dt>
          <dd key={`d-${k}`}>{formatDuration(timings[k] as number)}</dd>
        </>
      ))}
      <dt>{t('timingTotal')}</dt>
      <dd>{formatDuration(row.exchange.durationMs)}</dd>
    </dl>
  );
}
