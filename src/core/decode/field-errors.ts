// DRF validation errors (`{"name": ["This field is required."]}`, nested in objects and lists)
// read as a flat list of field paths and their messages.
import type { FieldError } from './types';
import { isRecord, isStringList } from './values';

/** Nesting deeper than this is not a DRF error report; it also keeps the walk off the stack limit. */
const MAX_DEPTH = 64;

/** DRF's ListField and DictField report items under string keys ("0"): shown as list indices. */
function childPath(path: string, key: string): string {
  if (/^\d+$/.test(key)) return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

/** Every leaf a list of strings, possibly nested in objects and lists; null when the value is not that. */
export function fieldErrors(value: Record<string, unknown> | unknown[]): FieldError[] | null {
  const out: FieldError[] = [];
  const walk = (node: unknown, path: string, depth: number): boolean => {
    if (depth > MAX_DEPTH) return false;
    if (isStringList(node)) {
      out.push({ path, messages: node });
      return true;
    }
    if (typeof node === 'string' && path) {
      out.push({ path, messages: [node] });
      return true;
    }
    if (Array.isArray(node)) {
      // An empty object stands for an item without errors (`messages[0]` in `[{}, {...}]`).
      return node.every((item, i) => (isRecord(item) && Object.keys(item).length === 0) || walk(item, `${path}[${i}]`, depth + 1));
    }
    if (isRecord(node)) return Object.entries(node).every(([k, v]) => walk(v, childPath(path, k), depth + 1));
    return false;
  };
  const values = Array.isArray(value) ? value : Object.values(value);
  // Some list or object is required: `{"id": "x", "name": "y"}` is data, not an error report.
  const ok = values.length > 0 && values.some((v) => Array.isArray(v) || isRecord(v)) && walk(value, '', 0);
  return ok && out.length > 0 ? out : null;
}

/** DRF's key for errors of no one field, also in its camelCase rendering. */
export const isNonField = (path: string): boolean => path === 'non_field_errors' || path === 'nonFieldErrors';
