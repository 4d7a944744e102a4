// The vocabulary of the diagnosis: what the panel knew when a request was made, what a rule
// found, and what the user is shown.
import type { Decoded } from '../decode';
import type { Exchange } from '../exchange';
import type { Msg } from '../messages';

/** Outcome of the last "Check key" for one key, by fingerprint. */
export interface KeyCheckRecord {
  /** 'ok': the API knew the key; 'refused': the API answered 401/403 to it; 'other': no verdict (offline, 5xx…). */
  outcome: 'ok' | 'refused' | 'other';
  /** Origin the check was made against. */
  origin: string;
  at: number;
}

/**
 * The settings in effect when a request was captured. An imported file has no settings of the
 * reader's to go by: its snapshot says so (`source: 'file'`), and every field is unknown (null).
 */
export interface Snapshot {
  source: 'capture' | 'file';
  /** Injection switched on. */
  enabled: boolean | null;
  /** API origins that had an active key. */
  keyedOrigins: readonly string[] | null;
  /** Sites whose requests got the header. */
  allowedSites: readonly string[] | null;
  /** Fingerprint of the active key for this request's origin (null: none, or unknown). */
  storedFingerprint: string | null;
  /** Name of the active profile for this origin, for the words shown. */
  profileName: string | null;
  /** The last Check key result for the active key, if one was made. */
  lastCheck: KeyCheckRecord | null;
  /** Origin of the page that sent the request, when known. */
  pageOrigin: string | null;
}

/** The request that led here by a redirect, when the list shows one. */
export interface RedirectOrigin {
  method: string;
  status: number;
  url: string;
}

export interface DiagnoseInput {
  exchange: Exchange;
  snapshot: Snapshot;
  /** SHA-256 fingerprint of the key in the Authorization header that was sent, when it has one. */
  sentFingerprint: string | null;
  redirectedFrom?: RedirectOrigin | null | undefined;
}

/** One line of "what we checked": passed, failed, or not known from what the panel has. */
export interface Check {
  label: Msg;
  state: 'pass' | 'fail' | 'unknown';
}

export type Offer = { kind: 'allowSite'; origin: string } | { kind: 'url'; url: string };

/** What a rule concluded: a stable id, the words, and the evidence it rests on. */
export interface Finding {
  id: CauseId;
  cause: Msg;
  fixes: Msg[];
  /** The observations the cause rests on, shown under "Why we think so". */
  evidence: Msg[];
  offer?: Offer | undefined;
}

export interface Diagnosis {
  decoded: Decoded;
  /** Stable id of the cause; null when nothing needs explaining. */
  causeId: CauseId | null;
  cause: Msg | null;
  fixes: Msg[];
  evidence: Msg[];
  checks: Check[];
  /** The Authorization header as sent, masked; null when none was sent. */
  sentAuthorization: string | null;
  offer?: Offer | undefined;
}

export const CAUSE_IDS = [
  // status 0
  'netBlocked',
  'netOffline',
  'netDns',
  'netRefused',
  'netTimeout',
  'netCert',
  'netReset',
  'netCancelled',
  'netCors',
  'netUnknown',
  // no Authorization header
  'noHeaderInjectionOff',
  'noHeaderNoKey',
  'noHeaderPlainHttp',
  'noHeaderOtherHost',
  'noHeaderSiteNotAllowed',
  'noHeaderUnknown',
  'noHeaderSent',
  // a header the API did not accept
  'schemeBearer',
  'jwtNotValid',
  'schemeToken',
  'schemeOther',
  'placeholderKey',
  'jwtAsApiKey',
  'keyRevoked',
  'keyRefused',
  'pageKeyRefused',
  'headerLost',
  'invalidFormat',
  'authFailed',
  // 403
  'csrfSession',
  'noPermission',
  'wafBlocked',
  'forbidden',
  // where the request went
  'idNotFound',
  'noRoute',
  'invalidPage',
  'invalidCursor',
  'redirectBodyLost',
  'redirectSlash',
  'redirectOtherHost',
  'redirectToHttps',
  'appendSlashDebug',
  'methodAfterRedirect',
  'methodNotAllowed',
  // what the request carried
  'fieldErrors',
  'malformedJson',
  'badRequest',
  'unsupportedMedia',
  'throttled',
  'payloadTooLarge',
  'clientError',
  // streams and long calls
  'streamBroken',
  'streamError',
  'completionTimeout',
  // the upload's S3 step
  's3PolicyExpired',
  's3TooLarge',
  's3Rejected',
  // servers and gateways
  'gatewayTimeout',
  'badGateway',
  'unavailable',
  'serverError',
] as const;
export type CauseId = (typeof CAUSE_IDS)[number];
