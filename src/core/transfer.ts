// Export of profiles as JSON (keys left out unless the user asks for them), and the naming of an
// imported key whose name is taken. Reading an import file is ./import-file.ts (the options page's).
import { EXPORT_FORMAT, EXPORT_VERSION } from './constants';
import type { Settings } from './settings';

interface ExportedProfile {
  name: string;
  origins: string[];
  addedAt: number;
  persist: 'local' | 'session';
  key?: string;
}

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  includesKeys: boolean;
  profiles: ExportedProfile[];
  sites: string[];
}

export function exportProfiles(s: Settings, includeKeys: boolean, now: Date): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    includesKeys: includeKeys,
    profiles: s.profiles.map((p) => ({
      name: p.name,
      origins: p.origins,
      addedAt: p.addedAt,
      persist: p.persist,
      ...(includeKeys && p.key ? { key: p.key } : {}),
    })),
    sites: s.sites,
  };
}

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
