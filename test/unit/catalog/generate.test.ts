// scripts/catalog.ts: OpenAPI and Widdershins parsing on small fixtures, and the checked-in
// catalogue is what the checked-in inputs give.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INPUTS, DEFAULT_OUT, renderModule } from '../../../scripts/catalog';
import { catalogFromOpenApi, pageFor, stripPrefix, type DocsPages, type OpenApiDoc } from '../../../scripts/catalog/openapi';
import { openApiFromWiddershins, typeCell } from '../../../scripts/catalog/widdershins';

const HERE = import.meta.dirname;
const fixture = JSON.parse(readFileSync(join(HERE, 'fixture.openapi.json'), 'utf8')) as OpenApiDoc;
const PAGES: DocsPages = { pages: [{ slug: 'widgets-page', prefixes: ['widgets/'] }, { slug: 'rename-page', prefixes: ['widgets/{}/rename/'] }] };

describe('OpenAPI → catalogue', () => {
  const cat = catalogFromOpenApi([fixture], PAGES, 'fixture');

  it('strips both prefixes and skips paths outside /api/', () => {
    expect(stripPrefix('/api/v1/chatbots/{id}/')).toBe('chatbots/{id}/');
    expect(stripPrefix('/api/chatbots/')).toBe('chatbots/');
    expect(stripPrefix('/health/')).toBeNull();
    expect(Object.keys(cat.endpoints)).toEqual(['gadgets/', 'uploads/', 'widgets/', 'widgets/{id}/', 'widgets/{id}/rename/']);
  });

  it('lists every method with its docs page (longest prefix wins, -1 for none)', () => {
    expect(cat.endpoints['widgets/{id}/']).toEqual({ GET: [0], PATCH: [0, 'PatchedWidget'], DELETE: [0] });
    expect(cat.endpoints['widgets/{id}/rename/']!.POST![0]).toBe(1);
    expect(cat.endpoints['gadgets/']!.POST![0]).toBe(-1);
    expect(pageFor('widgets/3/rename/', PAGES)).toBe(0); // a value, not {}: only templates are looked up
    expect(cat.pages).toEqual(['widgets-page', 'rename-page']);
  });

  it('encodes fields: required, nullable, read-only, nested objects and lists, enums, unions', () => {
    expect(cat.schemas.Widget).toEqual([
      'id:*r',
      'name:s!',
      'isActive:b',
      'weight:n?',
      'owner:{Owner}!',
      'parts:[Part]',
      'kind:s?',
      'mode:*?',
      'extra:o',
    ]);
    expect(cat.schemas.Owner).toEqual(['id:i!']);
    expect(cat.schemas.Part).toEqual(['id:i!', 'label:s']); // allOf merged
  });

  it('reads request bodies given by reference and 3.1 null types; ignores multipart-only bodies', () => {
    const gadget = cat.endpoints['gadgets/']!.POST![1]!;
    expect(cat.schemas[gadget]).toEqual(['size:i!?', 'tags:a']);
    expect(cat.endpoints['uploads/']!.POST).toEqual([-1]);
  });

  it('drops the viewset serializer that drf-spectacular gives an action without its own', () => {
    expect(cat.endpoints['widgets/{id}/rename/']!.POST).toEqual([1]);
    expect(cat.endpoints['widgets/']!.POST).toEqual([0, 'Widget']);
  });

  it('keeps only schemas a body reaches', () => {
    expect(Object.keys(cat.schemas)).not.toContain('Unused');
    expect(Object.keys(cat.schemas)).toContain('Part');
  });

  it('lets a later document override an earlier one per method', () => {
    const later: OpenApiDoc = { paths: { '/api/v1/widgets/': { post: {} } } };
    const merged = catalogFromOpenApi([fixture, later], PAGES, 'x');
    expect(merged.endpoints['widgets/']).toEqual({ GET: [0], POST: [0] });
  });

  it('merges a later schema of the same name field by field', () => {
    const later: OpenApiDoc = {
      paths: { '/api/widgets/': { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Widget' } } } } } } },
      components: { schemas: { Widget: { type: 'object', required: ['colour'], properties: { owner: { type: 'integer' }, colour: { type: 'string' } } } } },
    };
    const merged = catalogFromOpenApi([fixture, later], PAGES, 'x');
    expect(merged.schemas.Widget).toEqual(['id:*r', 'name:s!', 'isActive:b', 'weight:n?', 'owner:i', 'parts:[Part]', 'kind:s?', 'mode:*?', 'extra:o', 'colour:s!']);
  });
});

describe('Widdershins markdown → OpenAPI', () => {
  const doc = openApiFromWiddershins(readFileSync(join(HERE, 'fixture.widdershins.md'), 'utf8'));

  it('reads type cells', () => {
    expect(typeCell('string(uuid)¦null')).toEqual({ type: 'string', format: 'uuid', nullable: true });
    expect(typeCell('[Widget](#schemawidget)')).toEqual({ $ref: '#/components/schemas/Widget' });
    expect(typeCell('[[Part](#schemapart)]')).toEqual({ type: 'array', items: { $ref: '#/components/schemas/Part' } });
    expect(typeCell('[string]')).toEqual({ type: 'array', items: { type: 'string' } });
    expect(typeCell('any')).toEqual({});
  });

  it('finds operations, JSON and form bodies, and schema properties', () => {
    expect(Object.keys(doc.paths!)).toEqual(['/api/widgets/', '/api/widgets/{id}/', '/api/uploads/']);
    expect(doc.paths!['/api/widgets/']).toEqual({ post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Widget' } } } } } });
    expect(Object.keys((doc.paths!['/api/uploads/']!.post as { requestBody: { content: object } }).requestBody.content)).toEqual(['multipart/form-data']);
    const cat = catalogFromOpenApi([doc], PAGES, 'md');
    expect(cat.schemas.Widget).toEqual(['id:*r', 'name:s!', 'kind:s', 'parts:[Part]', 'weight:n?', 'tags:a', 'data:*?']);
    expect(cat.endpoints['uploads/']!.POST).toEqual([-1]);
  });
});

describe('the checked-in catalogue', () => {
  it('is what scripts/catalog.ts makes of the checked-in inputs (run `npx tsx scripts/catalog.ts` after changing them)', () => {
    const docs = DEFAULT_INPUTS.map((f) => JSON.parse(readFileSync(f, 'utf8')) as OpenApiDoc);
    const pages = JSON.parse(readFileSync(join(HERE, '../../../scripts/catalog/docs-pages.json'), 'utf8')) as DocsPages;
    const text = renderModule(catalogFromOpenApi(docs, pages, 'maiagent-render.openapi.json + supplement.openapi.json'));
    expect(readFileSync(DEFAULT_OUT, 'utf8')).toBe(text);
  });
});
