import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseDelimiterOption, scoreDelimiters } from '../../src/ingest/delimiter.js';
import { fixture } from './helpers.js';

describe('detectDelimiter', () => {
  it('reads a semicolon file whose text is full of commas as ";"', () => {
    const sample = readFileSync(fixture('semicolon.csv'), 'utf8');
    expect(detectDelimiter(sample, true)).toBe(';');
    const comma = scoreDelimiters(sample, true).find((s) => s.delimiter === ',')!;
    expect(comma.consistency).toBeLessThan(1);
  });

  it('detects tab and pipe', () => {
    expect(detectDelimiter(readFileSync(fixture('tab.tsv'), 'utf8'), true)).toBe('\t');
    expect(detectDelimiter(readFileSync(fixture('pipe.txt'), 'utf8'), true)).toBe('|');
  });

  it('respects quotes: delimiters inside quoted fields do not count', () => {
    const sample = 'a,b\n1,"x;y;z"\n2,"p;q"\n3,"r;s;t;u"\n';
    expect(detectDelimiter(sample, true)).toBe(',');
  });

  it('ignores a record cut off at the end of a partial sample', () => {
    const sample = 'a;b;c\n1;2;3\n4;5;6\n7;"cut, off, here, with, commas';
    expect(detectDelimiter(sample, false)).toBe(';');
  });

  it('tolerates a trailing delimiter on data rows only', () => {
    expect(detectDelimiter('a,b,c\n1,2,3,\n4,5,6,\n', true)).toBe(',');
  });

  it('falls back to "," for a single column', () => {
    expect(detectDelimiter('feedback\nToo quiet\nNo examples\n', true)).toBe(',');
  });
});

describe('parseDelimiterOption', () => {
  it('accepts characters and names', () => {
    expect(parseDelimiterOption('\\t')).toBe('\t');
    expect(parseDelimiterOption('tab')).toBe('\t');
    expect(parseDelimiterOption('\t')).toBe('\t');
    expect(parseDelimiterOption('Semicolon')).toBe(';');
    expect(parseDelimiterOption('comma')).toBe(',');
    expect(parseDelimiterOption('pipe')).toBe('|');
  });

  it('rejects anything else with a usage error', () => {
    expect(() => parseDelimiterOption('colon-ish')).toThrow(/unknown delimiter "colon-ish"/);
    expect(() => parseDelimiterOption('"')).toThrow(/--delimiter/);
    for (const other of ['^', ':', 'x', ' ', ',;']) expect(() => parseDelimiterOption(other)).toThrow(/Use one of , ; tab \|/);
  });
});
