// Texts sent to the model before the classifier asks for them. A cold run's model workers are
// loaded long before the first texts reach them: every row is redacted first, as a row's text
// can change once the names found in the others are known. Meanwhile the first rows' units, as
// their first reading left them, are embedded; a unit the second reading changes is never asked
// for, and its vector is dropped with the run. Only for a model whose vector of a text is its own:
// when it was embedded, and beside which texts, changes nothing.

import type { Embedder } from '../types.js';
import { embedAnswering } from './answered.js';

export interface Prefetching extends Embedder {
  /** Starts embedding these texts; the first `embed` that asks for one takes its vector. */
  prefetch(texts: readonly string[]): void;
}

export function withPrefetch(model: Embedder): Prefetching {
  if (!model.textAlone) return { ...model, prefetch: () => undefined };
  const ahead = new Map<string, Promise<Float32Array>>();
  return {
    ...model,
    prefetch(texts) {
      const fresh = [...new Set(texts)].filter((text) => !ahead.has(text));
      if (fresh.length === 0) return;
      const vectors = model.embed(fresh);
      fresh.forEach((text, i) => {
        const vector = vectors.then((all) => all[i]!);
        // Failing only when asked for, as the model would have then.
        vector.catch(() => undefined);
        ahead.set(text, vector);
      });
    },
    embed(texts) {
      const vectors = embedAnswering(model, texts, (text) => ahead.get(text));
      // Each vector embedded ahead is taken once: embedAnswering has read them all by now.
      for (const text of texts) ahead.delete(text);
      return vectors;
    },
  };
}
