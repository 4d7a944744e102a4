// The request as it was sent: method and URL, a warning when the browser reads the URL otherwise,
// query parameters, headers (Authorization masked token by token) and the body. Text only.
import { t } from '../shared/i18n';
import { HeadersTable } from './HeadersTable';
import type { ShownRow } from './shown-row';

export function RequestSection({ row }: { row: ShownRow }) {
  const ex = row.exchange;
  return (
    <>
      <h3 id="sec-request" tabIndex={-1}>
        {t('requestHeading')}
      </h3>
      <p class="mono url">
        {ex.method} {ex.url}
      </p>
      {row.canonical && row.notCanonical && (
        <p class="warning" role="note" data-testid="url-not-canonical">
          {t('urlNotCanonical', row.canonical)}
        </p>
      )}
      {row.query.length > 0 && <HeadersTable headers={row.query.map(([name, value]) => ({ name, value }))} label={t('queryHeading')} />}
      <HeadersTable headers={ex.requestHeaders} label={t('requestHeadersHeading')} />
      {ex.requestBody && <pre class="body">{row.requestText}</pre>}
      {ex.requestTruncated && <p class="muted">{t('requestBodyTruncated')}</p>}
    </>
  );
}
