// The detail view: diagnosis on top, then request and response. Everything is rendered as text.
import { ext as browser } from '../platform/ext';
import { useRef, useState } from 'preact/hooks';
import type { Body } from '../core/decode';
import type { Check } from '../core/diagnose';
import { toCurl, toFetch } from '../core/export';
import { originToMatchPattern } from '../core/origins';
import { isAuthorizationHeader, maskAuthorization } from '../core/redact';
import { t, tm } from '../shared/i18n';
import { send, type PublicState } from '../shared/protocol';
import { EndpointSection } from './EndpointSection';
import { StreamSection } from './StreamSection';
import { ResendActions } from './ResendActions';
import { DetailNav } from './DetailNav';
import { ResponseBody } from './ResponseBody';
import { TimingSection } from './TimingSection';
import type { Exchange } from '../core/exchange';
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

const CHECK_MARK: Record<Check['state'], string> = { pass: '✓', fail: '✗', unknown: '?' };
const CHECK_WORD = { pass: 'checkPass', fail: 'checkFail', unknown: 'checkUnknown' } as const;

/** Why the cause was given, and what was checked: each line passed, failed or not known. */
function Evidence({ row }: { row: Row }) {
  const d = row.diagnosis;
  return (
    <>
      {d.evidence.length > 0 && (
        <>
          <h3>{t('evidenceHeading')}</h3>
          <ul class="evidence" data-testid="evidence">
            {d.evidence.map((e, i) => (
              <li key={i}>{tm(e)}</li>
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
                <span aria-hidden="true">{CHECK_MARK[c.state]}</span> {tm(c.label)}
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

async function copyText(text: string): Promise<boolean> {
  try {
    // Without focus the clipboard call can stay pending; do not wait for it forever.
    await Promise.race([navigator.clipboard.writeText(text), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000))]);
    return true;
  } catch {
    // DevTools panels may not get clipboard access; fall back to a selected textarea.
    const area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export function Details({ row, state, onResent, words = [] }: { row: Row; state: PublicState | null; onResent: (ex: Exchange, sentFingerprint: string | null) => void; words?: readonly string[] }) {
  const { exchange: ex, diagnosis: d } = row;
  const [includeKey, setIncludeKey] = useState(false);
  // Results belong to the row they were made for; tagging them (instead of clearing them in an
  // effect) stays right even when effects run late, as they do in a DevTools window out of focus.
  const [snippetFor, setSnippet] = useState<{ rowId: number; kind: 'curl' | 'fetch'; text: string; copied: boolean | null } | null>(null);
  const [offerFor, setOfferDone] = useState<{ rowId: number; text: string } | null>(null);
  const snippet = snippetFor?.rowId === row.id ? snippetFor : null;
  const offerDone = offerFor?.rowId === row.id ? offerFor.text : null;
  const shownRow = useRef(row.id);
  shownRow.current = row.id;

  const bs = bodySummary(d.decoded.body);
  const params = queryParams(ex.url);
  let origin = '';
  try {
    origin = new URL(ex.url).origin;
  } catch {
    /* keep '' */
  }
  const profileId = state?.active[origin];

  const makeSnippet = async (kind: 'curl' | 'fetch') => {
    // The key goes into a snippet only when the user ticked the box, and comes from the background then.
    const key = includeKey && profileId ? (await send('revealKey', { profileId })).key || undefined : undefined;
    const text = kind === 'curl' ? toCurl(ex, key) : toFetch(ex, key);
    // The user may have moved to another row while the key was fetched.
    if (shownRow.current !== row.id) return;
    setSnippet({ rowId: row.id, kind, text, copied: null });
    const copied = await copyText(text);
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
        {d.decoded.serverMessage && <span class="server-message"> — {d.decoded.serverMessage}</span>}
      </h2>
      {d.cause && (
        <section class="diagnosis" aria-labelledby="dx-cause">
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
          {d.offer?.kind === 'allowSite' && (
            <button type="button" onClick={() => void allowSite((d.offer as { origin: string }).origin)}>
              {t('allowSiteNamed', d.offer.origin)}
            </button>
          )}
          {d.offer?.kind === 'url' && (
            <button type="button" onClick={() => void copyText((d.offer as { url: string }).url).then(() => setOfferDone({ rowId: row.id, text: t('urlCopied') }))}>
              {t('copyCorrectedUrl')}
            </button>
          )}
          {offerDone && <p role="status">{offerDone}</p>}
          <Evidence row={row} />
        </section>
      )}
      <EndpointSection row={row} />
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
      <div class="actions">
        <button type="button" onClick={() => void makeSnippet('curl')}>
          {t('copyCurl')}
        </button>
        <button type="button" onClick={() => void makeSnippet('fetch')}>
          {t('copyFetch')}
        </button>
        <label>
          <input type="checkbox" checked={includeKey} disabled={!profileId} onChange={(e) => setIncludeKey(e.currentTarget.checked)} />
          {t('includeKey')}
        </label>
      </div>
      <ResendActions row={row} state={state} onResent={onResent} />
      {includeKey && <p class="error">{t('includeKeyWarning')}</p>}
      {snippet && (
        <>
          {snippet.copied !== null && <p role="status" class="muted">{snippet.copied ? t('snippetCopied') : t('snippetNotCopied')}</p>}
          <pre class="snippet" data-testid="snippet">{snippet.text}</pre>
        </>
      )}
      <h3 id="sec-request" tabIndex={-1}>{t('requestHeading')}</h3>
      <p class="mono url">
        {ex.method} {ex.url}
      </p>
      {params.length > 0 && (
        <table class="headers" aria-label={t('queryHeading')}>
          <tbody>
            {params.map(([k, v], i) => (
              <tr key={i}>
                <th class="mono">{k}</th>
                <td class="mono">{v}</td>
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
              <td class="mono">{isAuthorizationHeader(h.name) ? maskAuthorization(h.value) : h.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {ex.requestBody && <pre class="body">{pretty(ex.requestBody)}</pre>}
      <h3 id="sec-response" tabIndex={-1}>{t('responseHeading')}</h3>
      <p class="mono">
        {ex.status} {ex.statusText ?? ''}
      </p>
      <table class="headers" aria-label={t('responseHeadersHeading')}>
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
      <StreamSection row={row} />
      {ex.responseTruncated && <p class="muted">{t('bodyTruncated')}</p>}
      {!row.bodyLoaded && <p class="muted">{t('bodyLoading')}</p>}
      <ResponseBody row={row} words={words} />
      <h3 id="sec-timing" tabIndex={-1}>{t('sectionTiming')}</h3>
      <TimingSection row={row} />
    </div>
  );
}
