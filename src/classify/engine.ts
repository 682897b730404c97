// Chooses the embedder for a run. `auto` prefers the neural model and falls back to the lexical
// engine loudly (stderr warning + a stamp in the outputs); `transformers` never falls back.

import type { EngineConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { Embedder, EngineInfo, Taxonomy } from '../types.js';
import { createLexicalEmbedder } from './lexical.js';
import { ModelUnavailableError } from './model-unavailable.js';
import { createTransformersEmbedder } from './transformers.js';

export interface SelectedEngine {
  embedder: Embedder;
  info: EngineInfo;
}

export async function selectEngine(
  config: EngineConfig,
  taxonomy: Taxonomy,
  logger: Logger,
): Promise<SelectedEngine> {
  const lexical = (): Embedder => createLexicalEmbedder({ corpus: taxonomy.themes.flatMap((t) => t.examples) });
  if (config.engine === 'lexical') {
    return { embedder: lexical(), info: { name: 'lexical', model: null, fallbackReason: null } };
  }
  try {
    const embedder = await createTransformersEmbedder({
      model: config.model,
      cacheDir: config.cacheDir,
      offline: config.offline,
      dtype: config.dtype,
      batchSize: config.batchSize,
    });
    return { embedder, info: { name: 'transformers', model: config.model, fallbackReason: null } };
  } catch (error) {
    if (config.engine === 'transformers' || !(error instanceof ModelUnavailableError)) throw error;
    const reason = `model "${config.model}" could not be loaded: ${error.reason.replace(/\.$/, '')}`;
    logger.warn(
      `${reason}.\n  Falling back to the lexical engine, which is less accurate. To use the model, run ` +
        '`feedback-themes model pull` once on a machine with internet access, or pass --model with a local model folder.',
    );
    return { embedder: lexical(), info: { name: 'lexical', model: null, fallbackReason: reason } };
  }
}
