import { describe, expect, it } from 'vitest';
import { compileFilter, inClass, keepNewest, NO_FILTER } from '../../src/core/filter';

const rows = [
  { status: 200, search: 'get https://api.maiagent.ai/api/users/current/ 200 ok' },
  { status: 401, search: 'get https://api.maiagent.ai/api/v1/chatbots/ 401 not authenticated — invalid api key format.' },
  { status: 0, search: 'get https://api.maiagent.ai/api/v1/x/ 0 no response' },
  { status: 502, search: 'post https://api.maiagent.ai/api/v1/chatbots/ 502 bad gateway' },
  { status: 304, search: 'get https://api.maiagent.ai/api/v1/y/ 304 not modified' },
];

describe('compileFilter', () => {
  it('passes everything with no filter', () => expect(rows.filter(compileFilter(NO_FILTER)).length).toBe(5));
  it('errors only: 4xx, 5xx and failed requests', () => {
    expect(rows.filter(compileFilter({ ...NO_FILTER, errorsOnly: true })).map((r) => r.status)).toEqual([401, 0, 502]);
  });
  it('status classes', () => {
    expect(rows.filter(compileFilter({ ...NO_FILTER, statusClass: '5xx' })).map((r) => r.status)).toEqual([502]);
    expect(rows.filter(compileFilter({ ...NO_FILTER, statusClass: 'failed' })).map((r) => r.status)).toEqual([0]);
    expect(inClass(404, '4xx')).toBe(true);
    expect(inClass(404, '5xx')).toBe(false);
  });
  it('free text: every word, any case, across method, URL and summary', () => {
    expect(rows.filter(compileFilter({ ...NO_FILTER, text: 'CHATBOTS post' })).map((r) => r.status)).toEqual([502]);
    expect(rows.filter(compileFilter({ ...NO_FILTER, text: '  invalid   format ' })).map((r) => r.status)).toEqual([401]);
    expect(rows.filter(compileFilter({ ...NO_FILTER, text: 'nothing-like-this' }))).toEqual([]);
  });
});

describe('helpers', () => {
  it('keepNewest drops the oldest', () => expect(keepNewest([1, 2, 3, 4], 2)).toEqual([3, 4]));
});

describe('keepsAll', () => {
  it('is true only for a filter that keeps every row', async () => {
    const { keepsAll, NO_FILTER } = await import('../../src/core/filter');
    expect(keepsAll(NO_FILTER)).toBe(true);
    expect(keepsAll({ ...NO_FILTER, text: '   ' })).toBe(true);
    expect(keepsAll({ ...NO_FILTER, text: 'x' })).toBe(false);
    expect(keepsAll({ ...NO_FILTER, errorsOnly: true })).toBe(false);
    expect(keepsAll({ ...NO_FILTER, statusClass: '4xx' })).toBe(false);
  });
});
