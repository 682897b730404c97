// What one model call costs, split: the tokenizer, the library's model call (`pipe.model`) and the
// same ONNX Runtime session run directly on the same tensors, one text per call in one thread, as
// the model workers run it. The two calls take turns on every text, so load on the machine hits
// both alike; it also checks they give the same bytes.
//
//   npx tsx bench/model-call.ts [q8|fp32] [MODEL_DIR]

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import Papa from 'papaparse';
import { loadFeatureExtractionPipeline } from '../src/models/load.js';
import { median } from './args.js';

type Output = Record<string, { data: Float32Array } | undefined>;
type Session = { inputNames: string[]; run(feeds: Record<string, unknown>): Promise<Output> };

const dtype = process.argv[2] === 'fp32' ? 'fp32' : 'q8';
const model = process.argv[3] ?? '.cache/test-model/all-MiniLM-L6-v2';
const sets = ['voices-dev', 'voices-dev2', 'voices-dev3', 'voices-dev4', 'dev', 'dev2'];
const texts = sets.flatMap((set) =>
  Papa.parse<{ text: string }>(readFileSync(`data/eval/${set}.csv`, 'utf8'), { header: true, skipEmptyLines: true }).data.map(
    (row) => row.text,
  ),
);

const loaded = await loadFeatureExtractionPipeline({ model, cacheDir: '.cache', offline: true, dtype, threads: 1 });
const pipe = loaded.pipeline;
const session = (pipe.model as unknown as { sessions: { model: Session } }).sessions.model;
const tokenize: number[] = [];
const library: number[] = [];
const direct: number[] = [];
let differing = 0;
const bytes = (output: Output) => {
  const data = output.last_hidden_state!.data;
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
};
for (const [i, text] of texts.entries()) {
  let start = performance.now();
  const inputs = pipe.tokenizer([text], { padding: true, truncation: true }) as Record<string, unknown>;
  tokenize.push(performance.now() - start);
  const feeds = Object.fromEntries(session.inputNames.map((name) => [name, (inputs[name] as { ort_tensor: unknown }).ort_tensor]));
  const runs = [
    async () => {
      start = performance.now();
      const output = (await pipe.model(inputs)) as Output;
      library.push(performance.now() - start);
      return bytes(output);
    },
    async () => {
      start = performance.now();
      const output = await session.run(feeds);
      direct.push(performance.now() - start);
      return bytes(output);
    },
  ];
  if (i % 2 === 1) runs.reverse();
  const [first, second] = [await runs[0]!(), await runs[1]!()];
  if (!first.equals(second)) differing++;
}
await pipe.dispose();

const ms = (values: number[]) => `${median(values).toFixed(3)} ms`;
console.log(`${texts.length} texts, ${dtype}, one per call, one thread (medians per text)`);
console.log(`  tokenizer                ${ms(tokenize)}`);
console.log(`  library model call       ${ms(library)}`);
console.log(`  session.run directly     ${ms(direct)}`);
console.log(`  difference, per text     ${ms(library.map((value, i) => value - direct[i]!))}`);
console.log(`  outputs differing        ${differing}`);
