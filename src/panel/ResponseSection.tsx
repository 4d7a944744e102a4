// The response: status, headers, what the body is (or why it could not be read), a stream put
// back together, and the body itself. Text only.
import type { DecodedBody } from '../core/decode';
import { t } from '../shared/i18n';
import { HeadersTable } from './HeadersTable';
import type { BodyFailure } from './capture/body';
import { ResponseBody } from './ResponseBody';
import type { ShownRow } from './shown-row';
import { StreamSection } from './StreamSection';

function bodySummary(b: DecodedBody): string | null {
  switch (b.kind) {
    case 'empty':
      return t('bodyEmpty');
    case 'binary':
      return t('bodyBinary', String(b.bytes), b.mimeType);
    case 'list':
      return t('bodyList', String(b.returned), b.count === null ? '?' : String(b.count), b.hasNext ? t('bodyListMore') : t('bodyListLast'));
    case 'invalidJson':
      return t('bodyInvalidJson');
    case 'sse':
      return b.error ? `${t('bodySse', String(b.events))}; ${t('bodySseError', b.error)}` : t('bodySse', String(b.events));
    default:
      return null;
  }
}

const failureText = (f: BodyFailure) => t('bodyUnreadable', f.kind === 'timeout' ? t('bodyReadTimeout', String(f.seconds)) : f.message);

export function ResponseSection({ row, words }: { row: ShownRow; words: readonly string[] }) {
  const ex = row.exchange;
  // A body DevTools could not hand over is not an empty one: say which it is.
  const summary = row.bodyFailure ? null : bodySummary(row.diagnosis.decoded.body);
  return (
    <>
      <h3 id="sec-response" tabIndex={-1}>
        {t('responseHeading')}
      </h3>
      <p class="mono">
        {ex.status} {ex.statusText ?? ''}
      </p>
      <HeadersTable headers={ex.responseHeaders} label={t('responseHeadersHeading')} />
      {row.bodyFailure && (
        <p class="warning" role="note" data-testid="body-unreadable">
          {failureText(row.bodyFailure)}
        </p>
      )}
      {summary && <p class="muted">{summary}</p>}
      <StreamSection row={row} />
      {ex.responseTruncated && <p class="muted">{t('bodyTruncated')}</p>}
      {!row.bodyLoaded && <p class="muted">{t('bodyLoading')}</p>}
      <ResponseBody row={row} words={words} />
    </>
  );
}
