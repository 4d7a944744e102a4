// Panel rows: a captured or imported exchange with its diagnosis and one-line summary.
// Rows are rebuilt when settings change, so the diagnosis always matches the current setup.
import { keyFingerprint } from '../core/keys';
import { diagnose, type AuthContext, type Diagnosis } from '../core/diagnose';
import { headerValue, type Exchange } from '../core/exchange';
import type { HarEntry } from '../core/har';
import { keyFromAuthorization } from '../core/redact';
import { tm } from '../shared/i18n';
import type { PublicState } from '../shared/protocol';

export interface Row {
  id: number;
  entry: HarEntry;
  exchange: Exchange;
  /** Origin of the page that sent it, from the Origin/Referer header or the inspected tab. */
  pageOrigin: string | null;
  sentFingerprint: string | null;
  diagnosis: Diagnosis;
  summary: string;
  /** Lower-cased text the filter searches. */
  search: string;
  /** False while the body has not been read (requests outside the API, read when selected). */
  bodyLoaded: boolean;
  /** Sent again from the panel ("Resend", "Edit and resend"). */
  resent?: boolean;
}

/** Only a 401 needs the fingerprint of the sent key; hashing every row would waste time at 10,000 rows. */
export async function sentKeyFingerprint(ex: Exchange): Promise<string | null> {
  if (ex.status !== 401) return null;
  const sent = headerValue(ex.requestHeaders, 'authorization');
  const key = sent ? keyFromAuthorization(sent) : null;
  return key ? keyFingerprint(key) : null;
}

export function pageOriginOf(ex: Exchange, inspected: string | null): string | null {
  const origin = headerValue(ex.requestHeaders, 'origin');
  if (origin && origin !== 'null') return origin;
  const referer = headerValue(ex.requestHeaders, 'referer');
  if (referer) {
    try {
      return new URL(referer).origin;
    } catch {
      /* fall through */
    }
  }
  return inspected;
}

export function authContext(state: PublicState | null, ex: Exchange, pageOrigin: string | null, sentFingerprint: string | null): AuthContext {
  let origin = '';
  try {
    origin = new URL(ex.url).origin;
  } catch {
    /* invalid URL: no stored key matches */
  }
  const activeId = state?.active[origin];
  const stored = state?.profiles.find((p) => p.id === activeId);
  return {
    enabled: state?.enabled ?? true,
    keyedOrigins: state ? Object.keys(state.active) : [],
    allowedSites: state?.sites.map((s) => s.origin) ?? [],
    storedFingerprint: stored?.fingerprint || null,
    sentFingerprint,
    pageOrigin,
  };
}

export function summaryOf(d: Diagnosis): string {
  return d.decoded.serverMessage ? `${tm(d.decoded.meaning)} — ${d.decoded.serverMessage}` : tm(d.decoded.meaning);
}

/** How much of each body the filter searches. */
const SEARCH_BODY = 20_000;

export function buildRow(
  base: Pick<Row, 'id' | 'entry' | 'exchange' | 'pageOrigin' | 'sentFingerprint' | 'bodyLoaded' | 'resent'>,
  state: PublicState | null,
): Row {
  const diagnosis = diagnose(base.exchange, authContext(state, base.exchange, base.pageOrigin, base.sentFingerprint));
  const summary = summaryOf(diagnosis);
  const ex = base.exchange;
  // Bodies are searched too (their first part: enough to find an id or a message, cheap at 10,000 rows).
  const bodies = `${(ex.requestBody ?? '').slice(0, SEARCH_BODY)} ${ex.responseBase64 ? '' : (ex.responseBody ?? '').slice(0, SEARCH_BODY)}`;
  return { ...base, diagnosis, summary, search: `${ex.method} ${ex.url} ${ex.status} ${summary} ${bodies}`.toLowerCase() };
}
