import { describe, expect, it } from 'vitest';
import { emptyTable, own } from '../src/own.js';

describe('own', () => {
  it('finds only keys the table holds, never Object.prototype members', () => {
    const table: Record<string, number> = { jan: 1 };
    expect(own(table, 'jan')).toBe(1);
    for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(own(table, word)).toBeUndefined();
    }
  });

  it('gives a table where __proto__ is an ordinary key', () => {
    const table = emptyTable<number>();
    const key = '__proto__';
    table[key] = 3;
    expect(own(table, '__proto__')).toBe(3);
    expect(Object.keys(table)).toEqual(['__proto__']);
  });
});
