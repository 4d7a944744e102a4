// OpenAPI 3 document(s) → the compact endpoint catalogue (src/core/catalog/types.ts).
// Pure: no file or network access, so the unit tests feed it small fixtures.
import type { CatalogData, FieldSpec, MethodSpec } from '../../src/core/catalog/types';

// The minimal slice of OpenAPI 3.0/3.1 read here.
export interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  nullable?: boolean;
  readOnly?: boolean;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  additionalProperties?: unknown;
}
interface MediaType {
  schema?: Schema;
}
interface RequestBody {
  $ref?: string;
  content?: Record<string, MediaType>;
}
interface Operation {
  requestBody?: RequestBody;
}
export interface OpenApiDoc {
  openapi?: string;
  paths?: Record<string, Record<string, Operation | unknown>>;
  components?: { schemas?: Record<string, Schema>; requestBodies?: Record<string, RequestBody> };
}

/** Where each docs page's endpoints live: path prefixes with `{}` for any parameter. Longest prefix wins. */
export interface DocsPages {
  pages: { slug: string; prefixes: string[] }[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

/** `/api/v1/chatbots/{id}/` and `/api/chatbots/{id}/` → `chatbots/{id}/`; null outside /api/. */
export function stripPrefix(path: string): string | null {
  const m = /^\/api\/(?:v1\/)?(.*)$/.exec(path);
  return m ? m[1]! : null;
}

/** The docs page index for a prefix-less path (-1 when no page lists it). */
export function pageFor(rest: string, pages: DocsPages): number {
  const shape = rest.replace(/\{[^}]+\}/g, '{}');
  let best = -1;
  let bestLen = -1;
  pages.pages.forEach((p, i) => {
    for (const prefix of p.prefixes) {
      if (shape.startsWith(prefix) && prefix.length > bestLen) {
        best = i;
        bestLen = prefix.length;
      }
    }
  });
  return best;
}

class Builder {
  readonly schemas: Record<string, FieldSpec[]> = {};
  constructor(private readonly doc: OpenApiDoc) {}

  private deref(s: Schema): { schema: Schema; name?: string } {
    const seen = new Set<string>();
    let cur = s;
    let name: string | undefined;
    while (cur.$ref) {
      if (seen.has(cur.$ref)) break;
      seen.add(cur.$ref);
      name = cur.$ref.split('/').pop();
      cur = (name && this.doc.components?.schemas?.[name]) || {};
    }
    return name ? { schema: cur, name } : { schema: cur };
  }

  /** Properties and required names of an object schema, allOf merged. */
  private objectParts(s: Schema): { props: Record<string, Schema>; required: Set<string> } | null {
    const { schema } = this.deref(s);
    const props: Record<string, Schema> = {};
    const required = new Set<string>(schema.required ?? []);
    let isObject = !!schema.properties;
    for (const part of schema.allOf ?? []) {
      const sub = this.objectParts(part);
      if (!sub) continue;
      isObject = true;
      Object.assign(props, sub.props);
      sub.required.forEach((r) => required.add(r));
    }
    Object.assign(props, schema.properties ?? {});
    return isObject ? { props, required } : null;
  }

  /** Registers an object schema under a name (once) and returns the name. */
  register(s: Schema, fallbackName: string): string | null {
    const { name } = this.deref(s);
    const key = name ?? fallbackName;
    if (key in this.schemas) return key;
    const parts = this.objectParts(s);
    if (!parts) return null;
    this.schemas[key] = []; // placeholder first: schemas may refer to themselves
    this.schemas[key] = Object.entries(parts.props).map(([field, prop]) => this.field(field, prop, parts.required.has(field), key));
    return key;
  }

  private typeOf(prop: Schema, owner: string, field: string): { code: string; nullable: boolean } {
    const { schema, name } = this.deref(prop);
    let nullable = !!(prop.nullable || schema.nullable);
    if (schema.oneOf || schema.anyOf) {
      // e.g. oneOf [SomeEnum, BlankEnum, NullEnum]: too loose to check.
      return { code: '*', nullable: true };
    }
    if (schema.allOf && schema.allOf.length === 1 && !schema.properties) {
      // drf-spectacular wraps a $ref in allOf to add nullable/readOnly.
      const inner = this.typeOf(schema.allOf[0]!, owner, field);
      return { code: inner.code, nullable: nullable || inner.nullable };
    }
    let type = schema.type;
    if (Array.isArray(type)) {
      nullable ||= type.includes('null');
      type = type.find((x) => x !== 'null');
    }
    if (type === 'array') {
      const item = schema.items ? this.deref(schema.items) : null;
      if (item && this.objectParts(schema.items!)) {
        const ref = this.register(schema.items!, `${owner}_${field}`);
        if (ref) return { code: `[${ref}]`, nullable };
      }
      return { code: 'a', nullable };
    }
    if ((type === 'object' || (!type && (schema.properties || schema.allOf))) && this.objectParts(prop)) {
      const ref = this.register(prop, name ?? `${owner}_${field}`);
      if (ref) return { code: `{${ref}}`, nullable };
    }
    const codes: Record<string, string> = { string: 's', integer: 'i', number: 'n', boolean: 'b', object: 'o', array: 'a' };
    if (typeof type === 'string' && codes[type]) return { code: codes[type]!, nullable };
    if (schema.enum) {
      const kinds = new Set(schema.enum.filter((v) => v !== null).map((v) => typeof v));
      if (schema.enum.includes(null)) nullable = true;
      if (kinds.size === 1) return { code: kinds.has('number') ? 'i' : kinds.has('boolean') ? 'b' : 's', nullable };
    }
    return { code: '*', nullable: true };
  }

  private field(name: string, prop: Schema, required: boolean, owner: string): FieldSpec {
    const readOnly = !!(prop.readOnly || this.deref(prop).schema.readOnly);
    if (readOnly) return `${name}:*r`;
    const { code, nullable } = this.typeOf(prop, owner, name);
    return `${name}:${code}${required ? '!' : ''}${nullable ? '?' : ''}`;
  }

  requestSchema(op: Operation): Schema | null {
    let body = op.requestBody;
    if (!body) return null;
    if (body.$ref) body = this.doc.components?.requestBodies?.[body.$ref.split('/').pop() ?? ''];
    // Only JSON bodies are checked: multipart uploads carry files, not fields the panel can read.
    const json = Object.entries(body?.content ?? {}).find(([type]) => /\bjson\b/i.test(type));
    return json?.[1].schema ?? null;
  }
}

function operationName(method: string, rest: string): string {
  const words = rest.split('/').filter((s) => s && !s.startsWith('{'));
  return [method, ...words].join('_').replace(/[^A-Za-z0-9_]/g, '_');
}

/**
 * drf-spectacular gives an extra action (`chatbots/{id}/search/`, `faqs/batch-delete/`) the
 * viewset's serializer when the view does not declare one, so the schema then claims that a search
 * needs a chatbot's name and model. A body that is the same schema as the resource the action hangs
 * off is that fallback, not the action's real input: it is dropped, so that no false warning follows.
 */
function dropFallbackBodies(endpoints: Record<string, Record<string, MethodSpec>>): void {
  const bodiesOf = (path: string) => {
    const names = new Set<string>();
    for (const [, body] of Object.values(endpoints[path] ?? {})) if (body) names.add(body.replace(/^Patched/, ''));
    return names;
  };
  for (const [path, methods] of Object.entries(endpoints)) {
    const m = /^(.*\/)[a-z0-9-]+\/$/.exec(path);
    if (!m || m[1]!.length === 0) continue;
    const base = m[1]!;
    const resource = new Set([
      ...bodiesOf(base),
      ...Object.keys(endpoints)
        .filter((p) => p.startsWith(base) && /^\{[^}]+\}\/$/.test(p.slice(base.length)))
        .flatMap((p) => [...bodiesOf(p)]),
    ]);
    if (/\{[^}]+\}\/$/.test(base)) for (const b of bodiesOf(base)) resource.add(b);
    for (const spec of Object.values(methods)) {
      if (spec[1] && resource.has(spec[1].replace(/^Patched/, ''))) spec.length = 1;
    }
  }
}

/** Merges one or more OpenAPI documents (later ones win per method) into the catalogue. */
export function catalogFromOpenApi(docs: OpenApiDoc[], pages: DocsPages, source: string): CatalogData {
  const endpoints: Record<string, Record<string, MethodSpec>> = {};
  const schemas: Record<string, FieldSpec[]> = {};
  for (const doc of docs) {
    const b = new Builder(doc);
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      const rest = stripPrefix(path);
      if (rest === null) continue;
      for (const method of METHODS) {
        const op = item[method] as Operation | undefined;
        if (!op || typeof op !== 'object') continue;
        const M = method.toUpperCase();
        const spec: MethodSpec = [pageFor(rest, pages)];
        const body = b.requestSchema(op);
        if (body) {
          const name = b.register(body, operationName(M, rest));
          if (name) spec.push(name);
        }
        (endpoints[rest] ??= {})[M] = spec;
      }
    }
    // A later document's schema of the same name adds fields and overrides them field by field,
    // so a supplement can bring a schema up to date without restating it.
    for (const [name, fields] of Object.entries(b.schemas)) {
      const merged = new Map((schemas[name] ?? []).map((f) => [f.slice(0, f.indexOf(':')), f]));
      for (const f of fields) merged.set(f.slice(0, f.indexOf(':')), f);
      schemas[name] = [...merged.values()];
    }
  }
  dropFallbackBodies(endpoints);
  // Keep only schemas some body reaches (nested ones through {Name} / [Name]).
  const keep = new Set<string>();
  const visit = (name: string) => {
    if (keep.has(name) || !schemas[name]) return;
    keep.add(name);
    for (const f of schemas[name]!) for (const m of f.matchAll(/[{[]([^}\]]+)[}\]]/g)) visit(m[1]!);
  };
  for (const methods of Object.values(endpoints)) for (const [, body] of Object.values(methods)) if (body) visit(body);
  const sortedEndpoints = Object.fromEntries(
    Object.keys(endpoints)
      .sort()
      .map((k) => [k, endpoints[k]!]),
  );
  const sortedSchemas = Object.fromEntries([...keep].sort().map((k) => [k, schemas[k]!]));
  return { source, pages: pages.pages.map((p) => p.slug), endpoints: sortedEndpoints, schemas: sortedSchemas };
}
