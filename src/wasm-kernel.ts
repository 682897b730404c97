// What the small WebAssembly SIMD kernels (classify/dense-kernel.ts, discover/dot-kernel.ts) share:
// the binary encoding they are assembled with, and a module of one exported function of five i32
// parameters over memory the caller makes, compiled once. Each kernel is a few dozen instructions,
// assembled in its own file rather than shipped as a binary.

export const SIMD = 0xfd;
export const I32 = 0x7f;
export const V128 = 0x7b;
export const op = {
  block: 0x02,
  loop: 0x03,
  end: 0x0b,
  brIf: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  f64Load: 0x2b,
  f64Store: 0x39,
  i32Store: 0x36,
  i32Const: 0x41,
  i32Eqz: 0x45,
  i32LtU: 0x49,
  i32Add: 0x6a,
  i32Shl: 0x74,
  f64Add: 0xa0,
  void: 0x40,
} as const;
/** SIMD opcodes (after the 0xfd prefix), as LEB128 bytes. */
export const simd = {
  v128Load: [0x00],
  v128Store: [0x0b],
  v128Const: [0x0c],
  f64x2Splat: [0x14],
  f64x2ExtractLane: [0x21],
  f64x2Add: [0xf0, 0x01],
  f64x2Mul: [0xf2, 0x01],
} as const;

export function uleb(value: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}

/** Code pieces every kernel is assembled from. */
export const asm = {
  get: (local: number) => [op.localGet, local],
  set: (local: number) => [op.localSet, local],
  i32: (value: number) => [op.i32Const, ...sleb(value)],
  simd: (code: readonly number[]) => [SIMD, ...code],
};

/**
 * The code of a scan of rows against a query, as the dot-product kernels run it. Parameters: 0
 * query, 1 rows, 2 count, 3 rowBytes, 4 output (byte addresses but count); local 5 is the row
 * number and local 6 the byte offset within the row. For each row, `start` (clear its sums), then
 * `turn` while the offset, moved on `step` bytes a turn, is under rowBytes, then `finish` (store the
 * row's result at the output address), after which the output moves on `outputStep` bytes.
 */
export function rowScan(parts: { start: number[]; turn: number[]; step: number; finish: number[]; outputStep: number }): number[] {
  const { get, set, i32 } = asm;
  const next = (local: number, by: number[]) => [...get(local), ...by, op.i32Add, ...set(local)];
  return [
    ...[op.block, op.void],
    ...get(2),
    op.i32Eqz,
    ...[op.brIf, 0],
    ...i32(0),
    ...set(5),
    ...[op.loop, op.void],
    ...parts.start,
    ...i32(0),
    ...set(6),
    ...[op.loop, op.void],
    ...parts.turn,
    ...get(6),
    ...i32(parts.step),
    op.i32Add,
    ...[op.localTee, 6],
    ...get(3),
    op.i32LtU,
    ...[op.brIf, 0],
    op.end,
    ...parts.finish,
    ...next(4, i32(parts.outputStep)),
    ...next(1, get(3)),
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
}

/** Signed LEB128, as i32.const takes its value. */
export function sleb(value: number): number[] {
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

export function vector(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

function name(text: string): number[] {
  return vector([...text].map((c) => [c.charCodeAt(0)]));
}

/** A function's encoded body: its locals, as (count, type) pairs, then its code. */
export function functionBody(locals: number[][], code: number[]): number[] {
  const body = [...vector(locals), ...code];
  return [...uleb(body.length), ...body];
}

function kernelModule(exportName: string, body: number[]): Uint8Array {
  const FUNC = 0x60;
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector([[FUNC, ...vector([[I32], [I32], [I32], [I32], [I32]]), 0x00]])),
    // The memory is the caller's: import "m" "memory", at least one page.
    ...section(2, vector([[...name('m'), ...name('memory'), 0x02, 0x00, 0x01]])),
    ...section(3, vector([[0x00]])),
    ...section(7, vector([[...name(exportName), 0x00, 0x00]])),
    ...section(10, vector([body])),
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

const PAGE = 65_536;

export type KernelFunction = (a: number, b: number, c: number, d: number, e: number) => void;

/** A compiled kernel: `instantiate` gives it memory of at least `bytes` bytes, to be laid out by the caller. */
export interface KernelCode {
  instantiate(bytes: number): { buffer: ArrayBuffer; run: KernelFunction };
}

/**
 * The kernel whose function `exportName` has the encoded `body` (functionBody), compiled on first
 * use and once; null without WebAssembly SIMD, and the caller's JavaScript loop does the work, with
 * the same sums.
 */
export function kernelCompiler(exportName: string, body: () => number[]): () => KernelCode | null {
  let compiled: KernelCode | null | undefined;
  return () => {
    if (compiled === undefined) {
      const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
      const bytes = kernelModule(exportName, body());
      compiled = wasm?.validate(bytes) ? compiledKernel(wasm, new wasm.Module(bytes), exportName) : null;
    }
    return compiled;
  };
}

function compiledKernel(wasm: WasmApi, module: object, exportName: string): KernelCode {
  return {
    instantiate(bytes) {
      const memory = new wasm.Memory({ initial: Math.ceil(bytes / PAGE) });
      const instance = new wasm.Instance(module, { m: { memory } });
      return { buffer: memory.buffer, run: instance.exports[exportName] as KernelFunction };
    },
  };
}
