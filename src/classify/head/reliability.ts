/** Reliability of probabilities against 0/1 outcomes: ten equal-width bins and the expected calibration error. */
export function reliability(pairs: readonly { p: number; y: number }[], bins = 10) {
  const table = Array.from({ length: bins }, (_, b) => ({ from: b / bins, to: (b + 1) / bins, count: 0, meanProbability: 0, observed: 0 }));
  for (const { p, y } of pairs) {
    const bin = table[Math.min(bins - 1, Math.floor(p * bins))]!;
    bin.count++;
    bin.meanProbability += p;
    bin.observed += y;
  }
  let ece = 0;
  for (const bin of table) {
    if (bin.count === 0) continue;
    bin.meanProbability /= bin.count;
    bin.observed /= bin.count;
    ece += (bin.count / Math.max(1, pairs.length)) * Math.abs(bin.meanProbability - bin.observed);
  }
  return { table, ece };
}
