// The engine flags the measurement scripts share with `feedback-themes evaluate` (--engine, --model,
// --dtype, --cache-dir, --offline), resolved through the same option table, so a script measures
// exactly what a run with those flags would classify with.

import { resolveEngineConfig, type EngineConfig } from '../../src/config.js';
import type { OptionSpec } from '../../src/options.js';

export const ENGINE_FLAGS = {
  engine: { type: 'string' },
  model: { type: 'string' },
  dtype: { type: 'string' },
  'cache-dir': { type: 'string' },
  offline: { type: 'boolean' },
} as const;

export function engineConfigFrom(flags: {
  engine?: string;
  model?: string;
  dtype?: string;
  'cache-dir'?: string;
  offline?: boolean;
}): EngineConfig {
  const spec: Record<string, unknown> = {};
  if (flags.engine) spec.engine = flags.engine;
  if (flags.model) spec.model = flags.model;
  if (flags.dtype) spec.dtype = flags.dtype;
  if (flags['cache-dir']) spec.cacheDir = flags['cache-dir'];
  if (flags.offline) spec.offline = true;
  return resolveEngineConfig(spec as OptionSpec);
}

/**
 * What a cached result classified with depends on (engine, model, weights), for keys of caches kept
 * between runs: a head or run saved with one engine is never reused for another.
 */
export function engineSetupKey(config: Pick<EngineConfig, 'engine' | 'model' | 'dtype'>): string {
  return `${config.engine}|${config.model}|${config.dtype}`;
}
