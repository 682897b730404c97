// The dense part of the similarity kernel (similarity.ts) in WebAssembly SIMD: the dot products of
// one vector's leading dimensions with every exemplar's, two exemplars to a 128-bit register. Each
// sum is the same sequence of float64 operations as the JavaScript loop (every product of two
// float32 values is exact in float64; the products are added one at a time, in increasing dimension
// order, each add rounded), so the sums are equal to the last bit; four exemplars per pass take
// about a third of the JavaScript loop's time. The module is a few dozen instructions, assembled
// here rather than shipped as a binary.

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

const SIMD = 0xfd;
const op = {
  block: 0x02,
  loop: 0x03,
  end: 0x0b,
  brIf: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  f64Load: 0x2b,
  i32Const: 0x41,
  i32Eqz: 0x45,
  i32LtU: 0x49,
  i32Add: 0x6a,
  i32Shl: 0x74,
  void: 0x40,
} as const;
/** SIMD opcodes (after the 0xfd prefix), as LEB128 bytes. */
const simd = {
  v128Load: [0x00],
  v128Store: [0x0b],
  v128Const: [0x0c],
  f64x2Splat: [0x14],
  f64x2Add: [0xf0, 0x01],
  f64x2Mul: [0xf2, 0x01],
} as const;
const I32 = 0x7f;
const V128 = 0x7b;

function uleb(value: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

function vector(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function name(text: string): number[] {
  return vector([...text].map((c) => [c.charCodeAt(0)]));
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
  const locals = vector([
    [4, I32],
    [3, V128],
    [1, I32],
  ]);
  const body = [...locals, ...code];
  return [...uleb(body.length), ...body];
}

function sleb(value: number): number[] {
  const bytes: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    if ((value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0)) {
      bytes.push(byte);
      return bytes;
    }
    bytes.push(byte | 0x80);
  }
}

function kernelModule(): Uint8Array {
  const FUNC = 0x60;
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector([[FUNC, ...vector([[I32], [I32], [I32], [I32], [I32]]), 0]])),
    // The memory is the caller's: import "m" "memory", at least one page.
    ...section(2, vector([[...name('m'), ...name('memory'), 0x02, 0x00, 1]])),
    ...section(3, vector([[0]])),
    ...section(7, vector([[...name('dense'), 0x00, 0]])),
    ...section(10, vector([kernelBody()])),
  ];
  return Uint8Array.from(bytes);
}

/** The part of WebAssembly used here (the Node typings this project compiles with do not declare its values). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
}

let compiled: { wasm: WasmApi; module: object } | null | undefined;

function kernelCode(): { wasm: WasmApi; module: object } | null {
  if (compiled === undefined) {
    const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    const bytes = kernelModule();
    // Without WebAssembly SIMD the JavaScript loop does the work, with the same sums.
    compiled = wasm?.validate(bytes) ? { wasm, module: new wasm.Module(bytes) } : null;
  }
  return compiled;
}

const PAGE = 65_536;

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
  const { wasm, module } = code;
  const memory = new wasm.Memory({ initial: Math.ceil((outputAt + count * 8) / PAGE) });
  const rows = new Float64Array(memory.buffer, rowsAt, count * lead);
  for (let e = 0; e < count; e++) {
    const v = exemplars[e]!;
    // Exemplar e is lane e % 2 of pair ⌊e / 2⌋.
    const base = Math.floor(e / 2) * lead * 2 + (e % 2);
    for (let d = 0; d < lead; d++) rows[base + 2 * d] = v[d]!;
  }
  const instance = new wasm.Instance(module, { m: { memory } });
  const dense = instance.exports.dense as (input: number, rows: number, output: number, leadBytes: number, groups: number) => void;
  return {
    exemplars: count,
    input: new Float64Array(memory.buffer, 0, lead),
    output: new Float64Array(memory.buffer, outputAt, count),
    run: () => dense(0, rowsAt, outputAt, lead * 8, groups),
  };
}
