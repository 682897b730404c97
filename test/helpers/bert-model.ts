// Builds a BERT-format model folder (config, WordPiece tokenizer, ONNX encoder with seeded random
// weights) that @huggingface/transformers loads as a `feature-extraction` pipeline with no network.
// The graph is a real BERT encoder, so speed and memory behave like the published model of the
// same shape; only the weights are random.

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildBertOnnx, type BertShape as EncoderShape, type BertWeights, type Linear, type Norm } from '../../src/models/bert-onnx.js';
import { seededRandom } from '../../src/random.js';

/** The encoder's shape, less what is fixed for these test models (two token types, BERT's epsilon). */
export type BertShape = Omit<EncoderShape, 'typeVocabSize' | 'layerNormEps'>;

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
  const encoder = encoderShape(shape);
  const producer = 'feedback-themes-test-bert';
  await writeFile(path.join(dir, 'onnx', 'model.onnx'), buildBertOnnx(encoder, weights, { quantized: false, producer }));
  if (options.quantized) {
    await writeFile(path.join(dir, 'onnx', 'model_quantized.onnx'), buildBertOnnx(encoder, weights, { quantized: true, producer }));
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

export function bertConfig(shape: BertShape) {
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

export function tokenizerConfig(shape: BertShape) {
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

export function tokenizerJson(vocab: string[]) {
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
  's',
  'es',
  'ed',
  'd',
  'ing',
  'ly',
  'er',
  'ers',
  'est',
  'ion',
  'ions',
  'tion',
  'tions',
  'ation',
  'ment',
  'ments',
  'ness',
  'ity',
  'al',
  'ally',
  'ful',
  'less',
  'able',
  'ible',
  'ive',
  'ous',
  'ise',
  'ize',
  'ised',
  'ized',
  'ist',
  'ism',
  'ship',
  'ance',
  'ence',
  'ant',
  'ent',
  'ic',
  'ical',
  'y',
  'ies',
  'ied',
  'en',
  'or',
  'ors',
  'age',
  'ure',
];

const PUNCTUATION = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'].concat(['’', '‘', '“', '”', '–', '—', '…', '£', '€']);

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

export function generateWeights(shape: BertShape, seed: number): BertWeights {
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

function encoderShape(shape: BertShape): EncoderShape {
  return { ...shape, typeVocabSize: 2, layerNormEps: LAYER_NORM_EPS };
}
