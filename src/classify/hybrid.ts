// The hybrid engine: a sentence embedding and the lexical vector of the same text, side by side.
// Each part is unit length and weighted by the square root of its share, so the cosine of two
// hybrid vectors is exactly share * neural cosine + (1 - share) * lexical cosine: the model's sense
// of meaning and the lexical engine's concept evidence (employers' own wording for each theme)
// vote together, and the classifier needs to know nothing about it.

import type { Embedder, LeadAndTail } from '../types.js';
import { wideVector } from './similarity.js';
import type { LexicalEmbedder } from './lexical.js';

/** `neuralShare`: the hybrid profile's (profiles.ts), where it was fitted. */
export function createHybridEmbedder(neural: Embedder, lexical: LexicalEmbedder, neuralShare: number): Embedder {
  if (!(neuralShare > 0 && neuralShare < 1))
    throw new Error(`hybrid: the neural share must lie strictly between 0 and 1, got ${neuralShare}`);
  const a = Math.sqrt(neuralShare);
  const b = Math.sqrt(1 - neuralShare);
  const dims = neural.dims + lexical.dims;
  // The model's half is the lead; the lexical half, as its non-zeros, the tail: no 16k-wide vector per text to allocate and scan.
  const leadAndTail = async (texts: string[]): Promise<LeadAndTail[]> => {
    // The lexical half is worked out once the model's is back: the texts reach the model (in its
    // worker threads) without waiting for this thread to do it first.
    const dense = await neural.embed(texts);
    const sparse = lexical.sparse(texts);
    return dense.map((n, i) => {
      const lead = new Float32Array(n.length);
      for (let d = 0; d < n.length; d++) lead[d] = a * n[d]!;
      const { at, values } = sparse[i]!;
      const tailAt: number[] = [];
      const tailValues: number[] = [];
      for (let k = 0; k < at.length; k++) {
        if (values[k] === 0) continue;
        tailAt.push(neural.dims + at[k]!);
        tailValues.push(b * values[k]!);
      }
      return { lead, tailAt: Int32Array.from(tailAt), tailValues: Float32Array.from(tailValues) };
    });
  };
  return {
    id: `hybrid:${neuralShare}:${neural.id}+${lexical.id}`,
    dims,
    ...(neural.weights ? { weights: neural.weights } : {}),
    // The neural half is cached by its own embedder (the caller wraps it); the whole is cheap to rebuild.
    cacheable: false,
    ...(neural.textAlone ? { textAlone: true } : {}),
    embed: async (texts) => (await leadAndTail(texts)).map((vector) => wideVector(vector, dims)),
    embedLeadAndTail: leadAndTail,
    async dispose() {
      await neural.dispose?.();
      await lexical.dispose?.();
    },
  };
}
