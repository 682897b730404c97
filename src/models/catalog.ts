// Where models live and what is there: the cache directory, listing it, and telling a local
// folder from a hub id. Nothing here loads the inference library, so `model info` and lexical runs
// stay light (pulling a model is pull.ts).

import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ModelDtype } from '../types.js';

export const DEFAULT_MODEL = 'Xenova/all-MiniLM-L6-v2';

/** Files a model folder needs, besides its ONNX file. */
export const REQUIRED_MODEL_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'] as const;

/** The ONNX file for a dtype, relative to the model folder (the transformers.js layout). */
export function onnxFileFor(dtype: ModelDtype): string {
  return dtype === 'q8' ? 'onnx/model_quantized.onnx' : 'onnx/model.onnx';
}

/** The weights to run when none were asked for: q8, unless the model on disk (a folder, or the
 * cache offline) has only the fp32 weights; then fp32, with a one-line note saying so. */
export function preferredDtype(model: string, cacheDir: string): { dtype: ModelDtype; note: string | null } {
  const dir = modelFolder(model, cacheDir);
  const has = (dtype: ModelDtype) => dir !== null && existsSync(path.join(dir, onnxFileFor(dtype)));
  if (has('q8') || !has('fp32')) return { dtype: 'q8', note: null };
  return {
    dtype: 'fp32',
    note: `model ${model} has no ${onnxFileFor('q8')}: running its fp32 weights (${onnxFileFor('fp32')}); same themes, slower.`,
  };
}

/** The folder a model argument names: a local folder, or where a hub model lives in the cache (null: neither). */
export function modelFolder(model: string, cacheDir: string): string | null {
  return isLocalModelPath(model) ? resolveLocalModelPath(model) : isHubModelId(model) ? cachedModelPath(model, cacheDir) : null;
}

/** Whether a model folder holds every file its weights of this dtype need. */
export function hasModelFiles(dir: string, dtype: ModelDtype): boolean {
  return [...REQUIRED_MODEL_FILES, onnxFileFor(dtype)].every((file) => existsSync(path.join(dir, file)));
}

/** FEEDBACK_THEMES_CACHE, else $XDG_CACHE_HOME/feedback-themes/models, else ~/.cache/feedback-themes/models. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.FEEDBACK_THEMES_CACHE?.trim();
  if (explicit) return path.resolve(expandHome(explicit, env));
  const xdg = env.XDG_CACHE_HOME?.trim();
  // The XDG spec says relative values are invalid and must be ignored.
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'feedback-themes', 'models');
  return path.join(homeDir(env), '.cache', 'feedback-themes', 'models');
}

function homeDir(env: NodeJS.ProcessEnv): string {
  return env.HOME?.trim() || os.homedir();
}

function expandHome(p: string, env: NodeJS.ProcessEnv = process.env): string {
  if (p === '~') return homeDir(env);
  if (p.startsWith('~/') || p.startsWith('~\\')) return path.join(homeDir(env), p.slice(2));
  return p;
}

/** A folder on disk rather than a hub id: starts with `.`, `/` or `~` (or a drive letter), or exists. */
export function isLocalModelPath(model: string): boolean {
  if (/^(\.|\/|~|\\)/.test(model) || /^[A-Za-z]:[\\/]/.test(model)) return true;
  return existsSync(model);
}

/** Absolute folder of a local model argument (expands `~`). */
export function resolveLocalModelPath(model: string): string {
  return path.resolve(expandHome(model));
}

/** Hub ids look like `owner/name` (or `name`); anything else is rejected before touching the network. */
export function isHubModelId(model: string): boolean {
  return /^[A-Za-z0-9][\w.-]*(\/[\w.-]+)?$/.test(model) && !model.includes('..') && !model.includes('--');
}

/** Folder a hub model occupies in the cache (the library's file-cache layout: `<cacheDir>/<owner>/<name>`). */
export function cachedModelPath(id: string, cacheDir: string): string {
  return path.join(cacheDir, ...id.split('/'));
}

export interface CachedModel {
  id: string;
  path: string;
  files: string[];
  bytes: number;
}

export interface ModelInfo {
  cacheDir: string;
  models: CachedModel[];
}

/** Models present in the cache: folders holding config.json and at least one onnx/*.onnx. */
export async function modelInfo(cacheDir: string): Promise<ModelInfo> {
  const models: CachedModel[] = [];
  await findModels(cacheDir, cacheDir, 0, models);
  models.sort((a, b) => byCodeUnits(a.id, b.id));
  return { cacheDir, models };
}

// Hub ids are at most `owner/name`, plus a revision level; deeper folders are not models.
const MAX_MODEL_DEPTH = 3;

async function findModels(root: string, dir: string, depth: number, out: CachedModel[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => null);
  if (!entries) return;
  const names = new Set(entries.map((e) => e.name));
  if (names.has('config.json') && names.has('onnx')) {
    const onnxFiles = await readdir(path.join(dir, 'onnx')).catch(() => [] as string[]);
    if (onnxFiles.some((f) => f.endsWith('.onnx'))) {
      const files = await listFiles(dir);
      out.push({
        id: path.relative(root, dir).split(path.sep).join('/') || path.basename(dir),
        path: dir,
        files: files.map((f) => f.relative),
        bytes: files.reduce((sum, f) => sum + f.bytes, 0),
      });
      return;
    }
  }
  if (depth >= MAX_MODEL_DEPTH) return;
  for (const entry of entries) {
    if (entry.isDirectory() && !entry.name.startsWith('.')) {
      await findModels(root, path.join(dir, entry.name), depth + 1, out);
    }
  }
}

/** Files under a folder (relative, `/`-separated, sorted), skipping partial downloads. */
export async function listFiles(dir: string): Promise<{ relative: string; bytes: number }[]> {
  const out: { relative: string; bytes: number }[] = [];
  const walk = async (current: string): Promise<void> => {
    const entries = await readdir(current, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && !/\.tmp\.\d+/.test(entry.name)) {
        out.push({ relative: path.relative(dir, full).split(path.sep).join('/'), bytes: (await stat(full)).size });
      }
    }
  };
  await walk(dir);
  return out.sort((a, b) => byCodeUnits(a.relative, b.relative));
}

/** Locale-independent order, so listings are the same on every machine. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
