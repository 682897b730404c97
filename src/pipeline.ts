// The main job: CSV exports in, report folder out. Each stage is a function over typed records;
// this module only sequences them and owns the side effects around them (locks, store, files).

import path from 'node:path';
import type { analyse } from './analyse/index.js';
import { checkpoint } from './checkpoint.js';
import { loadEngine, type LoadedEngine, type PreparedClassifier } from './classify/prepare.js';
import { ENGINE_PROFILES } from './classify/profiles.js';
import { withUnreadSetAside } from './analyse/unread.js';
import type { RunConfig } from './config.js';
import { checkInputs, ingestFiles } from './ingest/index.js';
import { usageError } from './errors.js';
import { commitRun, recoverPendingRuns, type CommitProgress } from './commit.js';
import { cleanupStaleTempFiles } from './io/atomic.js';
import { prepareOutFolder, toEnvironmentError } from './io/environment.js';
import { acquireLock, type Lock } from './io/lock.js';
import { checkFolderLayout, RUNS_FOLDER } from './io/output-folder.js';
import type { Logger } from './logger.js';
import { preferredDtype } from './models/catalog.js';
import { itemContent } from './hash.js';
import type { ClassifiedItem, EmergingTheme, FeedbackItem } from './types.js';
import {
  finishRejects,
  loadPseudonymSecret,
  pseudonymiser,
  namesBySource,
  redactFileReports,
  redactItemsInTurns,
  redactFreeText,
  secretPath,
  withoutNames,
} from './redact/index.js';
import { referenceCoder } from './redact/reference.js';
import type { buildSummary } from './report/index.js';
import { newRunId, openStore, type Store } from './store/store.js';
import { loadTaxonomy } from './taxonomy/load.js';

export const LOCK_NAME = '.feedback-themes.lock';

export interface RunEffects {
  logger: Logger;
  /** Clock, pinned in tests so outputs are reproducible. */
  now: () => Date;
}

/**
 * The stages after classification (discovery, analysis, the report): some 50 modules, loaded while
 * the model embeds rather than before its first texts.
 */
async function laterStages() {
  const [discover, analysis, changes, references, followup, report] = await Promise.all([
    import('./discover/index.js'),
    import('./analyse/index.js'),
    import('./analyse/changes.js'),
    import('./analyse/references.js'),
    import('./analyse/followup.js'),
    import('./report/index.js'),
  ]);
  return {
    discoverEmerging: discover.discoverEmerging,
    analyse: analysis.analyse,
    describeMovement: changes.describeMovement,
    assignReferences: references.assignReferences,
    followUpMembers: followup.followUpMembers,
    buildOutputs: report.buildOutputs,
    buildSummary: report.buildSummary,
    DIGEST_FOLDER: report.DIGEST_FOLDER,
    FOLLOWUP_FILE: report.FOLLOWUP_FILE,
  };
}
type LaterStages = Awaited<ReturnType<typeof laterStages>>;

export interface RunOutcome {
  summary: ReturnType<typeof buildSummary>;
  outDir: string;
}

export async function runJob(config: RunConfig, effects: RunEffects): Promise<RunOutcome> {
  // An error names what was recorded: nothing, or (a failure after the commit) the whole run.
  const progress: { reached: CommitProgress } = { reached: 'nothing' };
  try {
    return await runLocked(config, effects, progress);
  } catch (error) {
    throw toEnvironmentError(error, writeTargets(config, progress.reached)) ?? error;
  }
}

function writeTargets(config: RunConfig, recorded: CommitProgress) {
  return { out: config.out, store: config.store, cache: config.cacheDir, state: config.stateDir, recorded };
}

async function runLocked(config: RunConfig, effects: RunEffects, progress: { reached: CommitProgress }): Promise<RunOutcome> {
  const { logger } = effects;
  const startedAt = effects.now().toISOString();
  const runId = newRunId(new Date(startedAt));
  const locks: Lock[] = [];
  let store: Store | null = null;
  let loaded: LoadedEngine | null = null;
  let failed = false;
  try {
    await prepareOutFolder(config.out);
    locks.push(await acquireLock(path.join(config.out, LOCK_NAME), config.out));
    if (config.store) locks.push(await acquireLock(`${config.store}.lock`, config.store));
    await checkFolderLayout(config.out);
    await checkInputs(config.inputs, config);

    // Taxonomy, store and engine first: a config mistake or a missing model should fail before
    // minutes of reading.
    const taxonomy = await loadTaxonomy(config.taxonomy);
    if (config.store) store = await openStore(config.store);
    if (config.since !== undefined && store === null)
      throw usageError(`--since ${config.since} compares with a stored run: drop --no-store`);
    // What a killed run left is settled first, so the folder shows one run, whole.
    await recoverPendingRuns(store, config.out, logger, config.keep);
    // A mistyped --since fails now, not after minutes of classifying.
    if (config.since !== undefined) await store?.checkSince(config.since, taxonomy.source);
    await cleanupStaleTempFiles(config.out);
    loaded = await loadEngine(config, logger, { store, taxonomy });
    const { engine, thresholds } = loaded;

    // Asked once: the secret's check and the cold start both want to know only whether runs are stored.
    const history = store !== null && (await store.hasRuns());
    const secret = await loadPseudonymSecret({
      file: secretPath(config.store, config.stateDir),
      legacyDir: config.cacheDir,
      store: store && config.store ? { path: config.store, hasHistory: async () => history } : null,
      logger,
    });
    // With nothing stored yet, the first rows' units go to the model while the rest are redacted.
    const cold = !history;
    const {
      ingested,
      items,
      rejects,
      files: read,
    } = await readInputs(config, logger, secret, startedAt.slice(0, 10), cold ? loaded.prefetch : undefined);
    const prepared = await loaded.build(items, { redact: config.redact });
    if (rejects.length > 0) logger.info(`rows that could not be used are listed in ${path.join(config.out, 'rejects.csv')}`);

    logger.info(`classifying ${items.length} item(s) with the ${engine.name} engine${engine.model ? ` (${engine.model})` : ''}`);
    await checkpoint('classifying');
    const classifying = prepared.classifier.classify(items, thresholds);
    const stages = laterStages();
    // Should classifying fail first, the stages' loading must not fail unobserved.
    stages.catch(() => undefined);
    // Feedback the model cannot read (another language, only "see attached") is themed only as "possibly".
    const { classified, readable, files, warnings } = withUnreadSetAside(await classifying, read);
    for (const warning of warnings) logger.warn(warning);
    const later = await stages;
    const { analyse, assignReferences, followUpMembers, buildOutputs, buildSummary, DIGEST_FOLDER, FOLLOWUP_FILE } = later;
    const cache = prepared.cacheStats();
    if (cache) logger.info(`embedding cache: ${cache.hits} hit(s), ${cache.misses} miss(es)`);
    const emerging = await findEmergingThemes(readable, prepared, logger, stages);

    const previous = store
      ? await store.previousRun({
          taxonomySource: taxonomy.source,
          engine: { name: engine.name, model: engine.model },
          since: config.since,
          inputs: {
            sources: files.map((file) => file.source),
            cohorts: items.flatMap((item) => (item.cohort ? [item.cohort] : [])),
          },
        })
      : null;
    const generatedAt = effects.now().toISOString();
    const model = analyse({
      classified,
      taxonomy,
      engine,
      inputs: { files, rejects, dataRows: ingested.dataRows },
      thresholdsSource: thresholds.source,
      previous,
      // Hashed only when there is an earlier run's items to match them with.
      contents: previous?.itemContents ? classified.map((entry) => itemContent(entry.item)) : undefined,
      references: (ids) => assignReferences(ids, referenceCoder(secret)),
      options: { minGroup: config.minGroup, showIds: config.showIds, generatedAt, digests: config.digests, runId },
      cache: cache ? { hits: cache.hits, misses: cache.misses } : null,
      head: prepared.head
        ? { source: prepared.head.source, assignAt: prepared.head.file.assignAt, confidentAt: prepared.head.file.confidentAt }
        : null,
      emerging,
    });
    const outputs = buildOutputs(model, classified);
    // Outputs and store rows land together or not at all (src/commit.ts), in a folder of their own.
    await checkpoint('writing');
    await commitRun(
      {
        outDir: config.out,
        runId,
        outputs,
        keep: config.keep,
        store,
        logger,
        record: () => ({
          startedAt,
          finishedAt: effects.now().toISOString(),
          engine,
          taxonomySource: taxonomy.source,
          options: {
            minGroup: config.minGroup,
            redact: config.redact,
            thresholds: thresholds.source,
            dtype: config.dtype ?? preferredDtype(config.model, config.cacheDir).dtype,
            // So "since the last run" compares only themes both taxonomies had.
            taxonomyThemes: taxonomy.themes.map((theme) => theme.id),
          },
          inputs: files.map((file) => ({ path: file.source, bytes: file.bytes, sha256: file.sha256, rows: file.dataRows })),
          counts: {
            items: model.counts.items,
            segments: model.counts.segments,
            // The store counts people with an id; the report also counts each id-less item as one.
            candidates: model.counts.candidates - model.counts.itemsWithoutCandidate,
            rejectedRows: model.counts.rejectedRows,
          },
          items: classified.map((c) => ({ item: c.item, themes: c.themes.map((t) => ({ themeId: t.themeId, score: t.score })) })),
          followUp: followUpMembers(model.followUp),
        }),
      },
      progress,
    );
    const pages = model.digests?.length ?? 0;
    const topLevel = outputs.filter((o) => !o.name.startsWith(`${DIGEST_FOLDER}/`)).map((o) => o.name);
    logger.info(
      `wrote ${topLevel.join(', ')}${config.digests ? ` and ${pages} candidate page(s) in ${DIGEST_FOLDER}/` : ''} to ${config.out}` +
        ` (kept as ${path.join(config.out, RUNS_FOLDER, runId)}; the last ${config.keep} runs are kept)`,
    );
    logger.info(
      `${FOLLOWUP_FILE} names ${new Set(model.followUp.map((row) => row.candidate)).size} candidate(s) to follow up: it is personal data, keep it private`,
    );
    logger.info(privacyLine(config, later));
    // Under --quiet (cron mails any output) only a real change is worth a line.
    if (model.previousRun) {
      // Who to call is news too: a student newly on the follow-up list, or off it, is shown even with --quiet.
      const line = changesLine(model.changes, model.newSincePrevious, later);
      if (model.changes.length > 0 || followUpMoved(model.newSincePrevious)) logger.notice(line);
      else logger.info(line);
    }

    return { summary: buildSummary(model), outDir: config.out };
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await loaded?.dispose();
    // After a failure (a full disk, say) closing may fail too; the first error is the one to report.
    // After the commit, a store that cannot fold its log still holds the run: a warning, not a failure.
    await store?.close().catch((error: unknown) => {
      if (failed) return;
      const environment = toEnvironmentError(error, writeTargets(config, progress.reached));
      if (progress.reached === 'committed' && environment) logger.warn(environment.message);
      else throw error;
    });
    for (const lock of locks.reverse()) await lock.release();
  }
}

/** Which outputs may be shared and which is personal data, said once per run. */
function privacyLine(config: RunConfig, { DIGEST_FOLDER, FOLLOWUP_FILE }: LaterStages): string {
  if (!config.redact)
    return `--no-redact: every output holds names, emails, phone numbers and ids as exported; none of it is safe to share`;
  const shared = `${config.digests ? `${DIGEST_FOLDER}/*.html, ` : ''}segments.csv and rejects.csv name students by reference only`;
  if (config.showIds)
    return `${shared}; report.html, items.csv and summary.json show real candidate ids (--show-ids), as ${FOLLOWUP_FILE} does`;
  return `report.html, items.csv, summary.json, ${shared}; ${FOLLOWUP_FILE} alone holds real ids and contact details`;
}

type Model = ReturnType<typeof analyse>;

/** Students joined or left the follow-up list since the earlier run. */
function followUpMoved(arrivals: Model['newSincePrevious']): boolean {
  return (arrivals?.followUp?.length ?? 0) > 0 || (arrivals?.leftFollowUp?.length ?? 0) > 0;
}

/** One stderr line for a scheduled re-run: what moved, or that nothing did, and who joined or left the follow-up list (counts only). */
function changesLine(changes: Model['changes'], arrivals: Model['newSincePrevious'], { describeMovement }: LaterStages): string {
  const more =
    changes.length > 1 ? ` (and ${changes.length - 1} more theme${changes.length === 2 ? '' : 's'}; see summary.json changes)` : '';
  const themes = changes.length === 0 ? 'no theme changed beyond noise' : `${describeMovement(changes[0])}${more}`;
  const joined = arrivals?.followUp?.length ?? 0;
  const left = arrivals?.leftFollowUp?.length ?? 0;
  const list = [
    joined > 0 ? `${joined} student${joined === 1 ? ' newly needs' : 's newly need'} a follow-up` : '',
    left > 0 ? `${left} student${left === 1 ? ' is' : 's are'} no longer on the follow-up list` : '',
  ].filter(Boolean);
  return `since the last run: ${themes}${list.length > 0 ? `; ${list.join(', ')} (see the report)` : ''}`;
}

/** The inputs read as the run options say: redacted and pseudonymised (keyed by `secret`) unless told otherwise. */
export async function readInputs(
  config: RunConfig,
  logger: Logger,
  secret: Uint8Array,
  today?: string,
  onFirstReading?: (items: readonly FeedbackItem[]) => void,
) {
  const ingested = await ingestFiles(
    config.inputs,
    {
      columns: config.columns,
      fileColumns: config.fileColumns,
      delimiter: config.delimiter,
      encoding: config.encoding,
      skipRows: config.skipRows,
      sheet: config.sheet,
      maxTextChars: config.maxTextChars,
      dateOrder: config.dateOrder,
      today,
      prepareText: config.redact ? redactFreeText : undefined,
    },
    logger,
  );
  const pseudonymise = config.redact ? pseudonymiser(secret) : null;
  const fileNames = namesBySource(ingested.items, ingested.rejects);
  // The names found in the items' texts are hidden in the rejected rows' too (names-found.ts).
  const namesFound = new Set<string>();
  const items = pseudonymise
    ? await redactItemsInTurns(ingested.items, { pseudonymise, files: ingested.files, fileNames, namesFound, onFirstReading })
    : withoutNames(ingested.items);
  const rejects = finishRejects(ingested.rejects, config.redact, fileNames, namesFound);
  const files = config.redact ? redactFileReports(ingested.files, fileNames, { read: ingested.items, redacted: items }) : ingested.files;
  return { ingested, items, rejects, files };
}

/** Groups what no theme explains and marks each item with the clusters it belongs to. */
export async function findEmergingThemes(
  classified: ClassifiedItem[],
  prepared: PreparedClassifier,
  logger: Logger,
  stages: Promise<Pick<LaterStages, 'discoverEmerging'>> = laterStages(),
): Promise<EmergingTheme[]> {
  const { discoverEmerging } = await stages;
  const { emerging, byItem } = await discoverEmerging(classified, prepared.taxonomy, prepared.thresholds, prepared.discoveryEmbedder, {
    ...ENGINE_PROFILES[prepared.engine.name].discovery,
    probe: prepared.head?.applied.probe ?? null,
    onProgress: (done, total) => logger.progress('grouping unexplained sentences', done, total),
  });
  logger.progressDone('grouping unexplained sentences');
  for (const entry of classified) entry.emerging = byItem.get(entry.item.id) ?? [];
  if (emerging.length > 0) logger.info(`${emerging.length} emerging theme(s): feedback the taxonomy may be missing`);
  return emerging;
}
