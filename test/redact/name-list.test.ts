import { describe, expect, it } from 'vitest';
import { isToolWord, nameList, namedLikePeoplePattern } from '../../src/redact/name-list.js';

describe('the list of names and the names that are not people', () => {
  it('reads the broad list of names in lowercase, through the filter it is given', () => {
    const names = nameList((lower) => lower !== 'leeds');
    for (const name of ['oluwaseun', 'agnieszka', 'tomasz', 'lakshmi', 'chidinma']) expect(names.has(name), name).toBe(true);
    expect(names.has('leeds')).toBe(false);
    expect(names.size).toBeGreaterThan(100_000);
  });

  it('leaves out software and skills the list holds', () => {
    expect(isToolWord('jira')).toBe(true);
    expect(isToolWord('tableau')).toBe(true);
    expect(isToolWord('julia')).toBe(false);
    expect(nameList(() => true).has('jira')).toBe(false);
  });

  it('finds employers named like people, and any two names joined by "&", but not after a title', () => {
    const found = (text: string) => [...text.matchAll(namedLikePeoplePattern())].map((m) => m[0]);
    expect(found('Grant Thornton and John Lewis both said no.')).toEqual(['Grant Thornton', 'John Lewis']);
    expect(found('Your interview at Smith & Jones went well.')).toEqual(['Smith & Jones']);
    expect(found('Ms Jacobs interviewed you; Jacobs hires.')).toEqual(['Jacobs']);
  });
});
