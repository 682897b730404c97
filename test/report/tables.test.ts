import { describe, expect, it } from 'vitest';
import { table, themeCells } from '../../src/report/tables.js';

describe('data tables', () => {
  it('says "suppressed" once across the theme columns of a suppressed group, never once per theme', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const shown = themeCells({ a: 3, b: 0, c: 1, d: 2 }, ids, String, 5);
    const hidden = themeCells(null, ids, String, 5);
    expect(shown).toEqual(['3', '0', '1', '2']);
    const page = table(
      'By phase',
      ['Phase', 'Items', ...ids],
      [
        ['Interview', '12', ...shown],
        ['Online tests', '3', ...hidden],
      ],
    ).toString();
    const rows = page.match(/<tr>.*?<\/tr>/g)!;
    expect(rows[2]).toBe(
      '<tr><th scope="row">Online tests</th><td>3</td><td colspan="4" class="suppressed-cell">suppressed: fewer than 5 candidates</td></tr>',
    );
    expect(page.match(/suppressed/g)).toHaveLength(2); // the class and the words, once
  });
});
