// What the theme head costs next to classification, measured in one process on the same items:
// the engine's scoring (embedding and theme scores, cold, no store) against the head's share (its
// probe on each distinct text's model vector, then features, probabilities and decisions per item).
// Medians of several passes for the head's parts, which are quick.
//
//   tsx scripts/head-cost.ts --model .cache/test-model/all-MiniLM-L6-v2 --offline [--head FILE] FILE.csv…

import { parseArgs } from 'node:util';
import { assignItems, compileThemeCues } from '../src/classify/assign.js';
import { applyHead } from '../src/classify/head/bind.js';
import { readHeadFile } from '../src/classify/head/file.js';
import { attachProbe, modelPart } from '../src/classify/head/probe.js';
import { DEFAULT_HEAD_PATH } from '../src/classify/head/resolve.js';
import { prepareClassifier } from '../src/classify/prepare.js';
import { EMBED_CHUNK_SIZE, embedInChunks } from '../src/classify/scoring.js';
import { readTable } from '../src/ingest/table.js';
import { createLogger } from '../src/logger.js';
import { ENGINE_FLAGS, engineConfigFrom } from './lib/engine-flags.js';

const { values: flags, positionals: files } = parseArgs({ allowPositionals: true, options: { ...ENGINE_FLAGS, head: { type: 'string' } } });
const texts = new Set<string>();
for (const file of files) {
  const [header, ...records] = await readTable(file, { what: 'a feedback file', hint: 'Check the path.' });
  const column = header!.cells.findIndex((cell) => /^(text|feedback|employer feedback)$/i.test(cell.trim()));
  if (column < 0) throw new Error(`${file}: no text or feedback column`);
  for (const record of records) {
    const text = record.cells[column]?.trim();
    if (text) texts.add(text);
  }
}
const items = [...texts].map((text, i) => ({ id: `i${i}`, text }));
const file = await readHeadFile(flags.head ?? DEFAULT_HEAD_PATH);
const prepared = await prepareClassifier({ ...engineConfigFrom(flags), head: null }, createLogger({ quiet: true }));
const head = applyHead(file, prepared.taxonomy);
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = async (work: () => unknown) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

let scored = await prepared.classifier.score([]);
const scoring = await time(async () => {
  scored = await prepared.classifier.score(items);
});
const unitTexts = [...new Set(scored.flatMap((item) => item.segments.flatMap((s) => s.units.map((u) => u.text))))];
// The vectors the engine made while scoring, made again here (untimed): the probe reads them.
const vectors = await embedInChunks(prepared.embedder, unitTexts, EMBED_CHUNK_SIZE);
const byText = new Map(unitTexts.map((text, i) => [text, vectors[i]!]));
const cues = compileThemeCues(prepared.taxonomy);
const probe: number[] = [];
const apply: number[] = [];
const thresholds: number[] = [];
for (let pass = 0; pass < 5; pass++) {
  probe.push(
    await time(() => {
      const scores = new Map(unitTexts.map((text) => [text, modelPart(byText.get(text)!, head.probe!.dims)]));
      attachProbe(scored, head.probe!, (text) => scores.get(text)!);
    }),
  );
  apply.push(await time(() => assignItems(scored, prepared.taxonomy, prepared.thresholds, cues, undefined, head)));
  thresholds.push(await time(() => assignItems(scored, prepared.taxonomy, prepared.thresholds, cues)));
}
await prepared.dispose();
const headMs = median(probe) + median(apply);
console.log(`${items.length} items, ${unitTexts.length} distinct scored texts, engine ${prepared.engine.name}`);
console.log(`scoring (embed + theme scores, cold): ${scoring.toFixed(0)} ms (${(scoring / items.length).toFixed(2)} ms per item)`);
console.log(`head: probe ${median(probe).toFixed(1)} ms + features, probabilities and decisions ${median(apply).toFixed(1)} ms`);
console.log(`  (thresholds alone decide in ${median(thresholds).toFixed(1)} ms)`);
console.log(`head / scoring: ${((100 * headMs) / scoring).toFixed(1)}%`);
