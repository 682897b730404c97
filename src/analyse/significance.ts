// The one guard against claiming a change that is only noise, used for "since the last run" and
// for the "over time" takeaway. A difference in shares counts only when all of these hold:
//   - each side has at least `minItems` items;
//   - the normal approximation is valid: with the pooled share p, every expected count
//     (n·p and n·(1−p) on each side) is at least `minExpected`;
//   - a two-sided, pooled two-proportion z-test gives p < alpha / tests (Bonferroni: several
//     themes tested at once must not make one false alarm likely);
//   - the shares differ by at least `minDifference` (so a huge export does not report 0.3 points).
// Runs that share most of their items (a re-run over a growing export) are not independent
// samples; the test then overstates the noise, so it errs towards saying nothing.

export const CHANGE_GUARD = {
  alpha: 0.05,
  minItems: 30,
  minExpected: 5,
  minDifference: 0.02,
} as const;

export interface Proportion {
  items: number;
  of: number;
}

export type GuardOutcome =
  | { significant: true; z: number; pValue: number }
  | { significant: false; z: number | null; pValue: number | null; reason: 'too-few' | 'noise' | 'too-small' };

/** Complementary error function (Numerical Recipes `erfcc`, fractional error below 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Two-sided p-value of a standard normal statistic. */
export function twoSidedP(z: number): number {
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

/** Whether `after` differs from `before` beyond noise; `tests` is how many comparisons are made at once. */
export function compareProportions(before: Proportion, after: Proportion, tests = 1): GuardOutcome {
  const guard = CHANGE_GUARD;
  if (before.of < guard.minItems || after.of < guard.minItems) return { significant: false, z: null, pValue: null, reason: 'too-few' };
  const pooled = (before.items + after.items) / (before.of + after.of);
  const smallest = Math.min(before.of, after.of) * Math.min(pooled, 1 - pooled);
  if (smallest < guard.minExpected) return { significant: false, z: null, pValue: null, reason: 'too-few' };
  const shareBefore = before.items / before.of;
  const shareAfter = after.items / after.of;
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / before.of + 1 / after.of));
  const z = (shareAfter - shareBefore) / standardError;
  const pValue = twoSidedP(z);
  if (pValue >= guard.alpha / Math.max(1, tests)) return { significant: false, z, pValue, reason: 'noise' };
  if (Math.abs(shareAfter - shareBefore) < guard.minDifference) return { significant: false, z, pValue, reason: 'too-small' };
  return { significant: true, z, pValue };
}

/** "p < 0.001" or "p = 0.012", for takeaways. */
export function formatP(pValue: number): string {
  if (pValue < 0.001) return 'p < 0.001';
  return `p = ${pValue.toFixed(pValue < 0.1 ? 3 : 2)}`;
}
