// One commit for a run's outputs and its store rows: a run lands everywhere (new report, new store
// rows) or nowhere (previous report byte-identical, no new run), whatever fails and wherever the
// process is killed.
//
//   1. stage   every output is written and synced to a temp file beside its final name;
//   2. record  the run's rows go into the store in one transaction, marked `pending`, with the
//              names, temp names and SHA-256 of its outputs;
//   3. land    the temps are renamed into place (a failure undoes the renames already done);
//   4. commit  the run is marked `committed`. Only committed runs count as history.
//
// A failure at any step undoes the steps before it: temps deleted, renames undone (the previous
// outputs are kept aside as hard links until step 4 succeeds), pending rows deleted. A kill leaves
// a pending run, which the next run over the same output folder settles before anything else
// (`recoverPendingRuns`): if none of its outputs is in place it is rolled back (temps and rows
// deleted), otherwise it is rolled forward (the remaining temps, complete since step 1, are
// renamed; the run is committed). Without a store the outputs alone are landed (steps 1 and 3).
import { access, readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { discardStaged, landOutputs, stageOutputs, type StagedOutputs } from './io/atomic.js';
import { commitStep } from './io/faults.js';
import type { Logger } from './logger.js';
import type { PendingOutputs, RunRecord, Store } from './store/store.js';
import type { OutputFile } from './types.js';

export interface CommitOptions {
  outDir: string;
  outputs: OutputFile[];
  removeStale: string[];
  /** Files of an earlier run to delete from a folder once the run is committed (candidate pages). */
  removeStaleIn?: { folder: string; pattern: RegExp }[];
  store: Store | null;
  /** Built lazily: the record needs the run's finish time. */
  record: () => RunRecord;
  logger: Logger;
}

export async function commitRun(options: CommitOptions): Promise<void> {
  const { store, logger } = options;
  const staged = await stageOutputs(options.outDir, options.outputs);
  const stale = { removeStale: options.removeStale, removeStaleIn: options.removeStaleIn };
  const land = () => landOutputs(staged, stale, () => commitStep('landing'));
  if (!store) {
    await guarded(
      () => commitStep('staged'),
      () => discardStaged(staged),
    );
    await (await land()).finish();
    return;
  }
  const runId = await guarded(
    async () => {
      commitStep('staged');
      return store.recordRun(options.record(), pendingOf(staged, options.removeStale));
    },
    () => discardStaged(staged),
  );
  const landed = await guarded(
    async () => {
      commitStep('recorded');
      return land();
    },
    // The previous outputs are back in place; the pending rows go too (or, if the store cannot be
    // written now, the next run finds them pending with no output landed and rolls them back).
    async () => {
      await discardStaged(staged);
      await store.discardRun(runId).catch(() => {});
    },
  );
  try {
    commitStep('landed');
    await store.markCommitted(runId);
  } catch (error) {
    // Not committed: the previous outputs go back; the pending rows go too, or are rolled back
    // by the next run (no output of theirs is in place).
    await landed.undo();
    await store.discardRun(runId).catch(() => logger.warn(`the store keeps run ${runId} as pending; the next run will roll it back`));
    throw error;
  }
  await landed.finish();
  commitStep('committed');
}

async function guarded<T>(work: () => Promise<T> | T, undo: () => Promise<void>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await undo();
    throw error;
  }
}

function pendingOf(staged: StagedOutputs, removeStale: string[]): PendingOutputs {
  return { outDir: resolve(staged.outDir), files: staged.files, removeStale };
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function sha256Of(path: string): Promise<string | null> {
  try {
    return createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  } catch {
    return null;
  }
}

/**
 * Settles runs left pending in the store for this output folder (see the top of this file). Runs
 * pending for other folders are left for a run over those folders. Returns what was done.
 */
export async function recoverPendingRuns(
  store: Store,
  outDir: string,
  logger: Logger,
): Promise<{ rolledBack: string[]; rolledForward: string[] }> {
  const done = { rolledBack: [] as string[], rolledForward: [] as string[] };
  const here = resolve(outDir);
  for (const { runId, outputs } of await store.pendingRuns()) {
    if (outputs.outDir !== here) continue;
    let inPlace = 0;
    for (const file of outputs.files) {
      if (!(await exists(join(here, file.temp))) && (await sha256Of(join(here, file.name))) === file.sha256) inPlace++;
    }
    if (inPlace === 0) {
      await discardStaged({ outDir: here, files: outputs.files });
      await store.discardRun(runId);
      done.rolledBack.push(runId);
      logger.warn(`an interrupted run (${runId}) had not replaced the report; it was rolled back`);
      continue;
    }
    const remaining = [];
    for (const file of outputs.files) if (await exists(join(here, file.temp))) remaining.push(file);
    const finished = await landOutputs({ outDir: here, files: remaining }, { removeStale: outputs.removeStale });
    await store.markCommitted(runId);
    await finished.finish();
    done.rolledForward.push(runId);
    logger.warn(`an interrupted run (${runId}) had replaced part of the report; its remaining outputs were put in place`);
  }
  return done;
}
