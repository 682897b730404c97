// A theme head as a file: per-theme logistic weights over the item features (features.ts), the
// standardisation they were fitted with, Platt scaling to calibrated probabilities, and the cuts.
// It is bound to what its features depend on: the engine, the model weights (file digests) and
// the scoring settings, which must be exactly those of the run; and, theme by theme, to each
// theme's id, exemplars and cues (a digest per theme), so that a run whose taxonomy differs keeps
// the head for the themes it still has unchanged (bind.ts).

import { CliError, ExitCode } from '../../errors.js';
import { parseFormatJson } from '../../io/json.js';
import { readUserText } from '../../io/user-file.js';
import type { EngineName } from '../../types.js';
import { featureNames } from './features.js';
import type { LogisticModel } from './logistic.js';
import { GATE_FEATURES, type NoReasonGate } from './gate-model.js';
import type { Probe } from './probe.js';
import type { NeighbourFile } from './neighbours.js';

export const HEAD_FORMAT = 'feedback-themes-head';
/**
 * 2: a probe on the model's vectors (probe.ts) joined the features. 3: the features no longer name
 * the other themes, and each theme has its own digest, so a head applies theme by theme. 4: a learnt
 * no-reason decision (no-reason.ts) joined the per-theme models. 5: the labelled items' vectors and
 * themes, whose nearest to an item are a feature (neighbours.ts). 6: a second share of the nearest
 * items, weighted by closeness.
 */
export const HEAD_VERSION = 6;

/** The engine settings the head's features were computed with. */
export interface HeadProfile {
  engine: EngineName;
  /** Model name as the engine reports it, for messages. */
  model: string | null;
  /** Digests of the model weight files the head accepts (every dtype of the weights it was fitted with). */
  weights: string[];
  /** The embedder's scoring settings and the engine's margin (features depend on them). */
  scoring: { topK: number; centroidWeight: number; margin: number };
}

export interface ThemeHead extends LogisticModel {
  id: string;
  /** Platt scaling of the head's logit: probability = sigmoid(a · logit + b). */
  platt: { a: number; b: number };
}

export interface HeadFile {
  format: typeof HEAD_FORMAT;
  version: typeof HEAD_VERSION;
  /** The themes fitted, and per theme the digest of its id, exemplars and cues (bind.ts). */
  taxonomy: { themes: string[]; digests: string[] };
  profile: HeadProfile;
  features: string[];
  /** The probe on the model's vectors whose scores are features, or null (an engine without a model). */
  probe: Probe | null;
  /** The labelled items whose nearest to an item are a feature, or null (an engine without a model). */
  neighbours: NeighbourFile | null;
  standardise: { mean: number[]; sd: number[] };
  themes: ThemeHead[];
  /** A theme is assigned at this calibrated probability (chosen by cross-validation for F1). */
  assignAt: number;
  /** From this probability a theme is stated as sure; assigned themes below it read "possibly". */
  confidentAt: number;
  /** Whether an item gives no reason (`uninformative` alone), over the themes' probabilities; null without `uninformative`. */
  noReason: NoReasonGate | null;
  /** How it was fitted, for `evaluate` and for people reading the file. */
  fitted: {
    files: string[];
    /** Fully labelled items. */
    items: number;
    /** Partly labelled items (required and forbidden themes, e.g. the development trap sentences), when any. */
    partlyLabelled?: number;
    l2: number;
    positiveWeight: number;
    folds: number;
    crossValidated: { microF1: number; macroF1: number };
  };
}

/** Why `head` cannot be used with this engine at all, or null when it can (which themes it knows is bind.ts's). */
export function headMismatch(head: HeadFile, profile: HeadProfile): string | null {
  if (head.profile.engine !== profile.engine) return `it was fitted for the ${head.profile.engine} engine, not ${profile.engine}`;
  const unweighted = head.profile.weights.length === 0 && profile.weights.length === 0;
  if (!unweighted && !profile.weights.some((w) => head.profile.weights.includes(w))) {
    return `it was fitted with other model weights (${head.profile.model ?? 'none'}, ${head.profile.weights.join(' or ')}), not ${profile.model ?? 'none'} (${profile.weights.join(', ') || 'no weights'})`;
  }
  const [a, b] = [head.profile.scoring, profile.scoring];
  if (a.topK !== b.topK || a.centroidWeight !== b.centroidWeight || a.margin !== b.margin)
    return 'it was fitted with other scoring settings';
  return null;
}

export async function readHeadFile(path: string): Promise<HeadFile> {
  const raw = await readUserText(path, {
    what: 'the head file',
    hint: 'Check the path given to --head, or write one with `feedback-themes train`.',
  });
  return parseHeadFile(raw, path);
}

/** Checks every field a run relies on; a damaged or foreign file is refused with what to do. */
export function parseHeadFile(raw: string, path: string): HeadFile {
  const refuse = (why: string) =>
    new CliError(
      `${path}: not a usable head file: ${why}. Write a new one with \`feedback-themes train LABELLED.csv --out ${path}\`, or run without --head.`,
      ExitCode.usage,
    );
  const head = parseFormatJson(raw, HEAD_FORMAT, refuse) as HeadFile;
  if (head.version !== HEAD_VERSION)
    throw refuse(`it is of version ${String(head.version)}, and this version of feedback-themes reads version ${HEAD_VERSION}`);
  const themes = head.taxonomy?.themes;
  if (!Array.isArray(themes) || themes.length === 0 || !themes.every((t) => typeof t === 'string'))
    throw refuse('"taxonomy.themes" is not a list of theme ids');
  const digests = head.taxonomy.digests;
  if (!Array.isArray(digests) || digests.length !== themes.length || !digests.every((d) => typeof d === 'string'))
    throw refuse('"taxonomy.digests" is not one digest per theme');
  const p = head.profile;
  if (
    !p ||
    typeof p.engine !== 'string' ||
    !Array.isArray(p.weights) ||
    !p.scoring ||
    ![p.scoring.topK, p.scoring.centroidWeight, p.scoring.margin].every(Number.isFinite)
  ) {
    throw refuse('"profile" does not say which engine, weights and scoring settings it was fitted with');
  }
  const numbers = (xs: unknown, length: number) => Array.isArray(xs) && xs.length === length && xs.every((x) => Number.isFinite(x));
  const probe = head.probe;
  if (probe === undefined) throw refuse('"probe" is missing');
  if (
    probe !== null &&
    !(
      Number.isInteger(probe.dims) &&
      probe.dims > 0 &&
      Number.isFinite(probe.l2) &&
      numbers(probe.centre, probe.dims) &&
      numbers(probe.bias, themes.length) &&
      Array.isArray(probe.weights) &&
      probe.weights.length === themes.length &&
      probe.weights.every((w) => numbers(w, probe.dims))
    )
  ) {
    throw refuse('"probe" is not one weight per model dimension and theme');
  }
  const neighbours = head.neighbours;
  if (neighbours === undefined) throw refuse('"neighbours" is missing');
  if (neighbours !== null) {
    const problem = neighbourFileProblem(neighbours, themes.length);
    if (problem) throw refuse(`"neighbours" ${problem}`);
  }
  const names = featureNames(probe !== null, neighbours !== null);
  if (!Array.isArray(head.features) || head.features.join('|') !== names.join('|'))
    throw refuse('its features are not the ones this version computes');
  if (
    !numbers(head.standardise?.mean, names.length) ||
    !numbers(head.standardise?.sd, names.length) ||
    head.standardise.sd.some((x) => x <= 0)
  ) {
    throw refuse('"standardise" is not one mean and one positive spread per feature');
  }
  if (!Array.isArray(head.themes) || head.themes.map((t) => t?.id).join('|') !== themes.join('|'))
    throw refuse('"themes" does not hold one model per theme, in order');
  for (const theme of head.themes) {
    if (
      !numbers(theme.weights, names.length) ||
      !Number.isFinite(theme.bias) ||
      !Number.isFinite(theme.platt?.a) ||
      !Number.isFinite(theme.platt?.b)
    ) {
      throw refuse(`the model of theme "${theme.id}" is incomplete or not numeric`);
    }
  }
  for (const key of ['assignAt', 'confidentAt'] as const) {
    if (!(Number.isFinite(head[key]) && head[key] > 0 && head[key] < 1)) throw refuse(`"${key}" is not a probability`);
  }
  const gate = head.noReason;
  if (gate === undefined) throw refuse('"noReason" is missing');
  const width = GATE_FEATURES.length;
  if (
    gate !== null &&
    !(
      numbers(gate.weights, width) &&
      Number.isFinite(gate.bias) &&
      numbers(gate.standardise?.mean, width) &&
      numbers(gate.standardise?.sd, width) &&
      gate.standardise.sd.every((x) => x > 0) &&
      Number.isFinite(gate.platt?.a) &&
      Number.isFinite(gate.platt?.b) &&
      Number.isFinite(gate.cut) &&
      gate.cut > 0 &&
      gate.cut < 1
    )
  ) {
    throw refuse(`"noReason" is not a model with one weight per feature (${width}) and a cut between 0 and 1`);
  }
  return head;
}

/** What is wrong with a head's labelled items, or null: counts, dimensions and theme indices must agree. */
function neighbourFileProblem(file: NeighbourFile, themes: number): string | null {
  if (!(Number.isInteger(file.k) && file.k > 0)) return 'does not say how many nearest items to read';
  const weighted = file.weighted;
  if (!(weighted && Number.isInteger(weighted.k) && weighted.k > 0 && Number.isFinite(weighted.temperature) && weighted.temperature > 0))
    return 'does not say how many nearest items the weighted share reads, and how its weight falls';
  if (!(Number.isInteger(file.dims) && file.dims > 0)) return "does not give the vectors' dimensions";
  if (typeof file.vectors !== 'string') return 'has no base64 vectors';
  if (!Array.isArray(file.labels) || file.labels.length < file.k) return `holds fewer items than the ${file.k} it reads`;
  if (!file.labels.every((own) => Array.isArray(own) && own.every((t) => Number.isInteger(t) && t >= 0 && t < themes)))
    return 'has a label that is not one of its themes';
  // Decoding skips what is not base64, so a damaged string decodes short of its own length's worth
  // (cheaper than a regular expression over megabytes).
  const values = Buffer.from(file.vectors, 'base64').length;
  if (file.vectors.length !== 4 * Math.ceil(values / 3) || values !== file.labels.length * file.dims)
    return `holds ${values} vector values for ${file.labels.length} items of ${file.dims} dimensions, or vectors that are not base64`;
  return null;
}

/** The file as written by `train`: stable key order, numbers at float precision that round-trips. */
export function serialiseHead(head: HeadFile): string {
  return `${JSON.stringify(head, null, 1)}\n`;
}
