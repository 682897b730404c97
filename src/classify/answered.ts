// A model answering some texts from elsewhere (vectors shipped, or embedded ahead of time): the
// rest go to the model in one call, and every vector comes back in the order asked.

import type { Embedder } from '../types.js';

/**
 * `texts`' vectors: those `known` gives, the others from `model`. `known` is asked of every text
 * before this function first waits, so a caller may forget what it gave once the call is made.
 */
export async function embedAnswering(
  model: Embedder,
  texts: string[],
  known: (text: string) => Float32Array | Promise<Float32Array> | undefined,
): Promise<Float32Array[]> {
  const answers = texts.map(known);
  const missing = texts.filter((_, i) => answers[i] === undefined);
  if (missing.length === texts.length) return model.embed(texts);
  const fresh = missing.length > 0 ? await model.embed(missing) : [];
  let next = 0;
  return Promise.all(answers.map((answer) => answer ?? fresh[next++]!));
}
