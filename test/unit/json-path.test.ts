import { describe, expect, it } from 'vitest';
import { formatPath } from '../../src/core/json-path';
import { isPreflight } from '../../src/core/preflight';

describe('formatPath', () => {
  it('writes paths as code would', () => {
    expect(formatPath(['results', 0, 'id'])).toBe('results[0].id');
    expect(formatPath([0, 'name'])).toBe('[0].name');
    expect(formatPath(['data', 'content-type', '1x'])).toBe('data["content-type"]["1x"]');
    expect(formatPath([])).toBe('');
  });
});

describe('isPreflight', () => {
  it('is an OPTIONS request that asks about a method', () => {
    expect(isPreflight('OPTIONS', [{ name: 'Access-Control-Request-Method', value: 'POST' }])).toBe(true);
    expect(isPreflight('OPTIONS', [])).toBe(false);
    expect(isPreflight('GET', [{ name: 'access-control-request-method', value: 'POST' }])).toBe(false);
  });
});
