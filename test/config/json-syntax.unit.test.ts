import { describe, expect, it } from 'vitest';
import { locateJsonSyntaxError } from '../../src/text/json-syntax-error.js';

describe('locateJsonSyntaxError', () => {
  it.each([
    ['{"a": 1}', undefined],
    ['  [1, "two", {"x": null}, true, -1.5e3]  ', undefined],
    ['', { line: 1, column: 1, problem: 'unexpected end of file' }],
    ['{"a": 1,\n "b": 2,}', { line: 2, column: 9, problem: 'trailing comma before "}"' }],
    ['{"a": 1\n "b": 2}', { line: 2, column: 2, problem: 'expected "," or "}" after a value (is a comma missing?)' }],
    ["{'a': 1}", { line: 1, column: 2, problem: 'expected a key in double quotes' }],
    ['{"a": \'x\'}', { line: 1, column: 7, problem: 'strings and keys need double quotes, not single quotes' }],
    ['{"a": "unterminated}', { line: 1, column: 7, problem: 'string is not closed with a double quote' }],
    ['{"a": "line\nbreak"}', { line: 1, column: 12, problem: 'line break or control character inside a string (escape it, e.g. \\n)' }],
    ['{"path": "C:\\data"}', { line: 1, column: 13, problem: 'bad escape in a string: a backslash must be written as \\\\' }],
    ['{"a" 1}', { line: 1, column: 6, problem: 'expected ":" after the key' }],
    ['{"a": 01}', { line: 1, column: 8, problem: 'expected "," or "}" after a value (is a comma missing?)' }],
    ['[1, 2,]', { line: 1, column: 7, problem: 'trailing comma before "]"' }],
    ['{} {}', { line: 1, column: 4, problem: 'unexpected text after the end of the JSON value' }],
    ['{"a": tru}', { line: 1, column: 7, problem: 'expected a value (a "string", number, true, false, null, {object} or [array])' }],
    ['{"a": [1, 2}', { line: 1, column: 12, problem: 'expected "," or "]" after a value (is a comma missing?)' }],
  ])('%j', (text, expected) => {
    expect(locateJsonSyntaxError(text)).toEqual(expected);
    // The locator must agree with JSON.parse about validity.
    let parses = true;
    try {
      JSON.parse(text);
    } catch {
      parses = false;
    }
    expect(parses).toBe(expected === undefined);
  });
});
