import { describe, expect, it } from 'vitest';
import { joinNameSpellings, nameSpellingNotes } from '../../src/ingest/name-spellings.js';
import type { FeedbackItem } from '../../src/types.js';

const row = (candidate: string, source = 'a.csv'): FeedbackItem => ({
  id: `${source}:${candidate}`,
  candidate,
  cohort: null,
  stage: null,
  employer: null,
  role: null,
  date: null,
  text: 'Too vague.',
  source,
  line: 2,
});

describe('joinNameSpellings', () => {
  it('reads "SMITH, John" as the "John Smith" of another row, and keeps an initial apart', () => {
    const items = ['SMITH, John', 'J. Smith', 'John  Smith', 'Smith, Jane', 'Patel, Priya', 'Patel, Priya'].map((name) => row(name));
    const counts = joinNameSpellings(items, new Set(['a.csv']));
    expect(items.map((item) => item.candidate)).toEqual([
      'John  Smith',
      'J. Smith',
      'John  Smith',
      'Smith, Jane',
      'Patel, Priya',
      'Patel, Priya',
    ]);
    expect(counts).toEqual({ joined: 1, apart: 1 });
    const notes = nameSpellingNotes(counts).join(' ');
    expect(notes).toMatch(/^1 student name written "Surname, Forename".*counted as one student/);
    expect(notes).toMatch(/1 student name is an initial and a surname .* kept apart/);
    expect(notes).not.toMatch(/Smith|John|Patel/);
  });

  it('joins across files of names, but leaves files keyed by ids alone', () => {
    const items = [row('Doe, Jane', 'a.csv'), row('Jane Doe', 'b.csv'), row('Doe, Jane', 'ids.csv')];
    expect(joinNameSpellings(items, new Set(['a.csv', 'b.csv']))).toEqual({ joined: 1, apart: 0 });
    expect(items.map((item) => item.candidate)).toEqual(['Jane Doe', 'Jane Doe', 'Doe, Jane']);
  });

  it('changes nothing, and says nothing, when every student is written one way', () => {
    const items = [row('Doe, Jane'), row('Doe, Jane'), row('Roe, Richard')];
    const counts = joinNameSpellings(items, new Set(['a.csv']));
    expect(items.map((item) => item.candidate)).toEqual(['Doe, Jane', 'Doe, Jane', 'Roe, Richard']);
    expect(nameSpellingNotes(counts)).toEqual([]);
  });
});
