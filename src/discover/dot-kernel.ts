// Discovery's dot products (neighbours.ts `dot`) in WebAssembly SIMD: a query against many rows,
// the same float64 operations in the same order as the JavaScript loop, so every sum is equal to
// the last bit. `dot` keeps four running sums, one per dimension modulo four, each adding its exact
// product (of two float32 values, exact in float64) in increasing dimension order, and returns
// ((s0 + s1) + s2) + s3; here the sums s0, s1 are the two lanes of one register and s2, s3 of
// another. Reading the sample's pairs and each sentence's nearest theme was about half of
// discovery's CPU time, at the end of a run with both model workers done. The module is a few
// dozen instructions, assembled here as the classifier's dense kernel is (classify/dense-kernel.ts).

const SIMD = 0xfd;
const I32 = 0x7f;
const V128 = 0x7b;
const op = {
  block: 0x02,
  loop: 0x03,
  end: 0x0b,
  brIf: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  f64Store: 0x39,
  i32Const: 0x41,
  i32Eqz: 0x45,
  i32LtU: 0x49,
  i32Add: 0x6a,
  f64Add: 0xa0,
  void: 0x40,
} as const;
/** SIMD opcodes (after the 0xfd prefix), as LEB128 bytes. */
const simd = {
  v128Load: [0x00],
  v128Const: [0x0c],
  f64x2ExtractLane: [0x21],
  f64x2Add: [0xf0, 0x01],
  f64x2Mul: [0xf2, 0x01],
} as const;

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

// dots(query, rows, count, rowBytes, output), all byte addresses but count; rowBytes is dims × 8,
// a multiple of 32. Locals: 5 row, 6 dimension offset, 7 and 8 the sums (s0, s1) and (s2, s3).
function kernelBody(): number[] {
  const get = (local: number) => [op.localGet, local];
  const set = (local: number) => [op.localSet, local];
  const i32 = (value: number) => [op.i32Const, ...uleb(value)];
  const v = (code: readonly number[]) => [SIMD, ...code];
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
  const code = [
    ...[op.block, op.void],
    ...get(2),
    op.i32Eqz,
    ...[op.brIf, 0],
    ...i32(0),
    ...set(5),
    ...[op.loop, op.void],
    ...zero,
    ...set(7),
    ...zero,
    ...set(8),
    ...i32(0),
    ...set(6),
    ...[op.loop, op.void],
    ...accumulate(7, 0),
    ...accumulate(8, 16),
    ...get(6),
    ...i32(32),
    op.i32Add,
    ...[op.localTee, 6],
    ...get(3),
    op.i32LtU,
    ...[op.brIf, 0],
    op.end,
    // output[row] = ((s0 + s1) + s2) + s3
    ...get(4),
    ...lane(7, 0),
    ...lane(7, 1),
    op.f64Add,
    ...lane(8, 0),
    op.f64Add,
    ...lane(8, 1),
    op.f64Add,
    ...[op.f64Store, 3, 0],
    ...get(4),
    ...i32(8),
    op.i32Add,
    ...set(4),
    ...get(1),
    ...get(3),
    op.i32Add,
    ...set(1),
    ...get(5),
    ...i32(1),
    op.i32Add,
    ...[op.localTee, 5],
    ...get(2),
    op.i32LtU,
    ...[op.brIf, 0],
    op.end,
    op.end,
    op.end,
  ];
  const locals = vector([
    [2, I32],
    [2, V128],
  ]);
  const body = [...locals, ...code];
  return [...uleb(body.length), ...body];
}

function kernelModule(): Uint8Array {
  const FUNC = 0x60;
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector([[FUNC, ...vector([[I32], [I32], [I32], [I32], [I32]]), 0x00]])),
    // The memory is the caller's: import "m" "memory", at least one page.
    ...section(2, vector([[...name('m'), ...name('memory'), 0x02, 0x00, 0x01]])),
    ...section(3, vector([[0x00]])),
    ...section(7, vector([[...name('dots'), 0x00, 0x00]])),
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
  const { wasm, module } = code;
  const memory = new wasm.Memory({ initial: Math.ceil((outputAt + rows * 8) / PAGE) });
  const query = new Float64Array(memory.buffer, 0, dims);
  const held = new Float64Array(memory.buffer, rowsAt, rows * dims);
  vectors.forEach((v, r) => {
    held.set(v, r * dims);
  });
  const instance = new wasm.Instance(module, { m: { memory } });
  const run = instance.exports.dots as (query: number, rows: number, count: number, rowBytes: number, output: number) => void;
  const output = new Float64Array(memory.buffer, outputAt, rows);
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
