// Logistic regression fitted by Newton's method with an L2 penalty (not on the bias): exact,
// deterministic (no random start, no sampling), and quick for the few dozen features a theme head
// has. Also Platt scaling, which is the same fit on one feature.

export interface LogisticModel {
  weights: number[];
  bias: number;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function logit(model: LogisticModel, x: readonly number[]): number {
  let z = model.bias;
  for (let j = 0; j < model.weights.length; j++) z += model.weights[j]! * x[j]!;
  return z;
}

/** Each feature's mean and spread, to standardise features by before a fit and when applying it. */
export interface Standardisation {
  mean: number[];
  sd: number[];
}

/** The mean and spread of each of `width` features over `rows`; a feature that never varies gets spread 1. */
export function standardisationOf(rows: readonly (readonly number[])[], width: number): Standardisation {
  const n = Math.max(1, rows.length);
  const mean = Array.from({ length: width }, (_, j) => rows.reduce((sum, row) => sum + row[j]!, 0) / n);
  const sd = Array.from({ length: width }, (_, j) => Math.sqrt(rows.reduce((sum, row) => sum + (row[j]! - mean[j]!) ** 2, 0) / n) || 1);
  return { mean, sd };
}

export function standardised(x: readonly number[], { mean, sd }: Standardisation): number[] {
  return x.map((v, j) => (v - mean[j]!) / sd[j]!);
}

/**
 * Minimises the mean log-loss plus `l2`/2 · |w|². `positiveWeight` scales the loss of positive
 * examples (rare themes would otherwise be fitted towards never firing); `weights`, if given, each
 * example's (1 by default).
 */
export function fitLogistic(
  x: readonly (readonly number[])[],
  y: readonly number[],
  options: { l2: number; positiveWeight?: number; iterations?: number; weights?: readonly number[] },
): LogisticModel {
  const n = x.length;
  const d = n > 0 ? x[0]!.length : 0;
  const size = d + 1; // the bias is the last coordinate
  const beta = new Float64Array(size);
  const positiveWeight = options.positiveWeight ?? 1;
  const iterations = options.iterations ?? 25;
  for (let iteration = 0; iteration < iterations; iteration++) {
    const gradient = new Float64Array(size);
    const hessian = new Float64Array(size * size);
    for (let i = 0; i < n; i++) {
      const row = x[i]!;
      let z = beta[d]!;
      for (let j = 0; j < d; j++) z += beta[j]! * row[j]!;
      const p = sigmoid(z);
      const weight = ((y[i]! > 0.5 ? positiveWeight : 1) * (options.weights?.[i] ?? 1)) / n;
      const residual = weight * (p - y[i]!);
      const curvature = weight * Math.max(p * (1 - p), 1e-9);
      for (let j = 0; j <= d; j++) {
        const xj = j === d ? 1 : row[j]!;
        if (xj === 0) continue;
        gradient[j]! += residual * xj;
        for (let k = 0; k <= j; k++) {
          const xk = k === d ? 1 : row[k]!;
          hessian[j * size + k]! += curvature * xj * xk;
        }
      }
    }
    for (let j = 0; j < size; j++) {
      for (let k = 0; k < j; k++) hessian[k * size + j] = hessian[j * size + k]!;
      if (j < d) {
        gradient[j]! += options.l2 * beta[j]!;
        hessian[j * size + j]! += options.l2;
      } else hessian[j * size + j]! += 1e-9;
    }
    const step = solveSymmetric(hessian, gradient, size);
    let change = 0;
    for (let j = 0; j < size; j++) {
      beta[j]! -= step[j]!;
      change = Math.max(change, Math.abs(step[j]!));
    }
    if (change < 1e-8) break;
  }
  return { weights: Array.from(beta.subarray(0, d)), bias: beta[d]! };
}

/** Platt scaling: p = sigmoid(a · score + b), fitted on out-of-fold scores and their labels. */
export function fitPlatt(scores: readonly number[], labels: readonly number[]): { a: number; b: number } {
  // Platt's targets: a little less than 1 and more than 0, so a separable fold cannot make it infinitely sure.
  const positives = labels.filter((y) => y > 0.5).length;
  const negatives = labels.length - positives;
  const targets = labels.map((y) => (y > 0.5 ? (positives + 1) / (positives + 2) : 1 / (negatives + 2)));
  const model = fitLogistic(
    scores.map((s) => [s]),
    targets,
    { l2: 1e-6 },
  );
  return { a: model.weights[0]!, b: model.bias };
}

/** The calibrated probability of a logit under Platt scaling. */
export function plattProbability(platt: { a: number; b: number }, z: number): number {
  return sigmoid(platt.a * z + platt.b);
}

/** Solves A x = b for a symmetric positive definite A (Cholesky). */
export function solveSymmetric(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j * n + j]!;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i * n + k]! * y[k]!;
    y[i] = sum / l[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i]! * x[k]!;
    x[i] = sum / l[i * n + i]!;
  }
  return x;
}
