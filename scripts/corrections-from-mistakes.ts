// Writes a corrections file from the lexical engine's mistakes on labelled sets: every item whose
// predicted themes differ from its labels, as `text,themes` with the labels. This is what an
// adviser does by fixing rows of items.csv. Use development sets only; measure on test.csv:
//
//   tsx scripts/corrections-from-mistakes.ts data/eval/dev.csv data/eval/dev2.csv > corrections.csv
//   feedback-themes evaluate data/eval/test.csv --engine lexical --corrections corrections.csv

import Papa from 'papaparse';
import { createClassifier } from '../src/classify/classifier.js';
import { readGold } from '../src/classify/evaluate.js';
import { createLexicalEmbedder } from '../src/classify/lexical.js';
import { defaultThresholds } from '../src/classify/thresholds.js';
import { loadTaxonomy } from '../src/taxonomy/load.js';

const taxonomy = await loadTaxonomy();
const ids = taxonomy.themes.map((t) => t.id);
const gold = (await Promise.all(process.argv.slice(2).map((path) => readGold(path, ids)))).flat();
const embedder = createLexicalEmbedder({ corpus: taxonomy.themes.flatMap((t) => t.examples) });
const classifier = await createClassifier(taxonomy, embedder, {});
const thresholds = defaultThresholds('lexical', null);
const assigned = classifier.assign(await classifier.score(gold.map((g, i) => ({ id: `g${i}`, text: g.text }))), thresholds);
const rows = gold
  .map((g, i) => ({ g, predicted: assigned[i]!.themes.map((t) => t.themeId) }))
  .filter(({ g, predicted }) => [...g.themes].sort().join('|') !== [...predicted].sort().join('|'))
  .map(({ g }) => ({ text: g.text, themes: g.themes.join('|') }));
process.stdout.write(`${Papa.unparse(rows, { newline: '\n', columns: ['text', 'themes'] })}\n`);
process.stderr.write(`${rows.length} of ${gold.length} items corrected\n`);
