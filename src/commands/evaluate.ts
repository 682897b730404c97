// `feedback-themes evaluate LABELLED.csv`: precision, recall and F1 against labels, saying exactly
// what was measured (engine, model, dtype, head, where the cuts came from) and, with a head, how
// well its probabilities are calibrated on these labels.

import { preferredDtype } from '../models/catalog.js';
import path from 'node:path';
import { writeOutputsAtomically } from '../io/atomic.js';
import { compileThemeCues } from '../classify/assign.js';
import { readGold, scoreGold, type EvaluationReport } from '../classify/evaluate.js';
import { headItemLogits } from '../classify/head/apply.js';
import { reliability } from '../classify/head/reliability.js';
import { plattProbability, sigmoid } from '../classify/head/logistic.js';
import { prepareClassifier, type PreparedClassifier } from '../classify/prepare.js';
import { calibrate, serialiseThresholds } from '../classify/thresholds.js';
import type { EngineConfig } from '../config.js';
import { CliError, ExitCode, usageError } from '../errors.js';
import type { Logger } from '../logger.js';
import { loadTaxonomy } from '../taxonomy/load.js';
import type { ScoredItem } from '../classify/units.js';

/** The engine's settings, and `redact` false to classify the labelled text as given, as `run --no-redact` would. */
type EvaluateConfig = EngineConfig & { redact?: boolean };

export async function evaluateCommand(
  goldPath: string,
  config: EvaluateConfig,
  options: { logger: Logger; json: boolean; calibrate?: string },
): Promise<string> {
  const taxonomy = await loadTaxonomy(config.taxonomy);
  const themeIds = taxonomy.themes.map((t) => t.id);
  const gold = await readGold(goldPath, themeIds);
  if (gold.length === 0) throw usageError(`${goldPath}: no labelled rows. Add rows with columns text and themes (a|b).`);
  const prepared = await prepareClassifier(config, options.logger, { taxonomy });
  try {
    if (options.calibrate && prepared.head) {
      throw new CliError(
        '--calibrate fits similarity thresholds, which a theme head replaces: add --no-head (or refit the head with `feedback-themes train`).',
        ExitCode.usage,
      );
    }
    const scored = await scoreGold(prepared.classifier, gold, themeIds, { redact: config.redact });
    const report = { ...measured(prepared, config), ...scored.measure(prepared.thresholds) };
    const calibration = prepared.head ? headCalibration(prepared, scored.scored, scored.labels) : null;
    let calibrated: (EvaluationReport & { file: string }) | null = null;
    if (options.calibrate) {
      const fitted = calibrate(scored.scored, scored.labels, prepared.taxonomy, prepared.thresholds);
      // Whole or not at all: a stopped or failed evaluation leaves no half-written thresholds file.
      await writeOutputsAtomically(path.dirname(path.resolve(options.calibrate)), [
        { name: path.basename(options.calibrate), content: serialiseThresholds({ ...fitted, source: options.calibrate }) },
      ]);
      calibrated = { file: options.calibrate, ...scored.measure(fitted) };
    }
    if (options.json) {
      return `${JSON.stringify({ ...report, ...(calibration ? { calibration } : {}), ...(calibrated ? { calibrated } : {}) }, null, 2)}\n`;
    }
    const lines = [
      `${goldPath}: ${report.items} items, ${report.text}`,
      `engine ${report.engine}, model ${report.model ?? '(none)'}, dtype ${report.dtype ?? '(does not apply to this engine)'}`,
      `head: ${report.head ? `${report.head.source} (fitted on ${report.head.fittedOn}; ${headReads(report.head)})` : 'none'}`,
      `themes decided by: ${report.decidedBy}`,
      formatTable(report),
    ];
    if (calibration) lines.push('', formatReliability(calibration));
    if (calibrated) {
      lines.push(
        '',
        `calibrated thresholds written to ${calibrated.file} (use: run --thresholds ${calibrated.file})`,
        `on these same labels (in-sample, optimistic): micro-F1 ${calibrated.microF1.toFixed(3)}, macro-F1 ${calibrated.macroF1.toFixed(3)}`,
      );
    }
    return `${lines.join('\n')}\n`;
  } finally {
    await prepared.dispose();
  }
}

/** What the head reads besides the engine's scores, in words. */
function headReads(head: { probe: { dims: number } | null; neighbours: { items: number; k: number; weightedK: number } | null }): string {
  if (!head.probe) return 'engine scores only';
  const probe = `engine scores and a probe on the model's ${head.probe.dims}-dimensional vectors`;
  if (!head.neighbours) return probe;
  const { k, weightedK, items } = head.neighbours;
  return `${probe}, and the ${k} nearest of ${items} labelled items (and the ${weightedK} nearest, weighted by closeness)`;
}

/** What was measured: the engine, model and dtype, the head, and where the cuts that decide themes came from. */
function measured(prepared: PreparedClassifier, config: EvaluateConfig) {
  const head = prepared.head;
  const fitted = head?.file.fitted;
  return {
    /** The text classified: redacted as a run reads it, or as given (--no-redact). */
    text: config.redact === false ? 'as given (--no-redact)' : 'redacted as a run reads it',
    engine: prepared.engine.name,
    model: prepared.engine.model,
    dtype: prepared.engine.name === 'lexical' ? null : (config.dtype ?? preferredDtype(config.model, config.cacheDir).dtype),
    head: head
      ? {
          source: head.source,
          fittedOn: `${fitted!.items} items of ${fitted!.files.join(', ')}`,
          /** Format 2 heads read a probe on the model's vectors besides the engine's scores. */
          probe: head.file.probe ? { dims: head.file.probe.dims, l2: head.file.probe.l2 } : null,
          /** Format 5 heads also read the share of an item's k nearest labelled items that carry each theme, format 6 ones the same weighted by closeness. */
          neighbours: head.file.neighbours
            ? { items: head.file.neighbours.labels.length, k: head.file.neighbours.k, weightedK: head.file.neighbours.weighted.k }
            : null,
          assignAt: head.file.assignAt,
          confidentAt: head.file.confidentAt,
          /** An item takes `uninformative` alone from this probability of the no-reason gate (null: no gate). */
          noReasonAt: head.applied.noReason?.cut ?? null,
          /** Themes of this taxonomy the head does not know: similarity thresholds decide them. */
          unknown: head.unknown,
          crossValidated: fitted!.crossValidated,
        }
      : null,
    decidedBy: head
      ? `the head's calibrated probabilities: assigned from ${head.file.assignAt}, sure from ${head.file.confidentAt}` +
        (head.applied.noReason ? `, no reason (uninformative alone) from the no-reason gate's ${head.applied.noReason.cut}` : '') +
        `, chosen by ${fitted!.folds}-fold cross-validation when it was fitted` +
        (head.unknown.length > 0 ? `; ${head.unknown.join(', ')} (not known to the head) by similarity thresholds` : '')
      : `similarity thresholds (${prepared.thresholds.source === 'default' ? `the ${prepared.engine.name} defaults, fitted on the development sets` : prepared.thresholds.source}): floor ${prepared.thresholds.floor}, margin ${prepared.thresholds.margin}`,
  };
}

/** Reliability of the head's probabilities on these labels, before Platt scaling (raw logistic output) and after. */
function headCalibration(prepared: PreparedClassifier, items: ScoredItem[], labels: string[][]) {
  const head = prepared.head!.applied;
  const ids = head.themeIds;
  const cues = compileThemeCues(prepared.taxonomy);
  const before: { p: number; y: number }[] = [];
  const after: { p: number; y: number }[] = [];
  items.forEach((item, i) => {
    const z = headItemLogits(head, item, cues);
    // Themes the head does not know have no probability to check.
    head.models.forEach((theme, t) => {
      if (!theme) return;
      const y = labels[i]!.includes(ids[t]!) ? 1 : 0;
      before.push({ p: sigmoid(z[t]!), y });
      after.push({ p: plattProbability(theme.platt, z[t]!), y });
    });
  });
  const raw = reliability(before);
  const calibrated = reliability(after);
  return { eceBefore: raw.ece, eceAfter: calibrated.ece, pairs: after.length, table: calibrated.table };
}

function formatReliability(calibration: ReturnType<typeof headCalibration>): string {
  const rows = calibration.table
    .filter((bin) => bin.count > 0)
    .map(
      (bin) =>
        `${bin.from.toFixed(1)}–${bin.to.toFixed(1)}   ${String(bin.count).padStart(5)}  ${bin.meanProbability.toFixed(3)}      ${bin.observed.toFixed(3)}`,
    );
  return [
    `reliability of the confidence (${calibration.pairs} item-theme pairs)`,
    'probability  pairs  mean stated  observed',
    ...rows,
    `expected calibration error: ${calibration.eceBefore.toFixed(3)} before calibration, ${calibration.eceAfter.toFixed(3)} after`,
  ].join('\n');
}

function formatTable(report: EvaluationReport): string {
  const rows = report.themes
    .filter((t) => t.support > 0)
    .map(
      (t) =>
        `${t.id.padEnd(16)} ${t.precision.toFixed(3)}     ${t.recall.toFixed(3)}  ${t.f1.toFixed(3)}  ${String(t.support).padStart(7)}`,
    );
  const predictedOnly = report.themes
    .filter((t) => report.predictedOnly.includes(t.id))
    .map((t) => `${t.id} (${t.predicted} item${t.predicted === 1 ? '' : 's'})`);
  return [
    'theme            precision recall f1     support',
    ...rows,
    `micro-F1 ${report.microF1.toFixed(3)}   macro-F1 ${report.macroF1.toFixed(3)} (over the ${rows.length} themes in the labels)`,
    `predicted but not in the labels: ${predictedOnly.join(', ') || 'none'}`,
    `items given no theme: ${report.unthemed} of ${report.items}`,
  ].join('\n');
}
