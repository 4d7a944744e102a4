// The profiles file, as the options page reads and writes it. Export: the state the page shows,
// keys (from the background) only when the user asks for them. Import is all-or-nothing: every entry
// is checked, every rejection is reported, nothing partial is saved; the page sends the entries to
// the background, which checks them again (core/payloads.ts, background/transfer.ts).
import { isRecord } from './decode/values';
import { normalizeKey } from './key-input';
import type { MessageKey } from './messages';
import { normalizeOrigin } from './origins';
import type { Profile } from './settings';

export const EXPORT_FORMAT = 'maiagent-devtools-profiles';
const EXPORT_VERSION = 1;

/** What a file is made of: the profiles (a key only where there is one to export) and the sites. */
interface Exportable {
  profiles: readonly Pick<Profile, 'name' | 'origins' | 'addedAt' | 'persist' | 'key'>[];
  sites: readonly string[];
}

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

export function buildExportFile(s: Exportable, includeKeys: boolean, now: Date): ExportFile {
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
    sites: [...s.sites],
  };
}

export interface Rejection {
  /** Index in the file's profiles list, or -1 for the file as a whole. */
  index: number;
  name: string;
  reason: MessageKey;
}

export type ImportResult = { ok: true; profiles: Omit<Profile, 'id'>[]; sites: string[] } | { ok: false; rejected: Rejection[] };

/** A name from the file, cut for the message. */
const cut = (s: string) => (s.length > 60 ? `${s.slice(0, 59)}…` : s);

/**
 * Whether an entry without a key may stand: it names a profile that is there (`had`, its origins)
 * and points it at the same origins, so a shared file cannot send your key somewhere new.
 */
export function keylessEntryFits(origins: readonly string[], had: readonly string[] | undefined): boolean {
  if (!had) return false;
  const same = new Set(origins);
  return same.size === new Set(had).size && had.every((o) => same.has(o));
}

/**
 * Validate an export file. A profile without a key is accepted only when a profile of that name
 * exists, and then it may not point that profile's key at other origins (a shared file must not be
 * able to send your key somewhere new); a new profile needs a key.
 */
export function parseImport(text: string, existing: ReadonlyMap<string, readonly string[]>): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, rejected: [{ index: -1, name: '', reason: 'importNotJson' }] };
  }
  if (!isRecord(data) || data.format !== EXPORT_FORMAT || !Array.isArray(data.profiles)) {
    return { ok: false, rejected: [{ index: -1, name: '', reason: 'importWrongFormat' }] };
  }
  if (typeof data.version !== 'number' || data.version > EXPORT_VERSION) {
    return { ok: false, rejected: [{ index: -1, name: '', reason: 'importNewerVersion' }] };
  }
  const rejected: Rejection[] = [];
  const profiles: Omit<Profile, 'id'>[] = [];
  const seen = new Set<string>();
  data.profiles.forEach((raw: unknown, index: number) => {
    const name = isRecord(raw) && typeof raw.name === 'string' ? raw.name.trim() : '';
    // A name from the file is shown in the message: never a 5 MB one whole.
    const reject = (reason: MessageKey) => rejected.push({ index, name: cut(name), reason });
    if (!isRecord(raw)) return reject('importEntryNotObject');
    if (!name || name.length > 100) return reject('importBadName');
    if (seen.has(name)) return reject('importDuplicateName');
    seen.add(name);
    const origins = Array.isArray(raw.origins) ? raw.origins : null;
    if (!origins || origins.length === 0) return reject('importBadOrigins');
    const normalized: string[] = [];
    for (const o of origins) {
      const r = typeof o === 'string' ? normalizeOrigin(o) : null;
      if (!r?.ok) return reject('importBadOrigins');
      normalized.push(r.origin);
    }
    let key = '';
    if (raw.key !== undefined) {
      const k = typeof raw.key === 'string' ? normalizeKey(raw.key) : null;
      if (!k?.ok) return reject('importBadKey');
      key = k.key;
    } else {
      const had = existing.get(name);
      if (!had) return reject('importMissingKey');
      if (!keylessEntryFits(normalized, had)) return reject('importKeylessOrigins');
    }
    const persist = raw.persist === 'session' ? 'session' : 'local';
    const addedAt = typeof raw.addedAt === 'number' && Number.isInteger(raw.addedAt) && raw.addedAt >= 0 ? raw.addedAt : Date.now();
    profiles.push({ name, key, origins: [...new Set(normalized)], addedAt, persist });
  });
  const sites: string[] = [];
  if (data.sites !== undefined) {
    if (!Array.isArray(data.sites)) rejected.push({ index: -1, name: '', reason: 'importBadSites' });
    else
      for (const s of data.sites) {
        const r = typeof s === 'string' ? normalizeOrigin(s) : null;
        if (!r?.ok)
          rejected.push({ index: -1, name: cut(typeof s === 'string' ? s : (JSON.stringify(s) ?? String(s))), reason: 'importBadSites' });
        else sites.push(r.origin);
      }
  }
  return rejected.length ? { ok: false, rejected } : { ok: true, profiles, sites };
}
