import { describe, expect, it } from 'vitest';
import { themeNearnesses } from '../../src/discover/group.js';
import { nearestNeighbours } from '../../src/discover/neighbours.js';
import {
  UNEXPLAINED_FEATURES,
  fitUnexplainedModel,
  parseUnexplainedModel,
  poolFacts,
  unexplainedFeatures,
  unexplainedScore,
  type SentenceFacts,
} from '../../src/discover/unexplained.js';
import { topicSpace } from '../helpers/vectors.js';

const { direction, around } = topicSpace(24, 11);

// A pool as discovery sees it: feedback a known theme scored weakly, and a missing topic's sentences.
const known = Array.from({ length: 4 }, direction);
const exemplars = known.map((theme) => around(theme, 10, 0.5));
const missed = known.flatMap((theme) => around(theme, 15, 1.4));
const topic = around(direction(), 15, 0.9);
const vectors = [...missed, ...topic];
const isTopic = (i: number) => i >= missed.length;

function factsOf(vector: Float32Array, surest: number): SentenceFacts {
  return {
    themeNearness: themeNearnesses(vector, exemplars),
    centroidSimilarity: known.map(() => 0),
    spread: 0.1,
    headProbabilities: [surest, 0.1],
    headNoReason: 0.05,
    boilerplate: false,
  };
}

describe('the features of the learnt test of "unexplained"', () => {
  it('has one value per named feature, and reads the head probabilities it is given', () => {
    const near = nearestNeighbours(vectors, vectors, 8, true);
    const facts = vectors.map((v) => factsOf(v, 0.7));
    const pool = poolFacts(near, facts);
    const row = unexplainedFeatures(near, 0, facts[0]!, pool);
    expect(row).toHaveLength(UNEXPLAINED_FEATURES.length);
    expect(row[UNEXPLAINED_FEATURES.indexOf('headBest')]).toBe(0.7);
    expect(row[UNEXPLAINED_FEATURES.indexOf('headSum')]).toBeCloseTo(0.8);
    // The nearest pool sentence is at least as near as the mean of the eight nearest.
    expect(row[UNEXPLAINED_FEATURES.indexOf('nearestFellow')]).toBeGreaterThanOrEqual(row[UNEXPLAINED_FEATURES.indexOf('density')]!);
  });
});

describe('fitting the learnt test', () => {
  it('scores a missing topic above feedback a known theme scored weakly, on a pool it was not fitted on', () => {
    // The head is less sure of the missing topic's items, as it is in leave one theme out.
    const sure = (i: number) => (isTopic(i) ? 0.3 : 0.6) + ((i * 7) % 10) / 50;
    const rowsOf = (pool: readonly Float32Array[]) => {
      const near = nearestNeighbours(pool, pool, 8, true);
      const facts = pool.map((v, i) => factsOf(v, sure(i)));
      const shared = poolFacts(near, facts);
      return facts.map((f, i) => unexplainedFeatures(near, i, f, shared));
    };
    const targets = vectors.map((_, i) => (isTopic(i) ? 1 : 0));
    const model = fitUnexplainedModel(rowsOf(vectors), targets, 1, 'a synthetic pool');
    const other = [...known.flatMap((theme) => around(theme, 15, 1.4)), ...around(direction(), 15, 0.9)];
    const scores = rowsOf(other).map((row) => unexplainedScore(model, row));
    const topicMean = scores.slice(missed.length).reduce((a, b) => a + b, 0) / topic.length;
    const missedMean = scores.slice(0, missed.length).reduce((a, b) => a + b, 0) / missed.length;
    expect(topicMean).toBeGreaterThan(missedMean + 0.2);
  });

  it('refuses a model file of another version or other features, saying how to fit it again', () => {
    const model = fitUnexplainedModel([UNEXPLAINED_FEATURES.map(() => 0), UNEXPLAINED_FEATURES.map(() => 1)], [0, 1], 1, 'two rows');
    expect(parseUnexplainedModel(JSON.stringify(model), 'm.json').weights).toEqual(model.weights);
    expect(() => parseUnexplainedModel(JSON.stringify({ ...model, version: 0 }), 'm.json')).toThrow(/m\.json.*version 0.*--learnt-out/);
    expect(() => parseUnexplainedModel(JSON.stringify({ ...model, features: ['density'] }), 'm.json')).toThrow(/other features/);
  });
});
