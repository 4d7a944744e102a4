// Names of the storage entries, and change detection: what the background (the only writer,
// background/store.ts) and the pages (readers) must agree on. No code that touches storage here:
// pages and the worker both load this module.

export const SETTINGS = 'settings';
export const NOTICE = 'notice';
export const SESSION_KEYS = 'sessionKeys';
/** What pages may show at once (masked keys only), written by the background after each change. */
export const SNAPSHOT = 'publicSnapshot';
/** storage.session: the last Check key outcome per key fingerprint (no key material). */
export const KEY_CHECKS = 'keyChecks';

export function isSettingsChange(changes: Record<string, unknown>, area: string): boolean {
  return (area === 'local' && SETTINGS in changes) || (area === 'session' && SESSION_KEYS in changes);
}
