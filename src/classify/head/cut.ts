// Choosing the cut a head assigns themes from, out of the cuts' cross-validated micro-F1: the
// highest within a tolerance of the best (surestCut), or read off a parabola fitted to them
// (smoothedCut), which a set added to the fit moves less.

/**
 * The cut to assign themes from: the highest of those whose out-of-fold micro-F1 is within
 * `tolerance` of the best. Above about 0.45 the cross-validated micro-F1 is flat (on the
 * development sets the cuts 0.45–0.6 lie within 0.002 of each other), so which of them scores best
 * is chance, and a refit could move the cut from one to the next; where cross-validation cannot
 * choose, fewer themes are stated, each surer (a theme wrongly stated lands on a student's page).
 */
export function surestCut(byCut: readonly { cut: number; micro: number; macro: number }[], best: number, tolerance: number) {
  const near = byCut.filter((c) => c.micro >= best - tolerance - 1e-9);
  return near.reduce((a, b) => (b.cut > a.cut ? b : a));
}

/**
 * The cut to assign themes from, read off a parabola fitted (least squares) to the cuts'
 * out-of-fold micro-F1: the highest cut, within the grid, at which the parabola is within
 * `tolerance` of its peak; to 0.01. Each cut's own figure moves by about 0.001 when a set is added,
 * as much as the plateau's whole fall (0.45–0.6 within 0.003), so the highest cut within the
 * tolerance of the best (`surestCut`) jumped a step of the grid when the twenty-first set came (0.6
 * → 0.55, its fall from the best 0.0017 → 0.0023); the parabola's shape moves little (0.60 →
 * 0.59 at a tolerance of 0.002; at train's 0.003, 0.6 with twenty, twenty-one and twenty-two sets, which
 * the dev traps asked for: 0.59 gave them two more forbidden themes). Where the figures do not rise
 * and fall (no peak inside the grid) it is `surestCut`'s cut.
 */
export function smoothedCut(byCut: readonly { cut: number; micro: number; macro: number }[], best: number, tolerance: number): number {
  const fallback = surestCut(byCut, best, tolerance).cut;
  const [c0, c1, c2] = parabola(
    byCut.map((c) => c.cut),
    byCut.map((c) => c.micro),
  );
  if (!(c2 < 0)) return fallback;
  const peakAt = -c1 / (2 * c2);
  const cuts = byCut.map((c) => c.cut);
  const lowest = Math.min(...cuts);
  const highest = Math.max(...cuts);
  if (!(peakAt > lowest && peakAt < highest) || !Number.isFinite(c0)) return fallback;
  // c2·(x − peak)² = −tolerance on the high side.
  const cut = peakAt + Math.sqrt(tolerance / -c2);
  return Math.round(Math.min(highest, cut) * 100) / 100;
}

/** Least-squares coefficients [c0, c1, c2] of c0 + c1·x + c2·x². */
function parabola(x: readonly number[], y: readonly number[]): [number, number, number] {
  const s = [0, 0, 0, 0, 0];
  const t = [0, 0, 0];
  x.forEach((xi, i) => {
    for (let k = 0; k < 5; k++) s[k]! += xi ** k;
    for (let k = 0; k < 3; k++) t[k]! += y[i]! * xi ** k;
  });
  const m = [
    [s[0]!, s[1]!, s[2]!, t[0]!],
    [s[1]!, s[2]!, s[3]!, t[1]!],
    [s[2]!, s[3]!, s[4]!, t[2]!],
  ];
  for (let i = 0; i < 3; i++)
    for (let j = i + 1; j < 3; j++) {
      const f = m[j]![i]! / m[i]![i]!;
      for (let k = i; k < 4; k++) m[j]![k]! -= f * m[i]![k]!;
    }
  const c = [0, 0, 0];
  for (let i = 2; i >= 0; i--) {
    let sum = m[i]![3]!;
    for (let k = i + 1; k < 3; k++) sum -= m[i]![k]! * c[k]!;
    c[i] = sum / m[i]![i]!;
  }
  return [c[0]!, c[1]!, c[2]!];
}
