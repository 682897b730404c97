// The shipped exemplar vectors are what the default engine's model gives the built-in taxonomy's
// exemplars: an exemplar or model changed without rebuilding the file fails here (rebuild with
// `npx tsx scripts/build-exemplar-vectors.ts --model .cache/test-model/all-MiniLM-L6-v2`).

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeExemplarVectors, EXEMPLAR_VECTORS_PATH, exemplarTexts, parseExemplarVectors } from '../../src/classify/exemplar-vectors.js';
import { preferredDtype } from '../../src/models/catalog.js';
import { createTransformersEmbedder } from '../../src/models/transformers.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';
import { REAL_MODEL_DIR, requireRealModel } from '../helpers/real-model.js';

const available = requireRealModel('real-model exemplar vector tests');

describe.skipIf(!available)('the shipped exemplar vectors', () => {
  it('are the default model’s vectors of the built-in exemplars', async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'ft-exemplars-'));
    const model = await createTransformersEmbedder({
      model: REAL_MODEL_DIR,
      cacheDir,
      offline: true,
      dtype: preferredDtype(REAL_MODEL_DIR, cacheDir).dtype,
    });
    try {
      const json = await readFile(EXEMPLAR_VECTORS_PATH, 'utf8');
      const shipped = parseExemplarVectors(json, EXEMPLAR_VECTORS_PATH);
      const fresh = parseExemplarVectors(JSON.stringify(await computeExemplarVectors(model, exemplarTexts(await loadTaxonomy()))), 'fresh');
      expect(shipped.model).toBe(fresh.model);
      expect([...shipped.byText.keys()]).toEqual([...fresh.byText.keys()]);
      // The same bytes on the CPU they were computed on; another CPU's kernels may move the last bits.
      let worst = 0;
      for (const [text, vector] of fresh.byText) {
        const kept = shipped.byText.get(text)!;
        vector.forEach((x, d) => {
          worst = Math.max(worst, Math.abs(x - kept[d]!));
        });
      }
      expect(worst).toBeLessThan(1e-4);
    } finally {
      await model.dispose?.();
      await rm(cacheDir, { recursive: true, force: true });
    }
  }, 300_000);
});
