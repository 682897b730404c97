// Builds a BERT-format model folder (config, WordPiece tokenizer, ONNX encoder with seeded random
// weights) that @huggingface/transformers loads as a `feature-extraction` pipeline with no network.
// The graph is a real BERT encoder, so speed and memory behave like the published model of the
// same shape; only the weights are random.

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import onnxProto from 'onnx-proto';
import { seededRandom } from './random.js';

const { onnx } = onnxProto;
type NodeProto = InstanceType<typeof onnx.NodeProto>;
type TensorProto = InstanceType<typeof onnx.TensorProto>;
type AttributeProto = InstanceType<typeof onnx.AttributeProto>;

export interface BertShape {
  layers: number;
  hidden: number;
  heads: number;
  intermediate: number;
  vocabSize: number;
  maxPositions: number;
}

export const TINY_SHAPE: BertShape = {
  layers: 2,
  hidden: 32,
  heads: 4,
  intermediate: 64,
  vocabSize: 2048,
  maxPositions: 128,
};

/** The shape of sentence-transformers/all-MiniLM-L6-v2. */
export const MINILM_SHAPE: BertShape = {
  layers: 6,
  hidden: 384,
  heads: 12,
  intermediate: 1536,
  vocabSize: 30522,
  maxPositions: 512,
};

export interface BuildBertOptions {
  seed?: number;
  /** Also write onnx/model_quantized.onnx (int8 weights, dynamic activation quantization). */
  quantized?: boolean;
}

const OPSET = 17;
const IR_VERSION = 8;
const WEIGHT_STD = 0.02;
const LAYER_NORM_EPS = 1e-12;
const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

export async function buildBertModel(dir: string, shape: BertShape, options: BuildBertOptions = {}): Promise<void> {
  validateShape(shape);
  const seed = options.seed ?? 42;
  const vocab = buildVocab(shape.vocabSize);
  const weights = generateWeights(shape, seed);

  await mkdir(path.join(dir, 'onnx'), { recursive: true });
  await writeFile(path.join(dir, 'config.json'), json(bertConfig(shape)));
  await writeFile(path.join(dir, 'tokenizer.json'), json(tokenizerJson(vocab)));
  await writeFile(path.join(dir, 'tokenizer_config.json'), json(tokenizerConfig(shape)));
  await writeFile(path.join(dir, 'special_tokens_map.json'), json(specialTokensMap()));
  await writeFile(path.join(dir, 'onnx', 'model.onnx'), encodeModel(buildGraph(shape, weights, false)));
  if (options.quantized) {
    await writeFile(path.join(dir, 'onnx', 'model_quantized.onnx'), encodeModel(buildGraph(shape, weights, true)));
  }
}

function validateShape(shape: BertShape): void {
  if (shape.hidden % shape.heads !== 0) {
    throw new Error(`hidden (${shape.hidden}) must be divisible by heads (${shape.heads})`);
  }
  if (shape.vocabSize < 256) throw new Error(`vocabSize ${shape.vocabSize} is too small for the base vocabulary`);
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

// ---------------------------------------------------------------- config and tokenizer

function bertConfig(shape: BertShape) {
  return {
    architectures: ['BertModel'],
    model_type: 'bert',
    attention_probs_dropout_prob: 0.1,
    hidden_act: 'gelu',
    hidden_dropout_prob: 0.1,
    hidden_size: shape.hidden,
    initializer_range: WEIGHT_STD,
    intermediate_size: shape.intermediate,
    layer_norm_eps: LAYER_NORM_EPS,
    max_position_embeddings: shape.maxPositions,
    num_attention_heads: shape.heads,
    num_hidden_layers: shape.layers,
    pad_token_id: 0,
    position_embedding_type: 'absolute',
    type_vocab_size: 2,
    vocab_size: shape.vocabSize,
  };
}

function tokenizerConfig(shape: BertShape) {
  return {
    clean_up_tokenization_spaces: true,
    cls_token: '[CLS]',
    do_basic_tokenize: true,
    do_lower_case: true,
    mask_token: '[MASK]',
    model_max_length: shape.maxPositions,
    never_split: null,
    pad_token: '[PAD]',
    sep_token: '[SEP]',
    strip_accents: null,
    tokenize_chinese_chars: true,
    tokenizer_class: 'BertTokenizer',
    unk_token: '[UNK]',
  };
}

function specialTokensMap() {
  return { cls_token: '[CLS]', mask_token: '[MASK]', pad_token: '[PAD]', sep_token: '[SEP]', unk_token: '[UNK]' };
}

function tokenizerJson(vocab: string[]) {
  const vocabMap: Record<string, number> = {};
  vocab.forEach((token, id) => {
    vocabMap[token] = id;
  });
  const special = (token: string) => ({ id: token, type_id: 0 });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content, id) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: special('[CLS]') }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: special('[SEP]') }],
      pair: [
        { SpecialToken: special('[CLS]') },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: special('[SEP]') },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [vocabMap['[CLS]']], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [vocabMap['[SEP]']], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: vocabMap,
    },
  };
}

// Common English words and the vocabulary of interview feedback, so that typical sentences split
// into about as many pieces as they would with a real BERT vocabulary.
const COMMON_WORDS = `
the of and to a in is it you that he was for on are with as i his they be at one have this from or had by
not but what some we can out other were all there when up use your how said an each she which do their time
if will way about many then them would write like so these her long make thing see him two has look more day
could go come did number sound no most people my over know water than call first who may down side been now
find any new work part take get place made live where after back little only round man year came show every
good me give our under name very through just form sentence great think say help low line differ turn cause
much mean before move right boy old too same tell does set three want air well also play small end put home
read hand port large spell add even land here must big high such follow act why ask men change went light
kind off need house picture try us again animal point mother world near build self earth father head stand
own page should country found answer school grow study still learn plant cover food sun four between state
keep eye never last let thought city tree cross farm hard start might story saw far sea draw left late run
while press close night real life few north open seem together next white children begin got walk example
ease paper group always music those both mark often letter until mile river car feet care second book carry
took science eat room friend began idea fish mountain stop once base hear horse cut sure watch color face
wood main enough plain girl usual young ready above ever red list though feel talk bird soon body dog family
direct pose leave song measure door product black short numeral class wind question happen complete ship area
half rock order fire south problem piece told knew pass since top whole king space heard best hour better
true during hundred five remember step early hold west ground interest reach fast verb sing listen six table
travel less morning ten simple several toward war lay against pattern slow center love person money serve
appear road map rain rule govern pull cold notice voice unit power town fine certain fly fall lead cry dark
machine note wait plan figure star box noun field rest correct able pound done beauty drive stood contain
front teach week final gave green oh quick develop ocean warm free minute strong special mind behind clear
tail produce fact street inch multiply nothing course stay wheel full force blue object decide surface deep
moon island foot system busy test record boat common gold possible plane stead dry wonder laugh thousand ago
ran check game shape equate miss brought heat snow tire bring yes distant fill east paint language among
interview interviewer interviewed candidate candidates application applicant applied apply role roles job jobs
position vacancy employer company organisation organization team manager hiring recruiter recruitment panel
feedback unfortunately unsuccessful successful decided decision progress proceed stage offer offered reject
rejected rejection thank thanks appreciate appreciated strong stronger strongest weak weaker relevant
relevance experience experienced skill skills qualification qualifications qualified degree certificate
certification technical knowledge ability abilities competency competencies requirement requirements required
essential desirable criteria specific specifically examples evidence result results outcome outcomes impact
contribution situation task action star structure structured answer answers answered responses response
communication communicate confident confidence nervous nerves rehearsed scripted robotic natural rambling
concise clarity clearly unclear eye contact body language tone enthusiasm enthusiastic motivation motivated
genuine passion passionate commitment committed interest interested research prepared preparation
understanding industry sector market culture values fit collaborative collaboration working style
cv resume cover tailored tailoring keywords errors spelling grammar deadline format assessment assessments
exercise exercises case studies presentation presented centre center psychometric numerical verbal
reasoning online salary location hours start date visa licence license relocation remote hybrid internal
external field withdrawn filled budget funding closed shortlisted shortlist invited invitation next steps
future opportunities opportunity encourage encouraged wish luck best regards sincerely unable provide
detailed however although overall particularly really quite very slightly somewhat more less demonstrate
demonstrated demonstrating showed shown show lacked lacking lack missing limited insufficient enough
leadership management stakeholder stakeholders project projects delivery deliver delivered analysis
analytical data customer client service sales marketing finance engineering software developer design
graduate internship placement junior senior level years months previous background education university
college training course courses online practical hands responsibilities responsible achievement
achievements team's candidate's company's didn't wasn't couldn't weren't it's we're you're i'm
`;

const SUFFIXES = [
  's', 'es', 'ed', 'd', 'ing', 'ly', 'er', 'ers', 'est', 'ion', 'ions', 'tion', 'tions', 'ation', 'ment', 'ments',
  'ness', 'ity', 'al', 'ally', 'ful', 'less', 'able', 'ible', 'ive', 'ous', 'ise', 'ize', 'ised', 'ized', 'ist',
  'ism', 'ship', 'ance', 'ence', 'ant', 'ent', 'ic', 'ical', 'y', 'ies', 'ied', 'en', 'or', 'ors', 'age', 'ure',
];

const PUNCTUATION = [..."!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"].concat(['’', '‘', '“', '”', '–', '—', '…', '£', '€']);

/** Deterministic WordPiece vocabulary of exactly `size` tokens; ids 0-4 are the special tokens. */
export function buildVocab(size: number): string[] {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const digits = '0123456789';
  const tokens = new Set<string>(SPECIAL_TOKENS);
  const addAll = (items: Iterable<string>) => {
    for (const token of items) if (tokens.size < size) tokens.add(token);
  };
  addAll(PUNCTUATION);
  addAll(digits);
  addAll(letters);
  addAll([...letters, ...digits].map((c) => `##${c}`));
  addAll(COMMON_WORDS.split(/\s+/).filter(Boolean));
  addAll(SUFFIXES.map((s) => `##${s}`));
  // Padding: letter n-grams, which also make unknown words split into fewer, realistic pieces.
  const grams = (n: number): string[] => {
    let out = [''];
    for (let i = 0; i < n; i++) out = out.flatMap((prefix) => [...letters].map((c) => prefix + c));
    return out;
  };
  for (const n of [2, 3, 4]) {
    if (tokens.size >= size) break;
    for (const gram of grams(n)) {
      if (tokens.size >= size) break;
      tokens.add(gram);
      if (tokens.size < size) tokens.add(`##${gram}`);
    }
  }
  return [...tokens];
}

// ---------------------------------------------------------------- weights

function createNormal(seed: number): (n: number, std: number) => Float32Array {
  const random = seededRandom(seed);
  return (n, std) => {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i += 2) {
      // Box-Muller; 1 - u keeps the logarithm finite.
      const radius = Math.sqrt(-2 * Math.log(1 - random())) * std;
      const angle = 2 * Math.PI * random();
      out[i] = radius * Math.cos(angle);
      if (i + 1 < n) out[i + 1] = radius * Math.sin(angle);
    }
    return out;
  };
}

interface LayerWeights {
  query: Linear;
  key: Linear;
  value: Linear;
  attentionOut: Linear;
  attentionNorm: Norm;
  intermediate: Linear;
  output: Linear;
  outputNorm: Norm;
}
interface Linear {
  weight: Float32Array; // [in, out], row-major, as MatMul expects
  bias: Float32Array;
  inDim: number;
  outDim: number;
}
interface Norm {
  scale: Float32Array;
  bias: Float32Array;
}
interface BertWeights {
  wordEmbeddings: Float32Array;
  positionEmbeddings: Float32Array;
  tokenTypeEmbeddings: Float32Array;
  embeddingNorm: Norm;
  layers: LayerWeights[];
}

function generateWeights(shape: BertShape, seed: number): BertWeights {
  const normal = createNormal(seed);
  const { hidden, intermediate } = shape;
  const linear = (inDim: number, outDim: number): Linear => ({
    weight: normal(inDim * outDim, WEIGHT_STD),
    bias: normal(outDim, WEIGHT_STD),
    inDim,
    outDim,
  });
  const norm = (): Norm => {
    const scale = normal(hidden, WEIGHT_STD);
    for (let i = 0; i < hidden; i++) scale[i] += 1;
    return { scale, bias: normal(hidden, WEIGHT_STD) };
  };
  return {
    wordEmbeddings: normal(shape.vocabSize * hidden, WEIGHT_STD),
    positionEmbeddings: normal(shape.maxPositions * hidden, WEIGHT_STD),
    tokenTypeEmbeddings: normal(2 * hidden, WEIGHT_STD),
    embeddingNorm: norm(),
    layers: Array.from({ length: shape.layers }, () => ({
      query: linear(hidden, hidden),
      key: linear(hidden, hidden),
      value: linear(hidden, hidden),
      attentionOut: linear(hidden, hidden),
      attentionNorm: norm(),
      intermediate: linear(hidden, intermediate),
      output: linear(intermediate, hidden),
      outputNorm: norm(),
    })),
  };
}

// ---------------------------------------------------------------- graph

const { FLOAT, INT8, INT64 } = onnx.TensorProto.DataType;

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
    return this.op(opType, inputs, attributes)[0];
  }

  /** Renames the output of the last node (for graph outputs). */
  renameLastOutput(name: string): void {
    this.nodes[this.nodes.length - 1].output[0] = name;
  }

  tensor(name: string, dataType: number, dims: number[], data: ArrayBufferView): string {
    this.initializers.push(
      onnx.TensorProto.create({
        name,
        dataType,
        dims,
        rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      }),
    );
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

interface QuantizedTensor {
  values: Int8Array;
  /** One scale per output column (symmetric, zero point 0). */
  scales: Float32Array;
}

/** Symmetric int8 quantization, one scale per column of a row-major [rows, cols] matrix. */
function quantizeColumns(data: Float32Array, rows: number, cols: number): QuantizedTensor {
  const scales = new Float32Array(cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) scales[c] = Math.max(scales[c], Math.abs(data[r * cols + c]));
  }
  for (let c = 0; c < cols; c++) scales[c] = scales[c] > 0 ? scales[c] / 127 : 1;
  const values = new Int8Array(data.length);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) values[r * cols + c] = Math.round(data[r * cols + c] / scales[c]);
  }
  return { values, scales };
}

function quantizeTensor(data: Float32Array): { values: Int8Array; scale: number } {
  let max = 0;
  for (const v of data) max = Math.max(max, Math.abs(v));
  const scale = max > 0 ? max / 127 : 1;
  return { values: Int8Array.from(data, (v) => Math.round(v / scale)), scale };
}

function buildGraph(shape: BertShape, weights: BertWeights, quantized: boolean) {
  const g = new GraphBuilder();
  const { hidden, heads } = shape;
  const headDim = hidden / heads;

  const zeroInt8 = quantized ? g.tensor('int8_zero', INT8, [], Int8Array.of(0)) : '';

  // A dense layer. Quantized: DynamicQuantizeLinear + MatMulInteger, as onnxruntime's dynamic
  // quantization emits (the runtime fuses it into one integer kernel); fp32: MatMul.
  const dense = (x: string, linear: Linear, name: string): string => {
    const bias = g.float(`${name}.bias`, [linear.outDim], linear.bias);
    if (!quantized) {
      const weight = g.float(`${name}.weight`, [linear.inDim, linear.outDim], linear.weight);
      return g.one('Add', [g.one('MatMul', [x, weight]), bias]);
    }
    const q = quantizeColumns(linear.weight, linear.inDim, linear.outDim);
    const weight = g.tensor(`${name}.weight_quantized`, INT8, [linear.inDim, linear.outDim], q.values);
    const weightScale = g.float(`${name}.weight_scale`, [linear.outDim], q.scales);
    const [xq, xScale, xZero] = g.op('DynamicQuantizeLinear', [x], {}, 3);
    const product = g.one('MatMulInteger', [xq, weight, xZero, zeroInt8]);
    const scale = g.one('Mul', [xScale, weightScale]);
    const dequantized = g.one('Mul', [g.one('Cast', [product], { to: FLOAT }), scale]);
    return g.one('Add', [dequantized, bias]);
  };

  const layerNorm = (x: string, norm: Norm, name: string): string =>
    g.one(
      'LayerNormalization',
      [x, g.float(`${name}.weight`, [hidden], norm.scale), g.float(`${name}.bias`, [hidden], norm.bias)],
      { axis: -1, epsilon: { float: LAYER_NORM_EPS } },
    );

  // Embeddings: word + position + token type, then LayerNorm.
  let words: string;
  if (quantized) {
    const q = quantizeTensor(weights.wordEmbeddings);
    const table = g.tensor('embeddings.word_embeddings.weight_quantized', INT8, [shape.vocabSize, hidden], q.values);
    const scale = g.scalarFloat('embeddings.word_embeddings.weight_scale', q.scale);
    words = g.one('DequantizeLinear', [g.one('Gather', [table, 'input_ids']), scale, zeroInt8]);
  } else {
    const table = g.float('embeddings.word_embeddings.weight', [shape.vocabSize, hidden], weights.wordEmbeddings);
    words = g.one('Gather', [table, 'input_ids']);
  }
  const sequenceLength = g.one('Gather', [g.one('Shape', ['input_ids']), g.int64('const_one_scalar', [], [1])], {
    axis: 0,
  });
  const positionIds = g.one('Range', [
    g.int64('const_zero_scalar', [], [0]),
    sequenceLength,
    'const_one_scalar',
  ]);
  const positions = g.one('Gather', [
    g.float('embeddings.position_embeddings.weight', [shape.maxPositions, hidden], weights.positionEmbeddings),
    positionIds,
  ]);
  const tokenTypes = g.one('Gather', [
    g.float('embeddings.token_type_embeddings.weight', [2, hidden], weights.tokenTypeEmbeddings),
    'token_type_ids',
  ]);
  let x = layerNorm(g.one('Add', [g.one('Add', [words, positions]), tokenTypes]), weights.embeddingNorm, 'embeddings.LayerNorm');

  // Additive attention mask [batch, 1, 1, seq]: 0 where attended, -10000 on padding.
  const maskFloat = g.one('Cast', ['attention_mask'], { to: FLOAT });
  const inverted = g.one('Sub', [g.scalarFloat('const_one_float', 1), maskFloat]);
  const additiveMask = g.one('Unsqueeze', [
    g.one('Mul', [inverted, g.scalarFloat('const_mask_value', -10000)]),
    g.int64('const_mask_axes', [2], [1, 2]),
  ]);
  const splitHeads = g.int64('const_split_heads_shape', [4], [0, 0, heads, headDim]);
  const mergeHeads = g.int64('const_merge_heads_shape', [3], [0, 0, hidden]);
  const attentionScale = g.scalarFloat('const_attention_scale', Math.sqrt(headDim));
  const sqrtHalf = g.scalarFloat('const_sqrt_two', Math.SQRT2);
  const half = g.scalarFloat('const_half', 0.5);

  weights.layers.forEach((layer, i) => {
    const prefix = `encoder.layer.${i}`;
    const heads4 = (t: string, perm: number[]) => g.one('Transpose', [g.one('Reshape', [t, splitHeads])], { perm });
    const query = heads4(dense(x, layer.query, `${prefix}.attention.self.query`), [0, 2, 1, 3]);
    const key = heads4(dense(x, layer.key, `${prefix}.attention.self.key`), [0, 2, 3, 1]);
    const value = heads4(dense(x, layer.value, `${prefix}.attention.self.value`), [0, 2, 1, 3]);
    const scores = g.one('Add', [g.one('Div', [g.one('MatMul', [query, key]), attentionScale]), additiveMask]);
    const probabilities = g.one('Softmax', [scores], { axis: -1 });
    const context = g.one('Reshape', [
      g.one('Transpose', [g.one('MatMul', [probabilities, value])], { perm: [0, 2, 1, 3] }),
      mergeHeads,
    ]);
    const attended = dense(context, layer.attentionOut, `${prefix}.attention.output.dense`);
    x = layerNorm(g.one('Add', [attended, x]), layer.attentionNorm, `${prefix}.attention.output.LayerNorm`);

    // Feed-forward with exact GELU: 0.5 * h * (1 + erf(h / sqrt 2)).
    const h = dense(x, layer.intermediate, `${prefix}.intermediate.dense`);
    const gelu = g.one('Mul', [
      g.one('Mul', [h, half]),
      g.one('Add', [g.one('Erf', [g.one('Div', [h, sqrtHalf])]), 'const_one_float']),
    ]);
    const out = dense(gelu, layer.output, `${prefix}.output.dense`);
    x = layerNorm(g.one('Add', [out, x]), layer.outputNorm, `${prefix}.output.LayerNorm`);
  });
  g.renameLastOutput('last_hidden_state');

  const dim = (d: string | number) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d });
  const valueInfo = (name: string, elemType: number, dims: (string | number)[]) =>
    onnx.ValueInfoProto.create({
      name,
      type: { tensorType: { elemType, shape: { dim: dims.map(dim) } } },
    });

  return onnx.ModelProto.create({
    irVersion: IR_VERSION,
    producerName: 'feedback-themes-test-bert',
    producerVersion: '1',
    opsetImport: [{ domain: '', version: OPSET }],
    graph: {
      name: 'bert',
      node: g.nodes,
      initializer: g.initializers,
      input: ['input_ids', 'attention_mask', 'token_type_ids'].map((name) =>
        valueInfo(name, INT64, ['batch_size', 'sequence_length']),
      ),
      output: [valueInfo('last_hidden_state', FLOAT, ['batch_size', 'sequence_length', hidden])],
    },
  });
}

function encodeModel(model: InstanceType<typeof onnx.ModelProto>): Uint8Array {
  return onnx.ModelProto.encode(model).finish();
}
