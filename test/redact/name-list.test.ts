import { describe, expect, it } from 'vitest';
import { isCommonWord, isEverydayForm, isToolWord, nameList, namedLikePeoplePattern } from '../../src/redact/name-list.js';

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

  it('leaves out holidays and words of borrowed phrases the list holds', () => {
    const names = nameList(() => true);
    for (const word of ['christmas', 'diwali', 'diem', 'sous']) {
      expect(isToolWord(word), word).toBe(true);
      expect(names.has(word), word).toBe(false);
    }
  });

  it('knows the everyday words of feedback and their forms, in any case', () => {
    expect(isCommonWord('answer')).toBe(true);
    expect(isCommonWord('Answers')).toBe(false);
    for (const word of ['Answers', 'Interviewed', "answer's", 'managing']) expect(isEverydayForm(word), word).toBe(true);
    expect(isEverydayForm('Oluwaseun')).toBe(false);
  });

  it('finds employers named like people, and any two names joined by "&", but not after a title', () => {
    const found = (text: string) => [...text.matchAll(namedLikePeoplePattern())].map((m) => m[0]);
    expect(found('Grant Thornton and John Lewis both said no.')).toEqual(['Grant Thornton', 'John Lewis']);
    expect(found('Your interview at Smith & Jones went well.')).toEqual(['Smith & Jones']);
    expect(found('Ms Jacobs interviewed you; Jacobs hires.')).toEqual(['Jacobs']);
  });
});
