// Panel rows: a captured or imported exchange with its diagnosis and one-line summary.
// Each row keeps the settings that were in effect when it was captured (its snapshot), so a later
// switch of profile or injection does not change why an earlier request failed; an imported file
// is explained from what it shows only.
import { keyFingerprint } from '../core/keys';
import {
  diagnose,
  FILE_SNAPSHOT,
  linkRedirect,
  type Diagnosis,
  type KeyCheckRecord,
  type RedirectOrigin,
  type Snapshot,
} from '../core/diagnose';
import { decode, type Decoded } from '../core/decode';
import { headerValue, type Exchange } from '../core/exchange';
import { harToExchange, type HarEntry } from '../core/har';
import { keyFromAuthorization } from '../core/redact';
import { tm } from '../shared/i18n';
import type { PublicState } from '../shared/protocol';
import type { Body, BodyFailure } from './capture/body';

export interface Row {
  id: number;
  entry: HarEntry;
  exchange: Exchange;
  /** The settings when the request was captured, or FILE_SNAPSHOT for an imported file. */
  snapshot: Snapshot;
  sentFingerprint: string | null;
  /** The redirect this request followed, when the list showed it just before. */
  redirectedFrom: RedirectOrigin | null;
  /** Made when first read (see buildRow). */
  readonly diagnosis: Diagnosis;
  summary: string;
  /** Lower-cased text the filter searches (made when first read, see buildRow). */
  readonly search: string;
  /** False while the body has not been read (requests outside the API, read when selected). */
  bodyLoaded: boolean;
  /** Why DevTools gave no body, when it could not (a response without a body has none here). */
  bodyFailure?: BodyFailure | undefined;
  /** Sent again from the panel ("Resend", "Edit and resend"). */
  resent?: boolean;
}

/** The exchange of an entry; `body` null: the entry's own content (an imported file, a body not read yet). */
export function exchangeOf(entry: HarEntry, body: Body | null, requestTruncated = false): Exchange {
  return { ...harToExchange(entry, body ?? undefined), responseTruncated: body?.truncated ?? false, requestTruncated };
}

/** Only failures are cross-checked with the stored key; hashing every row would waste time at 10,000 rows. */
export async function sentKeyFingerprint(ex: Exchange): Promise<string | null> {
  if (ex.status !== 0 && ex.status < 400) return null;
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

/** The settings in effect now, for a request to `ex`'s origin made from `pageOrigin`. */
export function snapshotOf(
  state: PublicState | null,
  checks: Readonly<Record<string, KeyCheckRecord>>,
  ex: Exchange,
  pageOrigin: string | null,
): Snapshot {
  let origin = '';
  try {
    origin = new URL(ex.url).origin;
  } catch {
    /* invalid URL: no stored key matches */
  }
  const activeId = state?.active[origin];
  const stored = state?.profiles.find((p) => p.id === activeId);
  const fingerprint = stored?.fingerprint || null;
  return {
    source: 'capture',
    // Without the background's answer the panel does not know the settings: say so, do not guess.
    enabled: state ? state.enabled : null,
    keyedOrigins: state ? Object.keys(state.active) : null,
    allowedSites: state ? state.sites.map((s) => s.origin) : null,
    storedFingerprint: fingerprint,
    profileName: stored?.name ?? null,
    lastCheck: fingerprint ? (checks[fingerprint] ?? null) : null,
    pageOrigin,
  };
}

/** For an imported file: nothing of the reader's own settings, the page only as the file shows it. */
export function fileSnapshot(ex: Exchange): Snapshot {
  return { ...FILE_SNAPSHOT, pageOrigin: pageOriginOf(ex, null) };
}

/** Links each new exchange to a redirect among the last few, as DevTools lists them one after the other. */
export function redirectLinker(): (ex: Exchange) => RedirectOrigin | null {
  const recent: Exchange[] = [];
  return (ex) => {
    const from = linkRedirect(recent, ex);
    recent.push(ex);
    if (recent.length > 20) recent.shift();
    return from;
  };
}

/** The list's one line: what the status means, and what the server said. */
export function summaryOf(d: Decoded): string {
  return d.serverMessage ? `${tm(d.meaning)} — ${d.serverMessage}` : tm(d.meaning);
}

/** How much of each body the filter searches. */
const SEARCH_BODY = 20_000;

function searchText(ex: Exchange, summary: string): string {
  // Bodies are searched too (their first part: enough to find an id or a message, cheap at 10,000 rows).
  const bodies = `${(ex.requestBody ?? '').slice(0, SEARCH_BODY)} ${ex.responseBase64 ? '' : (ex.responseBody ?? '').slice(0, SEARCH_BODY)}`;
  return `${ex.method} ${ex.url} ${ex.status} ${summary} ${bodies}`.toLowerCase();
}

export function buildRow(
  base: Pick<
    Row,
    'id' | 'entry' | 'exchange' | 'snapshot' | 'sentFingerprint' | 'redirectedFrom' | 'bodyLoaded' | 'bodyFailure' | 'resent'
  >,
): Row {
  const input = {
    exchange: base.exchange,
    snapshot: base.snapshot,
    sentFingerprint: base.sentFingerprint,
    redirectedFrom: base.redirectedFrom,
  };
  // The summary needs only the decoded response, not the diagnosis (less to make, and to collect, per row).
  const summary = summaryOf(decode(base.exchange));
  const ex = base.exchange;
  const row = { ...base, summary } as Row;
  // The list needs only the summary; the whole diagnosis (a decoded body, parsed JSON included) is
  // made again when a row is shown, and kept from then on. Holding it for 10,000 imported rows was a
  // fifth of the panel's heap, and a larger heap is a longer garbage collection while scrolling.
  // Enumerable, so a spread copy ({ ...row }) is a whole row (it computes the diagnosis of that one row).
  let diagnosis: Diagnosis | undefined;
  Object.defineProperty(row, 'diagnosis', { get: () => (diagnosis ??= diagnose(input)), enumerable: true });
  // The text the filter searches, made when the filter is first used: lower-cased copies of the
  // URLs and bodies of 10,000 rows are heap the list does not need to scroll.
  let search: string | undefined;
  Object.defineProperty(row, 'search', { get: () => (search ??= searchText(ex, summary)), enumerable: true });
  return row;
}
