// Which theme head a run uses. `--head FILE` must fit the run's taxonomy, engine and model, or the
// run stops (exit 2) saying what to do. Without it, the built-in head is used when it fits; when
// it does not (another taxonomy, engine or model), themes come from similarity thresholds, with a
// warning. `--no-head` turns heads off.

import { fileURLToPath } from 'node:url';
import type { EngineConfig } from '../../config.js';
import { CliError, ExitCode } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { Taxonomy } from '../../types.js';
import { headMismatch, readHeadFile, type HeadFile, type HeadProfile } from './file.js';

/** The head fitted on the project's labelled data, for the built-in taxonomy, the hybrid engine and all-MiniLM-L6-v2. */
export const DEFAULT_HEAD_PATH: string = fileURLToPath(new URL('../../../data/heads/default.json', import.meta.url));

export interface ResolvedHead {
  file: HeadFile;
  /** The file it was read from, or "built-in". */
  source: string;
}

/** A head replaces similarity thresholds: asking for both is a mistake, found before anything is read. */
export function checkHeadOptions(config: Pick<EngineConfig, 'head' | 'thresholds'>): void {
  if (config.head && config.thresholds) {
    throw new CliError(
      '--thresholds sets similarity thresholds, which a theme head replaces: give --head or --thresholds, not both.',
      ExitCode.usage,
    );
  }
}

export async function resolveHead(
  config: Pick<EngineConfig, 'head' | 'thresholds'>,
  taxonomy: Taxonomy,
  logger: Logger,
  profile: HeadProfile,
): Promise<ResolvedHead | null> {
  if (config.head === null) return null;
  if (config.head !== undefined) {
    checkHeadOptions(config);
    const file = await readHeadFile(config.head);
    const why = headMismatch(file, taxonomy, profile);
    if (why) {
      throw new CliError(
        `${config.head}: this head cannot be used here: ${why}. Fit one for this taxonomy and engine with ` +
          '`feedback-themes train LABELLED.csv --out FILE` (the same --taxonomy, --engine and --model), or run without --head.',
        ExitCode.usage,
      );
    }
    return { file, source: config.head };
  }
  if (config.thresholds) {
    logger.info('--thresholds given: themes come from those similarity thresholds, not from the built-in head');
    return null;
  }
  // A damaged built-in file is a broken installation, not a user mistake.
  const file = await readHeadFile(DEFAULT_HEAD_PATH);
  const why = headMismatch(file, taxonomy, profile);
  if (!why) return { file, source: 'built-in' };
  const note = `the built-in theme head is not used: ${why}. Themes come from similarity thresholds, without calibrated confidence; fit a head for this set-up with \`feedback-themes train\``;
  // Choosing another engine is deliberate; another taxonomy or model with the default engine deserves a warning.
  if (profile.engine !== file.profile.engine) logger.info(note);
  else logger.warn(note);
  return null;
}
