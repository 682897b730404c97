// Writes a corrections file from an engine's mistakes on labelled sets: every item whose predicted
// themes differ from its labels, as `text,themes` with the labels. This is what an adviser does by
// fixing rows of items.csv after a run. Use development sets only; measure on test.csv with the
// same engine flags:
//
//   tsx scripts/corrections-from-mistakes.ts [--engine E --model M …] data/eval/dev.csv data/eval/dev2.csv > corrections.csv
//   feedback-themes evaluate data/eval/test.csv [--engine E --model M …] --corrections corrections.csv

import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { correctionsFromMistakes } from '../src/classify/corrections.js';
import { readGoldFiles } from '../src/classify/evaluate.js';
import { prepareClassifier } from '../src/classify/prepare.js';
import { createLogger } from '../src/logger.js';
import { ENGINE_FLAGS, engineConfigFrom } from './lib/engine-flags.js';

const { values: flags, positionals: goldPaths } = parseArgs({ allowPositionals: true, options: ENGINE_FLAGS });
const prepared = await prepareClassifier(engineConfigFrom(flags), createLogger({ quiet: true }));
const ids = prepared.taxonomy.themes.map((t) => t.id);
const gold = await readGoldFiles(goldPaths, ids);
const { classifier, thresholds } = prepared;
const assigned = classifier.assign(await classifier.score(gold.map((g, i) => ({ id: `g${i}`, text: g.text }))), thresholds);
const rows = correctionsFromMistakes(
  gold,
  assigned.map((a) => a.themes.map((t) => t.themeId)),
).map((c) => ({ text: c.text, themes: c.themes.join('|') }));
process.stdout.write(`${Papa.unparse(rows, { newline: '\n', columns: ['text', 'themes'] })}\n`);
process.stderr.write(`${prepared.engine.name}: ${rows.length} of ${gold.length} items corrected\n`);
await prepared.dispose();
