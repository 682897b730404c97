import { describe, expect, it } from 'vitest';
import { NO_REASON_SUGGESTION, shortAdvice } from '../../src/analyse/followup.js';
import { analyse } from '../../src/analyse/index.js';
import { TAXONOMY } from '../fixtures/analyse/build.js';
import { handMadeCandidates } from '../fixtures/analyse/candidates.js';

function model(digests = true, showIds = false) {
  return analyse({
    classified: handMadeCandidates(),
    taxonomy: TAXONOMY,
    engine: { name: 'lexical', model: null, fallbackReason: null },
    inputs: { files: [], rejects: [], dataRows: 15 },
    thresholdsSource: 'default',
    previous: null,
    options: { minGroup: 5, showIds, generatedAt: '2026-06-01T09:00:00.000Z', digests },
  });
}

const advice = (id: string) => TAXONOMY.themes.find((theme) => theme.id === id)!.advice;

describe('follow-up rows', () => {
  it('lists each repeating theme and each candidate who heard no reason, most repeated first', () => {
    const rows = model().followUp;
    expect(rows.map((row) => [row.candidate, row.pseudonym, row.themeId, row.kind, row.rejections, row.of])).toEqual([
      ['ADA-01', 'Candidate 1', 'delivery', 'repeat', 3, 4],
      ['BEN-02', 'Candidate 2', 'application', 'repeat', 3, 3],
      ['ADA-01', 'Candidate 1', 'examples', 'repeat', 2, 4],
      ['DEV-04', 'Candidate 3', 'competition', 'repeat', 2, 2],
      ['CARA-03', 'Candidate 4', 'uninformative', 'no-reason', 1, 2],
      ['FAY-06', 'Candidate 6', 'uninformative', 'no-reason', 1, 1],
    ]);
  });

  it('uses exactly the pseudonyms the report shows for the same candidates and counts', () => {
    const analysed = model();
    for (const repeater of analysed.recurrence) {
      const rows = analysed.followUp.filter((row) => row.pseudonym === repeater.candidate && row.kind === 'repeat');
      expect(rows.map((row) => [row.themeId, row.rejections, row.of])).toEqual(
        repeater.themes.map((theme) => [theme.id, theme.items, repeater.items]),
      );
    }
    // Quotes name candidates the same way: Dev's and Cara's competition items (the same words,
    // so quoted once).
    const quoted = analysed.quotes.competition.map((quote) => quote.candidate);
    expect(quoted).toHaveLength(1);
    expect(['Candidate 3', 'Candidate 4']).toContain(quoted[0]);
  });

  it('gives dates, stages and employers of the items with that theme only', () => {
    const [delivery] = model().followUp;
    expect(delivery).toMatchObject({
      firstDate: '2026-01-10',
      lastDate: '2026-03-12',
      stages: ['Telephone interview', 'First interview'],
      employers: ['Northwind', 'Contoso'],
    });
    const ben = model().followUp.find((row) => row.candidate === 'BEN-02')!;
    expect(ben).toMatchObject({
      firstDate: '2026-01-20',
      lastDate: '2026-03-02',
      stages: ['CV screening', 'Online application'],
      employers: ['Tailspin', 'Litware'],
    });
  });

  it('suggests the theme’s advice, short, and a phone call where no reason was given', () => {
    const rows = model().followUp;
    expect(rows[0].suggestion).toBe(shortAdvice(advice('delivery')));
    expect(rows.filter((row) => row.kind === 'no-reason').map((row) => row.suggestion)).toEqual([
      NO_REASON_SUGGESTION,
      NO_REASON_SUGGESTION,
    ]);
    expect(NO_REASON_SUGGESTION).toMatch(/phone/);
  });

  it('links the candidate page only when pages are written and the candidate has two or more rejections', () => {
    const withPages = model(true).followUp;
    expect(withPages.map((row) => row.digest)).toEqual([
      'candidates/candidate-1.html',
      'candidates/candidate-2.html',
      'candidates/candidate-1.html',
      'candidates/candidate-3.html',
      'candidates/candidate-4.html',
      null,
    ]);
    expect(model(false).followUp.every((row) => row.digest === null)).toBe(true);
  });

  it('names the page after the pseudonym’s number even when ids are shown', () => {
    const shown = model(true, true);
    expect(shown.followUp[0]).toMatchObject({ candidate: 'ADA-01', pseudonym: 'ADA-01', digest: 'candidates/candidate-1.html' });
    expect(shown.digests!.map((digest) => digest.file).join(' ')).not.toMatch(/ADA|BEN|CARA|DEV/);
  });

  it('leaves out items with no candidate: nobody to follow up', () => {
    expect(model().followUp.every((row) => row.candidate !== '' && row.candidate !== null)).toBe(true);
    expect(
      model()
        .followUp.filter((row) => row.themeId === 'delivery')
        .map((row) => row.candidate),
    ).toEqual(['ADA-01']);
  });
});

describe('shortAdvice', () => {
  it('takes the first sentence', () => {
    expect(shortAdvice('Practise out loud. Then record yourself.')).toBe('Practise out loud.');
    expect(shortAdvice('Use the STAR structure: situation, task, action, result. Say "I".')).toBe(
      'Use the STAR structure: situation, task, action, result.',
    );
  });

  it('cuts a very long first sentence at a word', () => {
    const long = `${'word '.repeat(80)}end.`;
    const short = shortAdvice(long);
    expect(short.length).toBeLessThanOrEqual(221);
    expect(short).toMatch(/word…$/);
  });
});
