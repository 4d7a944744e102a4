import { describe, expect, it } from 'vitest';
import { errorOffset, jsonProblem } from '../../src/core/json-check';

describe('jsonProblem', () => {
  it('is null for valid JSON', () => {
    expect(jsonProblem('{"a": [1, 2]}')).toBeNull();
  });
  it('says the line and column of a mistake', () => {
    expect(jsonProblem('{\n  "name": "x",\n  "rag": }')).toMatchObject({ line: 3, column: 10 });
    expect(jsonProblem('{"a": 1,}')).toMatchObject({ line: 1, column: 9 });
  });
  it('points at the end of a cut text', () => {
    expect(jsonProblem('{\n "a": [1')).toMatchObject({ line: 2 });
  });
});

describe('errorOffset agrees with JSON.parse', () => {
  it.each([
    '{}',
    '[1,-2.5e3,"a\\n\\u00e9",true,false,null]',
    ' {"a":{"b":[]}} ',
    '{"a":1,}',
    '[01]',
    '"\\x"',
    '{"a" 1}',
    'tru',
    '[1 2]',
    '{} x',
    '',
    '-',
    '"a',
  ])('%j', (text) => {
    let valid = true;
    try {
      JSON.parse(text);
    } catch {
      valid = false;
    }
    expect(errorOffset(text) === -1).toBe(valid);
  });
});
