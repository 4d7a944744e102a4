// The detail view: diagnosis on top, then request and response. Everything is rendered as text.
import { ext as browser } from '../platform/ext';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DecodedBody } from '../core/decode';
import type { Check } from '../core/diagnose';
import { canonicalOrigin, canonicalUrl, toCurl, toFetch, toPython, urlNotCanonical } from '../core/export';
import { originToMatchPattern } from '../core/origins';
import { isAuthorizationHeader, maskAuthorization } from '../core/redact';
import { buildErrorReport, describeBrowser, type ReportLabel } from '../core/report';
import { maskText, type Secrets } from '../core/secrets';
import type { MessageKey } from '../core/messages';
import { t, tm } from '../shared/i18n';
import { send, type PublicState } from '../shared/protocol';
import { extensionInfo } from './about';
import { copyToClipboard } from './clipboard';
import { LazyEndpointSection } from './LazyEndpointSection';
import { StreamSection } from './StreamSection';
import { ResendActions } from './ResendActions';
import { DetailNav } from './DetailNav';
import { ResponseBody } from './ResponseBody';
import { TimingSection } from './TimingSection';
import type { Exchange } from '../core/exchange';
import type { Row } from './model';

type SnippetKind = 'curl' | 'fetch' | 'python' | 'report';

/** The full key, asked of the background only for a snippet the user asked to include it in. */
async function revealedKey(profileId: string): Promise<string | undefined> {
  const r = await send('revealKey', { profileId });
  return (r.ok && r.value.key) || undefined;
}

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

const CHECK_MARK: Record<Check['state'], string> = { pass: '✓', fail: '✗', unknown: '?' };
const CHECK_WORD = { pass: 'checkPass', fail: 'checkFail', unknown: 'checkUnknown' } as const;

/** Why the cause was given, and what was checked: each line passed, failed or not known. */
/** `mask`: evidence quotes the server, and a server may repeat a key. */
function Evidence({ row, mask }: { row: Row; mask: (s: string) => string }) {
  const d = row.diagnosis;
  return (
    <>
      {d.evidence.length > 0 && (
        <>
          <h3>{t('evidenceHeading')}</h3>
          <ul class="evidence" data-testid="evidence">
            {d.evidence.map((e, i) => (
              <li key={i}>{mask(tm(e))}</li>
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
                <span aria-hidden="true">{CHECK_MARK[c.state]}</span> {mask(tm(c.label))}
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

function pretty(text: string | undefined): string {
  if (!text) return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function queryParams(url: string): [string, string][] {
  try {
    return [...new URL(url).searchParams.entries()];
  } catch {
    return [];
  }
}

function maskedExchange(ex: Exchange, mask: (s: string) => string): Exchange {
  const headers = (hs: Exchange['requestHeaders']) => hs.map((h) => ({ ...h, value: mask(h.value) }));
  return {
    ...ex,
    url: mask(ex.url),
    ...(ex.statusText !== undefined ? { statusText: mask(ex.statusText) } : {}),
    requestHeaders: headers(ex.requestHeaders),
    responseHeaders: headers(ex.responseHeaders),
    ...(ex.requestBody !== undefined ? { requestBody: mask(ex.requestBody) } : {}),
    ...(ex.responseBody !== undefined && !ex.responseBase64 ? { responseBody: mask(ex.responseBody) } : {}),
    ...(ex.error !== undefined ? { error: mask(ex.error) } : {}),
  };
}

export function Details({
  row,
  state,
  secrets,
  apiOrigins,
  onResent,
  words = [],
}: {
  row: Row;
  state: PublicState | null;
  secrets: Secrets;
  apiOrigins: readonly string[];
  onResent: (ex: Exchange, sentFingerprint: string | null) => void;
  words?: readonly string[];
}) {
  const { exchange: ex, diagnosis: d } = row;
  const [includeKey, setIncludeKey] = useState(false);
  // Results belong to the row they were made for; tagging them (instead of clearing them in an
  // effect) stays right even when effects run late, as they do in a DevTools window out of focus.
  const [snippetFor, setSnippet] = useState<{ rowId: number; kind: SnippetKind; text: string; copied: boolean | null } | null>(null);
  const [offerFor, setOfferDone] = useState<{ rowId: number; text: string } | null>(null);
  const snippet = snippetFor?.rowId === row.id ? snippetFor : null;
  const offerDone = offerFor?.rowId === row.id ? offerFor.text : null;
  // Which row is on screen, for the async snippet below: updated as soon as the row is committed
  // (a layout effect runs before anything can be clicked; a plain effect may wait for a frame).
  const shownRowRef = useRef(row.id);
  useLayoutEffect(() => {
    shownRowRef.current = row.id;
  }, [row.id]);

  const bs = bodySummary(d.decoded.body);
  // Everything the server (or the page) wrote is shown with any key in it masked.
  const mask = (s: string) => maskText(s, secrets);
  // What the sections below show (body views, stream, timing, the resend editor): the same row
  // with every text the server or the page wrote masked, so none of them can show a key.
  const shown = useMemo(() => ({ ...row, exchange: maskedExchange(row.exchange, (x) => maskText(x, secrets)) }), [row, secrets]);
  const params = queryParams(ex.url);
  // The URL as the browser reads it decides both where a snippet goes and whether the key may go with it.
  const canonical = canonicalUrl(ex.url);
  const origin = canonicalOrigin(ex.url);
  const profileId = origin && apiOrigins.includes(origin) ? state?.active[origin] : undefined;

  const report = () =>
    buildErrorReport(
      {
        exchange: ex,
        timings: (row.entry as { timings?: Record<string, unknown> }).timings,
        meaning: tm(d.decoded.meaning),
        serverMessage: d.decoded.serverMessage,
        fields:
          d.decoded.body.kind === 'fields'
            ? d.decoded.body.fields
            : d.decoded.body.kind === 'envelope'
              ? (d.decoded.body.fields ?? [])
              : [],
        cause: d.cause ? tm(d.cause) : null,
        fixes: d.fixes.map(tm),
        browser: describeBrowser(navigator.userAgent),
        extension: extensionInfo(),
        secrets,
      },
      (l) => t(REPORT_LABELS[l]),
    );

  const makeSnippet = async (kind: SnippetKind) => {
    // The key goes into a snippet only when the user ticked the box, and comes from the background then.
    const key = kind !== 'report' && includeKey && profileId ? await revealedKey(profileId) : undefined;
    const opts = { key, secrets, apiOrigins };
    const text =
      kind === 'curl' ? toCurl(ex, opts) : kind === 'fetch' ? toFetch(ex, opts) : kind === 'python' ? toPython(ex, opts) : report();
    // The user may have moved to another row while the key was fetched.
    if (shownRowRef.current !== row.id) return;
    setSnippet({ rowId: row.id, kind, text, copied: null });
    const copied = await copyToClipboard(text);
    setSnippet((cur) => (cur?.text === text ? { ...cur, copied } : cur));
  };

  const allowSite = async (site: string) => {
    const granted = await browser.permissions.request({ origins: [originToMatchPattern(site)] }).catch(() => false);
    if (!granted) return setOfferDone({ rowId: row.id, text: t('permissionMissing') });
    const r = await send('addSite', { origin: site });
    setOfferDone({ rowId: row.id, text: r.ok ? t('siteAdded', site) : t(r.problem) });
  };

  return (
    <div class="detail">
      <DetailNav />
      <h2 id="sec-explanation" tabIndex={-1} class={ex.status === 0 || ex.status >= 400 ? 'bad-title' : ''}>
        <span class="status">{ex.status || '—'}</span> {tm(d.decoded.meaning)}
        {d.decoded.serverMessage && <span class="server-message"> — {mask(d.decoded.serverMessage)}</span>}
      </h2>
      {d.cause && (
        <section class="diagnosis" aria-labelledby="dx-cause">
          <h3 id="dx-cause">{t('diagnosisHeading')}</h3>
          <p class="cause">{mask(tm(d.cause))}</p>
          {d.fixes.length > 0 && (
            <>
              <h3>{t('fixHeading')}</h3>
              <ul class="fixes">
                {d.fixes.map((f, i) => (
                  <li key={i}>{mask(tm(f))}</li>
                ))}
              </ul>
            </>
          )}
          {d.offer?.kind === 'allowSite' && (
            <button type="button" onClick={() => void allowSite((d.offer as { origin: string }).origin)}>
              {t('allowSiteNamed', d.offer.origin)}
            </button>
          )}
          {d.offer?.kind === 'url' && (
            <button
              type="button"
              onClick={() =>
                void copyToClipboard((d.offer as { url: string }).url).then(() => setOfferDone({ rowId: row.id, text: t('urlCopied') }))
              }
            >
              {t('copyCorrectedUrl')}
            </button>
          )}
          {offerDone && <p role="status">{offerDone}</p>}
          <Evidence row={row} mask={mask} />
        </section>
      )}
      <LazyEndpointSection row={row} mask={mask} />
      {d.decoded.body.kind === 'fields' && (
        <dl class="fields">
          {d.decoded.body.fields.map((f) => (
            <>
              <dt class="mono">{f.path}</dt>
              <dd>{mask(f.messages.join(' '))}</dd>
            </>
          ))}
        </dl>
      )}
      <p class="sent-auth mono">{d.sentAuthorization !== null ? t('sentAuthorization', d.sentAuthorization) : t('noAuthorizationSent')}</p>
      <div class="actions">
        <button type="button" disabled={!canonical} onClick={() => void makeSnippet('curl')}>
          {t('copyCurl')}
        </button>
        <button type="button" disabled={!canonical} onClick={() => void makeSnippet('fetch')}>
          {t('copyFetch')}
        </button>
        <button type="button" disabled={!canonical} onClick={() => void makeSnippet('python')}>
          {t('copyPython')}
        </button>
        <label>
          <input
            type="checkbox"
            checked={includeKey && !!profileId}
            disabled={!profileId}
            onChange={(e) => setIncludeKey(e.currentTarget.checked)}
          />
          {t('includeKey')}
        </label>
        <button type="button" onClick={() => void makeSnippet('report')}>
          {t('copyErrorReport')}
        </button>
      </div>
      <ResendActions row={shown} state={state} onResent={onResent} />
      {includeKey && profileId && <p class="error">{t('includeKeyWarning')}</p>}
      {!canonical && (
        <p class="warning" role="note">
          {t('urlUnparsable')}
        </p>
      )}
      {snippet && (
        <>
          {snippet.copied !== null && (
            <p role="status" class="muted">
              {!snippet.copied ? t('snippetNotCopied') : snippet.kind === 'report' ? t('reportCopied') : t('snippetCopied')}
            </p>
          )}
          <pre class="snippet" data-testid="snippet">
            {snippet.text}
          </pre>
        </>
      )}
      <h3 id="sec-request" tabIndex={-1}>
        {t('requestHeading')}
      </h3>
      <p class="mono url">
        {ex.method} {mask(ex.url)}
      </p>
      {canonical && urlNotCanonical(ex.url) && (
        <p class="warning" role="note" data-testid="url-not-canonical">
          {t('urlNotCanonical', mask(canonical))}
        </p>
      )}
      {params.length > 0 && (
        <table class="headers" aria-label={t('queryHeading')}>
          <tbody>
            {params.map(([k, v], i) => (
              <tr key={i}>
                <th class="mono">{mask(k)}</th>
                <td class="mono">{mask(v)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <table class="headers" aria-label={t('requestHeadersHeading')}>
        <tbody>
          {ex.requestHeaders.map((h, i) => (
            <tr key={i}>
              <th class="mono">{h.name}</th>
              <td class="mono">{isAuthorizationHeader(h.name) ? maskAuthorization(h.value) : mask(h.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {ex.requestBody && <pre class="body">{mask(pretty(ex.requestBody))}</pre>}
      {ex.requestTruncated && <p class="muted">{t('requestBodyTruncated')}</p>}
      <h3 id="sec-response" tabIndex={-1}>
        {t('responseHeading')}
      </h3>
      <p class="mono">
        {ex.status} {mask(ex.statusText ?? '')}
      </p>
      <table class="headers" aria-label={t('responseHeadersHeading')}>
        <tbody>
          {ex.responseHeaders.map((h, i) => (
            <tr key={i}>
              <th class="mono">{h.name}</th>
              <td class="mono">{mask(h.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {bs && <p class="muted">{bs}</p>}
      <StreamSection row={shown} />
      {ex.responseTruncated && <p class="muted">{t('bodyTruncated')}</p>}
      {!row.bodyLoaded && <p class="muted">{t('bodyLoading')}</p>}
      <ResponseBody row={shown} words={words} />
      <h3 id="sec-timing" tabIndex={-1}>
        {t('sectionTiming')}
      </h3>
      <TimingSection row={shown} />
    </div>
  );
}
