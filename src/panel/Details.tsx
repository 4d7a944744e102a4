// The detail view: diagnosis on top, then request and response. Everything is rendered as text.
import type { Body } from '../core/decode';
import { isAuthorizationHeader, maskAuthorization } from '../core/redact';
import { t, tm } from '../shared/i18n';
import type { Row } from './model';

function bodySummary(b: Body): string | null {
  switch (b.kind) {
    case 'empty': return t('bodyEmpty');
    case 'binary': return t('bodyBinary', String(b.bytes), b.mimeType);
    case 'list': return t('bodyList', String(b.returned), b.count === null ? '?' : String(b.count), b.hasNext ? t('bodyListMore') : t('bodyListLast'));
    case 'invalidJson': return t('bodyInvalidJson');
    case 'sse': return b.error ? `${t('bodySse', String(b.events))}; ${t('bodySseError', b.error)}` : t('bodySse', String(b.events));
    default: return null;
  }
}

function pretty(text: string | undefined): string {
  if (!text) return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export function Details({ row }: { row: Row }) {
  const { exchange: ex, diagnosis: d } = row;
  const bs = bodySummary(d.decoded.body);
  return (
    <div class="detail">
      <h2 class="title">
        <span class="status">{ex.status || '—'}</span> {tm(d.decoded.meaning)}
        {d.decoded.serverMessage && <span class="server-message"> — {d.decoded.serverMessage}</span>}
      </h2>
      {d.cause && (
        <section aria-labelledby="dx-cause">
          <h3 id="dx-cause">{t('diagnosisHeading')}</h3>
          <p class="cause">{tm(d.cause)}</p>
          {d.fixes.length > 0 && (
            <>
              <h3>{t('fixHeading')}</h3>
              <ul class="fixes">
                {d.fixes.map((f, i) => (
                  <li key={i}>{tm(f)}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {d.decoded.body.kind === 'fields' && (
        <dl class="fields">
          {d.decoded.body.fields.map((f) => (
            <>
              <dt class="mono">{f.path}</dt>
              <dd>{f.messages.join(' ')}</dd>
            </>
          ))}
        </dl>
      )}
      <p class="sent-auth mono">{d.sentAuthorization !== null ? t('sentAuthorization', d.sentAuthorization) : t('noAuthorizationSent')}</p>
      <h3>{t('requestHeading')}</h3>
      <p class="mono url">
        {ex.method} {ex.url}
      </p>
      <table class="headers">
        <tbody>
          {ex.requestHeaders.map((h, i) => (
            <tr key={i}>
              <th class="mono">{h.name}</th>
              <td class="mono">{isAuthorizationHeader(h.name) ? maskAuthorization(h.value) : h.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {ex.requestBody && <pre class="body">{pretty(ex.requestBody)}</pre>}
      <h3>{t('responseHeading')}</h3>
      <table class="headers">
        <tbody>
          {ex.responseHeaders.map((h, i) => (
            <tr key={i}>
              <th class="mono">{h.name}</th>
              <td class="mono">{h.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {bs && <p class="muted">{bs}</p>}
      {ex.responseBody && !ex.responseBase64 && <pre class="body" data-testid="response-body">{pretty(ex.responseBody)}</pre>}
    </div>
  );
}
