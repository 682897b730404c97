import { describe, expect, it } from 'vitest';
import { themeListReader, unknownThemeIds } from '../../src/classify/theme-list.js';

describe('a cell of theme ids', () => {
  const read = themeListReader(['delivery', 'logistics', 'examples']);

  it('matches ids in any case and with spaces around them, given back as the taxonomy spells them, each once', () => {
    expect(read(' Delivery | LOGISTICS;examples,\u00a0delivery ')).toEqual({ themes: ['delivery', 'logistics', 'examples'], unknown: [] });
    expect(read('')).toEqual({ themes: [], unknown: [] });
  });

  it('returns what still names no theme apart, as typed', () => {
    expect(read('Delivery|Deliveryy| nerves ')).toEqual({ themes: ['delivery'], unknown: ['Deliveryy', 'nerves'] });
    expect(unknownThemeIds('items.csv:4', ['Deliveryy'])).toBe('items.csv:4: unknown theme id "Deliveryy"');
    expect(unknownThemeIds('items.csv:4', ['a', 'b'])).toBe('items.csv:4: unknown theme ids "a", "b"');
  });
});
