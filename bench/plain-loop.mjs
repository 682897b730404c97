// Baseline (a): the plain transformers.js loop. One feature-extraction pipeline, texts in file
// order, batches of 32, mean pooling, normalised; nothing else. Run as its own process so it pays
// the same process start and model load as a whole `feedback-themes run`.
// Usage: node bench/plain-loop.mjs <model-folder> <texts.json> <dtype> <out.json>

import { readFileSync, writeFileSync } from 'node:fs';

const [modelDir, textsFile, dtype = 'fp32', outFile] = process.argv.slice(2);
const started = performance.now();
const { env, pipeline } = await import('@huggingface/transformers');
env.allowRemoteModels = false;
env.allowLocalModels = true;
const texts = JSON.parse(readFileSync(textsFile, 'utf8'));
const extractor = await pipeline('feature-extraction', modelDir, { dtype, local_files_only: true });
const loaded = performance.now();
let vectors = 0;
for (let i = 0; i < texts.length; i += 32) {
  const output = await extractor(texts.slice(i, i + 32), { pooling: 'mean', normalize: true });
  vectors += output.dims[0];
}
const embedded = performance.now();
await extractor.dispose();
if (outFile) {
  writeFileSync(outFile, JSON.stringify({ loadMs: loaded - started, embedMs: embedded - loaded, vectors }));
}
