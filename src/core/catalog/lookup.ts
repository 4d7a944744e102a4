// Lookups over the endpoint catalogue: which endpoint a request went to, which real endpoints are
// closest to a path that is not one, the methods and required fields of an endpoint, its docs page.
import type { CatalogData } from './types';

export type DocsLocale = 'en' | 'ja' | 'zh_TW';

/** The API reference on docs.maiagent.ai: the same page slugs under a base per language. */
const DOCS: Record<DocsLocale, { pages: string; overview: string }> = {
  en: { pages: 'https://docs.maiagent.ai/api/api-doc-en/api-reference/', overview: 'https://docs.maiagent.ai/api/api-doc-en' },
  ja: { pages: 'https://docs.maiagent.ai/api/api-doc-ja/api-reference/', overview: 'https://docs.maiagent.ai/api/api-doc-ja' },
  zh_TW: { pages: 'https://docs.maiagent.ai/api/api-reference/', overview: 'https://docs.maiagent.ai/api' },
};

export function asDocsLocale(value: string): DocsLocale {
  const v = value.replace('-', '_');
  if (v === 'ja' || v.startsWith('ja_')) return 'ja';
  if (v === 'zh_TW' || v === 'zh_Hant' || v === 'zh_HK') return 'zh_TW';
  return 'en';
}

export interface Endpoint {
  /** Path template after the prefix, e.g. `chatbots/{id}/`. */
  template: string;
  /** Methods the reference lists for it, in the catalogue's order. */
  methods: string[];
  /** Docs page index in CatalogData.pages, -1 when no page documents the endpoint. */
  page: number;
}

export interface EndpointMatch extends Endpoint {
  /** The prefix the request used: every endpoint is served under both. */
  prefix: '/api/' | '/api/v1/';
  method: string;
  /** True when the reference lists the request's method for this path. */
  methodKnown: boolean;
  /** Path parameters by name, e.g. `{ id: '3f…' }`. */
  params: Record<string, string>;
  /** The request body schema of this method, if the reference gives one. */
  body: string | undefined;
}

interface Compiled {
  template: string;
  segments: string[];
  /** Parameter name per segment, null for a literal. */
  params: (string | null)[];
}

const compiled = new WeakMap<CatalogData, Compiled[]>();
function templates(cat: CatalogData): Compiled[] {
  let list = compiled.get(cat);
  if (!list) {
    list = Object.keys(cat.endpoints).map((template) => {
      const segments = template.split('/').filter(Boolean);
      return { template, segments, params: segments.map((s) => /^\{(.+)\}$/.exec(s)?.[1] ?? null) };
    });
    compiled.set(cat, list);
  }
  return list;
}

/** `/api/v1/chatbots/x/` → prefix and segments; null for paths outside /api/ or unreadable URLs. */
export function splitApiPath(url: string): { prefix: '/api/' | '/api/v1/'; segments: string[] } | null {
  let path: string;
  try {
    path = new URL(url, 'https://api.maiagent.ai').pathname;
  } catch {
    return null;
  }
  const m = /^\/api\/(v1\/)?(.*)$/.exec(path) ?? (path === '/api' ? [path, undefined, ''] : null);
  if (!m) return null;
  let segments: string[];
  try {
    segments = (m[2] ?? '')
      .split('/')
      .filter(Boolean)
      .map((s) => decodeURIComponent(s));
  } catch {
    segments = (m[2] ?? '').split('/').filter(Boolean);
  }
  return { prefix: m[1] ? '/api/v1/' : '/api/', segments };
}

/**
 * The endpoint a request went to: either prefix, with or without the trailing slash (a redirect
 * or a 404 about the slash is the diagnosis' business, not this lookup's), any segment for a
 * parameter. When several templates fit, the one with the most literal segments wins
 * (`messages/outgoing/` before `messages/{id}/`).
 */
export function matchEndpoint(cat: CatalogData, method: string, url: string): EndpointMatch | null {
  const split = splitApiPath(url);
  if (!split || split.segments.length === 0) return null;
  let best: Compiled | null = null;
  let bestLiterals = -1;
  for (const c of templates(cat)) {
    if (c.segments.length !== split.segments.length) continue;
    let literals = 0;
    let ok = true;
    for (let i = 0; i < c.segments.length && ok; i++) {
      if (c.params[i] !== null) continue;
      if (c.segments[i] === split.segments[i]) literals++;
      else ok = false;
    }
    if (ok && literals > bestLiterals) {
      best = c;
      bestLiterals = literals;
    }
  }
  if (!best) return null;
  const M = method.toUpperCase();
  const specs = cat.endpoints[best.template]!;
  const params: Record<string, string> = {};
  best.params.forEach((p, i) => {
    if (p !== null) params[p] = split.segments[i]!;
  });
  const spec = specs[M];
  // An unlisted method still belongs to the path's docs page.
  const page = spec?.[0] ?? Object.values(specs)[0]?.[0] ?? -1;
  return {
    template: best.template,
    methods: Object.keys(specs),
    prefix: split.prefix,
    method: M,
    methodKnown: !!spec,
    params,
    page,
    body: spec?.[1],
  };
}

/** Levenshtein distance between two strings (small inputs: path segments, field names). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

const ID_LIKE = /^(?:[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}|\d+)$/i;

/** Cost of putting request segment `seg` where the template has `tpl` (param: any id-like value). */
function segmentCost(seg: string, tpl: string, isParam: boolean): number {
  if (isParam) return ID_LIKE.test(seg) ? 0 : 0.5;
  if (seg === tpl) return 0;
  if (ID_LIKE.test(seg)) return 1;
  // A typo in a word costs less than a different word: chatbot ≈ chatbots, knowledge_bases ≈ knowledge-bases.
  const d = editDistance(seg.toLowerCase().replace(/_/g, '-'), tpl);
  return Math.min(1, (d / Math.max(seg.length, tpl.length, 1)) * 1.5);
}

/** Edit distance over segments: inserting or dropping a whole segment costs 1. */
function pathDistance(segs: string[], c: Compiled): number {
  const n = segs.length;
  const m = c.segments.length;
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = [i];
    for (let j = 1; j <= m; j++) {
      const sub = segmentCost(segs[i - 1]!, c.segments[j - 1]!, c.params[j - 1] !== null);
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + sub);
    }
    prev = cur;
  }
  return prev[m]!;
}

/**
 * Real endpoints closest to a path the catalogue does not know, best first; only those within
 * reach (at most about one segment changed per two), so an unrelated path gets no suggestions.
 */
export function closestEndpoints(cat: CatalogData, url: string, limit = 3): Endpoint[] {
  const split = splitApiPath(url);
  if (!split) return [];
  const segs = split.segments;
  const scored = templates(cat)
    .map((c) => ({ c, d: pathDistance(segs, c) }))
    .filter(({ d }) => d <= Math.max(1, segs.length / 2))
    .sort((a, b) => a.d - b.d || a.c.template.length - b.c.template.length || a.c.template.localeCompare(b.c.template));
  return scored.slice(0, limit).map(({ c }) => {
    const specs = cat.endpoints[c.template]!;
    return { template: c.template, methods: Object.keys(specs), page: Object.values(specs)[0]?.[0] ?? -1 };
  });
}

export function allowedMethods(cat: CatalogData, template: string): string[] {
  return Object.keys(cat.endpoints[template] ?? {});
}

/** Top-level fields a request body must carry (read-only fields are never required). */
export function requiredFields(cat: CatalogData, template: string, method: string): string[] {
  const body = cat.endpoints[template]?.[method.toUpperCase()]?.[1];
  if (!body || method.toUpperCase() === 'PATCH') return [];
  return (cat.schemas[body] ?? []).filter((f) => /:[^:]*!/.test(f)).map((f) => f.slice(0, f.indexOf(':')));
}

/** The documentation page of an endpoint in a language; the reference overview when no page lists it. */
export function docsUrl(cat: CatalogData, page: number, locale: DocsLocale): string {
  const slug = cat.pages[page];
  return slug ? DOCS[locale].pages + slug : DOCS[locale].overview;
}

/** `GET /api/chatbots/{id}/` as the reference writes it, with the prefix the request used. */
export function endpointLabel(method: string, template: string, prefix = '/api/'): string {
  return `${method} ${prefix}${template}`;
}
