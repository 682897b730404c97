import { describe, expect, it } from 'vitest';
import { createHybridEmbedder } from '../../src/classify/hybrid.js';
import { createLexicalEmbedder } from '../../src/classify/lexical.js';
import type { Embedder } from '../../src/types.js';

const corpus = ['Your answers felt scripted.', 'You seemed very nervous.', 'Your salary expectations are above the budget.'];
const texts = ['You came across as over-rehearsed and nervous.', 'Salary too high', '', 'zzz qqq', 'Your answers felt scripted.'];

/** A stand-in sentence model: a fixed unit vector per text. */
const neural: Embedder = {
  id: 'fixed',
  dims: 8,
  async embed(batch) {
    return batch.map((text) => {
      const v = Float32Array.from({ length: 8 }, (_, d) => Math.sin(text.length + d));
      const norm = Math.hypot(...v);
      return v.map((x) => x / norm);
    });
  },
};

describe('hybrid embedder', () => {
  const lexical = createLexicalEmbedder({ corpus });

  it('lays the weighted sentence vector and the weighted lexical vector side by side, to the last bit', async () => {
    const share = 0.6;
    const hybrid = createHybridEmbedder(neural, lexical, share);
    const vectors = await hybrid.embed(texts);
    const dense = await neural.embed(texts);
    const sparse = await lexical.embed(texts);
    vectors.forEach((vector, i) => {
      const expected = new Float32Array(neural.dims + lexical.dims);
      dense[i]!.forEach((x, d) => {
        expected[d] = Math.sqrt(share) * x;
      });
      sparse[i]!.forEach((x, d) => {
        if (x !== 0) expected[neural.dims + d] = Math.sqrt(1 - share) * x;
      });
      expect(vector).toEqual(expected);
    });
  });

  it('gives the same vectors as their lead (the weighted sentence vector) and the non-zeros after it', async () => {
    const hybrid = createHybridEmbedder(neural, lexical, 0.6);
    const whole = await hybrid.embed(texts);
    const split = await hybrid.embedLeadAndTail!(texts);
    split.forEach(({ lead, tailAt, tailValues }, i) => {
      expect(lead).toEqual(whole[i]!.subarray(0, neural.dims));
      const nonZero = [...whole[i]!.keys()].filter((d) => d >= neural.dims && whole[i]![d] !== 0);
      expect([...tailAt]).toEqual(nonZero);
      expect([...tailValues]).toEqual(nonZero.map((d) => whole[i]![d]));
    });
    expect(split.some(({ tailAt }) => tailAt.length > 0)).toBe(true);
  });

  it("gives the lexical vectors' non-zeros, in increasing dimension order", async () => {
    const full = await lexical.embed(texts);
    lexical.sparse(texts).forEach(({ at, values }, i) => {
      expect(at).toEqual([...at].sort((a, b) => a - b));
      const nonZero = [...full[i]!.keys()].filter((d) => full[i]![d] !== 0);
      expect(at.filter((_, k) => values[k] !== 0)).toEqual(nonZero);
      expect(Array.from(values)).toEqual(at.map((d) => full[i]![d]));
    });
    expect(lexical.sparse([''])[0]!.at).toEqual([]);
  });
});
