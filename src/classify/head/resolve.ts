// Which theme head a run uses. `--head FILE` must fit the run's engine and model and know at least
// one of its themes, or the run stops (exit 2) saying what to do. Without it, the built-in head is
// used when it fits the engine and model. Either way a head decides the themes it knows as they
// are (bind.ts); a theme it does not know (added, or its exemplars or cues edited) comes from the
// similarity thresholds, with a warning naming it. `--no-head` turns heads off.

import { fileURLToPath } from 'node:url';
import type { EngineConfig } from '../../config.js';
import { CliError, ExitCode } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { Taxonomy } from '../../types.js';
import { applyHead, knownThemes, type AppliedHead } from './bind.js';
import { headMismatch, readHeadFile, type HeadFile, type HeadProfile } from './file.js';

/** The head fitted on the project's labelled data, for the built-in taxonomy, the hybrid engine and all-MiniLM-L6-v2. */
export const DEFAULT_HEAD_PATH: string = fileURLToPath(new URL('../../../data/heads/default.json', import.meta.url));

export interface ResolvedHead {
  file: HeadFile;
  /** The file it was read from, or "built-in". */
  source: string;
  /** The head over the run's taxonomy. */
  applied: AppliedHead;
  /** The run's themes it does not know: similarity thresholds decide them. */
  unknown: string[];
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
    const why = headMismatch(file, profile) ?? (knownThemes(file, taxonomy).every((at) => at < 0) ? noThemeKnown(file) : null);
    if (why) {
      throw new CliError(
        `${config.head}: this head cannot be used here: ${why}. Fit one for this taxonomy and engine with ` +
          '`feedback-themes train LABELLED.csv --out FILE` (the same --taxonomy, --engine and --model), or run without --head.',
        ExitCode.usage,
      );
    }
    return bound(file, config.head, taxonomy, logger);
  }
  if (config.thresholds) {
    logger.info('--thresholds given: themes come from those similarity thresholds, not from the built-in head');
    return null;
  }
  // A damaged built-in file is a broken installation, not a user mistake.
  const file = await readHeadFile(DEFAULT_HEAD_PATH);
  const why = headMismatch(file, profile) ?? (knownThemes(file, taxonomy).every((at) => at < 0) ? noThemeKnown(file) : null);
  if (!why) return bound(file, 'built-in', taxonomy, logger);
  const note = `the built-in theme head is not used: ${why}. Themes come from similarity thresholds, without calibrated confidence; fit a head for this set-up with \`feedback-themes train\``;
  // Choosing another engine is deliberate; another taxonomy or model with the default engine deserves a warning.
  if (profile.engine !== file.profile.engine) logger.info(note);
  else logger.warn(note);
  return null;
}

function noThemeKnown(file: HeadFile): string {
  return `it knows none of this taxonomy's themes as they are (it was fitted for ${file.taxonomy.themes.join(', ')}, with their exemplars and cues)`;
}

/** The head over the run's taxonomy, saying which themes it leaves to the similarity thresholds. */
function bound(file: HeadFile, source: string, taxonomy: Taxonomy, logger: Logger): ResolvedHead {
  const applied = applyHead(file, taxonomy);
  const unknown = applied.themeIds.filter((_, t) => applied.models[t] === null);
  if (unknown.length > 0) {
    const name = source === 'built-in' ? 'the built-in theme head' : `the theme head ${source}`;
    logger.warn(
      `${name} was not fitted for the theme(s) ${unknown.join(', ')} as this taxonomy defines them (added, or exemplars or cues changed): ` +
        `they come from similarity thresholds, without calibrated confidence; the head decides the other ${applied.themeIds.length - unknown.length}. ` +
        'Fit a head for this taxonomy with `feedback-themes train` to have it decide them all.',
    );
  }
  return { file, source, applied, unknown };
}
