// The endpoint part of the details: which MaiAgent endpoint the request went to and a link to its
// documentation in the panel's language; on a 404 the closest real endpoints or "the id was not
// found", on a 405 the methods it takes, on a 400 its required fields, and what the request body
// gets wrong against the reference. Text only; links open in a new tab.
import { useMemo } from 'preact/hooks';
import { asDocsLocale, CATALOG, docsUrl, endpointLabel, endpointReport, type BodyWarning } from '../core/catalog';
import type { MessageKey } from '../core/messages';
import { t } from '../shared/i18n';
import type { ShownRow } from './shown-row';

const TYPE_NAMES: Record<string, MessageKey> = {
  s: 'typeString',
  i: 'typeInteger',
  n: 'typeNumber',
  b: 'typeBoolean',
  a: 'typeList',
  o: 'typeObject',
  null: 'typeNull',
};
const typeName = (code: string) => (TYPE_NAMES[code] ? t(TYPE_NAMES[code]) : code);

function warningText(w: BodyWarning, mask: (s: string) => string): string {
  // The paths and names come from the request body as parsed: masked after parsing (a \u escape hides a key from a text mask).
  const path = mask(w.path);
  switch (w.kind) {
    case 'unknownField':
      return w.suggestion ? t('bodyUnknownFieldSuggest', path, mask(w.suggestion)) : t('bodyUnknownField', path);
    case 'missingField':
      return t('bodyMissingField', path);
    case 'wrongType':
      return t('bodyWrongType', path, typeName(w.expected), typeName(w.got));
  }
}

function DocsLink({ page }: { page: number }) {
  // The catalogue language the panel is shown in decides the docs language, so they always agree.
  const href = docsUrl(CATALOG, page, asDocsLocale(t('docsLocale')));
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" data-testid="endpoint-docs">
      {page >= 0 ? t('endpointDocs') : t('endpointDocsOverview')}
    </a>
  );
}

/** `row` as the details show it; the ids are decoded from its URL, so they are masked again after decoding. */
export function EndpointSection({ row }: { row: ShownRow }) {
  const ex = row.exchange;
  const report = useMemo(
    () => endpointReport(CATALOG, { method: ex.method, url: ex.url, status: ex.status, requestBody: ex.requestBody }),
    [ex.method, ex.url, ex.status, ex.requestBody],
  );
  if (!report || (!report.match && !report.notFound)) return null;
  const { match, prefix } = report;
  return (
    <section class="endpoint" aria-labelledby="endpoint-heading" data-testid="endpoint">
      <h3 id="endpoint-heading">{t('endpointHeading')}</h3>
      {match && (
        <p>
          <span class="mono">{endpointLabel(match.method, match.template, match.prefix)}</span> · <DocsLink page={match.page} />
        </p>
      )}
      {report.notFound === 'unknownId' && match && (
        <p>
          {t(
            'endpointUnknownId',
            endpointLabel(match.method, match.template, match.prefix),
            row.mask(Object.values(match.params).join(', ')),
          )}
        </p>
      )}
      {report.notFound === 'unknownPath' && (
        <>
          <p>{t('endpointUnknownPath')}</p>
          {report.closest.length > 0 ? (
            <>
              <p>{t('endpointClosest')}</p>
              <ul class="closest" data-testid="closest-endpoints">
                {report.closest.map((e) => (
                  <li key={e.template}>
                    <span class="mono">{endpointLabel(e.methods.join(', '), e.template, prefix)}</span> · <DocsLink page={e.page} />
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('endpointNoClosest')}</p>
          )}
        </>
      )}
      {report.allowed && <p>{t('endpointAllowed', report.allowed.join(', '))}</p>}
      {report.required.length > 0 && <p>{t('endpointRequired', report.required.join(', '))}</p>}
      {report.bodyWarnings.length > 0 && (
        <>
          <h4>{t('endpointBodyHeading')}</h4>
          <ul class="body-warnings" data-testid="body-warnings">
            {report.bodyWarnings.map((w, i) => (
              <li key={i}>{warningText(w, row.mask)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
