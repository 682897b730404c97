import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse/index.js';
import type { CandidateDigest } from '../../src/analyse/model.js';
import type { ClassifiedItem } from '../../src/types.js';
import { TAXONOMY, classifiedItem } from '../fixtures/analyse/build.js';
import { handMadeCandidates } from '../fixtures/analyse/candidates.js';
import { lexicalAnalysisInput } from '../helpers/analysis-input.js';
import { referenceOf } from '../helpers/references.js';
import { referenceCode } from '../../src/analyse/references.js';

const GENERATED_AT = '2026-06-01T09:00:00.000Z';
/** The analysis of `classified`, with candidate pages. */
const withPages = (classified: ClassifiedItem[]) => analyse(lexicalAnalysisInput(classified, { generatedAt: GENERATED_AT, digests: true }));
const model = withPages(handMadeCandidates());
/** The hand-made students, strongest recurrence first. */
const STUDENT = ['', 'ADA-01', 'BEN-02', 'DEV-04', 'CARA-03'];
const ref = (n: number) => referenceOf(STUDENT[n]);
const digest = (pseudonym: string): CandidateDigest => model.digests!.find((page) => page.pseudonym === pseudonym)!;

describe('candidate digests', () => {
  it('makes one page per candidate with two or more rejections, named by the reference’s code', () => {
    expect(model.digests!.map((page) => [page.pseudonym, page.file, page.items])).toEqual(
      [4, 3, 2, 2].map((items, i) => [ref(i + 1), `candidates/candidate-${referenceCode(ref(i + 1))}.html`, items]),
    );
  });

  it('holds that candidate’s items and nobody else’s', () => {
    const owner = new Map(handMadeCandidates().map((entry) => [entry.item.id, entry.item.candidate]));
    const expected = Object.fromEntries(STUDENT.slice(1).map((id) => [referenceOf(id), id])) as Record<string, string>;
    for (const page of model.digests!) {
      const ids = page.entries.map((entry) => entry.itemId);
      expect(new Set(ids.map((id) => owner.get(id))), page.pseudonym).toEqual(new Set([expected[page.pseudonym]]));
      expect(ids.length).toBe([...owner.values()].filter((candidate) => candidate === expected[page.pseudonym]).length);
    }
  });

  it('puts the timeline in date order, undated items last', () => {
    expect(digest(ref(2)).entries.map((entry) => [entry.itemId, entry.date])).toEqual([
      ['b1', '2026-01-20'],
      ['b3', '2026-03-02'],
      ['b2', null],
    ]);
  });

  it('marks the evidence of every theme in the student’s own words, text intact', () => {
    const [first] = digest(ref(1)).entries;
    const text = handMadeCandidates()[0].item.text;
    expect(first.parts.map((part) => part.text).join('')).toBe(text);
    expect(first.parts.filter((part) => part.mark === 'cue').map((part) => part.text)).toEqual([
      'robotic',
      'over-rehearsed',
      'specific examples',
    ]);
    expect(first.parts.some((part) => part.mark === 'none')).toBe(true); // the space between the two sentences
  });

  it('diagnoses losing at interview, with the reason that repeats there and mock interviews', () => {
    expect(digest(ref(1)).diagnosis).toEqual([
      'You reached interview or assessment in all 4 of your applications and were turned down there. 3 of those mention the same thing: Delivery.',
      expect.stringMatching(/^Getting that far means your applications work on paper.*mock interview/),
    ]);
  });

  it('points at the reason that repeats across stages, not interview technique, when none repeats at interview', () => {
    const gia = [
      classifiedItem({ id: 'gia-1', candidate: 'QA-GIA-77', themes: ['assessment'], stage: 'Online tests', date: '2026-02-03', line: 70 }),
      classifiedItem({ id: 'gia-2', candidate: 'QA-GIA-77', themes: ['examples'], stage: 'First interview', date: '2026-03-14', line: 71 }),
      classifiedItem({
        id: 'gia-3',
        candidate: 'QA-GIA-77',
        themes: ['assessment'],
        stage: 'Assessment centre',
        date: '2026-04-22',
        line: 72,
      }),
    ];
    const withGia = withPages([...handMadeCandidates(), ...gia]);
    const page = withGia.digests!.find((candidate) => candidate.pseudonym === referenceOf('QA-GIA-77'))!;
    expect(page.diagnosis[0]).toMatch(/^You reached interview or assessment in 2 of your 3 applications/);
    expect(page.diagnosis[1]).not.toMatch(/interview technique|mock interview/);
    expect(page.diagnosis[1]).toBe(
      'No one reason repeats at that stage, but one keeps coming back across your rejections: that one, below, is what to work on.',
    );
  });

  it('lets a reason that repeats at interview and that interview practice does not answer guide, not mock interviews', () => {
    const digestOf = (rows: Array<[string, string]>) =>
      withPages(rows.map(([stage, theme], i) => classifiedItem({ id: `r${i}`, candidate: 'R', stage, themes: [theme], line: i + 2 })))
        .digests![0]!;
    for (const theme of ['experience', 'assessment', 'qualifications']) {
      const page = digestOf([
        ['First interview', theme],
        ['Assessment centre', theme],
      ]);
      expect(page.diagnosis[0], theme).toMatch(/Both mention the same thing/);
      expect(page.diagnosis[1], theme).toBe('That is not something interview practice fixes: the reason, below, is what to work on.');
    }
    // How answers came across is what mock interviews are for.
    expect(
      digestOf([
        ['First interview', 'delivery'],
        ['Final interview', 'delivery'],
      ]).diagnosis[1],
    ).toMatch(/mock interview/);
  });

  it('asks the taxonomy which reasons interview practice answers, whatever its theme ids', () => {
    // An institution's own taxonomy: "communication" is how answers came across, "background" is
    // experience, and "fit" does not say.
    const renamed: Record<string, string> = { delivery: 'communication', experience: 'background', culture_fit: 'fit' };
    const taxonomy = {
      source: 'ours.yaml',
      themes: TAXONOMY.themes.map((theme) => {
        const { interviewPractice, ...rest } = theme;
        const id = renamed[theme.id] ?? theme.id;
        return id === 'fit' ? { ...rest, id } : { ...rest, id, interviewPractice };
      }),
    };
    const adviceFor = (theme: string) => {
      const rows = [
        classifiedItem({ id: 'r1', candidate: 'R', stage: 'First interview', themes: [theme], line: 2 }),
        classifiedItem({ id: 'r2', candidate: 'R', stage: 'Final interview', themes: [theme], line: 3 }),
      ];
      return analyse({ ...lexicalAnalysisInput(rows, { generatedAt: GENERATED_AT, digests: true }), taxonomy }).digests![0]!.diagnosis[1];
    };
    expect(adviceFor('communication')).toMatch(/mock interview/);
    expect(adviceFor('background')).toBe('That is not something interview practice fixes: the reason, below, is what to work on.');
    expect(adviceFor('fit')).toBe('That reason, below, is what to work on.');
  });

  it('diagnoses not getting shortlisted, pointing at the CV against the job description', () => {
    expect(digest(ref(2)).diagnosis).toEqual([
      'You were not shortlisted in all 3 of your applications. All of those mention the same thing: Application (CV, cover letter).',
      expect.stringMatching(/CV and cover letter against the job description/),
    ]);
  });

  it('says plainly when the reasons lay outside the student’s control, and does not send them to practise', () => {
    const dev = digest(ref(3));
    expect(dev.diagnosis[0]).toBe(
      'You reached interview or assessment in both of your applications and were turned down there. Both came down to Strong competition, which was outside your control.',
    );
    expect(dev.diagnosis.join(' ')).not.toMatch(/mock interview|practise/i);
    expect(dev.outsideControl).toBe(
      'Every one of your 2 rejections came down to something outside your control: Strong competition (2). Nothing in this feedback points to something you did wrong.',
    );
  });

  it('suggests phoning for feedback where none was given', () => {
    const cara = digest(ref(4));
    expect(cara.noReason).toMatch(/^1 of your 2 rejections gave no reason\. It is worth phoning the person who made the decision/);
    expect(cara.diagnosis[0]).toMatch(
      /^Your applications ended both before interview \(1 of 2\) and at interview or assessment \(1 of 2\)/,
    );
    expect(cara.diagnosis[1]).toMatch(/look at both: your CV against the job description, and your interview technique/); // nothing repeats
    expect(digest(ref(1)).noReason).toBeNull();
  });

  it('ends with the advice for repeating themes, or for every reason given when none repeats', () => {
    expect(digest(ref(1))).toMatchObject({ adviceScope: 'repeating' });
    expect(digest(ref(1)).advice.map((advice) => [advice.themeId, advice.items])).toEqual([
      ['delivery', 3],
      ['examples', 2],
    ]);
    expect(digest(ref(1)).advice[0].text).toBe(TAXONOMY.themes.find((theme) => theme.id === 'delivery')!.advice);
    expect(digest(ref(4))).toMatchObject({ adviceScope: 'given' });
    expect(digest(ref(4)).advice.map((advice) => advice.themeId)).toEqual(['competition']);
  });

  it('lets a repeating reason within their reach guide a student whose rejections split across stages', () => {
    const split = withPages([
      classifiedItem({ id: 's1', candidate: 'S', stage: 'CV screening', themes: ['experience'], line: 2 }),
      classifiedItem({ id: 's2', candidate: 'S', stage: 'Application', themes: ['experience'], line: 3 }),
      classifiedItem({ id: 's3', candidate: 'S', stage: 'Final interview', themes: ['experience'], line: 4 }),
      classifiedItem({ id: 's4', candidate: 'S', stage: 'First interview', themes: ['motivation'], line: 5 }),
    ]).digests![0];
    expect(split.diagnosis).toEqual([
      'Your applications ended both before interview (2 of 4) and at interview or assessment (2 of 4).',
      'So the stage alone does not say where to look; the reason that keeps coming back, below, does.',
    ]);
    expect(split.advice.map((advice) => advice.themeId)).toEqual(['experience']);
  });

  it('sends nobody to work on a reason outside their control because it repeats', () => {
    const digestOf = (rows: Array<[string, string]>) =>
      withPages(rows.map(([stage, theme], i) => classifiedItem({ id: `c${i}`, candidate: 'C', stage, themes: [theme], line: i + 2 })))
        .digests![0]!;
    // Turned down at interview for three different reasons; the strong field came back once there and once before.
    const atInterview = digestOf([
      ['First interview', 'competition'],
      ['Final interview', 'delivery'],
      ['Assessment centre', 'examples'],
      ['CV screening', 'competition'],
    ]);
    expect(atInterview.diagnosis[1]).toMatch(/mock interview/);
    expect(atInterview.diagnosis.join(' ')).not.toMatch(/is what to work on/);
    // Split across the stages, with only the strong field repeating.
    const split = digestOf([
      ['CV screening', 'competition'],
      ['Application', 'application'],
      ['Final interview', 'competition'],
      ['First interview', 'motivation'],
    ]);
    expect(split.diagnosis[1]).toBe(
      'So look at both: your CV against the job description, and your interview technique in a mock interview.',
    );
  });

  it('does not tell a student to keep applying as they are when a reason within their reach repeats beside a strong field', () => {
    const digestOf = (rows: Array<[string, string[]]>) =>
      withPages(rows.map(([stage, themes], i) => classifiedItem({ id: `k${i}`, candidate: 'K', stage, themes, line: i + 2 }))).digests![0]!;
    // Turned down at interview five times: three a strong field, two their experience (three in
    // all, the first advice on the page) and two their qualifications.
    const atInterview = digestOf([
      ['First interview', ['qualifications']],
      ['First interview', ['experience', 'competition']],
      ['Final interview', ['experience', 'competition']],
      ['Assessment centre', ['competition']],
      ['Final interview', ['qualifications']],
      ['CV screening', ['experience']],
    ]);
    expect(atInterview.advice[0]!.themeId).toBe('experience');
    expect(atInterview.diagnosis).toEqual([
      'You reached interview or assessment in 5 of your 6 applications and were turned down there. 3 of those came down to Strong competition, which was outside your control. But 2 of those also mention Experience, which is within your reach.',
      'That is not something interview practice fixes: the reason, below, is what to work on.',
    ]);
    // The reason within reach repeats only across the stages.
    const across = digestOf([
      ['First interview', ['competition']],
      ['Final interview', ['competition']],
      ['Assessment centre', ['experience']],
      ['CV screening', ['experience']],
    ]);
    expect(across.diagnosis[1]).toBe(
      'That says more about the field than about you. One reason within your reach does keep coming back across your rejections: that one, below, is what to work on.',
    );
    expect(across.advice.map((advice) => advice.themeId)).toEqual(['experience', 'competition']);
    // Not shortlisted: a strong field three times, and their experience twice.
    const before = digestOf([
      ['CV screening', ['experience', 'competition']],
      ['Application', ['experience', 'competition']],
      ['Application', ['competition']],
    ]);
    expect(before.diagnosis[0]).toBe(
      'You were not shortlisted in all 3 of your applications. All of those came down to Strong competition, which was outside your control. But 2 of those also mention Experience, which is within your reach.',
    );
    expect(before.diagnosis[1]).toBe('That reason, below, is what to work on.');
    expect(before.diagnosis.join(' ')).not.toMatch(/keep applying|more about the field/);
  });

  it('before interview, sends to the CV or the tests only for those reasons, or when none repeats', () => {
    const digestOf = (rows: Array<[string, string]>) =>
      withPages(rows.map(([stage, theme], i) => classifiedItem({ id: `b${i}`, candidate: 'B', stage, themes: [theme], line: i + 2 })))
        .digests![0]!.diagnosis[1];
    // Half at the application, half at the tests, and the tests the reason: practise them.
    expect(
      digestOf([
        ['Application', 'application'],
        ['CV screening', 'experience'],
        ['Online tests', 'assessment'],
        ['Online tests', 'assessment'],
      ]),
    ).toMatch(/^Practise the test formats/);
    // Too little experience, a missing qualification, interest not shown: that reason, not CV keywords.
    for (const theme of ['experience', 'qualifications', 'motivation'])
      expect(
        digestOf([
          ['Application', theme],
          ['CV screening', theme],
        ]),
        theme,
      ).toBe('That reason, below, is what to work on.');
    expect(
      digestOf([
        ['Application', 'application'],
        ['CV screening', 'application'],
      ]),
    ).toMatch(/^Look at your CV and cover letter against the job description/);
  });

  it('is not built unless asked for', () => {
    const without = analyse(lexicalAnalysisInput(handMadeCandidates(), { generatedAt: GENERATED_AT }));
    expect(without.digests).toBeNull();
  });
});
