// What the detail view shows of a row: the same row with every text the server or the page wrote
// (URL, headers, bodies, the server's words in the diagnosis) masked, made once for the whole view,
// so that no section can show a key by forgetting to mask it. Text that is decoded for display
// (query parameters, a formatted request body, a JSON response, a stream's reply) is decoded first
// and masked after: an escape such as %50 or \u0050 can hide a key from a mask applied before decoding.
import type { Diagnosis } from '../core/diagnose';
import type { Exchange, Header } from '../core/exchange';
import { canonicalUrl, urlNotCanonical } from '../core/export';
import type { Msg } from '../core/messages';
import { isAuthorizationHeader, maskAuthorization } from '../core/redact';
import { maskText, type Secrets } from '../core/secrets';
import { assembleStream, type AssembledStream } from '../core/stream';
import type { Row } from './model';

/** `entry` and `search` stay as captured: the view reads only the timings of the entry, and never shows `search`. */
export interface ShownRow extends Row {
  /** The URL as the browser reads it (where a snippet goes); null when it cannot be parsed. */
  canonical: string | null;
  /** True when the browser reads the URL otherwise than it is written. */
  notCanonical: boolean;
  query: [string, string][];
  /** The request body, formatted when it is JSON. */
  requestText: string;
  /** A streamed response put back together from what was captured, each decoded part masked. */
  stream: AssembledStream | null;
  /** The mask itself, for what a section decodes further (the ids of an API path). */
  mask: (s: string) => string;
}

type Mask = (s: string) => string;
const NO_MASK: Mask = (s) => s;

/** Every string in a parsed JSON value (names too). */
function deepMask(x: unknown, mask: Mask): unknown {
  if (typeof x === 'string') return mask(x);
  if (Array.isArray(x)) return x.map((v) => deepMask(v, mask));
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [mask(k), deepMask(v, mask)]));
  return x;
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

function maskedExchange(ex: Exchange, mask: Mask): Exchange {
  const headers = (hs: Header[], auth: Mask) =>
    hs.map((h) => ({ ...h, value: isAuthorizationHeader(h.name) ? auth(h.value) : mask(h.value) }));
  return {
    ...ex,
    url: mask(ex.url),
    ...(ex.statusText !== undefined ? { statusText: mask(ex.statusText) } : {}),
    // What was sent as Authorization is shown as the diagnosis quotes it: each token masked, odd spaces visible.
    requestHeaders: headers(ex.requestHeaders, maskAuthorization),
    responseHeaders: headers(ex.responseHeaders, mask),
    ...(ex.requestBody !== undefined ? { requestBody: mask(ex.requestBody) } : {}),
    ...(ex.responseBody !== undefined && !ex.responseBase64 ? { responseBody: maskedJsonText(ex.responseBody, mask) } : {}),
    ...(ex.error !== undefined ? { error: mask(ex.error) } : {}),
  };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * A body masked as text; when it is JSON whose parsed strings still hold a key (written with \u
 * escapes, which a text mask does not see), the masked parse is written out instead, so that
 * neither the text nor the tree made from it can show the key.
 */
function maskedJsonText(text: string, mask: Mask): string {
  // No key known: nothing to mask, and no body (up to 1 MB) to parse twice for it.
  if (mask === NO_MASK) return text;
  const masked = mask(text);
  const raw = parseJson(text);
  if (!raw.ok) return masked;
  const safe = JSON.stringify(deepMask(raw.value, mask));
  const shown = parseJson(masked);
  return shown.ok && JSON.stringify(shown.value) === safe ? masked : safe;
}

/** HAR timings: `wait` is the time to the first byte, that is to the first event of a stream. */
function firstByte(row: Row): number | null {
  const timings = (row.entry as { timings?: { wait?: unknown } }).timings;
  return typeof timings?.wait === 'number' ? timings.wait : null;
}

function maskedStream(row: Row, mask: Mask): AssembledStream | null {
  const ex = row.exchange;
  if (ex.responseBase64 || !ex.responseBody) return null;
  const s = assembleStream(ex.responseBody, ex.responseMimeType, { firstByteMs: firstByte(row), totalMs: ex.durationMs, error: ex.error });
  if (!s || mask === NO_MASK) return s;
  return {
    ...s,
    text: mask(s.text),
    conversationId: s.conversationId === null ? null : mask(s.conversationId),
    error: s.error === null ? null : mask(s.error),
    events: s.events.map((e) => ({ name: mask(e.name), data: maskedJsonText(e.data, mask), json: deepMask(e.json, mask) })),
  };
}

/** The diagnosis quotes the server (its message, field errors, evidence): those words masked too. */
function maskedDiagnosis(d: Diagnosis, mask: Mask): Diagnosis {
  if (mask === NO_MASK) return d;
  const m = (x: Msg): Msg => (x.subs ? { ...x, subs: x.subs.map(mask) } : x);
  // Every text of the decoded body, whatever its kind (`kind` names it).
  const body = Object.fromEntries(
    Object.entries(d.decoded.body).map(([k, v]) => [k, k === 'kind' ? v : deepMask(v, mask)]),
  ) as Diagnosis['decoded']['body'];
  return {
    ...d,
    decoded: {
      meaning: m(d.decoded.meaning),
      body,
      serverMessage: d.decoded.serverMessage === null ? null : mask(d.decoded.serverMessage),
    },
    cause: d.cause && m(d.cause),
    fixes: d.fixes.map(m),
    evidence: d.evidence.map(m),
    checks: d.checks.map((c) => ({ ...c, label: m(c.label) })),
  };
}

/** The row as the detail view shows it. Exports (snippets, reports) start from the row itself. */
export function shownRow(row: Row, secrets: Secrets): ShownRow {
  const mask: Mask = secrets.re ? (s) => maskText(s, secrets) : NO_MASK;
  const ex = row.exchange;
  const canonical = canonicalUrl(ex.url);
  const failure = row.bodyFailure;
  return {
    ...row,
    exchange: maskedExchange(ex, mask),
    diagnosis: maskedDiagnosis(row.diagnosis, mask),
    summary: mask(row.summary),
    ...(failure?.kind === 'error' ? { bodyFailure: { ...failure, message: mask(failure.message) } } : {}),
    canonical: canonical === null ? null : mask(canonical),
    notCanonical: canonical !== null && urlNotCanonical(ex.url),
    query: queryParams(ex.url).map(([k, v]) => [mask(k), mask(v)]),
    requestText: mask(pretty(ex.requestBody)),
    stream: maskedStream(row, mask),
    mask,
  };
}
