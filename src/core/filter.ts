// List filters of the panel: errors only, a status class, free text. Pure, so 10,000 rows filter
// in a few milliseconds and the rules are unit-tested.

export type StatusClass = 'all' | '2xx' | '3xx' | '4xx' | '5xx' | 'failed';

export interface RowFilter {
  errorsOnly: boolean;
  statusClass: StatusClass;
  /** Free text; every whitespace-separated word must occur (case-insensitive). */
  text: string;
}

export const NO_FILTER: RowFilter = { errorsOnly: false, statusClass: 'all', text: '' };

export interface Filterable {
  status: number;
  /** Lower-cased text to search: method, URL, status, summary. */
  search: string;
}

export function isError(status: number): boolean {
  return status === 0 || status >= 400;
}

export function inClass(status: number, c: StatusClass): boolean {
  if (c === 'all') return true;
  if (c === 'failed') return status === 0;
  const hundred = Number(c[0]);
  return Math.floor(status / 100) === hundred;
}

/** A predicate for the filter; build it once per filter change, then apply it to every row. */
export function compileFilter(f: RowFilter): (r: Filterable) => boolean {
  const words = f.text.toLowerCase().split(/\s+/).filter(Boolean);
  return (r) => (!f.errorsOnly || isError(r.status)) && inClass(r.status, f.statusClass) && words.every((w) => r.search.includes(w));
}

/** Keep the newest `max` items (the list is in arrival order). */
export function keepNewest<T>(items: readonly T[], max: number): T[] {
  return items.length > max ? items.slice(items.length - max) : [...items];
}

/** Format a byte count as the Network panel does: B, kB, MB. */
export function formatSize(bytes: number | undefined): string {
  if (bytes === undefined || bytes < 0) return '—';
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export function formatTime(epochMs: number | undefined): string {
  if (epochMs === undefined) return '—';
  const d = new Date(epochMs);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}
