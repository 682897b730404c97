// Token vectors → one unit-length sentence vector per row: the mean over the real (unmasked)
// tokens, or the CLS token alone. Mean pooling is what the library's
// `{ pooling: 'mean', normalize: true }` computes, written row by row: the library's pooling
// converts the 64-bit attention mask element by element for every hidden unit, which cost more
// than a tenth of the embedding time on MiniLM-sized models.

export type Pooling = 'mean' | 'cls';

/** `data` is [rows, tokens, dims] in row-major order; `mask` is [rows, tokens]. */
export function poolRows(
  data: Float32Array,
  mask: ArrayLike<number | bigint>,
  shape: { rows: number; tokens: number; dims: number },
  pooling: Pooling,
): Float32Array[] {
  const { rows, tokens, dims } = shape;
  const vectors: Float32Array[] = [];
  const sum = new Float64Array(dims);
  for (let row = 0; row < rows; row++) {
    sum.fill(0);
    let count = 0;
    // CLS pooling: the first token alone (checkpoints trained that way, recorded by `model import`).
    const poolTokens = pooling === 'cls' ? Math.min(1, tokens) : tokens;
    for (let token = 0; token < poolTokens; token++) {
      if (Number(mask[row * tokens + token]) === 0) continue;
      count++;
      const offset = (row * tokens + token) * dims;
      for (let d = 0; d < dims; d++) sum[d] += data[offset + d]!;
    }
    const vector = new Float32Array(dims);
    let norm = 0;
    for (let d = 0; d < dims; d++) {
      vector[d] = count > 0 ? sum[d]! / count : 0;
      norm += vector[d]! * vector[d]!;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let d = 0; d < dims; d++) vector[d] = vector[d]! / norm;
    vectors.push(vector);
  }
  return vectors;
}
