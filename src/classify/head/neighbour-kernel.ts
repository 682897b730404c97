// The nearest labelled items' scan (neighbours.ts) in WebAssembly SIMD: the dot products of an
// 8-bit query with every labelled item's 8-bit vector, eight values at a time widened to 16 bits as
// they are loaded (v128.load8x8_s), multiplied and added in pairs by one instruction
// (i32x4.dot_i16x8_s) and summed in 32-bit lanes. Kept in 8 bits, the rows take half the memory the
// scan must stream through. The sums are integers (at
// most 127² · dims, far inside 32 bits), so they equal the JavaScript loop's exactly. The plain
// loop took 8–9 ms per item against 8,621 items; assembled as the other kernels are (wasm-kernel.ts).

import { asm, functionBody, I32, kernelCompiler, op, rowScan, simd, uleb, V128 } from '../../wasm-kernel.js';

// dots(query, rows, count, rowBytes, output), all byte addresses but count; rowBytes is dims padded
// to a multiple of UNROLLED (values read in one turn of the inner loop). Locals: 5 row number, 6 byte offset in the row, 7 the four lane sums.
const UNROLLED = 32;

function kernelBody(): number[] {
  const { get, set, simd: v } = asm;
  const load = (offset: number) => [...v(simd.v128Load8x8S), 3, ...uleb(offset)];
  const lane = (index: number) => [...get(7), ...v(simd.i32x4ExtractLane), index];
  const code = rowScan({
    start: [...v(simd.v128Const), ...new Array<number>(16).fill(0), ...set(7)],
    // sums += dot(query[offset…+8], row[offset…+8]), pairwise into four lanes; four times a turn.
    turn: [0, 8, 16, 24].flatMap((step) => [
      ...get(7),
      ...get(0),
      ...get(6),
      op.i32Add,
      ...load(step),
      ...get(1),
      ...get(6),
      op.i32Add,
      ...load(step),
      ...v(simd.i32x4DotI16x8S),
      ...v(simd.i32x4Add),
      ...set(7),
    ]),
    step: UNROLLED,
    // output[row] = the four lanes' sum
    finish: [...get(4), ...lane(0), ...lane(1), op.i32Add, ...lane(2), op.i32Add, ...lane(3), op.i32Add, ...[op.i32Store, 2, 0]],
    outputStep: 4,
  });
  return functionBody(
    [
      [2, I32],
      [1, V128],
    ],
    code,
  );
}

const kernelCode = kernelCompiler('dots', kernelBody);

/** The labelled items' vectors held for the scan. */
export interface NeighbourKernel {
  /** Each item's dot product with `query` (8-bit values), in item order; overwritten by the next call. */
  dots(query: Int8Array): Int32Array;
}

/** The kernel over `count` rows of `dims` 8-bit values, or null without WebAssembly SIMD (the caller's loop gives the same sums). */
export function createNeighbourKernel(rows: Int8Array, dims: number): NeighbourKernel | null {
  const code = kernelCode();
  const count = dims > 0 ? rows.length / dims : 0;
  if (!code || count === 0 || !Number.isInteger(count)) return null;
  // Each row padded with zeros to a multiple of the values read in one turn.
  const padded = Math.ceil(dims / UNROLLED) * UNROLLED;
  const rowBytes = padded;
  const rowsAt = rowBytes;
  // The output's 32-bit sums start on a 4-byte boundary.
  const outputAt = Math.ceil((rowsAt + count * rowBytes) / 4) * 4;
  const { buffer, run } = code.instantiate(outputAt + count * 4);
  const query = new Int8Array(buffer, 0, padded);
  const held = new Int8Array(buffer, rowsAt, count * padded);
  if (padded === dims) held.set(rows);
  else for (let j = 0; j < count; j++) held.set(rows.subarray(j * dims, (j + 1) * dims), j * padded);
  const output = new Int32Array(buffer, outputAt, count);
  return {
    dots(vector) {
      if (vector.length !== dims) throw new RangeError(`a query of ${vector.length} dimensions against rows of ${dims}`);
      query.set(vector);
      run(0, rowsAt, count, rowBytes, outputAt);
      return output;
    },
  };
}
