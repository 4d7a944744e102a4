// Widdershins markdown (the render of MaiAgent's OpenAPI schema published in the GitHub repository
// MaiAgent-steven/maiagent_api_doc, file api_reference.md) → a minimal OpenAPI 3 document with only
// what the catalogue needs: paths, methods, JSON request bodies and the schemas they use.
// That repository holds the rendered form only, not the YAML/JSON itself, hence this converter.
import type { OpenApiDoc, Schema } from './openapi';

const OP_LINE = /^`(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\/\S*)`\s*$/;
const SCHEMA_HEADING = /^<h2 id="tocS_([^"]+)">/;
const REF = /^\[([A-Za-z0-9_]+)\]\(#schema[a-z0-9_]*\)$/i;
const ARRAY_OF_REF = /^\[\[([A-Za-z0-9_]+)\]\(#schema[a-z0-9_]*\)\]$/i;

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}

/** A Widdershins type cell (`string(uuid)¦null`, `[Ref](#schemaref)`, `[[Ref](#…)]`, `[string]`, `any`) as a schema. */
export function typeCell(cell: string): Schema {
  const [main = '', ...alts] = cell.split('¦');
  const nullable = alts.includes('null');
  const extra: Schema = nullable ? { nullable: true } : {};
  let m = REF.exec(main);
  if (m) return nullable ? { allOf: [{ $ref: `#/components/schemas/${m[1]}` }], nullable: true } : { $ref: `#/components/schemas/${m[1]}` };
  m = ARRAY_OF_REF.exec(main);
  if (m) return { type: 'array', items: { $ref: `#/components/schemas/${m[1]}` }, ...extra };
  m = /^\[(\w+)\]$/.exec(main);
  if (m) return { type: 'array', ...(m[1] === 'array' ? {} : { items: typeCell(m[1]!) }), ...extra };
  m = /^(string|integer|number|boolean|object)(?:\(([^)]+)\))?$/.exec(main);
  if (m) return { type: m[1]!, ...(m[2] ? { format: m[2] } : {}), ...extra };
  return {}; // `any` and anything unforeseen: not checked
}

function parseSchemas(lines: string[]): Record<string, Schema> {
  const schemas: Record<string, Schema> = {};
  let name: string | null = null;
  let inProps = false;
  let inEnum = false;
  for (const line of lines) {
    const h = SCHEMA_HEADING.exec(line);
    if (h) {
      name = h[1]!;
      schemas[name] = {};
      inProps = inEnum = false;
      continue;
    }
    if (!name) continue;
    const s = schemas[name]!;
    if (line.startsWith('### Properties')) {
      inProps = true;
      inEnum = false;
      continue;
    }
    if (line.startsWith('#### Enumerated Values')) {
      inEnum = true;
      inProps = false;
      continue;
    }
    if (!line.startsWith('|')) {
      if (line.startsWith('#')) inProps = inEnum = false;
      continue;
    }
    const c = cells(line);
    if (c[0] === 'Name' || c[0] === 'Property' || /^-+$/.test(c[0] ?? '')) continue;
    if (inProps) {
      const [field = '', type = '', required = '', restrictions = ''] = c;
      if (field === '*anonymous*') {
        // An enum (or other scalar) schema: its type is the anonymous row's.
        Object.assign(s, typeCell(type));
        continue;
      }
      if (field.startsWith('»') || field.startsWith('*')) continue; // nested rows and oneOf/anyOf notes
      const prop = typeCell(type);
      if (restrictions === 'read-only') prop.readOnly = true;
      (s.properties ??= {})[field] = prop;
      if (required === 'true') (s.required ??= []).push(field);
    } else if (inEnum && c[0] === '*anonymous*' && c[1] !== undefined) {
      (s.enum ??= []).push(c[1]);
    }
  }
  return schemas;
}

export function openApiFromWiddershins(markdown: string): OpenApiDoc {
  const lines = markdown.split(/\r?\n/);
  const schemaStart = lines.findIndex((l) => l.trim() === '# Schemas');
  const opLines = schemaStart === -1 ? lines : lines.slice(0, schemaStart);
  const paths: NonNullable<OpenApiDoc['paths']> = {};
  let current: { method: string; path: string } | null = null;
  let bodyLanguage = 'json';
  let expectBodyFence = false;
  for (const line of opLines) {
    const op = OP_LINE.exec(line);
    if (op) {
      current = { method: op[1]!.toLowerCase(), path: op[2]! };
      (paths[current.path] ??= {})[current.method] = {};
      bodyLanguage = 'json';
      expectBodyFence = false;
      continue;
    }
    if (line.startsWith('## ') || line.startsWith('<h1 ')) {
      current = null;
      continue;
    }
    if (!current) continue;
    // Widdershins shows a JSON body example as ```json and a form body (multipart) as ```yaml.
    if (line.startsWith('> Body parameter')) expectBodyFence = true;
    const fence = /^```(\w+)/.exec(line);
    if (fence && expectBodyFence) {
      bodyLanguage = fence[1] === 'yaml' ? 'form' : 'json';
      expectBodyFence = false;
    }
    if (line.startsWith('|body|body|')) {
      const type = cells(line)[2] ?? '';
      const contentType = bodyLanguage === 'form' ? 'multipart/form-data' : 'application/json';
      paths[current.path]![current.method] = { requestBody: { content: { [contentType]: { schema: typeCell(type) } } } };
    }
  }
  return { openapi: '3.0.3', paths, components: { schemas: parseSchemas(schemaStart === -1 ? [] : lines.slice(schemaStart)) } };
}
