import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  computeExemplarVectors,
  EXEMPLAR_VECTORS_PATH,
  exemplarTexts,
  modelKey,
  parseExemplarVectors,
  withExemplarVectors,
} from '../../src/classify/exemplar-vectors.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';
import type { Embedder } from '../../src/types.js';

const DIGEST = 'a61a8a41e613';

/** A model whose vector of a text is its own, recording every call. */
function fakeModel(name = 'all-MiniLM-L6-v2', digest = DIGEST, textAlone = true): Embedder & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    id: `transformers:${name}:q8:${digest}:rows`,
    dims: 4,
    weights: digest,
    textAlone,
    calls,
    async embed(texts) {
      calls.push([...texts]);
      return texts.map((text) => Float32Array.from([text.length, text.charCodeAt(0), digest.charCodeAt(0), 1]));
    },
  };
}

describe('modelKey', () => {
  it('is the id less the model name, so a folder and a hub copy of one file share it', () => {
    expect(modelKey(fakeModel('all-MiniLM-L6-v2'))).toBe(`q8:${DIGEST}:rows`);
    expect(modelKey(fakeModel('Xenova/all-MiniLM-L6-v2'))).toBe(`q8:${DIGEST}:rows`);
    expect(modelKey({ id: 'lexical:v1' })).toBeNull();
  });
});

describe('withExemplarVectors', () => {
  it('answers the shipped texts from the file and sends only the others to the model, in the order asked', async () => {
    const shipped = parseExemplarVectors(JSON.stringify(await computeExemplarVectors(fakeModel(), ['alpha', 'beta'])), 'f');
    const model = fakeModel();
    const wrapped = withExemplarVectors(model, shipped);
    const fresh = fakeModel();
    const texts = ['gamma', 'beta', 'delta', 'alpha'];
    expect(await wrapped.embed(texts)).toEqual(await fresh.embed(texts));
    expect(model.calls).toEqual([['gamma', 'delta']]);
    expect(await wrapped.embed(['alpha'])).toEqual(await fresh.embed(['alpha']));
    expect(model.calls).toHaveLength(1);
  });

  it('is not used for another model file, nor for a model whose vectors depend on their batch', async () => {
    const shipped = parseExemplarVectors(JSON.stringify(await computeExemplarVectors(fakeModel(), ['alpha'])), 'f');
    const other = fakeModel('all-MiniLM-L6-v2', 'b00000000000');
    expect(withExemplarVectors(other, shipped)).toBe(other);
    const batched = fakeModel('all-MiniLM-L6-v2', DIGEST, false);
    expect(withExemplarVectors(batched, shipped)).toBe(batched);
  });

  it('gives each caller its own copy', async () => {
    const wrapped = withExemplarVectors(
      fakeModel(),
      parseExemplarVectors(JSON.stringify(await computeExemplarVectors(fakeModel(), ['alpha'])), 'f'),
    );
    const [first] = await wrapped.embed(['alpha']);
    first!.fill(0);
    expect((await wrapped.embed(['alpha']))[0]![0]).toBe(5);
  });
});

describe('parseExemplarVectors', () => {
  it('refuses a file whose texts were edited by hand', async () => {
    const file = await computeExemplarVectors(fakeModel(), ['alpha', 'beta']);
    expect(() => parseExemplarVectors(JSON.stringify({ ...file, texts: ['alpha', 'gamma'] }), 'x.json')).toThrow(/x\.json is not/);
    expect(() => parseExemplarVectors(JSON.stringify({ ...file, vectors: 'AAAA' }), 'x.json')).toThrow(/x\.json is not/);
  });
});

describe('the shipped file', () => {
  it("holds every exemplar of the built-in taxonomy, once, in the taxonomy's order", async () => {
    const shipped = JSON.parse(await readFile(EXEMPLAR_VECTORS_PATH, 'utf8')) as { texts: string[] };
    expect(shipped.texts).toEqual(exemplarTexts(await loadTaxonomy()));
    expect(parseExemplarVectors(JSON.stringify(shipped), EXEMPLAR_VECTORS_PATH).byText.size).toBe(shipped.texts.length);
  });
});
