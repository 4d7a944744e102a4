// Lookups and body checks over the real MaiAgent catalogue.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allowedMethods,
  asDocsLocale,
  CATALOG,
  checkBody,
  closestEndpoints,
  docsUrl,
  endpointReport,
  matchEndpoint,
  requiredFields,
  snake,
} from '../../../src/core/catalog';

const API = 'https://api.maiagent.ai';
const UUID = '3f2b8c1e-6a4d-4f7b-9c2e-1d5a7b9e0f11';

describe('matchEndpoint', () => {
  it.each([
    ['GET', `${API}/api/chatbots/${UUID}/`, 'chatbots/{id}/', '/api/'],
    ['GET', `${API}/api/v1/chatbots/${UUID}/`, 'chatbots/{id}/', '/api/v1/'],
    ['GET', `${API}/api/v1/chatbots/${UUID}`, 'chatbots/{id}/', '/api/v1/'], // no trailing slash
    ['POST', `${API}/api/v1/chatbots/${UUID}/completions/?x=1`, 'chatbots/{chatbotId}/completions/', '/api/v1/'],
    ['GET', `${API}/api/users/current/`, 'users/current/', '/api/'], // a literal beats {id}
    ['POST', `${API}/api/v1/messages/outgoing/`, 'messages/outgoing/', '/api/v1/'],
    ['GET', `${API}/api/v1/messages/42/`, 'messages/{id}/', '/api/v1/'],
    ['GET', 'http://localhost:8000/api/v1/knowledge-bases/', 'knowledge-bases/', '/api/v1/'], // on-premises host
  ])('%s %s → %s', (method, url, template, prefix) => {
    const m = matchEndpoint(CATALOG, method, url);
    expect(m?.template).toBe(template);
    expect(m?.prefix).toBe(prefix);
    expect(m?.methodKnown).toBe(true);
  });

  it('names the path parameters', () => {
    expect(matchEndpoint(CATALOG, 'GET', `${API}/api/v1/knowledge-bases/${UUID}/labels/7/`)?.params).toEqual({ knowledgeBasePk: UUID, id: '7' });
  });

  it('knows a path whose method the reference does not list', () => {
    const m = matchEndpoint(CATALOG, 'DELETE', `${API}/api/v1/users/current/`);
    expect(m?.template).toBe('users/current/');
    expect(m?.methodKnown).toBe(false);
    expect(m?.methods).toEqual(['GET', 'PUT', 'PATCH']);
  });

  it.each([`${API}/api/v1/chatbot/`, `${API}/api/v2/chatbots/`, `${API}/media/x.png`, 'https://s3.amazonaws.com/bucket', `${API}/api/`, 'not a url'])('no endpoint for %s', (url) => {
    expect(matchEndpoint(CATALOG, 'GET', url)).toBeNull();
  });

  it('gives the request body schema of the method', () => {
    expect(matchEndpoint(CATALOG, 'POST', `${API}/api/v1/chatbots/${UUID}/completions/`)?.body).toBe('ChatbotCompletion');
    expect(matchEndpoint(CATALOG, 'GET', `${API}/api/v1/chatbots/`)?.body).toBeUndefined();
  });
});

describe('closestEndpoints', () => {
  const first = (url: string) => closestEndpoints(CATALOG, url)[0]?.template;
  it.each([
    [`${API}/api/v1/chatbot/`, 'chatbots/'],
    [`${API}/api/v1/chatbots/${UUID}/completion/`, 'chatbots/{chatbotId}/completions/'],
    [`${API}/api/v1/knowledge_bases/`, 'knowledge-bases/'],
    [`${API}/api/v1/knowledgebases/${UUID}/`, 'knowledge-bases/{id}/'],
    [`${API}/api/v2/chatbots/`, 'chatbots/'],
    [`${API}/api/v1/user/current/`, 'users/current/'],
  ])('%s → %s', (url, template) => {
    expect(first(url)).toBe(template);
  });

  it('suggests nothing for a path unlike any endpoint', () => {
    expect(closestEndpoints(CATALOG, `${API}/api/v1/zzzz/qqqq/wwww/`)).toEqual([]);
  });

  it('returns at most three, each with its methods', () => {
    const list = closestEndpoints(CATALOG, `${API}/api/v1/chatbot/`);
    expect(list.length).toBeGreaterThan(0);
    expect(list.length).toBeLessThanOrEqual(3);
    expect(list[0]!.methods).toEqual(['GET', 'POST']);
  });
});

describe('methods, required fields, docs', () => {
  it('lists allowed methods', () => {
    expect(allowedMethods(CATALOG, 'chatbots/{id}/')).toEqual(['GET', 'PUT', 'PATCH', 'DELETE']);
    expect(allowedMethods(CATALOG, 'nope/')).toEqual([]);
  });

  it('lists required fields, never read-only ones, none for PATCH', () => {
    expect(requiredFields(CATALOG, 'chatbots/{chatbotId}/completions/', 'POST')).toEqual(['message']);
    expect(requiredFields(CATALOG, 'attachments/', 'POST')).toEqual(['filename', 'file']);
    expect(requiredFields(CATALOG, 'attachments/{id}/', 'PATCH')).toEqual([]);
    expect(requiredFields(CATALOG, 'chatbots/', 'GET')).toEqual([]);
  });

  it('links the page of the endpoint in each language, the overview when no page lists it', () => {
    const page = matchEndpoint(CATALOG, 'POST', `${API}/api/v1/chatbots/${UUID}/completions/`)!.page;
    expect(docsUrl(CATALOG, page, 'en')).toBe('https://docs.maiagent.ai/api/api-doc-en/api-reference/dui-hua-he-xun-xi');
    expect(docsUrl(CATALOG, page, 'ja')).toBe('https://docs.maiagent.ai/api/api-doc-ja/api-reference/dui-hua-he-xun-xi');
    expect(docsUrl(CATALOG, page, 'zh_TW')).toBe('https://docs.maiagent.ai/api/api-reference/dui-hua-he-xun-xi');
    const chatbots = matchEndpoint(CATALOG, 'GET', `${API}/api/v1/chatbots/`)!.page;
    expect(docsUrl(CATALOG, chatbots, 'en')).toBe('https://docs.maiagent.ai/api/api-doc-en/api-reference/ai-zhu-li');
    const unlisted = matchEndpoint(CATALOG, 'POST', `${API}/api/auth/keycloak/login/`)!.page;
    expect(unlisted).toBe(-1);
    expect(docsUrl(CATALOG, unlisted, 'ja')).toBe('https://docs.maiagent.ai/api/api-doc-ja');
  });

  it.each([
    ['en', 'en'],
    ['ja', 'ja'],
    ['zh_TW', 'zh_TW'],
    ['zh-TW', 'zh_TW'],
    ['fr', 'en'],
  ] as const)('locale %s → %s', (given, want) => {
    expect(asDocsLocale(given)).toBe(want);
  });

  it.each(['en', 'ja', 'zh_TW'])('the %s catalogue links the docs in its own language', (locale) => {
    const file = join(import.meta.dirname, '../../../public/_locales', locale, 'messages.json');
    const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { message: string }>;
    expect(asDocsLocale(messages.docsLocale!.message)).toBe(locale);
  });
});

describe('checkBody', () => {
  const completion = (body: unknown) => checkBody(CATALOG, 'ChatbotCompletion', JSON.stringify(body), { partial: false });

  it('accepts a correct body in camelCase and in snake_case', () => {
    expect(completion({ conversation: null, message: { content: 'hi', attachments: [] }, isStreaming: true })).toEqual([]);
    expect(completion({ message: { content: 'hi', content_payload: {} }, is_streaming: false })).toEqual([]);
  });

  it('names an unknown field and the real one it resembles, in the spelling used', () => {
    expect(completion({ message: { content: 'hi' }, isStreamng: true })).toEqual([{ kind: 'unknownField', path: 'isStreamng', suggestion: 'isStreaming' }]);
    expect(completion({ message: { content: 'hi' }, is_stream: true })).toEqual([{ kind: 'unknownField', path: 'is_stream', suggestion: 'is_streaming' }]);
    expect(completion({ message: { content: 'hi' }, colour: 'red' })).toEqual([{ kind: 'unknownField', path: 'colour', suggestion: null }]);
  });

  it('reports missing required fields, also inside nested objects', () => {
    expect(completion({ isStreaming: true })).toEqual([{ kind: 'missingField', path: 'message' }]);
    expect(completion({ message: { contnt: 'hi' } })).toEqual([
      { kind: 'unknownField', path: 'message.contnt', suggestion: 'content' },
      { kind: 'missingField', path: 'message.content' },
    ]);
  });

  it('reports wrong types, null where null is not allowed, and checks list items', () => {
    expect(completion({ message: { content: 'hi' }, isStreaming: 'true' })).toEqual([{ kind: 'wrongType', path: 'isStreaming', expected: 'b', got: 's' }]);
    expect(completion({ message: 'hi' })).toEqual([{ kind: 'wrongType', path: 'message', expected: 'o', got: 's' }]);
    expect(completion({ message: { content: null } })).toEqual([{ kind: 'wrongType', path: 'message.content', expected: 's', got: 'null' }]);
    expect(completion({ message: { content: 'x', attachments: [{ id: UUID, filename: 'a', file: 'f', kind: 'image' }, 'x'] } })).toEqual([
      { kind: 'unknownField', path: 'message.attachments[0].kind', suggestion: null },
      { kind: 'wrongType', path: 'message.attachments[1]', expected: 'o', got: 's' },
    ]);
  });

  it('requires nothing of a partial update', () => {
    expect(checkBody(CATALOG, 'PatchedAttachment', '{"filename":"a"}', { partial: true })).toEqual([]);
  });

  it('checks nothing that is not a JSON object', () => {
    expect(checkBody(CATALOG, 'ChatbotCompletion', 'message=hi', { partial: false })).toEqual([]);
    expect(checkBody(CATALOG, 'ChatbotCompletion', '[1]', { partial: false })).toEqual([]);
    expect(checkBody(CATALOG, 'ChatbotCompletion', undefined, { partial: false })).toEqual([]);
    expect(checkBody(CATALOG, undefined, '{"a":1}', { partial: false })).toEqual([]);
  });

  it('snake-cases the way the server does', () => {
    expect(snake('isStreaming')).toBe('is_streaming');
    expect(snake('password1')).toBe('password1');
    expect(snake('already_snake')).toBe('already_snake');
  });
});

describe('bodies from the public examples and docs', () => {
  // Playma-Co-Ltd/maiagent-api-examples (examples/python/utils/maiagent.py) and the docs' own examples.
  it.each([
    ['POST', 'upload-presigned-url/', { filename: 'a.pdf', modelName: 'attachment', fieldName: 'file', fileSize: 1024 }],
    ['POST', 'attachments/', { file: 'media/a.pdf', filename: 'a.pdf', type: 'other' }],
    ['POST', `conversations/${UUID}/attachments/`, { file: 'media/a.jpg', filename: 'a.jpg', type: 'image' }],
    ['POST', `chatbots/${UUID}/files/`, { files: [{ file: 'media/a.pdf', filename: 'a.pdf' }] }],
    ['POST', `knowledge-bases/${UUID}/files/`, { files: [{ file: 'media/a.pdf', filename: 'a.pdf' }] }],
    ['POST', 'knowledge-bases/', { name: 'KB', description: 'd', embedding_model: null, reranker_model: null, number_of_retrieved_chunks: 12, sentence_window_size: 2, enable_hyde: false, similarity_cutoff: 0.0, enable_rerank: true, chatbots: [] }],
    ['POST', `knowledge-bases/${UUID}/search/`, { query: 'q' }],
    ['POST', `knowledge-bases/${UUID}/labels/`, { name: 'l' }],
    ['POST', 'messages/', { conversation: UUID, content: 'hi', attachments: [] }],
    ['POST', `chatbots/${UUID}/completions/`, { conversation: '', message: { content: 'hi', attachments: [] }, is_streaming: false }],
    ['POST', `chatbots/${UUID}/completions/`, { conversation: null, message: { content: 'hi' }, isStreaming: true }],
    ['POST', 'conversations/', { webChat: UUID }],
  ])('%s %s gives no warning', (method, path, body) => {
    const m = matchEndpoint(CATALOG, method, `${API}/api/v1/${path}`);
    expect(m?.methodKnown).toBe(true);
    expect(checkBody(CATALOG, m!.body, JSON.stringify(body), { partial: false })).toEqual([]);
  });
});

describe('endpointReport', () => {
  const report = (method: string, url: string, status: number, requestBody?: string) => endpointReport(CATALOG, { method, url, status, requestBody });

  it('on a 404 for an unknown path: the closest real endpoints', () => {
    const r = report('GET', `${API}/api/v1/chatbot/`, 404)!;
    expect(r.notFound).toBe('unknownPath');
    expect(r.closest[0]!.template).toBe('chatbots/');
  });

  it('on a 404 for a real endpoint: the id was not found (not when the slash is missing)', () => {
    expect(report('GET', `${API}/api/chatbots/${UUID}/`, 404)!.notFound).toBe('unknownId');
    expect(report('GET', `${API}/api/chatbots/${UUID}`, 404)!.notFound).toBeNull();
    expect(report('GET', `${API}/api/chatbots/`, 404)!.notFound).toBeNull(); // no id to blame
  });

  it('on a 405: the methods the endpoint takes', () => {
    expect(report('DELETE', `${API}/api/v1/users/current/`, 405)!.allowed).toEqual(['GET', 'PUT', 'PATCH']);
    expect(report('GET', `${API}/api/v1/users/current/`, 200)!.allowed).toBeNull();
  });

  it('on a 400: the required fields', () => {
    expect(report('POST', `${API}/api/v1/attachments/`, 400, '{"filename":"a"}')!.required).toEqual(['filename', 'file']);
    expect(report('POST', `${API}/api/v1/attachments/`, 201, '{"filename":"a","file":"f"}')!.required).toEqual([]);
  });

  it('body warnings stand after a 2xx, except "missing" (the server had what it needed)', () => {
    const r = report('POST', `${API}/api/v1/chatbots/${UUID}/completions/`, 200, '{"message":{"content":"hi"},"isStreamng":true}')!;
    expect(r.bodyWarnings).toEqual([{ kind: 'unknownField', path: 'isStreamng', suggestion: 'isStreaming' }]);
    expect(report('POST', `${API}/api/v1/attachments/`, 201, '{"file":"f"}')!.bodyWarnings).toEqual([]);
    expect(report('POST', `${API}/api/v1/attachments/`, 400, '{"file":"f"}')!.bodyWarnings).toEqual([{ kind: 'missingField', path: 'filename' }]);
  });

  it('has nothing to say outside /api/', () => {
    expect(report('POST', 'https://bucket.s3.amazonaws.com/', 403)).toBeNull();
  });
});
