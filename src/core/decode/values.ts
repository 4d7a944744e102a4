// Guards and conversions for values of unknown shape (parsed JSON, fields of a capture).

export const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export const isStringList = (x: unknown): x is string[] => Array.isArray(x) && x.length > 0 && x.every((s) => typeof s === 'string');

/** The value if it is a string, else the empty string. */
export const stringOrEmpty = (x: unknown): string => (typeof x === 'string' ? x : '');

/** Any value as one line of text: strings as they are, string lists joined, the rest as JSON. */
export function stringify(x: unknown): string {
  if (typeof x === 'string') return x;
  if (isStringList(x)) return x.join(' ');
  try {
    return JSON.stringify(x) ?? String(x);
  } catch {
    return String(x);
  }
}
