// npm run build: bundles the report's chart script into dist/client/report.js, compiles the
// concept lexicon (data/lexicon/concepts.yaml) to the JSON copy the lexical engine starts from,
// and bundles the inference library for the model's threads (src/models/library.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONCEPTS_PATH, compileConcepts } from '../src/classify/lexical/concepts.js';
import { bundleClientScript, CLIENT_BUNDLE } from '../src/report/client-bundle.js';
import { bundleInferenceLibrary, LIBRARY_BUNDLE, LIBRARY_BUNDLE_NOTE } from '../src/models/library.js';

mkdirSync(dirname(CLIENT_BUNDLE), { recursive: true });
writeFileSync(CLIENT_BUNDLE, bundleClientScript());

// Where dist/classify/lexical/concepts.js looks for it (COMPILED_CONCEPTS_PATH, as built).
const compiledConcepts = join(fileURLToPath(new URL('../dist/classify/lexical/', import.meta.url)), 'concepts.json');
writeFileSync(compiledConcepts, JSON.stringify(compileConcepts(readFileSync(CONCEPTS_PATH, 'utf8'), CONCEPTS_PATH)));

// The inference library without the image library it loads for nothing (src/models/library.ts).
const library = await bundleInferenceLibrary();
writeFileSync(LIBRARY_BUNDLE, library.code);
writeFileSync(LIBRARY_BUNDLE_NOTE, `${JSON.stringify(library.note)}\n`);
