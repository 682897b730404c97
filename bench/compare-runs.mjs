// Whether two runs of `feedback-themes run` wrote the same things: a cut to the run's speed must
// change no output. `node bench/compare-runs.mjs OUT_A OUT_B [STORE_A STORE_B]` compares items.csv,
// segments.csv, followup.csv, summary.json and report.html of the two report folders, each less its
// own run id and ISO times (generatedAt, the times the report shows), and, given two stores, every
// row of each table less run ids and times (runs' started_at and finished_at, embeddings'
// created_at), as sorted rows. Both runs need one pseudonym secret (`<store>.key`, copied beside
// each new store), or the references differ. Exit 0 when all is the same, 3 when something differs,
// 2 when a folder or store cannot be read.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const FILES = ['items.csv', 'segments.csv', 'followup.csv', 'summary.json', 'report.html'];
/** Per table, the columns a second run cannot repeat. */
const TABLES = {
  meta: [],
  runs: ['started_at', 'finished_at'],
  run_inputs: [],
  items: [],
  followup: [],
  assignments: [],
  embeddings: ['created_at'],
};

const [outA, outB, storeA, storeB] = process.argv.slice(2);
if (!outB || (storeA && !storeB)) {
  process.stderr.write('usage: node bench/compare-runs.mjs OUT_A OUT_B [STORE_A STORE_B]\n');
  process.exit(2);
}

function read(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    process.stderr.write(`${file}: ${error.message}\n`);
    process.exit(2);
  }
}

/** The text less what differs between two runs of the same input: the run's id and its ISO times. */
function withoutRun(text, runId) {
  return text
    .split(runId)
    .join('RUN')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g, 'TIME');
}

const runIdOf = (out) => JSON.parse(read(`${out}/summary.json`)).runId;
const runs = [
  { out: outA, store: storeA, runId: runIdOf(outA) },
  { out: outB, store: storeB, runId: runIdOf(outB) },
];
let differing = 0;
const say = (what, same, detail = '') => {
  if (!same) differing++;
  process.stdout.write(`${what}: ${same ? 'same' : 'DIFFERENT'}${detail}\n`);
};

for (const file of FILES) {
  const [a, b] = runs.map(({ out, runId }) => withoutRun(read(`${out}/${file}`), runId));
  say(file, a === b, ` (${a.length} and ${b.length} characters)`);
}

/** Per table, a digest of its sorted rows (as JSON, less the run's id and times) and their count. */
async function tableDigests({ store, runId }) {
  const { DuckDBInstance } = createRequire(import.meta.url)('@duckdb/node-api');
  let instance;
  try {
    instance = await DuckDBInstance.create(store, { access_mode: 'READ_ONLY' });
  } catch (error) {
    process.stderr.write(`${store}: ${error.message}\n`);
    process.exit(2);
  }
  const connection = await instance.connect();
  const digests = {};
  for (const [table, dropped] of Object.entries(TABLES)) {
    const columns = dropped.length > 0 ? `* EXCLUDE (${dropped.join(', ')})` : '*';
    const rows = (await connection.runAndReadAll(`SELECT ${columns} FROM ${table}`)).getRowsJson();
    const lines = rows.map((row) => withoutRun(JSON.stringify(row), runId)).sort();
    digests[table] = `${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}, ${lines.length} rows`;
  }
  connection.closeSync();
  instance.closeSync();
  return digests;
}

if (storeA) {
  const [a, b] = [await tableDigests(runs[0]), await tableDigests(runs[1])];
  for (const table of Object.keys(TABLES)) say(`store ${table}`, a[table] === b[table], ` (${a[table]}; ${b[table]})`);
}
process.stdout.write(differing === 0 ? 'all the same\n' : `${differing} differ\n`);
process.exitCode = differing === 0 ? 0 : 3;
