// `feedback-themes taxonomy suggest <input...>`: read and classify the inputs exactly as `run` does,
// group what no theme explains, and write the current taxonomy plus one suggested theme per group.

import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadEngine } from '../classify/prepare.js';
import type { RunConfig } from '../config.js';
import { writeOutputsAtomically } from '../io/atomic.js';
import type { Logger } from '../logger.js';
import { findEmergingThemes, readInputs } from '../pipeline.js';
import { BUILT_IN_SOURCE, DEFAULT_TAXONOMY_PATH, loadTaxonomy, parseTaxonomy } from '../taxonomy/load.js';
import { suggestTaxonomy } from '../taxonomy/suggest.js';

export interface SuggestResult {
  /** The taxonomy YAML: the current file plus the suggestions. */
  yaml: string;
  suggested: number;
}

export async function taxonomySuggest(config: RunConfig, logger: Logger): Promise<SuggestResult> {
  const taxonomy = await loadTaxonomy(config.taxonomy);
  // No store: suggestions need no history, and a scheduled run may hold the store's lock.
  const loaded = await loadEngine(config, logger, { store: null, taxonomy });
  try {
    // Suggestions show no person, so a throwaway secret does: no state is created for them.
    const { items } = await readInputs(config, logger, randomBytes(32));
    const prepared = await loaded.build(items, { redact: config.redact });
    logger.info(`classifying ${items.length} item(s) with the ${prepared.engine.name} engine`);
    const classified = await prepared.classifier.classify(items, prepared.thresholds);
    const emerging = await findEmergingThemes(classified, prepared, logger);
    const source = await readFile(taxonomy.source === BUILT_IN_SOURCE ? DEFAULT_TAXONOMY_PATH : taxonomy.source, 'utf8');
    const yaml = suggestTaxonomy(source, taxonomy, emerging);
    const suggested = loadSuggested(yaml) - taxonomy.themes.length;
    return { yaml, suggested };
  } finally {
    await loaded.dispose();
  }
}

/** The suggestion must load like any taxonomy file; a failure here is a bug, not bad input. */
function loadSuggested(yaml: string): number {
  const check = parseTaxonomy(yaml, 'suggested taxonomy');
  if (!check.taxonomy)
    throw new Error(`suggested taxonomy does not validate: ${check.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return check.taxonomy.themes.length;
}

/** Writes the file atomically with --out, else returns the YAML for stdout. */
export async function taxonomySuggestCommand(config: RunConfig, logger: Logger, out: string | undefined): Promise<string> {
  const { yaml, suggested } = await taxonomySuggest(config, logger);
  if (suggested === 0) logger.warn('no emerging theme was large enough to suggest: the taxonomy is unchanged');
  if (!out) return yaml;
  await writeOutputsAtomically(path.dirname(path.resolve(out)), [{ name: path.basename(out), content: yaml }]);
  logger.info(
    `wrote ${out} with ${suggested} suggested theme(s); rename, edit or delete them, then check it with: feedback-themes taxonomy validate ${out}`,
  );
  return '';
}
