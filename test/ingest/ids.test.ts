import { describe, expect, it } from 'vitest';
import { IdRegistry } from '../../src/ingest/ids.js';

describe('IdRegistry', () => {
  it('suffixes ids repeated in a file, in order, and notes it', () => {
    const file = new IdRegistry().forFile('dir/a.csv');
    expect([file.assign('R1', 2), file.assign('R1', 3), file.assign('R2', 4), file.assign('R1', 5)]).toEqual(['R1', 'R1#2', 'R2', 'R1#3']);
    expect(file.notes()).toEqual(['2 repeated ids made unique (e.g. R1 → R1#2)']);
  });

  it('uses <basename>:<line> without an id, and prefixes ids used by an earlier file', () => {
    const ids = new IdRegistry();
    const a = ids.forFile('x/a.csv');
    const b = ids.forFile('y/b.csv');
    expect(a.assign(null, 7)).toBe('a.csv:7');
    expect(a.assign('R1', 8)).toBe('R1');
    expect(b.assign('R1', 2)).toBe('b.csv:R1');
    expect(b.notes()[0]).toMatch(/prefixed with "b.csv:"/);
  });

  it('keeps ids unique when two files share a name', () => {
    const ids = new IdRegistry();
    expect(ids.forFile('x/a.csv').assign(null, 2)).toBe('a.csv:2');
    expect(ids.forFile('y/a.csv').assign(null, 2)).toBe('a.csv:2#2');
  });
});
