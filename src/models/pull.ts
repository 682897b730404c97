// Pulling a hub model into the model cache, so scheduled runs can use --offline.

import { CliError, ExitCode } from '../errors.js';
import type { ModelDtype } from '../types.js';
import { cachedModelPath, DEFAULT_MODEL, isHubModelId, isLocalModelPath, listFiles } from './catalog.js';
import { loadFeatureExtractionPipeline } from './load.js';

export interface PulledModel {
  path: string;
  files: string[];
}

/** Downloads a hub model into `cacheDir` by loading it once with remote access allowed. */
export async function pullModel(id: string, cacheDir: string, dtype: ModelDtype = 'fp32'): Promise<PulledModel> {
  if (isLocalModelPath(id)) {
    throw new CliError(
      `"${id}" is a local folder, not a hub model id; use it directly with \`--model ${id}\` (nothing to pull).`,
      ExitCode.usage,
    );
  }
  if (!isHubModelId(id)) {
    throw new CliError(`"${id}" is not a model id; expected something like ${DEFAULT_MODEL}.`, ExitCode.usage);
  }
  const loaded = await loadFeatureExtractionPipeline({ model: id, cacheDir, offline: false, dtype, threads: 1 });
  await loaded.pipeline.dispose();
  const modelPath = cachedModelPath(id, cacheDir);
  return { path: modelPath, files: (await listFiles(modelPath)).map((f) => f.relative) };
}
