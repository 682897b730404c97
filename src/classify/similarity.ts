// The similarity kernel: cosines of one vector against a fixed set of exemplar vectors, laid out
// for whichever of sparse (lexical) or dense (neural) vectors the embedder makes.

/**
 * Cosines of one vector against every exemplar (all vectors are unit length, so a dot product).
 * Sparse vectors (the lexical engine's are mostly zeros) go dimension by dimension, touching only
 * the rows of their non-zero dimensions; dense ones (neural) go exemplar by exemplar over
 * contiguous memory, which is faster for them.
 */
export function createSimilarity(exemplars: Float32Array[], dims: number): (vector: Float32Array) => Float64Array {
  const count = exemplars.length;
  let nonZero = 0;
  for (const v of exemplars) for (let d = 0; d < dims; d++) if (v[d] !== 0) nonZero++;
  // One embedder makes both exemplar and segment vectors, so the exemplars tell which layout fits.
  const dense = nonZero * 4 > dims * count;
  const matrix = new Float32Array(dims * count);
  exemplars.forEach((v, e) => {
    for (let d = 0; d < dims; d++) matrix[dense ? e * dims + d : d * count + e] = v[d]!;
  });
  if (dense) {
    return (vector) => {
      const sims = new Float64Array(count);
      let e = 0;
      // Four exemplars per pass over the vector: each element is read once for four products.
      for (; e + 3 < count; e += 4) {
        const r0 = e * dims;
        const r1 = r0 + dims;
        const r2 = r1 + dims;
        const r3 = r2 + dims;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let d = 0; d < dims; d++) {
          const x = vector[d]!;
          s0 += x * matrix[r0 + d]!;
          s1 += x * matrix[r1 + d]!;
          s2 += x * matrix[r2 + d]!;
          s3 += x * matrix[r3 + d]!;
        }
        sims[e] = s0;
        sims[e + 1] = s1;
        sims[e + 2] = s2;
        sims[e + 3] = s3;
      }
      for (; e < count; e++) {
        const row = e * dims;
        let dot = 0;
        for (let d = 0; d < dims; d++) dot += vector[d]! * matrix[row + d]!;
        sims[e] = dot;
      }
      return sims;
    };
  }
  return (vector) => {
    const sims = new Float64Array(count);
    for (let d = 0; d < dims; d++) {
      const x = vector[d]!;
      if (x === 0) continue;
      const row = d * count;
      for (let e = 0; e < count; e++) sims[e] += x * matrix[row + e]!;
    }
    return sims;
  };
}
