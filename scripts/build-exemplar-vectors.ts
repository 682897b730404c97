// Rebuilds data/exemplar-vectors.json: the built-in taxonomy's exemplars embedded by the default
// engine's model, so that a run with that model embeds none of them. Run after changing an exemplar
// in data/taxonomy.yaml or the model (test/classify/exemplar-vectors-real-model.test.ts fails until then):
//   npx tsx scripts/build-exemplar-vectors.ts --model .cache/test-model/all-MiniLM-L6-v2
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { computeExemplarVectors, EXEMPLAR_VECTORS_PATH, exemplarTexts } from '../src/classify/exemplar-vectors.js';
import { defaultCacheDir, preferredDtype } from '../src/models/catalog.js';
import { createTransformersEmbedder } from '../src/models/transformers.js';
import { loadTaxonomy } from '../src/taxonomy/load.js';

const { values } = parseArgs({ options: { model: { type: 'string' }, out: { type: 'string' } } });
if (!values.model) {
  console.error('usage: tsx scripts/build-exemplar-vectors.ts --model MODEL_DIR [--out FILE]');
  process.exit(2);
}
const cacheDir = defaultCacheDir();
const model = await createTransformersEmbedder({
  model: values.model,
  cacheDir,
  offline: true,
  dtype: preferredDtype(values.model, cacheDir).dtype,
});
try {
  const file = await computeExemplarVectors(model, exemplarTexts(await loadTaxonomy()));
  const out = values.out ?? EXEMPLAR_VECTORS_PATH;
  await writeFile(out, `${JSON.stringify(file)}\n`);
  console.log(`${out}: ${file.texts.length} exemplars, ${file.model}`);
} finally {
  await model.dispose?.();
}
