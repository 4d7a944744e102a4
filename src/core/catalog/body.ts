// A JSON request body checked against the endpoint's schema. Django REST framework drops fields it
// does not know without a word, so a misspelt field "works" and does nothing: these warnings stand
// even when the server answered 2xx. MaiAgent parses camelCase and snake_case alike
// (djangorestframework-camel-case turns camelCase input into snake_case), so both spellings count.
import { editDistance } from './lookup';
import type { CatalogData } from './types';

export type BodyWarning =
  | { kind: 'unknownField'; path: string; suggestion: string | null }
  | { kind: 'missingField'; path: string }
  | { kind: 'wrongType'; path: string; expected: string; got: string };

interface Field {
  name: string;
  type: string;
  required: boolean;
  nullable: boolean;
  readOnly: boolean;
}

function parseField(spec: string): Field {
  const at = spec.indexOf(':');
  const name = spec.slice(0, at);
  const rest = spec.slice(at + 1);
  const type = /^(\{[^}]+\}|\[[^\]]+\]|[a-z*])/.exec(rest)?.[1] ?? '*';
  const flags = rest.slice(type.length);
  return { name, type, required: flags.includes('!'), nullable: flags.includes('?'), readOnly: flags.includes('r') };
}

/** `isStreaming` → `is_streaming` (the form the server compares after parsing). */
export function snake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** `is_streaming` → `isStreaming`. */
function camel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** A JSON value's kind in the catalogue's type letters, for messages: s, i, n, b, a, o, null. */
function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a';
  if (typeof v === 'string') return 's';
  if (typeof v === 'boolean') return 'b';
  if (typeof v === 'number') return Number.isInteger(v) ? 'i' : 'n';
  return 'o';
}

function fits(type: string, v: unknown): boolean {
  const k = kindOf(v);
  switch (type) {
    case '*':
      return true;
    case 'n':
      return k === 'n' || k === 'i';
    case 'a':
      return k === 'a';
    case 'o':
      return k === 'o';
    default:
      if (type.startsWith('{')) return k === 'o';
      if (type.startsWith('[')) return k === 'a';
      return k === type;
  }
}

/** The expected type as the user reads it: letters for scalars, `object`/`list` for nested schemas. */
function typeLabel(type: string): string {
  if (type.startsWith('{')) return 'o';
  if (type.startsWith('[')) return 'a';
  return type;
}

function suggest(sent: string, fields: Field[]): string | null {
  const s = snake(sent);
  let best: Field | null = null;
  let bestD = Infinity;
  for (const f of fields) {
    const d = editDistance(s, snake(f.name));
    if (d < bestD) {
      best = f;
      bestD = d;
    }
  }
  // Short names need a close match: `kind` is not a typo of `id`.
  const reach = s.length <= 4 ? 1 : s.length <= 8 ? 2 : 3;
  if (!best || bestD > reach) return null;
  // Suggest the spelling the request uses: snake_case if it used underscores, else camelCase.
  return sent.includes('_') ? snake(best.name) : camel(best.name);
}

const MAX_DEPTH = 4;
const MAX_ITEMS = 20;

function checkObject(
  cat: CatalogData,
  schema: string,
  value: Record<string, unknown>,
  path: string,
  opts: CheckOptions,
  depth: number,
  out: BodyWarning[],
): void {
  const fields = (cat.schemas[schema] ?? []).map(parseField);
  const byName = new Map(fields.map((f) => [snake(f.name), f]));
  const seen = new Set<string>();
  for (const [key, v] of Object.entries(value)) {
    const f = byName.get(snake(key));
    const here = path ? `${path}.${key}` : key;
    if (!f) {
      out.push({ kind: 'unknownField', path: here, suggestion: suggest(key, fields) });
      continue;
    }
    seen.add(f.name);
    if (f.readOnly) continue;
    if (v === null) {
      if (!f.nullable && f.type !== '*') out.push({ kind: 'wrongType', path: here, expected: typeLabel(f.type), got: 'null' });
      continue;
    }
    if (!fits(f.type, v)) {
      out.push({ kind: 'wrongType', path: here, expected: typeLabel(f.type), got: kindOf(v) });
      continue;
    }
    if (depth >= MAX_DEPTH) continue;
    const nested = /^[{[](.+)[}\]]$/.exec(f.type)?.[1];
    if (!nested) continue;
    if (f.type.startsWith('{')) checkObject(cat, nested, v as Record<string, unknown>, here, opts, depth + 1, out);
    else {
      (v as unknown[]).slice(0, MAX_ITEMS).forEach((item, i) => {
        const at = `${here}[${i}]`;
        if (kindOf(item) === 'o') checkObject(cat, nested, item as Record<string, unknown>, at, opts, depth + 1, out);
        else out.push({ kind: 'wrongType', path: at, expected: 'o', got: kindOf(item) });
      });
    }
  }
  if (!opts.partial) {
    for (const f of fields)
      if (f.required && !f.readOnly && !seen.has(f.name)) out.push({ kind: 'missingField', path: path ? `${path}.${f.name}` : f.name });
  }
}

export interface CheckOptions {
  /** PATCH: nothing is required. */
  partial: boolean;
}

/**
 * Warnings for a request body against schema `schema`; [] when there is nothing to check (no
 * schema, no body, a body that is not a JSON object: form uploads are not checked).
 */
export function checkBody(cat: CatalogData, schema: string | undefined, bodyText: string | undefined, opts: CheckOptions): BodyWarning[] {
  if (!schema || !cat.schemas[schema] || !bodyText) return [];
  let value: unknown;
  try {
    value = JSON.parse(bodyText);
  } catch {
    return [];
  }
  if (kindOf(value) !== 'o') return [];
  const out: BodyWarning[] = [];
  checkObject(cat, schema, value as Record<string, unknown>, '', opts, 0, out);
  return out;
}
