import { describe, expect, it } from 'vitest';
import { JsonLimitError, parseBoundedJson } from '../../src/io/json.js';

describe('parseBoundedJson', () => {
  it('parses JSON up to the depth, brackets inside strings not counted', () => {
    expect(parseBoundedJson('{"a": [[1]], "b": "[[[[[[{{{{"}', 3)).toEqual({ a: [[1]], b: '[[[[[[{{{{' });
    expect(parseBoundedJson('{"a": "\\"[[[["}', 1)).toEqual({ a: '"[[[[' });
  });

  it('refuses deeper nesting without recursing into it, and invalid JSON, with a one-line reason', () => {
    expect(() => parseBoundedJson(`${'['.repeat(4)}${']'.repeat(4)}`, 3)).toThrow(/nests more than 3 levels deep/);
    expect(() => parseBoundedJson(`${'['.repeat(500_000)}`)).toThrow(JsonLimitError);
    expect(() => parseBoundedJson('{"a": ')).toThrow(/not valid JSON/);
  });
});
