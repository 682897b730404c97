// The dense part of the similarity kernel (similarity.ts) in WebAssembly SIMD: the dot products of
// one vector's leading dimensions with every exemplar's, two exemplars to a 128-bit register. Each
// sum is the same sequence of float64 operations as the JavaScript loop (every product of two
// float32 values is exact in float64; the products are added one at a time, in increasing dimension
// order, each add rounded), so the sums are equal to the last bit; four exemplars per pass take
// about a third of the JavaScript loop's time. The module is a few dozen instructions, assembled
// here (with wasm-kernel.ts) rather than shipped as a binary.

import { functionBody, I32, kernelCompiler, op, SIMD, simd, sleb, uleb, V128 } from '../wasm-kernel.js';

/** Dot products of a vector's lead with four exemplars at a time; exemplars past the last four are left to the caller. */
export interface DenseKernel {
  /** Exemplars it sums (a multiple of four). */
  readonly exemplars: number;
  /** The lead of the vector it reads next: write its dimensions here. */
  readonly input: Float64Array;
  /** Sums, in exemplar order, after `run`. */
  readonly output: Float64Array;
  run(): void;
}

// Parameters: 0 input (byte address), 1 rows, 2 output, 3 lead × 8 (bytes of the input), 4 groups
// of four exemplars. Locals: 5 group, 6 first pair's row, 7 second pair's row, 8 input offset,
// 9 and 10 the two pairs' sums, 11 the input dimension in both lanes, 12 row offset.
// Rows are stored a pair of exemplars at a time, dimension by dimension: [a0, b0, a1, b1, …].
function kernelBody(): number[] {
  const get = (local: number) => [op.localGet, local];
  const set = (local: number) => [op.localSet, local];
  const i32 = (value: number) => [op.i32Const, ...sleb(value)];
  const v = (code: readonly number[]) => [SIMD, ...code];
  const memarg = (align: number, offset: number) => [align, ...uleb(offset)];
  const zero = [...v(simd.v128Const), ...new Array<number>(16).fill(0)];
  // One pair's sum: sum + splat(x[d]) * row[d] (two lanes).
  const accumulate = (sum: number, row: number) => [
    ...get(sum),
    ...get(11),
    ...get(row),
    ...get(12),
    op.i32Add,
    ...v(simd.v128Load),
    ...memarg(4, 0),
    ...v(simd.f64x2Mul),
    ...v(simd.f64x2Add),
    ...set(sum),
  ];
  const code = [
    ...[op.block, op.void],
    ...get(4),
    op.i32Eqz,
    ...[op.brIf, 0],
    ...i32(0),
    ...set(5),
    ...get(1),
    ...set(6),
    ...[op.loop, op.void],
    // Second pair's row: lead × 16 bytes after the first's.
    ...get(6),
    ...get(3),
    ...i32(1),
    op.i32Shl,
    op.i32Add,
    ...set(7),
    ...zero,
    ...set(9),
    ...zero,
    ...set(10),
    ...i32(0),
    ...set(8),
    ...i32(0),
    ...set(12),
    ...[op.block, op.void],
    ...get(3),
    op.i32Eqz,
    ...[op.brIf, 0],
    ...[op.loop, op.void],
    ...get(0),
    ...get(8),
    op.i32Add,
    op.f64Load,
    ...memarg(3, 0),
    ...v(simd.f64x2Splat),
    ...set(11),
    ...accumulate(9, 6),
    ...accumulate(10, 7),
    ...get(12),
    ...i32(16),
    op.i32Add,
    ...set(12),
    ...get(8),
    ...i32(8),
    op.i32Add,
    ...[op.localTee, 8],
    ...get(3),
    op.i32LtU,
    ...[op.brIf, 0],
    op.end,
    op.end,
    ...get(2),
    ...get(9),
    ...v(simd.v128Store),
    ...memarg(4, 0),
    ...get(2),
    ...get(10),
    ...v(simd.v128Store),
    ...memarg(4, 16),
    ...get(2),
    ...i32(32),
    op.i32Add,
    ...set(2),
    // Next group's first row: lead × 16 bytes after this group's second.
    ...get(7),
    ...get(3),
    ...i32(1),
    op.i32Shl,
    op.i32Add,
    ...set(6),
    ...get(5),
    ...i32(1),
    op.i32Add,
    ...[op.localTee, 5],
    ...get(4),
    op.i32LtU,
    ...[op.brIf, 0],
    op.end,
    op.end,
    op.end,
  ];
  return functionBody(
    [
      [4, I32],
      [3, V128],
      [1, I32],
    ],
    code,
  );
}

const kernelCode = kernelCompiler('dense', kernelBody);

/**
 * The kernel over `exemplars`' first `lead` dimensions, for the largest multiple of four of them
 * (null when there are fewer than four, or no WebAssembly SIMD).
 */
export function createDenseKernel(exemplars: readonly Float32Array[], lead: number): DenseKernel | null {
  const groups = Math.floor(exemplars.length / 4);
  const code = kernelCode();
  if (!code || groups === 0 || lead === 0) return null;
  const count = groups * 4;
  const rowsAt = lead * 8;
  const outputAt = rowsAt + count * lead * 8;
  const { buffer, run } = code.instantiate(outputAt + count * 8);
  const rows = new Float64Array(buffer, rowsAt, count * lead);
  for (let e = 0; e < count; e++) {
    const v = exemplars[e]!;
    // Exemplar e is lane e % 2 of pair ⌊e / 2⌋.
    const base = Math.floor(e / 2) * lead * 2 + (e % 2);
    for (let d = 0; d < lead; d++) rows[base + 2 * d] = v[d]!;
  }
  return {
    exemplars: count,
    input: new Float64Array(buffer, 0, lead),
    output: new Float64Array(buffer, outputAt, count),
    run: () => run(0, rowsAt, outputAt, lead * 8, groups),
  };
}
