import { writeFile } from 'node:fs/promises';
import { calibrate, serialiseThresholds } from '../classify/thresholds.js';
import { readGold, scoreGold, type EvaluationReport } from '../classify/evaluate.js';
import { prepareClassifier } from '../classify/prepare.js';
import type { EngineConfig } from '../config.js';
import { usageError } from '../errors.js';
import type { Logger } from '../logger.js';
import { loadTaxonomy } from '../taxonomy/load.js';

export async function evaluateCommand(
  goldPath: string,
  config: EngineConfig,
  options: { logger: Logger; json: boolean; calibrate?: string },
): Promise<string> {
  const taxonomy = await loadTaxonomy(config.taxonomy);
  const themeIds = taxonomy.themes.map((t) => t.id);
  const gold = await readGold(goldPath, themeIds);
  if (gold.length === 0) throw usageError(`${goldPath}: no labelled rows. Add rows with columns text and themes (a|b).`);
  const prepared = await prepareClassifier(config, options.logger, { taxonomy });
  try {
    const scored = await scoreGold(prepared.classifier, gold, themeIds);
    const report = { engine: prepared.engine.name, ...scored.measure(prepared.thresholds) };
    let calibrated: (EvaluationReport & { file: string }) | null = null;
    if (options.calibrate) {
      const fitted = calibrate(scored.scored, scored.labels, prepared.taxonomy, prepared.thresholds);
      await writeFile(options.calibrate, serialiseThresholds({ ...fitted, source: options.calibrate }));
      calibrated = { file: options.calibrate, ...scored.measure(fitted) };
    }
    if (options.json) {
      return `${JSON.stringify(calibrated ? { ...report, calibrated } : report, null, 2)}\n`;
    }
    const lines = [
      `${goldPath}: ${report.items} items, engine ${prepared.engine.name}${prepared.engine.model ? ` (${prepared.engine.model})` : ''}, thresholds ${prepared.thresholds.source}`,
      formatTable(report),
    ];
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

function formatTable(report: EvaluationReport): string {
  const rows = report.themes.map(
    (t) => `${t.id.padEnd(16)} ${t.precision.toFixed(3)}     ${t.recall.toFixed(3)}  ${t.f1.toFixed(3)}  ${String(t.support).padStart(7)}`,
  );
  return [
    'theme            precision recall f1     support',
    ...rows,
    `micro-F1 ${report.microF1.toFixed(3)}   macro-F1 ${report.macroF1.toFixed(3)}`,
  ].join('\n');
}
