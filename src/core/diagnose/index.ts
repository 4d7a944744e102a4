// Diagnosis: why a response came back as it did. Small rules, each answering only when its
// evidence is in the exchange or in the settings of the moment it was made (the snapshot), and
// saying what that evidence was. Pure: the shells supply snapshot and fingerprints.
import { maskAuthorization } from '../redact';
import { checksFor } from './checks';
import { gatherFacts, type Facts } from './facts';
import { accessRule } from './rules/access';
import { authRule } from './rules/auth';
import { networkRule } from './rules/network';
import { requestRule } from './rules/request';
import { routingRule } from './rules/routing';
import { streamRule } from './rules/stream';
import { s3Rule, serverRule } from './rules/upstream';
import type { DiagnoseInput, Diagnosis, Finding, Snapshot } from './types';

export * from './types';
export { INVALID_FORMAT, NOT_PROVIDED, REQUIRED } from './facts';
export { sentBodyFields } from './rules/request';
export { becomesGet } from './rules/routing';
export { linkRedirect } from './redirects';

/** In order: the first rule with evidence names the cause. */
const RULES: readonly ((f: Facts) => Finding | null)[] = [
  networkRule,
  streamRule,
  s3Rule,
  authRule,
  accessRule,
  routingRule,
  requestRule,
  serverRule,
];

/** A file's snapshot: nothing of the reader's own setup applies to it. */
export const FILE_SNAPSHOT: Snapshot = {
  source: 'file',
  enabled: null,
  keyedOrigins: null,
  allowedSites: null,
  storedFingerprint: null,
  profileName: null,
  lastCheck: null,
  pageOrigin: null,
};

export function diagnose(input: DiagnoseInput): Diagnosis {
  const f = gatherFacts(input);
  let found: Finding | null = null;
  for (const rule of RULES) {
    found = rule(f);
    if (found) break;
  }
  const sent = f.auth?.raw ?? null;
  return {
    decoded: f.decoded,
    causeId: found?.id ?? null,
    cause: found?.cause ?? null,
    fixes: found?.fixes ?? [],
    evidence: found?.evidence ?? [],
    checks: checksFor(f),
    sentAuthorization: sent === null ? null : maskAuthorization(sent),
    ...(found?.offer ? { offer: found.offer } : {}),
  };
}
