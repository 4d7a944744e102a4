// What "Edit and resend" holds while the user edits: kept apart from the editor, which loads on
// first use (LazyResendEditor.tsx).

export interface Draft {
  rowId: number;
  method: string;
  url: string;
  headers: string;
  body: string;
  profileId: string;
}

/** The value of the key choice that sends no key. */
export const NO_KEY = '';

export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}
