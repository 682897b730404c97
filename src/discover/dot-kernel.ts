// Discovery's dot products (neighbours.ts `dot`) in WebAssembly SIMD: a query against many rows,
// the same float64 operations in the same order as the JavaScript loop, so every sum is equal to
// the last bit. `dot` keeps four running sums, one per dimension modulo four, each adding its exact
// product (of two float32 values, exact in float64) in increasing dimension order, and returns
// ((s0 + s1) + s2) + s3; here the sums s0, s1 are the two lanes of one register and s2, s3 of
// another. Reading the sample's pairs and each sentence's nearest theme was about half of
// discovery's CPU time, at the end of a run with both model workers done. The module is a few
// dozen instructions, assembled as the classifier's dense kernel is (wasm-kernel.ts).

import { asm, functionBody, I32, kernelCompiler, op, rowScan, simd, uleb, V128 } from '../wasm-kernel.js';

// dots(query, rows, count, rowBytes, output), all byte addresses but count; rowBytes is dims × 8,
// a multiple of 32. Locals: 5 row, 6 dimension offset, 7 and 8 the sums (s0, s1) and (s2, s3).
function kernelBody(): number[] {
  const { get, set, simd: v } = asm;
  const load = (offset: number) => [...v(simd.v128Load), 4, ...uleb(offset)];
  const zero = [...v(simd.v128Const), ...new Array<number>(16).fill(0)];
  // sum + query[d + offset…] · row[d + offset…], two lanes.
  const accumulate = (sum: number, offset: number) => [
    ...get(sum),
    ...get(0),
    ...get(6),
    op.i32Add,
    ...load(offset),
    ...get(1),
    ...get(6),
    op.i32Add,
    ...load(offset),
    ...v(simd.f64x2Mul),
    ...v(simd.f64x2Add),
    ...set(sum),
  ];
  const lane = (sum: number, index: number) => [...get(sum), ...v(simd.f64x2ExtractLane), index];
  const code = rowScan({
    start: [...zero, ...set(7), ...zero, ...set(8)],
    turn: [...accumulate(7, 0), ...accumulate(8, 16)],
    step: 32,
    // output[row] = ((s0 + s1) + s2) + s3
    finish: [
      ...get(4),
      ...lane(7, 0),
      ...lane(7, 1),
      op.f64Add,
      ...lane(8, 0),
      op.f64Add,
      ...lane(8, 1),
      op.f64Add,
      ...[op.f64Store, 3, 0],
    ],
    outputStep: 8,
  });
  return functionBody(
    [
      [2, I32],
      [2, V128],
    ],
    code,
  );
}

const kernelCode = kernelCompiler('dots', kernelBody);

/** Some vectors (rows) held for dot products with a query: `dot` of each, in row order. */
export interface RowDots {
  readonly rows: number;
  /**
   * dot(query, row r) for the rows from `from` to `from + count` (all the rows by default), in
   * that order; `query` is a vector, or the index of one of the rows. The array is overwritten by the next call.
   */
  dots(query: Float32Array | number, from?: number, count?: number): Float64Array;
}

/**
 * The kernel over `vectors` (all of one length, a multiple of four), or null when that cannot be
 * (no WebAssembly SIMD, no vectors, another length): the caller then uses `dot`.
 */
export function createRowDots(vectors: readonly Float32Array[]): RowDots | null {
  const rows = vectors.length;
  const dims = vectors[0]?.length ?? 0;
  const code = kernelCode();
  if (!code || rows === 0 || dims === 0 || dims % 4 !== 0 || vectors.some((v) => v.length !== dims)) return null;
  const rowBytes = dims * 8;
  const rowsAt = rowBytes;
  const outputAt = rowsAt + rows * rowBytes;
  const { buffer, run } = code.instantiate(outputAt + rows * 8);
  const query = new Float64Array(buffer, 0, dims);
  const held = new Float64Array(buffer, rowsAt, rows * dims);
  vectors.forEach((v, r) => {
    held.set(v, r * dims);
  });
  const output = new Float64Array(buffer, outputAt, rows);
  return {
    rows,
    dots(vector, from = 0, count = rows - from) {
      if (from < 0 || count < 0 || from + count > rows) throw new RangeError(`rows ${from}…${from + count} of ${rows}`);
      let queryAt = 0;
      if (typeof vector === 'number') queryAt = rowsAt + vector * rowBytes;
      else if (vector.length === dims) query.set(vector);
      else throw new RangeError(`a query of ${vector.length} dimensions against rows of ${dims}`);
      run(queryAt, rowsAt + from * rowBytes, count, rowBytes, outputAt);
      return count === rows ? output : output.subarray(0, count);
    },
  };
}
