// The error report a user pastes into a support ticket: the request, the answer, the explanation,
// the browser and extension, with every key replaced (core/report).
import { buildErrorReport, describeBrowser, type ReportLabel } from '../core/report';
import type { MessageKey } from '../core/messages';
import type { Secrets } from '../core/secrets';
import { t, tm } from '../shared/i18n';
import { extensionInfo } from './about';
import type { Row } from './model';

const REPORT_LABELS: Record<ReportLabel, MessageKey> = {
  title: 'reportTitle',
  request: 'reportRequest',
  status: 'reportStatus',
  noResponse: 'reportNoResponse',
  time: 'reportTime',
  ids: 'reportIds',
  browser: 'reportBrowser',
  extension: 'reportExtension',
  serverSaid: 'reportServerSaid',
  body: 'reportBody',
  explanation: 'reportExplanation',
  fixes: 'reportFixes',
  nothing: 'reportNothing',
};

export function errorReport(row: Row, secrets: Secrets): string {
  const d = row.diagnosis;
  return buildErrorReport(
    {
      exchange: row.exchange,
      timings: (row.entry as { timings?: Record<string, unknown> }).timings,
      meaning: tm(d.decoded.meaning),
      serverMessage: d.decoded.serverMessage,
      fields:
        d.decoded.body.kind === 'fields' ? d.decoded.body.fields : d.decoded.body.kind === 'envelope' ? (d.decoded.body.fields ?? []) : [],
      cause: d.cause ? tm(d.cause) : null,
      fixes: d.fixes.map(tm),
      browser: describeBrowser(navigator.userAgent),
      extension: extensionInfo(),
      secrets,
    },
    (l) => t(REPORT_LABELS[l]),
  );
}
