// The detail view: diagnosis on top, then request and response. Everything is rendered as text, and
// from one masked copy of the row (shown-row.ts); only the copy buttons start from the row itself,
// as exports that replace every key they find.
import { useMemo } from 'preact/hooks';
import type { Exchange } from '../core/exchange';
import type { Secrets } from '../core/secrets';
import { t } from '../shared/i18n';
import type { PublicState } from '../shared/protocol';
import { CopyActions } from './CopyActions';
import { DetailNav } from './DetailNav';
import { Explanation } from './Explanation';
import { LazyEndpointSection } from './LazyEndpointSection';
import type { Row } from './model';
import { RequestSection } from './RequestSection';
import { ResendActions } from './ResendActions';
import { ResponseSection } from './ResponseSection';
import { shownRow } from './shown-row';
import { TimingSection } from './TimingSection';

interface Props {
  row: Row;
  state: PublicState | null;
  secrets: Secrets;
  apiOrigins: readonly string[];
  onResent: (ex: Exchange, sentFingerprint: string | null) => void;
  words?: readonly string[];
}

export function Details({ row, state, secrets, apiOrigins, onResent, words = [] }: Props) {
  // Every text the server or the page wrote, with any key in it masked: what every section shows.
  const shown = useMemo(() => shownRow(row, secrets), [row, secrets]);
  const body = shown.diagnosis.decoded.body;
  return (
    <div class="detail">
      <DetailNav />
      <Explanation row={shown} />
      <LazyEndpointSection row={shown} />
      {body.kind === 'fields' && (
        <dl class="fields">
          {body.fields.map((f) => (
            <>
              <dt class="mono">{f.path}</dt>
              <dd>{f.messages.join(' ')}</dd>
            </>
          ))}
        </dl>
      )}
      <p class="sent-auth mono">
        {shown.diagnosis.sentAuthorization !== null ? t('sentAuthorization', shown.diagnosis.sentAuthorization) : t('noAuthorizationSent')}
      </p>
      <CopyActions row={row} state={state} secrets={secrets} apiOrigins={apiOrigins}>
        <ResendActions row={shown} state={state} onResent={onResent} />
      </CopyActions>
      <RequestSection row={shown} />
      <ResponseSection row={shown} words={words} />
      <h3 id="sec-timing" tabIndex={-1}>
        {t('sectionTiming')}
      </h3>
      <TimingSection row={shown} />
    </div>
  );
}
