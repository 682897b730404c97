// The nearest labelled items' scan (neighbours.ts) as one integer matrix product per batch of
// queries, [queries × dims] · [dims × items], run by ONNX Runtime (MatMulInteger), whose int8
// kernels use the CPU's widest integer instructions and read each labelled item once per batch, not
// once per query. The sums are integers (at most 127² · dims, far inside 32 bits), so they equal
// plainDots' exactly on every machine. On 2,000 items against 14,701 labelled ones it took a
// seventh of the time of the WebAssembly loop it replaced (docs/performance.md).

import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { encodeModel, onnx, tensorProto, valueInfo } from '../../models/onnx-graph.js';

const { INT8, INT32, UINT8 } = onnx.TensorProto.DataType;

/** Queries per product: the output (queries × items, 32 bits each) stays a few megabytes. */
export const QUERIES_PER_PRODUCT = 64;

/** The labelled items' vectors held for the scan. */
export interface NeighbourScan {
  /** The dot products of each query (8-bit values, one after another) with every item, query by query. */
  dots(queries: Int8Array): Promise<Int32Array>;
}

/** The graph: uint8 queries around 128 (so the product is of the signed values) times the int8 items. */
function scanGraph(rows: Int8Array, dims: number, count: number): Uint8Array {
  const columns = new Int8Array(rows.length);
  for (let j = 0; j < count; j++) for (let d = 0; d < dims; d++) columns[d * count + j] = rows[j * dims + d]!;
  return encodeModel('feedback-themes', {
    name: 'nearest_labelled_items',
    node: [
      onnx.NodeProto.create({ opType: 'MatMulInteger', name: 'dots', input: ['queries', 'items', 'around', 'zero'], output: ['dots'] }),
    ],
    initializer: [
      tensorProto('items', INT8, [dims, count], columns),
      tensorProto('around', UINT8, [], Uint8Array.of(128)),
      tensorProto('zero', INT8, [], Int8Array.of(0)),
    ],
    input: [valueInfo('queries', UINT8, ['queries', dims])],
    output: [valueInfo('dots', INT32, ['queries', count])],
  });
}

/**
 * The scan over `count` rows of `dims` 8-bit values. The runtime and its session are made at the
 * first call (a run without a head never loads them); one thread, as the model's workers have the
 * cores while items settle.
 */
export function createNeighbourScan(rows: Int8Array, dims: number): NeighbourScan {
  const count = dims > 0 ? rows.length / dims : 0;
  let session: Promise<{ run: InferenceSession['run']; Tensor: typeof Tensor }> | null = null;
  const open = async () => {
    const ort = await import('onnxruntime-node');
    const made = await ort.InferenceSession.create(scanGraph(rows, dims, count), { intraOpNumThreads: 1, interOpNumThreads: 1 });
    return { run: made.run.bind(made), Tensor: ort.Tensor };
  };
  return {
    async dots(queries) {
      const n = queries.length / dims;
      if (!Number.isInteger(n)) throw new RangeError(`queries of ${queries.length} values against rows of ${dims}`);
      const out = new Int32Array(n * count);
      if (n === 0 || count === 0) return out;
      session ??= open();
      const { run, Tensor } = await session;
      for (let start = 0; start < n; start += QUERIES_PER_PRODUCT) {
        const batch = Math.min(QUERIES_PER_PRODUCT, n - start);
        const shifted = new Uint8Array(batch * dims);
        for (let i = 0; i < shifted.length; i++) shifted[i] = queries[start * dims + i]! + 128;
        const result = await run({ queries: new Tensor('uint8', shifted, [batch, dims]) });
        out.set(result.dots!.data as Int32Array, start * count);
      }
      return out;
    },
  };
}
