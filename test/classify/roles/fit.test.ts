import { describe, expect, it } from 'vitest';
import {
  batchFolds,
  CUT_GRID,
  fitClauseRoles,
  stratifiedFolds,
  trustedReadings,
  type LabelledClause,
} from '../../../src/classify/roles/fit.js';
import { CLAUSE_ROLES, likeliestRole, roleProbabilitiesOf } from '../../../src/classify/roles/model.js';
import { seededRandom } from '../../../src/random.js';

// Each role is a noisy cluster around its own axis of a five-dimensional space.
function clusters(perRole: number, noise: number, seed = 7): LabelledClause[] {
  const random = seededRandom(seed);
  const out: LabelledClause[] = [];
  for (let i = 0; i < perRole; i++) {
    CLAUSE_ROLES.forEach((role, r) => {
      out.push({ role, features: CLAUSE_ROLES.map((_, d) => (d === r ? 1 : 0) + noise * (random() - 0.5)) });
    });
  }
  return out;
}

describe('stratifiedFolds', () => {
  it('deals each role round the folds in order, so every fold holds every role', () => {
    expect(stratifiedFolds(['praise', 'reason', 'praise', 'praise', 'reason'], 2)).toEqual([0, 0, 1, 0, 1]);
  });
});

describe('batchFolds', () => {
  it('puts each numbered clause in the batch it was written in, and deals the unnumbered round all the batches', () => {
    expect(batchFolds([1, 10, 11, 20, 21, 99, null, null, null, null], [10, 20])).toEqual([0, 0, 1, 1, 2, 2, 0, 1, 2, 0]);
  });
});

describe('fitClauseRoles', () => {
  it('cross-validates by the groups it is given: one fold per batch', () => {
    const clauses = clusters(12, 0.6);
    const groups = clauses.map((_, i) => (i < 20 ? 0 : i < 40 ? 1 : 2));
    const fit = fitClauseRoles(clauses, CLAUSE_ROLES.length, { groups, l2Grid: [0.1] });
    expect(fit.folds).toBe(3);
    expect(fit.crossValidated.accuracy).toBeGreaterThan(0.8);
    // Out of fold for a batch means fitted without it: changing a clause of batch 0 moves no other clause of batch 0.
    const moved = clauses.map((c, i) => (i === 0 ? { ...c, features: c.features.map((x) => x * 3) } : c));
    const refit = fitClauseRoles(moved, CLAUSE_ROLES.length, { groups, l2Grid: [0.1] });
    expect(refit.outOfFold[1]).toEqual(fit.outOfFold[1]);
    expect(refit.outOfFold[25]).not.toEqual(fit.outOfFold[25]);
  });

  it('learns separable roles, reads held-out clauses right and trusts them from a cut it chose', () => {
    const fit = fitClauseRoles(clusters(12, 0.6), CLAUSE_ROLES.length, { folds: 3 });
    expect(fit.crossValidated.accuracy).toBeGreaterThan(0.9);
    expect(fit.crossValidated.trustedPrecision).toBeGreaterThanOrEqual(0.95);
    expect(CUT_GRID).toContain(fit.confidentAt);
    // Given a cut, it is kept and its cross-validated precision reported.
    const given = fitClauseRoles(clusters(12, 0.6), CLAUSE_ROLES.length, { folds: 3, confidentAt: 0.75 });
    expect(given.confidentAt).toBe(0.75);
    expect(given.crossValidated.trustedShare).toBeLessThanOrEqual(fit.crossValidated.trustedShare);
    const fresh = clusters(4, 0.6, 99);
    const right = fresh.filter((c) => likeliestRole(roleProbabilitiesOf(fit.models, c.features)) === c.role).length;
    expect(right / fresh.length).toBeGreaterThan(0.9);
  });

  it('is deterministic: the same clauses give the same models', () => {
    const a = fitClauseRoles(clusters(6, 1), CLAUSE_ROLES.length, { folds: 3, l2Grid: [0.1] });
    const b = fitClauseRoles(clusters(6, 1), CLAUSE_ROLES.length, { folds: 3, l2Grid: [0.1] });
    expect(a.models).toEqual(b.models);
    expect(a.confidentAt).toBe(b.confidentAt);
  });

  it('trusts next to nothing of a reader that cannot tell the roles apart', () => {
    // Pure noise: out-of-fold readings are wrong, so the cut must leave (almost) none of them trusted.
    const random = seededRandom(3);
    const noise = clusters(10, 0).map((c) => ({ ...c, features: c.features.map(() => random()) }));
    const fit = fitClauseRoles(noise, CLAUSE_ROLES.length, { folds: 3, l2Grid: [1] });
    expect(fit.crossValidated.accuracy).toBeLessThan(0.5);
    expect(fit.crossValidated.trustedShare).toBeLessThan(0.05);
  });
});

describe('trustedReadings', () => {
  it('counts as right only readings of praise, rule-outs and the employer on clauses that are one of those', () => {
    const clauses: LabelledClause[] = [
      { role: 'praise', features: [] },
      { role: 'reason', features: [] },
      { role: 'employer', features: [] },
      { role: 'reason', features: [] },
    ];
    // Not a reason with mass 0.95 (right), 0.9 (wrong: a reason), 0.9 (right); the last is read as a reason.
    const p = [
      [0.05, 0.9, 0.05, 0, 0],
      [0.1, 0.8, 0.1, 0, 0],
      [0.1, 0.1, 0.7, 0.1, 0],
      [0.9, 0.1, 0, 0, 0],
    ];
    expect(trustedReadings(clauses, p, 0.6)).toEqual({ precision: 2 / 3, share: 3 / 4 });
    expect(trustedReadings(clauses, p, 0.92)).toEqual({ precision: 1, share: 1 / 4 });
  });
});
