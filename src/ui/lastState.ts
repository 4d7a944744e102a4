// The popup's own copy of the last public state it showed, in the extension origin's localStorage:
// read synchronously before the first render, so the popup is drawn whole at once instead of a
// storage round trip later. Only what the published snapshot holds (masked keys, no key material).
// A copy may be stale (changed from the options page, or a session key gone with a restart): the
// snapshot and then the background's answer replace it within moments, as they replace each other.
import type { PublicState } from '../shared/protocol';

const LAST_STATE = 'maiagent-popup-last-state';

function isPublicState(x: unknown): x is PublicState {
  const s = x as PublicState | null;
  return (
    !!s &&
    typeof s === 'object' &&
    typeof s.enabled === 'boolean' &&
    Array.isArray(s.profiles) &&
    Array.isArray(s.sites) &&
    Array.isArray(s.missingApiAccess) &&
    !!s.active &&
    typeof s.active === 'object'
  );
}

export function readLastState(): PublicState | null {
  try {
    const raw = localStorage.getItem(LAST_STATE);
    const parsed: unknown = raw === null ? null : JSON.parse(raw);
    return isPublicState(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function writeLastState(state: PublicState): void {
  try {
    localStorage.setItem(LAST_STATE, JSON.stringify(state));
  } catch {
    /* storage unavailable or full: the next open reads the snapshot instead */
  }
}
