// `feedback-themes train LABELLED.csv… [--out FILE]`: fit a theme head on labelled feedback (the
// project's sets, an institution's own labels, corrections files with a text column) for the
// engine, model and taxonomy given, and write it for `run`/`evaluate --head FILE`. Files with
// `required`/`forbidden` columns instead of `themes` (the trap sentences' header
// id,text,forbidden,required) are partly labelled: each row teaches only the themes it names.

import path from 'node:path';
import { compileThemeCues } from '../classify/assign.js';
import { correctionKey } from '../classify/corrections.js';
import { goldFromRecords, type GoldItem } from '../classify/evaluate.js';
import { isPartialHeader, partialGoldFromRecords, type PartialGoldItem } from '../classify/partial-gold.js';
import { readTable } from '../ingest/table.js';
import { featureNames, itemFeatures, readingOf } from '../classify/head/features.js';
import { themeDigest } from '../classify/head/bind.js';
import { HEAD_FORMAT, HEAD_VERSION, serialiseHead, type HeadFile } from '../classify/head/file.js';
import { fitHead, PARTIAL_LABEL_SETTINGS, partialLabels } from '../classify/head/fit.js';
import { itemShape } from '../classify/head/no-reason.js';
import { prepareClassifier, type PreparedClassifier } from '../classify/prepare.js';
import { memoryVectorCache } from '../classify/cache.js';
import { attachProbe, modelPart, PROBE_SETTINGS, stackProbe, type Probe } from '../classify/head/probe.js';
import { labelledNeighbours } from '../classify/head/neighbours.js';
import { EMBED_CHUNK_SIZE, embedInChunks } from '../classify/scoring.js';
import type { ScoredItem } from '../classify/units.js';
import { createTransformersEmbedder } from '../models/transformers.js';
import type { EngineConfig } from '../config.js';
import { CliError, ExitCode } from '../errors.js';
import { writeOutputsAtomically } from '../io/atomic.js';
import type { Logger } from '../logger.js';
import { loadTaxonomy } from '../taxonomy/load.js';
import { MODEL_DTYPES } from '../types.js';
import { labelledTextsAsRead, redactSource } from '../redact/index.js';

/** Fewer labelled items than this for a theme and its weights would be guesses. */
export const MIN_THEME_EXAMPLES = 5;

export type TrainConfig = Omit<EngineConfig, 'head' | 'thresholds' | 'corrections'> & { headOut: string; redact?: boolean };

export async function trainCommand(paths: string[], config: TrainConfig, logger: Logger): Promise<string> {
  if (paths.length === 0)
    throw new CliError(
      'train: give at least one labelled CSV (columns text and themes), e.g. feedback-themes train labels.csv',
      ExitCode.usage,
    );
  const taxonomy = await loadTaxonomy(config.taxonomy);
  const ids = taxonomy.themes.map((t) => t.id);
  const { items, partial } = checkTrainingSet(await readTrainingFiles(paths, ids, logger), ids, logger);
  // Scores come from the engine alone: the head is what is being fitted. The model's vectors are
  // kept in memory, for the probe, so no text is embedded twice.
  const prepared = await prepareClassifier({ ...config, head: null }, logger, { taxonomy, store: memoryVectorCache() });
  try {
    const head = await fitHeadFile(
      prepared,
      [...items, ...partial.map((p) => ({ text: p.text, ...partialLabels(p.required, p.forbidden, ids) }))],
      {
        // A file named after a student ("Priya Patel labels.csv") names nobody in the head, which may be shared.
        files: paths.map((p) => redactSource(path.basename(p), new Map())),
        weights: await weightDigests(config, prepared.profile.weights[0]),
        logger,
        redact: config.redact,
      },
    );
    await writeOutputsAtomically(path.dirname(path.resolve(config.headOut)), [
      { name: path.basename(config.headOut), content: serialiseHead(head) },
    ]);
    return (
      `fitted a ${prepared.engine.name} theme head on ${items.length} item(s)${partial.length > 0 ? ` and ${partial.length} partly labelled` : ''} from ${paths.join(', ')}\n` +
      `cross-validated (5 folds): micro-F1 ${head.fitted.crossValidated.microF1.toFixed(3)}, macro-F1 ${head.fitted.crossValidated.macroF1.toFixed(3)}; ` +
      `themes assigned from probability ${head.assignAt}, stated as sure from ${head.confidentAt}` +
      (head.noReason ? `; no reason (uninformative alone) from the no-reason gate's ${head.noReason.cut}` : '') +
      '\n' +
      `wrote ${config.headOut} (use: feedback-themes run … --head ${config.headOut})\n`
    );
  } finally {
    await prepared.dispose();
  }
}

/**
 * A head fitted on labelled items for the prepared engine and its taxonomy (which must have been
 * prepared without a head: the engine's scores are what the head reads). An item may carry no
 * theme of the taxonomy: it then teaches every theme what it is not. An item with `known` is partly
 * labelled (`themes` its positives among the themes it knows): it joins only those themes' fits
 * (and the probe's, as `PARTIAL_LABEL_SETTINGS` says), never the cut's or the calibration's.
 */
export async function fitHeadFile(
  prepared: PreparedClassifier,
  items: readonly { text: string; themes: readonly string[]; known?: readonly boolean[] }[],
  /** `redact`: classify the texts as a run reads them, redacted (the default), or as given (for runs with --no-redact). */
  options: { files: string[]; weights: string[]; logger: Logger; redact?: boolean },
): Promise<HeadFile> {
  const { taxonomy } = prepared;
  const ids = taxonomy.themes.map((t) => t.id);
  const logger = options.logger;
  // Fully labelled items first: the folds of cross-validation are by position.
  const ordered = [...items.filter((item) => !item.known), ...items.filter((item) => item.known)];
  const full = ordered.filter((item) => !item.known).length;
  logger.info(`scoring ${ordered.length} labelled item(s) with the ${prepared.engine.name} engine`);
  const texts = labelledTextsAsRead(
    ordered.map((item) => item.text),
    options.redact !== false,
  );
  const scored = await prepared.classifier.score(texts.map((text, i) => ({ id: `train-${i}`, text })));
  const cues = compileThemeCues(taxonomy);
  const margin = prepared.profile.scoring.margin;
  const vectorOf = prepared.engine.model ? await modelVectors(prepared, scored) : null;
  const dims = prepared.discoveryEmbedder.dims;
  const probe = vectorOf ? fitItemProbe(scored, ordered, full, ids, dims, vectorOf) : null;
  const near = vectorOf ? await labelledNeighbours(scored, ordered, full, ids, dims, vectorOf, PROBE_SETTINGS.folds) : null;
  const labelled = scored.map((item, i) => ({
    features: itemFeatures(item, ids, cues, margin, probe !== null, near?.shares[i]),
    reading: readingOf(item, ids),
    shape: itemShape(item),
    themes: ordered[i]!.themes,
    ...(ordered[i]!.known ? { known: ordered[i]!.known, weight: PARTIAL_LABEL_SETTINGS.weight } : {}),
  }));
  logger.info(`fitting one head per theme (${ids.length}), choosing its settings by 5-fold cross-validation`);
  const fitted = fitHead(labelled, ids);
  return {
    format: HEAD_FORMAT,
    version: HEAD_VERSION,
    taxonomy: { themes: ids, digests: taxonomy.themes.map(themeDigest) },
    profile: {
      engine: prepared.engine.name,
      model: prepared.engine.model ? path.basename(prepared.engine.model) : null,
      weights: options.weights,
      scoring: prepared.profile.scoring,
    },
    features: featureNames(probe !== null, near !== null),
    probe,
    neighbours: near?.file ?? null,
    standardise: fitted.standardise,
    themes: fitted.themes,
    assignAt: fitted.assignAt,
    confidentAt: fitted.confidentAt,
    noReason: fitted.noReason,
    fitted: {
      files: options.files,
      items: full,
      ...(ordered.length > full ? { partlyLabelled: ordered.length - full } : {}),
      l2: fitted.l2,
      positiveWeight: fitted.positiveWeight,
      folds: 5,
      crossValidated: { microF1: round(fitted.crossValidated.microF1), macroF1: round(fitted.crossValidated.macroF1) },
    },
  };
}

type TrainingRow = GoldItem & { source: string };

/**
 * The probe on the model's vectors (probe.ts), fitted on the first `full` (fully labelled) items
 * and, as `PARTIAL_LABEL_SETTINGS` says, the partly labelled ones after them; each item's units are
 * given the scores of a probe fitted without it, so the head learns how far to trust it on new
 * feedback (partly labelled items the probe does not learn from are read by the probe fitted on
 * all the others, which never saw them).
 */
function fitItemProbe(
  scored: ScoredItem[],
  items: readonly { themes: readonly string[]; known?: readonly boolean[] }[],
  full: number,
  ids: string[],
  dims: number,
  vectorOf: (text: string) => Float32Array,
): Probe {
  const labelsOf = (part: readonly { themes: readonly string[] }[]) =>
    part.map((item) => ids.map((id) => (item.themes.includes(id) ? 1 : 0)));
  const partial = items.slice(full);
  const learns = partial.length > 0 && PARTIAL_LABEL_SETTINGS.probe;
  const probe = stackProbe(scored.slice(0, full), labelsOf(items.slice(0, full)), vectorOf, {
    dims,
    ...PROBE_SETTINGS,
    ...(learns
      ? {
          partial: {
            items: scored.slice(full),
            labels: labelsOf(partial),
            known: partial.map((item) => item.known!),
            weight: PARTIAL_LABEL_SETTINGS.weight,
          },
        }
      : {}),
  });
  if (!learns) attachProbe(scored.slice(full), probe, vectorOf);
  return probe;
}

/** The model's part of every scored text's vector (kept in memory: the probe and the neighbours read them). */
async function modelVectors(prepared: PreparedClassifier, scored: ScoredItem[]): Promise<(text: string) => Float32Array> {
  const dims = prepared.discoveryEmbedder.dims;
  // A segment's reason text is among its units unless the clause-role reader set some of its clauses aside.
  const texts = [...new Set(scored.flatMap((item) => item.segments.flatMap((s) => [s.scoredText, ...s.units.map((u) => u.text)])))];
  const embedded = await embedInChunks(prepared.embedder, texts, EMBED_CHUNK_SIZE);
  const vectors = new Map(texts.map((text, i) => [text, modelPart(embedded[i]!, dims)]));
  return (text) => vectors.get(text)!;
}

type PartialRow = PartialGoldItem & { source: string };

/** Each file read as fully labelled (a `themes` column) or partly labelled (`required`/`forbidden`); every file's problems listed together (exit 2). */
async function readTrainingFiles(
  paths: string[],
  ids: string[],
  logger: Logger,
): Promise<{ full: TrainingRow[][]; partial: PartialRow[][] }> {
  const full: TrainingRow[][] = [];
  const partial: PartialRow[][] = [];
  const problems: string[] = [];
  for (const file of paths) {
    try {
      const records = await readTable(file, { what: 'the labelled file', hint: 'Check the path of the labelled CSV.' });
      const names = records[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
      if (isPartialHeader(names)) {
        const { items, heldOut } = partialGoldFromRecords(records, file, ids);
        if (heldOut > 0) logger.info(`${file}: ${heldOut} held-out row(s) (ids traps-test-…) left out: never fitted on`);
        partial.push(items.map((row) => ({ ...row, source: file })));
      } else full.push(goldFromRecords(records, file, ids, { strict: true }).map((row) => ({ ...row, source: file })));
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) throw new CliError(problems.join('\n'), ExitCode.usage);
  return { full, partial };
}

/**
 * One item per distinct text: rows repeating an item with the same themes count once (said so);
 * rows that label the same text differently, and themes with too few items, are all listed (exit 2).
 * A partly labelled row of a text that a fully labelled row gives is that item, if they agree; two
 * partly labelled rows of one text are one, with both rows' themes.
 */
export function checkTrainingSet(
  { full: fullFiles, partial: partialFiles }: { full: TrainingRow[][]; partial: PartialRow[][] },
  ids: readonly string[],
  logger: Logger,
): { items: TrainingRow[]; partial: PartialRow[] } {
  const problems: string[] = [];
  const seen = new Map<string, TrainingRow>();
  const items: TrainingRow[] = [];
  let repeats = 0;
  for (const rows of fullFiles) {
    for (const row of rows) {
      const key = correctionKey(row.text);
      const earlier = seen.get(key);
      const themes = [...row.themes].sort().join('|');
      if (earlier) {
        const before = [...earlier.themes].sort().join('|');
        if (before !== themes)
          problems.push(
            `${row.source}:${row.line}: the same feedback as ${earlier.source}:${earlier.line}, labelled "${themes}" there "${before}"; keep one of the two rows`,
          );
        else repeats++;
        continue;
      }
      seen.set(key, row);
      items.push(row);
    }
  }
  const partialSeen = new Map<string, PartialRow>();
  let agreeing = 0;
  const partial: PartialRow[] = [];
  for (const rows of partialFiles) {
    for (const row of rows) {
      const key = correctionKey(row.text);
      const labelled = seen.get(key);
      if (labelled) {
        const clash = [
          ...row.required.filter((t) => !labelled.themes.includes(t)),
          ...row.forbidden.filter((t) => labelled.themes.includes(t)),
        ];
        if (clash.length > 0)
          problems.push(
            `${row.source}:${row.line}: the same feedback as ${labelled.source}:${labelled.line}, labelled "${[...labelled.themes].sort().join('|')}" there, which ${clash.map((t) => `"${t}"`).join(', ')} here contradicts; keep one of the two rows`,
          );
        else agreeing++;
        continue;
      }
      const earlier = partialSeen.get(key);
      if (earlier) {
        const clash = [
          ...row.required.filter((t) => earlier.forbidden.includes(t)),
          ...row.forbidden.filter((t) => earlier.required.includes(t)),
        ];
        if (clash.length > 0)
          problems.push(
            `${row.source}:${row.line}: the same feedback as ${earlier.source}:${earlier.line}, where ${clash.map((t) => `"${t}"`).join(', ')} is labelled the other way; keep one of the two rows`,
          );
        else {
          earlier.required = [...new Set([...earlier.required, ...row.required])];
          earlier.forbidden = [...new Set([...earlier.forbidden, ...row.forbidden])];
          agreeing++;
        }
        continue;
      }
      const own = { ...row, required: [...row.required], forbidden: [...row.forbidden] };
      partialSeen.set(key, own);
      partial.push(own);
    }
  }
  if (items.length === 0 && partial.length > 0)
    problems.push(
      'no fully labelled item (a file with columns text and themes): the head chooses its cut and calibrates on those; partly labelled rows (required/forbidden) only add to them',
    );
  for (const id of ids) {
    const lines = items.filter((item) => item.themes.includes(id));
    if (lines.length < MIN_THEME_EXAMPLES) {
      const where = lines.map((item) => `${item.source}:${item.line}`).join(', ');
      problems.push(
        `theme "${id}": ${lines.length} labelled item(s)${where ? ` (${where})` : ''}; a head needs at least ${MIN_THEME_EXAMPLES} of every theme: label more`,
      );
    }
  }
  if (problems.length > 0) throw new CliError(problems.join('\n'), ExitCode.usage);
  if (repeats > 0) logger.info(`${repeats} row(s) repeat an earlier item with the same themes and count once`);
  if (agreeing > 0) logger.info(`${agreeing} partly labelled row(s) repeat an earlier item's text, agree with its labels and join it`);
  return { items, partial };
}

/**
 * Digests of every dtype of the model's weights present locally, so a head fitted with q8 scores
 * also serves the fp32 weights of the same model (their scores agree to within noise).
 */
async function weightDigests(config: TrainConfig, used: string | undefined): Promise<string[]> {
  if (!used) return [];
  const digests = new Set([used]);
  for (const dtype of MODEL_DTYPES) {
    try {
      const embedder = await createTransformersEmbedder({ model: config.model, cacheDir: config.cacheDir, offline: true, dtype });
      if (embedder.weights) digests.add(embedder.weights);
      await embedder.dispose?.();
    } catch {
      // That dtype is not on this machine: the head accepts the ones that are.
    }
  }
  return [...digests];
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
