import { describe, expect, it } from 'vitest';
import { subReasonAdvice } from '../../src/analyse/sub-reasons.js';

/** The advice's opening words, enough to tell the sub-reasons apart. */
const opening = (themeId: string, texts: string[]) => subReasonAdvice(themeId, texts)?.split(' ').slice(0, 4).join(' ') ?? null;

describe('advice matched to the shortfall the feedback names', () => {
  it('tells the kinds of assessment apart', () => {
    expect(opening('assessment', ['Your numerical reasoning score was below our cut-off.', 'Failed the numeracy test.'])).toBe(
      'Practise timed numerical reasoning',
    );
    expect(opening('assessment', ['You did not pass the verbal reasoning test.'])).toBe('Practise timed verbal reasoning');
    expect(opening('assessment', ['Your situational judgement test score was low.', 'SJT below the bar.'])).toBe(
      'Read the employer’s values',
    );
    expect(opening('assessment', ['The case study lacked a clear recommendation.'])).toBe('Practise case studies against');
    expect(opening('assessment', ['You did not complete the coding challenge in time.', 'The technical test showed gaps in SQL.'])).toBe(
      'Find out what the',
    );
    expect(
      opening('assessment', ['Coding interview: could not finish the algorithm problem in time.', 'Did not complete the coding exercise.']),
    ).toBe('Find out what the');
    expect(opening('assessment', ['Struggled with the algorithmic questions.'])).toBe('Find out what the');
    expect(opening('assessment', ['Your psychometric results were below the benchmark.'])).toBe('Practise timed aptitude tests');
    expect(opening('assessment', ['Your presentation overran.'])).toBe('Rehearse the presentation aloud');
  });

  it('tells nerves from rambling in interview delivery', () => {
    expect(opening('delivery', ['You seemed very nervous.', 'Visibly flustered when pressed.'])).toBe('Practise interview technique in');
    expect(opening('delivery', ['Your answers rambled.', 'Long-winded, went off on tangents.'])).toBe('Practise answering in about');
  });

  it('tells experience of the sector from experience at the level', () => {
    expect(opening('experience', ['We chose someone with more sector experience.', 'They had experience in the retail industry.'])).toBe(
      'Get experience in the',
    );
    expect(opening('experience', ['We need someone more senior.', 'You are a bit too junior for this role.'])).toBe('Aim for roles at');
  });

  it('tells a tool the job uses, a grade cut-off and a licence or certificate apart in missing qualifications', () => {
    expect(
      opening('qualifications', [
        'Your technical answers showed gaps in SQL and Python, which are essential for the role.',
        'Excel practical: could not build a pivot or a VLOOKUP (both JD essentials).',
      ]),
    ).toBe('Learn the tool the');
    expect(opening('qualifications', ['Unfortunately your application did not demonstrate the required 2:1 degree classification.'])).toBe(
      'Where a grade is',
    );
    expect(opening('qualifications', ['You don’t yet hold the CIPD Level 5, which we listed as essential.'])).toBe('Find out how to');
    expect(opening('qualifications', ['The role requires a current counterbalance forklift licence.'])).toBe('Find out how to');
    // A subject, not a tool, a grade or a licence: the theme's own advice.
    expect(subReasonAdvice('qualifications', ['The post requires a degree in a biological science; yours is in chemistry.'])).toBeNull();
    // Words that merely contain a tool's name are not it.
    expect(
      subReasonAdvice('qualifications', ['An excellent interview, but you lack the degree we require.', 'Lacked sapience.']),
    ).toBeNull();
  });

  it('gives nothing where no shortfall is clear: named in a minority, or another theme', () => {
    // One of three names numerical tests: not most of them.
    expect(subReasonAdvice('assessment', ['Failed the numerical test.', 'Weak in-tray.', 'The e-tray was incomplete.'])).toBeNull();
    expect(subReasonAdvice('delivery', ['Answers were too short.', 'Little eye contact.'])).toBeNull();
    expect(subReasonAdvice('experience', ['You lacked relevant experience.'])).toBeNull();
    expect(subReasonAdvice('competition', ['More senior candidates applied.'])).toBeNull();
    expect(subReasonAdvice('assessment', [])).toBeNull();
  });

  it('gives the advice for each of several shortfalls that together most of the feedback names', () => {
    const advice = (texts: string[]) =>
      subReasonAdvice('assessment', texts)
        ?.split('. ')
        .map((sentence) => sentence.split(' ').slice(0, 3).join(' '));
    // An assessment centre: the presentation, the group exercise and the case study each fell short.
    expect(
      advice([
        'Your presentation ran over time and the slides were hard to follow.',
        'In the group exercise you did not contribute much and let others dominate.',
        'Your case study analysis missed the key financial issues.',
      ]),
    ).toEqual(['Practise group exercises,', 'Practise case studies', 'Rehearse the presentation']);
    // Two of three name a kind of test, each a different one; the third names none.
    expect(advice(['Failed the numerical test.', 'The group exercise went badly.', 'Weak in-tray.'])).toEqual([
      'Practise timed numerical',
      'Practise group exercises,',
    ]);
  });

  it('tells a group exercise from a case study, and reads a group case study as a group exercise', () => {
    const quiet = [
      'Your group exercise contribution was limited: others led the discussion.',
      'The assessors felt you were quiet in the group task.',
      'In the group exercise you let others do the talking.',
    ];
    expect(opening('assessment', quiet)).toBe('Practise group exercises, in');
    expect(opening('assessment', ['You said little in the group case study.'])).toBe('Practise group exercises, in');
    expect(opening('assessment', ['Your case study lacked a recommendation.'])).toBe('Practise case studies against');
  });

  it('belongs to the built-in ids: a theme of a taxonomy of your own, even on tests, gets its own advice', () => {
    const failedNumerical = ['Failed the numerical test.', 'Numerical reasoning below the bar.'];
    expect(opening('assessment', failedNumerical)).toBe('Practise timed numerical reasoning');
    for (const ownId of ['tests', 'online_tests', 'assessment_centre', 'Assessment'])
      expect(subReasonAdvice(ownId, failedNumerical)).toBeNull();
  });

  it('gives the one named most often when two are named in most texts', () => {
    const texts = ['Nervous and rambling.', 'You rambled.', 'Your answers rambled on.'];
    expect(opening('delivery', texts)).toBe('Practise answering in about');
    // On a tie, the more specific (listed first) wins: numerical over aptitude in general.
    expect(opening('assessment', ['Numerical reasoning below the bar.'])).toBe('Practise timed numerical reasoning');
  });
});
