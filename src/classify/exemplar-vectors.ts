// The built-in taxonomy's exemplar vectors for the default model, shipped with the project
// (data/exemplar-vectors.json, written by scripts/build-exemplar-vectors.ts): a cold run then sends
// none of its 439 exemplars to the model. They stand in only for the model they were computed
// with (its weights file's digest, dtype and pooling, as its id names them) and only when a
// text's vector is its own (it cannot depend on its batch mates); any other text, an exemplar
// edited or added included, is embedded as before. On this CPU they are the model's vectors to
// the byte; another CPU's arithmetic may move the model's own in the last bits (docs/performance.md).

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { hashText } from '../hash.js';
import type { Embedder, Taxonomy } from '../types.js';
import { embedAnswering } from './answered.js';

export const EXEMPLAR_VECTORS_PATH: string = fileURLToPath(new URL('../../data/exemplar-vectors.json', import.meta.url));

export interface ExemplarVectorsFile {
  version: 1;
  /** The model's id less its name (`<dtype>:<weights digest>` and how it pools and batches), see modelKey. */
  model: string;
  dims: number;
  /** hashText of the texts as JSON, in order: a file edited by hand is refused. */
  textsHash: string;
  texts: string[];
  /** The texts' vectors one after another, float32 little-endian, base64. */
  vectors: string;
}

/** The part of a sentence model's id that says which vectors it gives: all but its name (a folder or hub id). */
export function modelKey(model: Pick<Embedder, 'id' | 'weights'>): string | null {
  if (!model.weights) return null;
  const at = model.id.indexOf(`:${model.weights}`);
  const dtypeAt = at < 0 ? -1 : model.id.lastIndexOf(':', at - 1);
  return dtypeAt < 0 ? null : model.id.slice(dtypeAt + 1);
}

/** Every exemplar text of a taxonomy, in its order, each once. */
export function exemplarTexts(taxonomy: Taxonomy): string[] {
  return [...new Set(taxonomy.themes.flatMap((theme) => theme.examples))];
}

/** The file for `texts` embedded by `model` (the generating script, and the test that the shipped one is current). */
export async function computeExemplarVectors(model: Embedder, texts: string[]): Promise<ExemplarVectorsFile> {
  const key = modelKey(model);
  if (!key || !model.textAlone)
    throw new Error(`${model.id}: exemplar vectors are shipped only for a model file whose vector of a text is its own`);
  const vectors = await model.embed(texts);
  const all = new Float32Array(texts.length * model.dims);
  for (const [i, vector] of vectors.entries()) all.set(vector, i * model.dims);
  return {
    version: 1,
    model: key,
    dims: model.dims,
    textsHash: hashText(JSON.stringify(texts)),
    texts,
    vectors: Buffer.from(all.buffer, all.byteOffset, all.byteLength).toString('base64'),
  };
}

/** The file's vectors by text; throws when it is not one computeExemplarVectors wrote. */
export function parseExemplarVectors(json: string, file: string): { model: string; dims: number; byText: Map<string, Float32Array> } {
  const parsed = JSON.parse(json) as Partial<ExemplarVectorsFile>;
  const { model, dims, texts, vectors, textsHash } = parsed;
  const bytes = typeof vectors === 'string' ? Buffer.from(vectors, 'base64') : null;
  if (
    parsed.version !== 1 ||
    typeof model !== 'string' ||
    !Number.isInteger(dims) ||
    !Array.isArray(texts) ||
    textsHash !== hashText(JSON.stringify(texts)) ||
    bytes?.length !== texts.length * dims! * 4
  )
    throw new Error(`${file} is not a file of exemplar vectors as scripts/build-exemplar-vectors.ts writes it`);
  const all = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  return { model, dims: dims!, byText: new Map(texts.map((text, i) => [text, all.subarray(i * dims!, (i + 1) * dims!)])) };
}

export async function readExemplarVectors(file = EXEMPLAR_VECTORS_PATH): Promise<ReturnType<typeof parseExemplarVectors>> {
  return parseExemplarVectors(await readFile(file, 'utf8'), file);
}

/**
 * `model`, answering the texts `shipped` holds from it when it was computed by this very model;
 * the others go to the model in the same call, as asked (their vectors are their own).
 */
export function withExemplarVectors(model: Embedder, shipped: ReturnType<typeof parseExemplarVectors> | null): Embedder {
  if (!shipped || !model.textAlone || shipped.dims !== model.dims || modelKey(model) !== shipped.model) return model;
  const { byText } = shipped;
  return {
    ...model,
    // A copy each: the caller owns its vectors.
    embed: (texts) => embedAnswering(model, texts, (text) => byText.get(text)?.slice()),
  };
}
