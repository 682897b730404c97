// Shared by the pipeline (discovery), the tests and the benchmarks.
/** Mulberry32: a small seeded generator, identical on every platform, so fixtures, generated
 * models and benchmark rows are the same for the same seed. Returns numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
