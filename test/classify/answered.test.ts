import { describe, expect, it } from 'vitest';
import { embedAnswering } from '../../src/classify/answered.js';
import type { Embedder } from '../../src/types.js';

/** A model recording every call. */
function fakeModel(): Embedder & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    id: 'fake',
    dims: 1,
    calls,
    async embed(texts) {
      calls.push([...texts]);
      return texts.map((text) => Float32Array.from([text.length]));
    },
  };
}

describe('embedAnswering', () => {
  it('asks the model only for the texts not known, in one call, and keeps the order asked', async () => {
    const model = fakeModel();
    const known = new Map([['bb', Float32Array.from([-1])]]);
    const vectors = await embedAnswering(model, ['a', 'bb', 'ccc'], (text) => known.get(text));
    expect(vectors.map((v) => v[0])).toEqual([1, -1, 3]);
    expect(model.calls).toEqual([['a', 'ccc']]);
  });

  it('takes known vectors given as promises, and calls no model when every text is known', async () => {
    const model = fakeModel();
    const vectors = await embedAnswering(model, ['x', 'y'], (text) => Promise.resolve(Float32Array.from([text.charCodeAt(0)])));
    expect(vectors.map((v) => v[0])).toEqual([120, 121]);
    expect(model.calls).toEqual([]);
  });

  it('asks `known` of every text before it waits', () => {
    const asked: string[] = [];
    void embedAnswering(fakeModel(), ['p', 'q'], (text) => {
      asked.push(text);
      return undefined;
    });
    expect(asked).toEqual(['p', 'q']);
  });
});
