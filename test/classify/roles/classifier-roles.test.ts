// The clause-role reader inside the classifier: probabilities computed from each unit's vector,
// kept with its scores in the score cache, and applied before themes are assigned.
import { describe, expect, it } from 'vitest';
import { memoryVectorCache } from '../../../src/classify/cache.js';
import { createClassifier } from '../../../src/classify/classifier.js';
import type { RolesFile } from '../../../src/classify/roles/file.js';
import { CLAUSE_ROLES, LEXICAL_SIGNALS } from '../../../src/classify/roles/model.js';
import type { Thresholds } from '../../../src/types.js';
import { fakeEmbedder, taxonomyOf, theme } from '../../fixtures/classify/fake-embedder.js';

// Axes: 0 = experience, 1 = delivery, 2 = no reason, 3 = "sounds like praise".
const table = {
  'exp one': [1, 0, 0, 0],
  'del one': [0, 1, 0, 0],
  'no reason one': [0, 0, 1, 0],
  'Your delivery was a joy to watch': [0, 0.8, 0, 0.6],
  'Your delivery lost the panel': [0, 1, 0, 0],
};
const taxonomy = taxonomyOf(theme('experience', ['exp one']), theme('delivery', ['del one']), theme('uninformative', ['no reason one']));
const thresholds: Thresholds = { engine: 'lexical', model: null, floor: 0.3, margin: 0.1, perTheme: {}, source: 'test' };

/** A reader that calls a unit praise when it points along axis 3, and a reason otherwise. */
function rolesFile(): RolesFile {
  const width = 4 + LEXICAL_SIGNALS.length;
  return {
    format: 'feedback-themes-clause-roles',
    version: 1,
    dims: 4,
    signals: LEXICAL_SIGNALS.map(([name]) => name),
    model: { name: 'fake', weights: ['fake'] },
    standardise: { mean: new Array(width).fill(0), sd: new Array(width).fill(1) },
    roles: CLAUSE_ROLES.map((id) => ({
      id,
      weights: Array.from({ length: width }, (_, j) => (j === 3 ? (id === 'praise' ? 20 : -20) : 0)),
      bias: id === 'reason' ? 2 : id === 'praise' ? -6 : -8,
    })),
    confidentAt: 0.8,
    fitted: {
      files: ['x'],
      digest: 'x',
      clauses: 0,
      l2: 1,
      folds: 5,
      crossValidated: { accuracy: 1, trustedPrecision: 1, trustedShare: 0.5 },
    },
  };
}
const texts = [
  { id: 'a', text: 'Your delivery was a joy to watch.' },
  { id: 'b', text: 'Your delivery lost the panel.' },
];

describe('createClassifier with a clause-role reader', () => {
  it('gives no theme for what it reads as praise, and keeps the reasons', async () => {
    const plain = await createClassifier(taxonomy, fakeEmbedder(table), { topK: 1, centroidWeight: 0 });
    const before = plain.assign(await plain.score(texts), thresholds).map((a) => a.themes.map((t) => t.themeId));
    expect(before).toEqual([['delivery'], ['delivery']]);

    const reading = await createClassifier(taxonomy, fakeEmbedder(table), { topK: 1, centroidWeight: 0, roles: rolesFile() });
    const scored = await reading.score(texts);
    expect(scored[0]!.segments[0]!.praiseOnly).toBe(true);
    expect(scored[1]!.segments[0]!.units[0]!.roles![0]).toBeGreaterThan(0.9);
    const after = reading.assign(scored, thresholds).map((a) => a.themes.map((t) => t.themeId));
    expect(after).toEqual([[], ['delivery']]);
  });

  it('keeps role probabilities in the score cache, so a re-run reads each unit the same way without embedding it', async () => {
    const cache = memoryVectorCache();
    const cold = await createClassifier(taxonomy, fakeEmbedder(table), {
      topK: 1,
      centroidWeight: 0,
      roles: rolesFile(),
      scoreCache: cache,
    });
    const coldScored = await cold.score(texts);
    const embedder = fakeEmbedder(table);
    const warm = await createClassifier(taxonomy, embedder, { topK: 1, centroidWeight: 0, roles: rolesFile(), scoreCache: cache });
    const warmScored = await warm.score(texts);
    expect(warm.scoreCacheHits()).toBe(2);
    expect(embedder.calls.flat()).not.toContain('Your delivery was a joy to watch.');
    expect(warmScored.map((i) => i.segments.map((s) => [s.praiseOnly, s.units.map((u) => u.roles)]))).toEqual(
      coldScored.map((i) => i.segments.map((s) => [s.praiseOnly, s.units.map((u) => u.roles)])),
    );
    // Scores cached without a reader are not taken for scores with one.
    const without = await createClassifier(taxonomy, fakeEmbedder(table), { topK: 1, centroidWeight: 0, scoreCache: cache });
    await without.score(texts);
    expect(without.scoreCacheHits()).toBe(0);
  });
});
