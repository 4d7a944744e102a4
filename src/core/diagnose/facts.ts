// What one exchange shows, read once for all rules: the header that was sent and its parts, the
// server's complaint, where the request went, and what kind of call it was.
import { decode, type Decoded } from '../decode';
import { headerValue, type Exchange } from '../exchange';
import { keyShape } from '../keys';
import { maskAuthorization } from '../redact';
import type { DiagnoseInput, RedirectOrigin, Snapshot } from './types';

/** The Authorization header as sent, taken apart the way the server's parsers do. */
export interface SentAuth {
  raw: string;
  masked: string;
  /** First word; the servers compare it case-insensitively. */
  scheme: string;
  /** Everything after the first space (as the API-key parser's `partition(" ")` reads it). */
  credential: string;
  /** Leading/trailing/doubled whitespace or tabs: what makes the format check fail. */
  badSpacing: boolean;
  /** `Api-Key Api-Key <key>` */
  doubledPrefix: boolean;
  shape: CredentialShape;
}

/** A key shape, or a value an export or a tool redacted (the reader cannot tell what was sent). */
export type CredentialShape = 'jwt' | 'placeholder' | 'redacted' | 'key';

/** Our own export placeholder and the usual redaction marks (a masked key has "..." or "•"). */
const REDACTED = /^(\$MAIAGENT_API_KEY|\[?redacted\]?|<redacted>|\*+)$|\.\.\.|\u2026|\u2022/i;

export function credentialShape(value: string): CredentialShape {
  const shape = keyShape(value);
  return shape === 'key' && REDACTED.test(value.trim()) ? 'redacted' : shape;
}

/** Phrases the stack behind the API sends, and which part of it sent them. */
type Complaint =
  | 'notProvided' // DRF NotAuthenticated (also an unknown key: HasAPIKey is a permission)
  | 'invalidFormat' // MaiAgent's documented format check
  | 'tokenNotValid' // simplejwt
  | 'invalidToken' // DRF TokenAuthentication
  | 'incorrectCredentials' // DRF AuthenticationFailed default
  | 'csrf' // SessionAuthentication
  | 'permission' // DRF PermissionDenied default
  | null;

export interface Facts {
  ex: Exchange;
  snap: Snapshot;
  decoded: Decoded;
  url: URL | null;
  origin: string;
  path: string;
  method: string;
  status: number;
  auth: SentAuth | null;
  sentFingerprint: string | null;
  /** The sent key is the stored one (true/false), or the panel cannot tell (null). */
  storedKeySent: boolean | null;
  complaint: Complaint;
  /** The server's own message, or '' */
  said: string;
  /** The raw text of the body, for phrases the decoder does not lift out (debug pages). */
  text: string;
  redirectedFrom: RedirectOrigin | null;
  /** A chat completion call (`…/completions/`). */
  completion: boolean;
  /** What the request asked for: streaming true/false, or not said (the API's default streams). */
  streaming: boolean | null;
  /** The presigned upload's S3 step. */
  s3: boolean;
}

export const NOT_PROVIDED = 'Authentication credentials were not provided.';
export const INVALID_FORMAT = 'Invalid API key format.';
export const REQUIRED = 'This field is required.';

const COMPLAINTS: [RegExp, Exclude<Complaint, null>][] = [
  [/authentication credentials were not provided/i, 'notProvided'],
  [/invalid api key format/i, 'invalidFormat'],
  [/given token not valid for any token type|token is invalid or expired|token_not_valid/i, 'tokenNotValid'],
  [/^invalid token\b|invalid token header/i, 'invalidToken'],
  [/incorrect authentication credentials/i, 'incorrectCredentials'],
  [/^csrf failed/i, 'csrf'],
  [/you do not have permission to perform this action/i, 'permission'],
];

function parseAuthorization(raw: string): SentAuth {
  // Leading whitespace is a spacing fault, not part of the scheme; any whitespace separates.
  const lead = raw.length - raw.trimStart().length;
  const rest = raw.slice(lead);
  const at = rest.search(/\s/);
  const scheme = at < 0 ? rest : rest.slice(0, at);
  const credential = at < 0 ? '' : rest.slice(at + 1);
  const doubledPrefix = /^\s*api-key\s+api-key(\s|$)/i.test(raw);
  const key = doubledPrefix ? credential.trim().replace(/^api-key\s+/i, '') : credential.trim();
  return {
    raw,
    masked: maskAuthorization(raw),
    scheme,
    credential,
    badSpacing: /^\s|\s$|\s{2,}|[^\S ]/.test(raw) || (!doubledPrefix && /\s/.test(credential.trim())),
    doubledPrefix,
    shape: credentialShape(key || scheme),
  };
}

function urlOf(s: string): URL | null {
  try {
    return new URL(s);
  } catch {
    return null;
  }
}

/** Does the request ask for a stream? `isStreaming` in the JSON body or `is_streaming` in the query. */
function streamingOf(ex: Exchange, url: URL | null): boolean | null {
  const q = url?.searchParams.get('is_streaming') ?? url?.searchParams.get('isStreaming');
  if (q) return !/^(false|0|no)$/i.test(q);
  try {
    const b: unknown = JSON.parse(ex.requestBody ?? '');
    if (b && typeof b === 'object') {
      const v = (b as Record<string, unknown>).isStreaming ?? (b as Record<string, unknown>).is_streaming;
      if (typeof v === 'boolean') return v;
    }
  } catch {
    /* not JSON */
  }
  return null;
}

export function gatherFacts(input: DiagnoseInput): Facts {
  const { exchange: ex, snapshot: snap } = input;
  const decoded = decode(ex);
  const url = urlOf(ex.url);
  const sent = headerValue(ex.requestHeaders, 'authorization') ?? null;
  const auth = sent === null ? null : parseAuthorization(sent);
  const text = ex.responseBase64 || typeof ex.responseBody !== 'string' ? '' : ex.responseBody;
  const said = decoded.serverMessage ?? '';
  // The server's own message first; then the raw body (a debug or browsable page), except for
  // anchored phrases and field errors, whose words belong to one field.
  const raw = decoded.body.kind === 'fields' ? '' : text.slice(0, 5000);
  const complaint: Complaint = COMPLAINTS.find(([re]) => re.test(said) || (!re.source.startsWith('^') && re.test(raw)))?.[1] ?? null;
  const storedKeySent =
    snap.source === 'file' || input.sentFingerprint === null || snap.storedFingerprint === null
      ? null
      : input.sentFingerprint === snap.storedFingerprint;
  const host = url?.hostname ?? '';
  return {
    ex,
    snap,
    decoded,
    url,
    origin: url?.origin ?? '',
    path: url?.pathname ?? '',
    method: ex.method.toUpperCase(),
    status: ex.status,
    auth,
    sentFingerprint: input.sentFingerprint,
    storedKeySent,
    complaint: decoded.body.kind === 'detail' && decoded.body.code === 'token_not_valid' ? 'tokenNotValid' : complaint,
    said,
    text,
    redirectedFrom: input.redirectedFrom ?? null,
    completion: /\/completions\/?$/.test(url?.pathname ?? ''),
    streaming: streamingOf(ex, url),
    s3:
      /(^|\.)s3[.-]([a-z0-9-]+\.)?amazonaws\.com$/.test(host) ||
      /^s3\./.test(host) ||
      headerValue(ex.responseHeaders, 'x-amz-request-id') !== undefined,
  };
}
