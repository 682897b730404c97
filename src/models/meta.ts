// What `model import` records about a model beside its files, so the embedder pools the way the
// checkpoint was trained to (sentence-transformers' Pooling module), not always by the mean.

import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const MODEL_META_FILE = 'feedback-themes-model.json';

export interface ModelMeta {
  format: 1;
  architecture: 'bert';
  pooling: 'mean' | 'cls';
  /** Whether the checkpoint normalises its embeddings. Vectors are always unit length here, since
   * themes are scored by cosine, which normalising does not change. */
  normalize: boolean;
  maxSeqLength: number | null;
  /** The file or folder it was imported from (its name only). */
  source: string;
  /** How the q8 file quantises a product's input: 'row' (one scale per token row, bert-onnx.ts), so a
   * text's vector is the same in any batch. Absent in models imported before (one scale per call). */
  q8ActivationScale?: 'row';
}

async function readModelMeta(dir: string): Promise<Partial<ModelMeta>> {
  try {
    return JSON.parse(await readFile(path.join(dir, MODEL_META_FILE), 'utf8')) as Partial<ModelMeta>;
  } catch {
    return {};
  }
}

/** The pooling a model folder asks for: its recorded meta, else mean (the transformers.js models' own). */
export async function readModelPooling(dir: string): Promise<'mean' | 'cls'> {
  return (await readModelMeta(dir)).pooling === 'cls' ? 'cls' : 'mean';
}

/** Whether the folder's q8 file scales each token row on its own (recorded by `model import`). */
export async function readRowScaledQ8(dir: string): Promise<boolean> {
  return (await readModelMeta(dir)).q8ActivationScale === 'row';
}
