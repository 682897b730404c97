import { describe, expect, it } from 'vitest';
import { withPrefetch } from '../../src/classify/prefetch.js';
import type { Embedder } from '../../src/types.js';

/** A model recording every call; its vector of a text is its own when `textAlone`. */
function fakeModel(textAlone = true): Embedder & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    id: 'fake',
    dims: 2,
    textAlone,
    calls,
    async embed(texts) {
      calls.push([...texts]);
      return texts.map((text) => Float32Array.from([text.length, text.charCodeAt(0)]));
    },
  };
}

describe('withPrefetch', () => {
  it('embeds prefetched texts once, and the first call asking for them takes their vectors', async () => {
    const model = fakeModel();
    const ahead = withPrefetch(model);
    ahead.prefetch(['alpha', 'beta', 'alpha']);
    expect(model.calls).toEqual([['alpha', 'beta']]);
    const texts = ['gamma', 'beta', 'alpha'];
    expect(await ahead.embed(texts)).toEqual(await fakeModel().embed(texts));
    expect(model.calls).toEqual([['alpha', 'beta'], ['gamma']]);
    // Taken once: asked again, the text goes to the model.
    await ahead.embed(['beta']);
    expect(model.calls.at(-1)).toEqual(['beta']);
  });

  it('leaves a model whose vectors depend on their batch mates alone', async () => {
    const model = fakeModel(false);
    const ahead = withPrefetch(model);
    ahead.prefetch(['alpha']);
    expect(model.calls).toEqual([]);
    await ahead.embed(['alpha']);
    expect(model.calls).toEqual([['alpha']]);
  });

  it('fails a call that asks for a text whose prefetch failed, and only then', async () => {
    const model = fakeModel();
    model.embed = async () => {
      throw new Error('model gone');
    };
    const ahead = withPrefetch(model);
    ahead.prefetch(['alpha']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(ahead.embed(['alpha'])).rejects.toThrow('model gone');
  });
});
