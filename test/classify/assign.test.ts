// The rules of reading as the assignment stage applies them: a silence note carries only
// `uninformative`, conduct that is the employer's is ruled out, a comparison is `competition` and its
// subject is scored as a unit of its own.

import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/classify/classifier.js';
import type { AppliedHead } from '../../src/classify/head/bind.js';
import { featureNames } from '../../src/classify/head/features.js';
import type { Thresholds } from '../../src/types.js';
import { fakeEmbedder, taxonomyOf, theme } from '../fixtures/classify/fake-embedder.js';

// Axes: 0 = experience, 1 = conduct, 2 = competition, 3 = no reason.
const exemplars = {
  'exp one': [1, 0, 0, 0],
  'conduct one': [0, 1, 0, 0],
  'competition one': [0, 0, 1, 0],
  'no reason one': [0, 0, 0, 1],
};
const taxonomy = taxonomyOf(
  theme('experience', ['exp one']),
  theme('conduct', ['conduct one']),
  theme('competition', ['competition one']),
  theme('uninformative', ['no reason one']),
);
const thresholds: Thresholds = { engine: 'lexical', model: null, floor: 0.5, margin: 0.1, perTheme: {}, source: 'test' };

async function themesOf(table: Record<string, number[]>, text: string): Promise<string[]> {
  const classifier = await createClassifier(taxonomy, fakeEmbedder({ ...exemplars, ...table }), {
    topK: 3,
    centroidWeight: 0,
    clauses: false,
  });
  const [assigned] = classifier.assign(await classifier.score([{ id: 'a', text }]), thresholds);
  return assigned!.themes.map((t) => t.themeId).sort();
}

describe('assignment with the rules of reading', () => {
  it('gives a candidate’s note of an employer’s silence `uninformative`, never conduct', async () => {
    const text = 'I never heard back after the interview even though I emailed twice.';
    expect(await themesOf({ [text]: [0, 1, 0, 0.1] }, text)).toEqual(['uninformative']);
  });

  it('rules out conduct when the employer is the one acting', async () => {
    const text = 'The interviewer was late and spent the time on his phone.';
    expect(await themesOf({ [text]: [0, 1, 0, 0] }, text)).toEqual([]);
    const own = 'You were late and spent the time on your phone.';
    expect(await themesOf({ [own]: [0, 1, 0, 0] }, own)).toEqual(['conduct']);
  });

  it('gives a comparison competition and the theme of its subject', async () => {
    const text = 'Other applicants had more hands-on experience in a client-facing setting.';
    const subject = 'had more hands-on experience in a client-facing setting.';
    // The whole sentence reads as neither; its subject reads as experience.
    expect(await themesOf({ [text]: [0.1, 0, 0.1, 1], [subject]: [1, 0, 0, 0] }, text)).toEqual(['competition', 'experience']);
  });
});

describe('assignment by a head that does not know every theme', () => {
  // A head whose probabilities do not depend on the text (no weights; the Platt offset sets them),
  // fitted without `conduct`: that theme is left to the similarity thresholds.
  const width = featureNames(false).length;
  const model = (id: string, p: number) => ({
    id,
    weights: new Array<number>(width).fill(0),
    bias: 0,
    platt: { a: 1, b: Math.log(p / (1 - p)) },
  });
  const head: AppliedHead = {
    themeIds: taxonomy.themes.map((t) => t.id),
    models: [model('experience', 0.9), null, model('competition', 0.1), model('uninformative', 0.2)],
    probe: null,
    neighbours: null,
    standardise: { mean: new Array<number>(width).fill(0), sd: new Array<number>(width).fill(1) },
    margin: thresholds.margin,
    assignAt: 0.5,
    confidentAt: 0.8,
    noReason: null,
  };
  async function assigned(table: Record<string, number[]>, text: string) {
    const classifier = await createClassifier(taxonomy, fakeEmbedder({ ...exemplars, ...table }), {
      topK: 3,
      centroidWeight: 0,
      clauses: false,
      head,
    });
    return classifier.assign(await classifier.score([{ id: 'a', text }]), thresholds)[0]!.themes;
  }

  it('gives the unknown theme exactly when it passes its threshold, with no confidence, and the known ones by the head', async () => {
    const own = 'You were late and spent the time on your phone.';
    const themes = await assigned({ [own]: [0.3, 1, 0, 0] }, own);
    expect(themes.map((t) => [t.themeId, t.confidence, t.tentative])).toEqual([
      ['conduct', undefined, undefined],
      ['experience', 0.9, undefined],
    ]);
    const other = 'You needed more years in the role.';
    expect((await assigned({ [other]: [1, 0.3, 0, 0] }, other)).map((t) => t.themeId)).toEqual(['experience']);
  });

  it('gives feedback that is all praise, or a note of silence, no reason for sure: the rules of reading allow nothing else', async () => {
    // The head's own no-reason probability (0.2) is under its confident cut (0.8): on its own it would read "possibly".
    const praise = 'It was lovely to meet you and the panel enjoyed your energy.';
    const silence = 'I never heard back after the interview even though I emailed twice.';
    for (const text of [praise, silence]) {
      const themes = await assigned({ [text]: [0.2, 0.1, 0.1, 0.3] }, text);
      expect(
        themes.map((t) => [t.themeId, t.confidence, t.tentative]),
        text,
      ).toEqual([['uninformative', 0.2, undefined]]);
    }
  });
});
