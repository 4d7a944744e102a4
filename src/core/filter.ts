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

/** True when the filter keeps every row: the list then needs no row's search text at all. */
export function keepsAll(f: RowFilter): boolean {
  return !f.errorsOnly && f.statusClass === 'all' && f.text.trim() === '';
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
