// The engine flags the measurement scripts share with `feedback-themes evaluate` (--engine, --model,
// --dtype, --cache-dir, --offline), resolved through the same option table, so a script measures
// exactly what a run with those flags would classify with.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
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
  return `${config.engine}|${config.model}|${config.dtype}|${localWeightsStamp(config.model)}`;
}

/**
 * A model folder imported again at the same path (a new graph, other weights) must not reuse what
 * the old files classified: its ONNX files' sizes and times and its import record stand for them,
 * cheaply, without reading the weights.
 */
function localWeightsStamp(model: string): string {
  const onnx = path.join(model, 'onnx');
  if (!existsSync(onnx)) return 'no local weights';
  const files = readdirSync(onnx)
    .sort()
    .map((name) => {
      const stat = statSync(path.join(onnx, name));
      return `${name}:${stat.size}:${stat.mtimeMs}`;
    });
  const record = path.join(model, 'feedback-themes-model.json');
  return `${files.join(',')}|${existsSync(record) ? readFileSync(record, 'utf8') : ''}`;
}
