// One commit for a run's outputs and its store rows: a run lands everywhere (its folder shown,
// its rows committed) or nowhere (the previous run still shown, no new run), whatever fails and
// wherever the process is killed. The folder layout is in src/io/output-folder.ts.
//
//   1. stage   every output is written and synced into `runs/<id>/` (not shown yet);
//   2. record  the run's rows go into the store in one transaction, marked `pending`, naming
//              the run folder;
//   3. show    `current` is switched to the run folder: one rename, the moment the run lands;
//   4. commit  the run is marked `committed`. Only committed runs count as history.
//   5. tidy    links to names this run did not write go; runs beyond --keep are deleted.
//
// A failure undoes the steps before it (run folder deleted, previous run shown again, pending
// rows deleted). A kill leaves a pending run that the next run over the same folder settles
// before anything else (`recoverPendingRuns`): shown (or shown and since superseded) → committed;
// never shown → rows deleted and its folder too. Without a store, steps 1, 3 and 5.
import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { discardStaged, landOutputs } from './io/atomic.js';
import { CliError, ExitCode } from './errors.js';
import { writingTo } from './io/environment.js';
import { commitStep } from './io/faults.js';
import {
  currentRun,
  removeRunFolder,
  RUNS_FOLDER,
  showPrevious,
  showRun,
  stageRun,
  tidyOutputFolder,
  wasShown,
} from './io/output-folder.js';
import type { Logger } from './logger.js';
import type { PendingOutputs, RunRecord, Store } from './store/store.js';
import type { OutputFile } from './types.js';

export interface CommitOptions {
  outDir: string;
  runId: string;
  outputs: OutputFile[];
  /** Past runs kept in `runs/` (the one shown included). */
  keep: number;
  store: Store | null;
  /** Built lazily: the record needs the run's finish time. */
  record: () => RunRecord;
  logger: Logger;
}

/** How far a run got: what an error after this point must say was recorded. */
export type CommitProgress = 'nothing' | 'committed';

export async function commitRun(options: CommitOptions, progress: { reached: CommitProgress } = { reached: 'nothing' }): Promise<void> {
  const { store, logger, outDir, runId } = options;
  // A failed write on an open file names no path: each step names what it was writing.
  const staged = await writingTo(join(outDir, RUNS_FOLDER), () => stageRun(outDir, runId, options.outputs, () => commitStep('staging')));
  const previous = await currentRun(outDir);
  const unstage = () => removeRunFolder(outDir, runId).catch(() => {});
  // Puts back the run shown before, if the switch happened (or half-happened) before a failure.
  const unshow = async () => {
    if ((await currentRun(outDir)) !== previous) await showPrevious(outDir, previous);
  };
  if (store) {
    await guarded(
      () =>
        writingTo(store.path, async () => {
          commitStep('staged');
          return store.recordRun(options.record(), pendingOf(staged.outDir, staged.folder, staged.files), runId);
        }),
      unstage,
    );
  }
  await guarded(
    () =>
      writingTo(outDir, async () => {
        commitStep(store ? 'recorded' : 'staged');
        await showRun(
          staged,
          () => commitStep('linked'),
          () => commitStep('copying'),
        );
      }),
    async () => {
      await unshow().catch(() => {});
      await unstage();
      await store?.discardRun(runId).catch(() => {});
    },
  );
  if (store) {
    try {
      await writingTo(store.path, async () => {
        commitStep('shown');
        await store.markCommitted(runId);
      });
    } catch (error) {
      // Not recorded: the previous run is shown again and the pending rows go (or are rolled back
      // by the next run). If even that fails, say what is on disk.
      try {
        await unshow();
      } catch {
        throw new CliError(
          `run ${runId} is shown in ${outDir} but the store ${store.path} could not record it (${firstLine(error)}); ` +
            `the next run over this folder records it. Free some space or fix the store's disk first.`,
          ExitCode.usage,
          { cause: error },
        );
      }
      await unstage();
      await store.discardRun(runId).catch(() => logger.warn(`the store keeps run ${runId} as pending; the next run will roll it back`));
      throw error;
    }
  }
  progress.reached = 'committed';
  commitStep('committed');
  try {
    await tidyOutputFolder(outDir, options.keep);
  } catch (error) {
    logger.warn(`the report of run ${runId} is in place, but older runs could not be tidied in ${outDir}: ${firstLine(error)}`);
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

async function guarded<T>(work: () => Promise<T> | T, undo: () => Promise<void>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await undo();
    throw error;
  }
}

function pendingOf(outDir: string, runFolder: string, files: { name: string; sha256: string }[]): PendingOutputs {
  return { outDir: resolve(outDir), runFolder, files };
}

/**
 * Settles runs left pending in the store for this output folder (see the top of this file), then
 * tidies the folder. Runs pending for other folders are left for a run over those folders.
 */
export async function recoverPendingRuns(
  store: Store | null,
  outDir: string,
  logger: Logger,
  keep = Number.POSITIVE_INFINITY,
): Promise<{ rolledBack: string[]; rolledForward: string[] }> {
  const done = { rolledBack: [] as string[], rolledForward: [] as string[] };
  const here = resolve(outDir);
  for (const { runId, outputs } of store ? await store.pendingRuns() : []) {
    if (outputs.outDir !== here) continue;
    if (!outputs.runFolder) {
      await settleEarlierPending(store!, runId, outputs, done);
      continue;
    }
    const id = outputs.runFolder.split('/').pop()!;
    // Shown now, or shown and since superseded by a run without the store: it landed.
    if (await wasShown(here, id)) {
      await store!.markCommitted(runId);
      done.rolledForward.push(runId);
      logger.warn(`an interrupted run (${runId}) had replaced the report but not recorded it; it is now recorded`);
    } else {
      await removeRunFolder(here, id);
      await store!.discardRun(runId);
      done.rolledBack.push(runId);
      logger.warn(`an interrupted run (${runId}) had not replaced the report; it was rolled back`);
    }
  }
  await tidyOutputFolder(here, keep);
  return done;
}

/** A run pending from a version that renamed outputs into place one by one (temp names recorded). */
async function settleEarlierPending(
  store: Store,
  runId: string,
  outputs: PendingOutputs,
  done: { rolledBack: string[]; rolledForward: string[] },
): Promise<void> {
  const files = outputs.files.map((file) => ({ name: file.name, temp: file.temp ?? '', sha256: file.sha256 }));
  const exists = (path: string) =>
    access(path).then(
      () => true,
      () => false,
    );
  const remaining = [];
  for (const file of files) if (file.temp && (await exists(join(outputs.outDir, file.temp)))) remaining.push(file);
  if (remaining.length === files.length) {
    await discardStaged({ outDir: outputs.outDir, files });
    await store.discardRun(runId);
    done.rolledBack.push(runId);
    return;
  }
  await (await landOutputs({ outDir: outputs.outDir, files: remaining }, { removeStale: outputs.removeStale ?? [] })).finish();
  await store.markCommitted(runId);
  done.rolledForward.push(runId);
}
