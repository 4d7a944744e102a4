// Panel rows: a captured exchange with its diagnosis, recomputed when settings change.
import { keyFingerprint } from '../core/keys';
import { diagnose, type AuthContext, type Diagnosis } from '../core/diagnose';
import { headerValue, type Exchange } from '../core/exchange';
import { keyFromAuthorization } from '../core/redact';
import type { PublicState } from '../shared/protocol';

export interface Row {
  id: number;
  exchange: Exchange;
  /** Origin of the page that sent it, from the Origin/Referer header or the inspected tab. */
  pageOrigin: string | null;
  sentFingerprint: string | null;
  diagnosis: Diagnosis;
}

export async function sentKeyFingerprint(ex: Exchange): Promise<string | null> {
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
    allowedSites: state?.sites.map((x) => x.origin) ?? [],
    storedFingerprint: stored?.fingerprint ?? null,
    sentFingerprint,
    pageOrigin,
  };
}

export function buildRow(id: number, ex: Exchange, state: PublicState | null, pageOrigin: string | null, sentFingerprint: string | null): Row {
  return { id, exchange: ex, pageOrigin, sentFingerprint, diagnosis: diagnose(ex, authContext(state, ex, pageOrigin, sentFingerprint)) };
}
