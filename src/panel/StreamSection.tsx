// A streamed response put back together: the reply, the conversation, whether `done` arrived,
// time to the first event and in total, and each event (collapsed), as shown-row.ts assembled and
// masked it. Text only.
import { formatDuration } from '../core/format';
import { t } from '../shared/i18n';
import type { ShownRow } from './shown-row';

export function StreamSection({ row }: { row: ShownRow }) {
  const s = row.stream;
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
