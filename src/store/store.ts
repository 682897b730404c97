// The store: one DuckDB file holding run history (for "change since last run") and the
// embedding cache (for fast re-runs). It never keeps feedback text, only its hash.
// Tables are documented in docs/store.md; advisers may query them with SQL.

import { randomBytes } from 'node:crypto';
import { mkdir, open, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBBlobVector, type DuckDBConnection } from '@duckdb/node-api';
import { CliError, ExitCode } from '../errors.js';
import type { PreviousRun } from '../previous-run.js';
import { toEnvironmentError } from '../io/environment.js';
import { bytesToVector, inTransaction, vectorBytes, withAppender } from './duckdb.js';
import { insertRun, isoOrThrow, type PendingOutputs, type RunRecord } from './runs.js';
import { prepareSchema } from './schema.js';
import { checkSince, findPreviousRun, type PreviousRunQuery } from './history.js';

export { STORE_SCHEMA_VERSION } from './schema.js';
export type { PreviousRunQuery } from './history.js';

export interface Store {
  path: string;
  /** Vectors cached for this embedder identity, keyed by text hash. */
  getVectors(embedderId: string, textHashes: string[]): Promise<Map<string, Float32Array>>;
  putVectors(embedderId: string, entries: { hash: string; vector: Float32Array }[]): Promise<void>;
  /** Theme counts of the most recent completed run (optionally only runs over the same taxonomy), or null. */
  previousRun(query?: PreviousRunQuery): Promise<PreviousRun | null>;
  /** Whether any run is committed: one cheap question, where previousRun() reads the latest run whole. */
  hasRuns(): Promise<boolean>;
  /** `--since` checked before any classification work: exit 2 when it names no committed run (see history.ts). */
  checkSince(since: string, taxonomySource?: string): Promise<void>;
  /** Records a run (under `runId`, else a new id); with `pending`, as pending (not counted until `markCommitted`). */
  recordRun(run: RunRecord, pending?: PendingOutputs, runId?: string): Promise<string>;
  markCommitted(runId: string): Promise<void>;
  /** Deletes a pending run and its rows (a run whose outputs did not land). */
  discardRun(runId: string): Promise<void>;
  /** Runs recorded as pending: their outputs may or may not have landed. */
  pendingRuns(): Promise<{ runId: string; outputs: PendingOutputs }[]>;
  close(): Promise<void>;
}

export type { PendingOutputs, RunRecord } from './runs.js';

export { hashText } from '../hash.js';

/** Sortable run id: UTC time to the millisecond plus a random suffix, e.g. `2026-03-01T101502.123Z-9f3a1c`. */
export function newRunId(now: Date = new Date()): string {
  return `${now.toISOString().replace(/:/g, '')}-${randomBytes(3).toString('hex')}`;
}

/** Files open in this process: DuckDB must not attach one file twice from the same process. */
const openPaths = new Set<string>();

export async function openStore(path: string): Promise<Store> {
  const key = resolve(path);
  if (openPaths.has(key)) throw new Error(`the store ${path} is already open in this process`);
  openPaths.add(key);
  try {
    await refuseWhatIsNotAStore(path);
    await mkdir(dirname(key), { recursive: true }).catch(() => {});
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path);
    } catch (error) {
      throw openError(path, error);
    }
    let connection: DuckDBConnection | null = null;
    try {
      connection = await instance.connect();
      await prepareSchema(connection, path);
    } catch (error) {
      connection?.closeSync();
      instance.closeSync();
      if (error instanceof CliError) throw error;
      throw openError(path, error);
    }
    return new DuckDBStore(path, instance, connection, () => openPaths.delete(key));
  } catch (error) {
    openPaths.delete(key);
    throw error;
  }
}

/** DuckDB files carry `DUCK` after an 8-byte checksum. */
const DUCKDB_MAGIC = Buffer.from('DUCK');

/**
 * An existing file given as the store must be a DuckDB store: DuckDB itself would read a .csv or
 * .json as a table and the run would keep no history, silently. It is left untouched.
 */
async function refuseWhatIsNotAStore(path: string): Promise<void> {
  const found = await stat(path).catch(() => null);
  if (!found) return; // a new store
  const refuse = (what: string) =>
    new CliError(
      `--store ${path}: ${what}, not a feedback-themes store (a DuckDB file); it was left untouched. ` +
        `Move it aside, or give another file with --store FILE (a new name starts a new store), or run with --no-store.`,
      ExitCode.usage,
    );
  if (found.isDirectory()) throw refuse('it is a folder');
  if (!found.isFile()) throw refuse('it is not a regular file');
  if (found.size === 0) return; // an empty file becomes a new store
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(12);
    const { bytesRead } = await handle.read(head, 0, 12, 0);
    if (bytesRead < 12 || !head.subarray(8, 12).equals(DUCKDB_MAGIC)) throw refuse('it is an existing file of another kind');
  } finally {
    await handle.close();
  }
}

function openError(path: string, error: unknown): CliError {
  const detail = error instanceof Error ? error.message : String(error);
  // A store on a full or read-only disk is healthy: say so, and never suggest deleting it.
  const environment = toEnvironmentError(error, { store: path });
  if (environment) return environment;
  if (/lock/i.test(detail) && /conflict|could not set lock/i.test(detail)) {
    return new CliError(`the store ${path} is in use by another process; wait for it to finish, or run with --no-store.`, ExitCode.locked, {
      cause: error,
    });
  }
  return new CliError(
    `cannot open the store ${path}: it is not a DuckDB database or it is damaged (${firstLine(detail)}). ` +
      `Move it aside (or delete it: it only holds run history and cached vectors), choose another file with --store, or run with --no-store.`,
    ExitCode.usage,
    { cause: error },
  );
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}

class DuckDBStore implements Store {
  /** Operations share one connection; a transaction must not interleave with another call. */
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /**
   * Per embedder id not known to hold vectors from before this process, the hashes this process
   * has put under it since. One that held none when first looked up (a new store, a new model)
   * then holds exactly these, so a lookup of other hashes is answered at once, without a query
   * waiting behind the writes in the queue: a cold run's texts reach the model sooner. (Only this
   * process writes: DuckDB locks the file, and the embeddings are written nowhere else.)
   */
  private readonly writtenHere = new Map<string, Set<string>>();
  /** Per embedder id, once first looked up: whether it held vectors from before (false: none). */
  private readonly heldBefore = new Map<string, boolean>();

  constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly onClose: () => void,
  ) {}

  /**
   * The first write of vectors that failed. Writers of the vector cache need not wait for their
   * writes (createCachedEmbedder does not), so every later operation fails with it, and closing
   * reports it: a run learns of it before it is recorded.
   */
  private failedWrite: { error: unknown } | null = null;

  private serial<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`store ${this.path} is closed`));
    const run = () => (this.failedWrite ? Promise.reject(this.failedWrite.error) : work());
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => {});
    return next;
  }

  getVectors(embedderId: string, textHashes: string[]): Promise<Map<string, Float32Array>> {
    if (!this.closed && !this.failedWrite && this.heldBefore.get(embedderId) === false && this.noneWrittenHere(embedderId, textHashes))
      return Promise.resolve(new Map());
    return this.serial(async () => {
      const found = new Map<string, Float32Array>();
      if (textHashes.length === 0) return found;
      const c = this.connection;
      if (!this.heldBefore.has(embedderId)) {
        // Asked in turn with the writes: what was put before this was asked is in writtenHere.
        const rows = await (await c.run(`SELECT 1 FROM embeddings WHERE embedder_id = $1 LIMIT 1`, [embedderId])).getRows();
        this.heldBefore.set(embedderId, rows.length > 0);
        if (rows.length > 0) this.writtenHere.delete(embedderId);
        else if (this.noneWrittenHere(embedderId, textHashes)) return found;
      }
      // Stage the wanted hashes and join: one query however many are asked for.
      await c.run(`CREATE OR REPLACE TEMP TABLE wanted_hashes (text_sha256 VARCHAR)`);
      await withAppender(
        c,
        'wanted_hashes',
        (appender) => {
          for (const hash of new Set(textHashes)) {
            appender.appendVarchar(hash);
            appender.endRow();
          }
        },
        'temp',
      );
      const result = await c.run(
        `SELECT e.text_sha256, e.dims, e.vector FROM embeddings e JOIN wanted_hashes w USING (text_sha256) WHERE e.embedder_id = $1`,
        [embedderId],
      );
      // Read the vectors straight from the result chunks: no intermediate value objects.
      for (let chunkIndex = 0; chunkIndex < result.chunkCount; chunkIndex++) {
        const chunk = result.getChunk(chunkIndex);
        const hashes = chunk.getColumnVector(0);
        const dims = chunk.getColumnVector(1);
        const vectors = chunk.getColumnVector(2) as DuckDBBlobVector;
        for (let row = 0; row < chunk.rowCount; row++) {
          const bytes = vectors.getItemBytes(row);
          if (!bytes) continue;
          const vector = bytesToVector(bytes);
          if (vector.length === dims.getItem(row)) found.set(hashes.getItem(row) as string, vector);
        }
      }
      await c.run(`DROP TABLE IF EXISTS temp.main.wanted_hashes`);
      return found;
    });
  }

  /** Whether this process has put none of these hashes under this embedder id (so far as writtenHere holds them). */
  private noneWrittenHere(embedderId: string, textHashes: string[]): boolean {
    const written = this.writtenHere.get(embedderId);
    return !textHashes.some((hash) => written?.has(hash));
  }

  putVectors(embedderId: string, entries: { hash: string; vector: Float32Array }[]): Promise<void> {
    if (this.heldBefore.get(embedderId) !== true) {
      const written = this.writtenHere.get(embedderId) ?? new Set<string>();
      for (const { hash } of entries) written.add(hash);
      this.writtenHere.set(embedderId, written);
    }
    const writing = this.serial(async () => {
      if (entries.length === 0) return;
      const c = this.connection;
      await inTransaction(c, async () => {
        await c.run(`CREATE OR REPLACE TEMP TABLE new_vectors (text_sha256 VARCHAR, dims INTEGER, vector BLOB)`);
        await withAppender(
          c,
          'new_vectors',
          (appender) => {
            const seen = new Set<string>();
            for (const { hash, vector } of entries) {
              if (seen.has(hash)) continue;
              seen.add(hash);
              appender.appendVarchar(hash);
              appender.appendInteger(vector.length);
              appender.appendBlob(vectorBytes(vector));
              appender.endRow();
            }
          },
          'temp',
        );
        // Vectors already cached for this embedder are kept: same model, same text, same vector.
        await c.run(
          `INSERT INTO embeddings (embedder_id, text_sha256, dims, vector, created_at)
             SELECT $1, n.text_sha256, n.dims, n.vector, $2::TIMESTAMP FROM new_vectors n
             ON CONFLICT DO NOTHING`,
          [embedderId, new Date().toISOString()],
        );
        await c.run(`DROP TABLE temp.main.new_vectors`);
      });
    });
    return writing.catch((error: unknown) => {
      this.failedWrite ??= { error };
      throw error;
    });
  }

  previousRun(query: PreviousRunQuery = {}): Promise<PreviousRun | null> {
    return this.serial(() => findPreviousRun(this.connection, query));
  }

  hasRuns(): Promise<boolean> {
    return this.serial(async () => {
      const rows = (await this.connection.runAndReadAll(`SELECT 1 FROM runs WHERE status = 'committed' LIMIT 1`)).getRowsJS();
      return rows.length > 0;
    });
  }

  checkSince(since: string, taxonomySource?: string): Promise<void> {
    return this.serial(() => checkSince(this.connection, since, taxonomySource));
  }

  markCommitted(runId: string): Promise<void> {
    return this.serial(async () => {
      await this.connection.run(`UPDATE runs SET status = 'committed', outputs = NULL WHERE run_id = $1`, [runId]);
    });
  }

  discardRun(runId: string): Promise<void> {
    return this.serial(async () => {
      const c = this.connection;
      await inTransaction(c, async () => {
        for (const table of ['followup', 'assignments', 'items', 'run_inputs', 'runs'])
          await c.run(`DELETE FROM ${table} WHERE run_id = $1`, [runId]);
      });
    });
  }

  pendingRuns(): Promise<{ runId: string; outputs: PendingOutputs }[]> {
    return this.serial(async () => {
      const rows = (
        await this.connection.runAndReadAll(`SELECT run_id, outputs::VARCHAR FROM runs WHERE status = 'pending' ORDER BY run_id`)
      ).getRowsJS();
      return rows.map(([runId, outputs]) => ({ runId: String(runId), outputs: JSON.parse(String(outputs)) as PendingOutputs }));
    });
  }

  recordRun(run: RunRecord, pending?: PendingOutputs, id?: string): Promise<string> {
    return this.serial(async () => {
      const runId = id ?? newRunId(new Date(isoOrThrow(run.startedAt, 'startedAt')));
      await inTransaction(this.connection, () => insertRun(this.connection, runId, run, pending));
      return runId;
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.queue;
    this.closed = true;
    try {
      // Fold the write-ahead log into the file so the store is one file at rest.
      await this.connection.run('CHECKPOINT');
    } finally {
      this.connection.closeSync();
      this.instance.closeSync();
      this.onClose();
    }
    if (this.failedWrite) throw this.failedWrite.error;
  }
}
