// The name an imported key gets when its name is taken (the background's import adds it beside
// the profile that has the name, never over it).

/**
 * A name no profile has yet, for an imported key whose name is taken: `label(1)` ("Key 1 (imported)"),
 * then `label(2)`…, cut so that the whole stays within the 100 characters a name may have.
 */
export function distinctName(name: string, taken: ReadonlySet<string>, label: (base: string, n: number) => string): string {
  for (let n = 1; ; n++) {
    const suffixLength = label('', n).length;
    const candidate = label(name.slice(0, Math.max(1, 100 - suffixLength)), n);
    if (!taken.has(candidate)) return candidate;
  }
}
