// The BERT encoder as an ONNX graph, from its weights: embeddings, self-attention layers with exact
// GELU, LayerNorm, output `last_hidden_state`. One builder serves `model import` (real weights
// from a checkpoint) and the tests (seeded random weights). `quantized` writes the int8 variant:
// per-column int8 weights, and each product's input quantised at run time with one scale per
// token row (symmetric, uint8 around 128), float32 everywhere else. ONNX Runtime's own dynamic
// quantisation (DynamicQuantizeLinear) sets one scale per call, so a text's vector would depend on
// the texts batched with it; with a scale per row it depends on the text alone, in any batch.

import { encodeModel, onnx, tensorProto, valueInfo, type NodeProto, type TensorProto } from './onnx-graph.js';

type AttributeProto = InstanceType<typeof onnx.AttributeProto>;

export interface BertShape {
  layers: number;
  hidden: number;
  heads: number;
  intermediate: number;
  vocabSize: number;
  maxPositions: number;
  /** Token type (segment) embeddings; 2 in BERT. */
  typeVocabSize: number;
  layerNormEps: number;
}

export interface Linear {
  /** [inDim, outDim], row-major, as MatMul expects (PyTorch stores [out, in]: transpose first). */
  weight: Float32Array;
  bias: Float32Array;
  inDim: number;
  outDim: number;
}

export interface Norm {
  scale: Float32Array;
  bias: Float32Array;
}

export interface LayerWeights {
  query: Linear;
  key: Linear;
  value: Linear;
  attentionOut: Linear;
  attentionNorm: Norm;
  intermediate: Linear;
  output: Linear;
  outputNorm: Norm;
}

export interface BertWeights {
  wordEmbeddings: Float32Array;
  positionEmbeddings: Float32Array;
  tokenTypeEmbeddings: Float32Array;
  embeddingNorm: Norm;
  layers: LayerWeights[];
}

// BERT's own additive mask value; exp(-10000) is zero in float32, so padding gets no attention.
const MASK_VALUE = -10000;

const { FLOAT, INT8, INT64, UINT8 } = onnx.TensorProto.DataType;

type AttributeValue = number | number[] | { float: number };

class GraphBuilder {
  readonly nodes: NodeProto[] = [];
  readonly initializers: TensorProto[] = [];
  private counter = 0;

  fresh(prefix: string): string {
    return `${prefix}_${this.counter++}`;
  }

  /** Adds a node and returns the names of its outputs. */
  op(opType: string, inputs: string[], attributes: Record<string, AttributeValue> = {}, outputCount = 1): string[] {
    const outputs = Array.from({ length: outputCount }, () => this.fresh(opType));
    this.nodes.push(
      onnx.NodeProto.create({
        opType,
        name: this.fresh(`${opType}_node`),
        input: inputs,
        output: outputs,
        attribute: Object.entries(attributes).map(([name, value]) => attribute(name, value)),
      }),
    );
    return outputs;
  }

  one(opType: string, inputs: string[], attributes: Record<string, AttributeValue> = {}): string {
    return this.op(opType, inputs, attributes)[0]!;
  }

  /** Renames the output of the last node (for graph outputs). */
  renameLastOutput(name: string): void {
    this.nodes[this.nodes.length - 1]!.output[0] = name;
  }

  tensor(name: string, dataType: number, dims: number[], data: ArrayBufferView): string {
    this.initializers.push(tensorProto(name, dataType, dims, data));
    return name;
  }

  float(name: string, dims: number[], data: Float32Array): string {
    return this.tensor(name, FLOAT, dims, data);
  }

  int64(name: string, dims: number[], values: number[]): string {
    return this.tensor(name, INT64, dims, BigInt64Array.from(values.map(BigInt)));
  }

  scalarFloat(name: string, value: number): string {
    return this.float(name, [], Float32Array.of(value));
  }
}

function attribute(name: string, value: AttributeValue): AttributeProto {
  const { AttributeType } = onnx.AttributeProto;
  if (typeof value === 'number') return onnx.AttributeProto.create({ name, type: AttributeType.INT, i: value });
  if (Array.isArray(value)) return onnx.AttributeProto.create({ name, type: AttributeType.INTS, ints: value });
  return onnx.AttributeProto.create({ name, type: AttributeType.FLOAT, f: value.float });
}

/** Symmetric int8, one scale per column of a row-major [rows, cols] matrix (zero point 0). */
export function quantizeColumns(data: Float32Array, rows: number, cols: number): { values: Int8Array; scales: Float32Array } {
  const scales = new Float32Array(cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) scales[c] = Math.max(scales[c]!, Math.abs(data[r * cols + c]!));
  }
  for (let c = 0; c < cols; c++) scales[c] = scales[c]! > 0 ? scales[c]! / 127 : 1;
  const values = new Int8Array(data.length);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) values[r * cols + c] = Math.round(data[r * cols + c]! / scales[c]!);
  }
  return { values, scales };
}

/** The encoder as a serialised ONNX model (deterministic: the same weights give the same bytes). */
export function buildBertOnnx(shape: BertShape, weights: BertWeights, options: { quantized: boolean; producer: string }): Uint8Array {
  const g = new GraphBuilder();
  const { hidden, heads } = shape;
  const headDim = hidden / heads;
  const quantized = options.quantized;
  const zeroInt8 = quantized ? g.tensor('int8_zero', INT8, [], Int8Array.of(0)) : '';
  const rowQuantization = quantized ? rowQuantizationConstants(g, shape) : null;
  // Query, key and value read the same input: it is quantised once for the three.
  const quantizedInputs = new Map<string, { values: string; rowScale: string }>();

  const dense = (x: string, linear: Linear, name: string): string => {
    const bias = g.float(`${name}.bias`, [linear.outDim], linear.bias);
    if (!rowQuantization) {
      const weight = g.float(`${name}.weight`, [linear.inDim, linear.outDim], linear.weight);
      return g.one('Add', [g.one('MatMul', [x, weight]), bias]);
    }
    const q = quantizeColumns(linear.weight, linear.inDim, linear.outDim);
    const weight = g.tensor(`${name}.weight_quantized`, INT8, [linear.inDim, linear.outDim], q.values);
    const weightScale = g.float(`${name}.weight_scale`, [linear.outDim], q.scales);
    let input = quantizedInputs.get(x);
    if (!input) {
      // [batch * seq, K] rows, each scaled by its largest magnitude / 127 (QuantizeLinear per axis 0).
      const rows = g.one('Reshape', [x, linear.inDim === hidden ? rowQuantization.hiddenRows : rowQuantization.wideRows]);
      const largest = g.one('ReduceMax', [g.one('Abs', [rows])], { axes: [-1], keepdims: 0 });
      const scale = g.one('Mul', [g.one('Max', [largest, rowQuantization.tiny]), rowQuantization.inverse127]);
      input = {
        values: g.one('QuantizeLinear', [rows, scale, rowQuantization.zeroPoints], { axis: 0 }),
        rowScale: g.one('Unsqueeze', [scale, rowQuantization.lastAxis]),
      };
      quantizedInputs.set(x, input);
    }
    // MatMulInteger, Cast and the product of a (run-time) 1 and the column scales: ONNX Runtime
    // fuses them into one MatMulIntegerToFloat; a constant 1 would be folded first and not fuse.
    const product = g.one('MatMulInteger', [input.values, weight, rowQuantization.zeroPoint, zeroInt8]);
    const columnScaled = g.one('Mul', [g.one('Cast', [product], { to: FLOAT }), g.one('Mul', [rowQuantization.runtimeOne, weightScale])]);
    const scaled = g.one('Mul', [columnScaled, input.rowScale]);
    return g.one('Reshape', [
      g.one('Add', [scaled, bias]),
      linear.outDim === hidden ? rowQuantization.hiddenShape : rowQuantization.wideShape,
    ]);
  };

  const layerNorm = (x: string, norm: Norm, name: string): string =>
    g.one('LayerNormalization', [x, g.float(`${name}.weight`, [hidden], norm.scale), g.float(`${name}.bias`, [hidden], norm.bias)], {
      axis: -1,
      epsilon: { float: shape.layerNormEps },
    });

  // Embeddings: word + position + token type, then LayerNorm. The word table is most of the
  // model's bytes; quantised per row, a lookup dequantises only the rows it gathers.
  let words: string;
  if (quantized) {
    const transposed = transpose(weights.wordEmbeddings, shape.vocabSize, hidden);
    const q = quantizeColumns(transposed, hidden, shape.vocabSize);
    const rowsInt8 = transposeInt8(q.values, hidden, shape.vocabSize);
    const table = g.tensor('embeddings.word_embeddings.weight_quantized', INT8, [shape.vocabSize, hidden], rowsInt8);
    const scales = g.float('embeddings.word_embeddings.weight_scale', [shape.vocabSize, 1], q.scales);
    const gathered = g.one('Cast', [g.one('Gather', [table, 'input_ids'])], { to: FLOAT });
    words = g.one('Mul', [gathered, g.one('Gather', [scales, 'input_ids'])]);
  } else {
    words = g.one('Gather', [g.float('embeddings.word_embeddings.weight', [shape.vocabSize, hidden], weights.wordEmbeddings), 'input_ids']);
  }
  const sequenceLength = g.one('Gather', [g.one('Shape', ['input_ids']), g.int64('const_one_scalar', [], [1])], { axis: 0 });
  const positionIds = g.one('Range', [g.int64('const_zero_scalar', [], [0]), sequenceLength, 'const_one_scalar']);
  const positions = g.one('Gather', [
    g.float('embeddings.position_embeddings.weight', [shape.maxPositions, hidden], weights.positionEmbeddings),
    positionIds,
  ]);
  const tokenTypes = g.one('Gather', [
    g.float('embeddings.token_type_embeddings.weight', [shape.typeVocabSize, hidden], weights.tokenTypeEmbeddings),
    'token_type_ids',
  ]);
  let x = layerNorm(g.one('Add', [g.one('Add', [words, positions]), tokenTypes]), weights.embeddingNorm, 'embeddings.LayerNorm');

  // Additive attention mask [batch, 1, 1, seq]: 0 where attended, MASK_VALUE on padding.
  const maskFloat = g.one('Cast', ['attention_mask'], { to: FLOAT });
  const inverted = g.one('Sub', [g.scalarFloat('const_one_float', 1), maskFloat]);
  const additiveMask = g.one('Unsqueeze', [
    g.one('Mul', [inverted, g.scalarFloat('const_mask_value', MASK_VALUE)]),
    g.int64('const_mask_axes', [2], [1, 2]),
  ]);
  const splitHeads = g.int64('const_split_heads_shape', [4], [0, 0, heads, headDim]);
  const mergeHeads = g.int64('const_merge_heads_shape', [3], [0, 0, hidden]);
  const attentionScale = g.scalarFloat('const_attention_scale', Math.sqrt(headDim));
  const sqrtTwo = g.scalarFloat('const_sqrt_two', Math.SQRT2);
  const half = g.scalarFloat('const_half', 0.5);

  weights.layers.forEach((layer, i) => {
    const prefix = `encoder.layer.${i}`;
    const heads4 = (t: string, perm: number[]) => g.one('Transpose', [g.one('Reshape', [t, splitHeads])], { perm });
    const query = heads4(dense(x, layer.query, `${prefix}.attention.self.query`), [0, 2, 1, 3]);
    const key = heads4(dense(x, layer.key, `${prefix}.attention.self.key`), [0, 2, 3, 1]);
    const value = heads4(dense(x, layer.value, `${prefix}.attention.self.value`), [0, 2, 1, 3]);
    const scores = g.one('Add', [g.one('Div', [g.one('MatMul', [query, key]), attentionScale]), additiveMask]);
    const probabilities = g.one('Softmax', [scores], { axis: -1 });
    const context = g.one('Reshape', [g.one('Transpose', [g.one('MatMul', [probabilities, value])], { perm: [0, 2, 1, 3] }), mergeHeads]);
    const attended = dense(context, layer.attentionOut, `${prefix}.attention.output.dense`);
    x = layerNorm(g.one('Add', [attended, x]), layer.attentionNorm, `${prefix}.attention.output.LayerNorm`);

    // Feed-forward with exact GELU: 0.5 * h * (1 + erf(h / sqrt 2)).
    const h = dense(x, layer.intermediate, `${prefix}.intermediate.dense`);
    const gelu = g.one('Mul', [g.one('Mul', [h, half]), g.one('Add', [g.one('Erf', [g.one('Div', [h, sqrtTwo])]), 'const_one_float'])]);
    const out = dense(gelu, layer.output, `${prefix}.output.dense`);
    x = layerNorm(g.one('Add', [out, x]), layer.outputNorm, `${prefix}.output.LayerNorm`);
  });
  g.renameLastOutput('last_hidden_state');

  return encodeModel(options.producer, {
    name: 'bert',
    node: g.nodes,
    initializer: g.initializers,
    input: ['input_ids', 'attention_mask', 'token_type_ids'].map((name) => valueInfo(name, INT64, ['batch_size', 'sequence_length'])),
    output: [valueInfo('last_hidden_state', FLOAT, ['batch_size', 'sequence_length', hidden])],
  });
}

/** The constants and shapes every row-quantised product shares, built once per graph. */
function rowQuantizationConstants(g: GraphBuilder, shape: BertShape) {
  const batchAndSequence = g.one('Shape', ['input_ids']);
  const zeroPoint = g.tensor('row_quant_zero_point', UINT8, [], Uint8Array.of(128));
  const concat = (name: string, width: number) =>
    g.one('Concat', [batchAndSequence, g.int64(`row_quant_${name}_width`, [1], [width])], { axis: 0 });
  return {
    zeroPoint,
    /** One zero point of 128 per row: [batch * seq]. */
    zeroPoints: g.one('Expand', [
      g.tensor('row_quant_zero_point_1', UINT8, [1], Uint8Array.of(128)),
      g.one('ReduceProd', [batchAndSequence], { keepdims: 1 }),
    ]),
    runtimeOne: g.one('Cast', [g.one('Greater', [g.one('Size', ['input_ids']), g.int64('row_quant_zero_i64', [], [0])])], { to: FLOAT }),
    tiny: g.scalarFloat('row_quant_tiny', 1e-30),
    inverse127: g.scalarFloat('row_quant_inverse_127', 1 / 127),
    lastAxis: g.int64('row_quant_last_axis', [1], [-1]),
    hiddenRows: g.int64('row_quant_hidden_rows', [2], [-1, shape.hidden]),
    wideRows: g.int64('row_quant_wide_rows', [2], [-1, shape.intermediate]),
    hiddenShape: concat('hidden', shape.hidden),
    wideShape: concat('wide', shape.intermediate),
  };
}

/** Row-major [rows, cols] -> [cols, rows]. */
export function transpose(data: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(data.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = data[r * cols + c]!;
  return out;
}

function transposeInt8(data: Int8Array, rows: number, cols: number): Int8Array {
  const out = new Int8Array(data.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = data[r * cols + c]!;
  return out;
}
