// The last Check key result per key fingerprint, as the background records it (storage.session:
// fingerprints and outcomes only, never a key). Rows copy the current record when captured.
import { ext as browser } from '../platform/ext';
import type { KeyCheckRecord } from '../core/diagnose';
import { KEY_CHECKS } from '../shared/storage-keys';

let checks: Readonly<Record<string, KeyCheckRecord>> = {};

export const currentKeyChecks = (): Readonly<Record<string, KeyCheckRecord>> => checks;

/** Read once, then follow changes. Never throws: without the record the diagnosis knows less. */
export async function watchKeyChecks(): Promise<void> {
  try {
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'session' && KEY_CHECKS in changes) checks = parseKeyChecks(changes[KEY_CHECKS]?.newValue);
    });
    checks = parseKeyChecks((await browser.storage.session.get(KEY_CHECKS))[KEY_CHECKS]);
  } catch {
    /* storage.session unavailable: no check results */
  }
}

/** Only well-formed records; anything else in storage is ignored. */
function parseKeyChecks(x: unknown): Record<string, KeyCheckRecord> {
  const out: Record<string, KeyCheckRecord> = {};
  if (!x || typeof x !== 'object') return out;
  for (const [fp, r] of Object.entries(x as Record<string, unknown>)) {
    const v = r as Partial<KeyCheckRecord> | null;
    if (
      v &&
      (v.outcome === 'ok' || v.outcome === 'refused' || v.outcome === 'other') &&
      typeof v.origin === 'string' &&
      typeof v.at === 'number'
    ) {
      out[fp] = { outcome: v.outcome, origin: v.origin, at: v.at };
    }
  }
  return out;
}
