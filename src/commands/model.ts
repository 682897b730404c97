import { DEFAULT_MODEL, modelInfo } from '../models/catalog.js';
import { pullModel } from '../models/pull.js';
import type { Logger } from '../logger.js';
import type { ModelDtype } from '../types.js';

export async function modelPullCommand(id: string, cacheDir: string, dtype: ModelDtype, logger: Logger): Promise<string> {
  logger.info(`downloading ${id} (${dtype}) into ${cacheDir} …`);
  const pulled = await pullModel(id, cacheDir, dtype);
  return `${id} is ready in ${pulled.path}\n${pulled.files.map((f) => `  ${f}`).join('\n')}\nScheduled runs can now use --offline.\n`;
}

export async function modelInfoCommand(cacheDir: string, json: boolean): Promise<string> {
  const info = await modelInfo(cacheDir);
  if (json) return `${JSON.stringify(info, null, 2)}\n`;
  const lines = [`model cache: ${info.cacheDir}`];
  if (info.models.length === 0) {
    lines.push('  no models cached. Run `feedback-themes model pull` on a machine with internet access.');
  }
  for (const model of info.models) {
    lines.push(`  ${model.id}  ${(model.bytes / 1e6).toFixed(1)} MB  ${model.path}`);
  }
  return `${lines.join('\n')}\n`;
}

export interface ModelImportFlags {
  out?: string;
  name?: string;
  cacheDir: string;
}

/** Imports a checkpoint; the model folder is the last line, so scripts can take it with `tail -n 1`. */
export async function modelImportCommand(source: string, flags: ModelImportFlags, logger: Logger): Promise<string> {
  // Loaded on use: building graphs needs the protobuf encoder that no other command does.
  const { importModel } = await import('../models/import.js');
  const imported = await importModel({ source, out: flags.out, name: flags.name, cacheDir: flags.cacheDir, logger });
  const usage = flags.out
    ? `Use it with --model ${imported.dir}`
    : imported.name === DEFAULT_MODEL
      ? 'It is the default model: `feedback-themes run export.csv --offline` now uses it.'
      : `Use it with --model ${imported.name} --offline`;
  return `imported ${imported.name} (${imported.meta.pooling} pooling) from ${source}\n${usage}\n${imported.dir}\n`;
}
