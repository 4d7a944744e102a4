// Paths to values inside JSON, as a developer would write them in code: `results[0].id`,
// `data["content-type"]`. Pure.

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export type PathPart = string | number;

export function formatPath(parts: readonly PathPart[]): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (IDENT.test(p)) out += out === '' ? p : `.${p}`;
    else out += `[${JSON.stringify(p)}]`;
  }
  return out;
}
