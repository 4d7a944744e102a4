// A streamed response put back together: the reply, the conversation, whether `done` arrived,
// time to the first event and in total, and each event (collapsed). Text only.
import { useMemo } from 'preact/hooks';
import { formatDuration } from '../core/format';
import { assembleStream } from '../core/stream';
import { t } from '../shared/i18n';
import type { Row } from './model';

/** HAR timings: `wait` is the time to the first byte, that is to the first event of a stream. */
function firstByte(row: Row): number | null {
  const timings = (row.entry as { timings?: { wait?: unknown } }).timings;
  return typeof timings?.wait === 'number' ? timings.wait : null;
}

export function StreamSection({ row }: { row: Row }) {
  const ex = row.exchange;
  const s = useMemo(() => {
    if (ex.responseBase64 || !ex.responseBody) return null;
    return assembleStream(ex.responseBody, ex.responseMimeType, { firstByteMs: firstByte(row), totalMs: ex.durationMs, error: ex.error });
  }, [row, ex]);
  if (!s) return null;
  return (
    <section class="stream" aria-labelledby="stream-heading" data-testid="stream">
      <h3 id="stream-heading">{t('streamHeading')}</h3>
      <p class={s.broken ? 'error' : 'ok'} data-testid="stream-state">
        {s.error ? t('streamBroke', s.error) : s.done ? t('streamDone') : t('streamNoDone')}
      </p>
      <dl class="fields">
        <dt>{t('streamConversation')}</dt>
        <dd class="mono" data-testid="stream-conversation">
          {s.conversationId ?? '—'}
        </dd>
        <dt>{t('streamFirstEvent')}</dt>
        <dd>{s.firstEventMs === null ? '—' : formatDuration(s.firstEventMs)}</dd>
        <dt>{t('streamTotal')}</dt>
        <dd>{s.totalMs === null ? '—' : formatDuration(s.totalMs)}</dd>
      </dl>
      <h4>{t('streamReply')}</h4>
      <pre class="body" data-testid="stream-text">
        {s.text || t('streamNoText')}
      </pre>
      <details>
        <summary>{t('streamEvents', String(s.events.length))}</summary>
        <ol class="events mono">
          {s.events.map((e, i) => (
            <li key={i}>
              {e.name !== 'message' && e.name !== 'line' && <strong>{e.name} </strong>}
              {e.data}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
