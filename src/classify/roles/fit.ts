// Fitting the clause-role reader on labelled clauses: deterministic (fixed folds, Newton's method),
// no Python. The L2 penalty is chosen by cross-validated accuracy; the probability from which a
// role is trusted is given, or else the lowest at which out-of-fold readings of "not a reason" were
// right at least `precisionTarget` of the time, since a reason read as praise loses a real theme.

import { fitLogistic } from '../head/logistic.js';
import { segmentItems } from '../units.js';
import { CLAUSE_ROLES, isNotAReason, likeliestRole, readRole, roleProbabilitiesOf, type ClauseRole, type RoleModels } from './model.js';

export interface LabelledClause {
  role: ClauseRole;
  /** roleFeatures() of the clause. */
  features: number[];
}

export interface RoleFit {
  models: RoleModels;
  l2: number;
  confidentAt: number;
  folds: number;
  crossValidated: { accuracy: number; trustedPrecision: number; trustedShare: number };
  /** Out-of-fold probabilities per clause (input order), for reports. */
  outOfFold: number[][];
}

/**
 * The penalties tried. Cross-validated accuracy over 0.01–1 chose 0.3 on the first 432 clauses and
 * 0.1 on 562; on 931 clauses and the labelled reasons it rose as the penalty fell from 0.3 (0.845)
 * through 0.1 (0.884) to 0.03 (0.902), so the search now starts lower.
 */
export const L2_GRID = [0.03, 0.01, 0.003];
export const CUT_GRID = [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];

/** One-vs-rest models on standardised features. */
export function fitRoleModels(clauses: readonly LabelledClause[], dims: number, l2: number): RoleModels {
  const width = clauses[0]!.features.length;
  const mean = new Array<number>(width).fill(0);
  const sd = new Array<number>(width).fill(0);
  for (const c of clauses) for (let j = 0; j < width; j++) mean[j]! += c.features[j]! / clauses.length;
  for (const c of clauses) for (let j = 0; j < width; j++) sd[j]! += (c.features[j]! - mean[j]!) ** 2 / clauses.length;
  // A feature constant in the data keeps a unit spread, so it standardises to zero and stays finite.
  for (let j = 0; j < width; j++) sd[j] = sd[j]! > 1e-12 ? Math.sqrt(sd[j]!) : 1;
  const x = clauses.map((c) => c.features.map((v, j) => (v - mean[j]!) / sd[j]!));
  const roles = CLAUSE_ROLES.map((role) =>
    fitLogistic(
      x,
      clauses.map((c) => (c.role === role ? 1 : 0)),
      { l2 },
    ),
  );
  return { dims, standardise: { mean, sd }, roles };
}

/**
 * Folds by the batch each clause was written in: clause `n` (its number) is in the first batch whose
 * last number is at least `n` (`lastOfBatch` ascending), or after the last; clauses with no number
 * (reasons taken from labelled sets) are dealt round robin over the batches, so every fold has some.
 */
export function batchFolds(numbers: readonly (number | null)[], lastOfBatch: readonly number[]): number[] {
  let dealt = 0;
  return numbers.map((n) => {
    if (n === null) return dealt++ % (lastOfBatch.length + 1);
    const batch = lastOfBatch.findIndex((last) => n <= last);
    return batch < 0 ? lastOfBatch.length : batch;
  });
}

/** Fold of each clause: round robin within each role, in input order, so every fold holds every role. */
export function stratifiedFolds(roles: readonly ClauseRole[], folds: number): number[] {
  const seen = new Map<ClauseRole, number>();
  return roles.map((role) => {
    const n = seen.get(role) ?? 0;
    seen.set(role, n + 1);
    return n % folds;
  });
}

function outOfFold(clauses: readonly LabelledClause[], dims: number, l2: number, fold: readonly number[], folds: number): number[][] {
  const probabilities: number[][] = clauses.map(() => []);
  for (let f = 0; f < folds; f++) {
    const models = fitRoleModels(
      clauses.filter((_, i) => fold[i] !== f),
      dims,
      l2,
    );
    clauses.forEach((c, i) => {
      if (fold[i] === f) probabilities[i] = roleProbabilitiesOf(models, c.features);
    });
  }
  return probabilities;
}

function accuracy(clauses: readonly LabelledClause[], probabilities: readonly number[][]): number {
  const right = clauses.filter((c, i) => likeliestRole(probabilities[i]!) === c.role).length;
  return right / clauses.length;
}

/** Of the clauses read as "not a reason" at `cut`, the share that truly are not one, and how many were read so. */
export function trustedReadings(
  clauses: readonly LabelledClause[],
  probabilities: readonly number[][],
  cut: number,
): { precision: number; share: number } {
  let read = 0;
  let right = 0;
  clauses.forEach((c, i) => {
    if (!isNotAReason(readRole(probabilities[i], cut))) return;
    read++;
    if (isNotAReason(c.role)) right++;
  });
  return { precision: read === 0 ? 1 : right / read, share: read / clauses.length };
}

export function fitClauseRoles(
  clauses: readonly LabelledClause[],
  dims: number,
  options: {
    folds?: number;
    precisionTarget?: number;
    l2Grid?: readonly number[];
    confidentAt?: number;
    /** A fold per clause (0, 1, …): the batch it was written in, so each is read by a reader fitted without its wording. */
    groups?: readonly number[];
  } = {},
): RoleFit {
  const folds = options.groups ? Math.max(...options.groups) + 1 : (options.folds ?? 5);
  const target = options.precisionTarget ?? 0.95;
  const fold =
    options.groups ??
    stratifiedFolds(
      clauses.map((c) => c.role),
      folds,
    );
  let best: { l2: number; accuracy: number; probabilities: number[][] } | null = null;
  for (const l2 of options.l2Grid ?? L2_GRID) {
    const probabilities = outOfFold(clauses, dims, l2, fold, folds);
    const acc = accuracy(clauses, probabilities);
    // Ties go to the stronger penalty, tried first.
    if (!best || acc > best.accuracy) best = { l2, accuracy: acc, probabilities };
  }
  const chosen = best!;
  const cut =
    options.confidentAt ?? CUT_GRID.find((c) => trustedReadings(clauses, chosen.probabilities, c).precision >= target) ?? CUT_GRID.at(-1)!;
  const trusted = trustedReadings(clauses, chosen.probabilities, cut);
  return {
    models: fitRoleModels(clauses, dims, chosen.l2),
    l2: chosen.l2,
    confidentAt: cut,
    folds,
    crossValidated: { accuracy: chosen.accuracy, trustedPrecision: trusted.precision, trustedShare: trusted.share },
    outOfFold: chosen.probabilities,
  };
}

/**
 * Reasons taken from theme-labelled feedback: an item that is one sentence, labelled with a reason
 * (not `uninformative`), that the word rules do not already read as praise or silence, is a reason
 * as the classifier will see it (its text without praise clauses). Many voices for the commonest role.
 */
export function reasonsFromLabelled(items: readonly { text: string; themes: readonly string[] }[]): string[] {
  const reasons = new Set<string>();
  for (const item of items) {
    if (item.themes.length === 0 || item.themes.includes('uninformative')) continue;
    const [only, ...more] = segmentItems([{ id: 'x', text: item.text }])[0]!.segments;
    if (!only || more.length > 0 || only.praiseOnly || only.reading.silence) continue;
    reasons.add(only.scoredText);
  }
  return [...reasons];
}
