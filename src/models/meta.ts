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
}

/** The pooling a model folder asks for: its recorded meta, else mean (the transformers.js models' own). */
export async function readModelPooling(dir: string): Promise<'mean' | 'cls'> {
  try {
    const meta = JSON.parse(await readFile(path.join(dir, MODEL_META_FILE), 'utf8')) as Partial<ModelMeta>;
    return meta.pooling === 'cls' ? 'cls' : 'mean';
  } catch {
    return 'mean';
  }
}
