// What the profile section's parts share: their props and how an origins field is read.
import type { PublicState } from '../shared/protocol';
import type { Run } from '../ui/useAppState';

export interface ProfilesProps {
  state: PublicState;
  run: Run;
  onStatus: (s: string) => void;
}

/** "a, b c" → ["a", "b", "c"]: origins may be separated by commas or spaces. */
export const splitOrigins = (s: string) =>
  s
    .split(/[\s,]+/)
    .map((x) => x.trim())
    .filter(Boolean);
