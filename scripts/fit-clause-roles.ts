// Fits the clause-role reader (src/classify/roles/) on labelled clauses and writes it, bound to the
// sentence model's weights (q8 and fp32 digests) and to the clauses' digest. Deterministic.
//
//   npx tsx scripts/fit-clause-roles.ts data/eval/clause-roles.csv --reasons data/eval/dev.csv,data/eval/dev2.csv,data/eval/voices-dev.csv,data/eval/voices-dev2.csv \
//     --out data/roles/default.json
//     [--model DIR_OR_ID] [--cache-dir DIR] [--dtype q8] [--vectors /tmp/clause-vectors.json] [--errors] [--l2 0.01] [--trust 0.75]
//     [--batches 1033,1488,2188,2788,3388,3788] [--drop-signals subject_candidate,topic_judged]
//
// --batches: cross-validate by the batch each clause was written in (the last clause number of each
// batch; later clauses are one more batch), so the penalty and the trusted probability are chosen
// on wording the reader was not fitted on; without it, 5 folds dealt round robin within each role.
// --drop-signals: leave those word signals out (to measure what they add; no file is written).

import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { createCachedEmbedder, memoryVectorCache } from '../src/classify/cache.js';
import { ROLES_FORMAT, ROLES_VERSION, serialiseRoles, type RolesFile } from '../src/classify/roles/file.js';
import { batchFolds, CUT_GRID, fitClauseRoles, reasonsFromLabelled, trustedReadings } from '../src/classify/roles/fit.js';
import { CLAUSE_ROLES, likeliestRole, LEXICAL_SIGNALS, roleFeatures, type ClauseRole } from '../src/classify/roles/model.js';
import { readGoldFiles } from '../src/classify/evaluate.js';
import { hashText } from '../src/hash.js';
import { DEFAULT_THEME_IDS } from '../src/types.js';
import { DEFAULT_MODEL, defaultCacheDir } from '../src/models/catalog.js';
import { createTransformersEmbedder } from '../src/models/transformers.js';
import { fileVectorCache } from './lib/file-vector-cache.js';

const text = { type: 'string' } as const;
const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: text,
    reasons: text,
    l2: text,
    trust: text,
    model: text,
    'cache-dir': text,
    dtype: text,
    vectors: text,
    errors: { type: 'boolean' },
    batches: text,
    'drop-signals': text,
  },
});
const file = positionals[0] ?? 'data/eval/clause-roles.csv';
const raw = readFileSync(file, 'utf8');
const parsed = Papa.parse<Record<string, string>>(raw, { header: true, skipEmptyLines: true });
const problems = parsed.errors.map((e) => `${file}: row ${(e.row ?? 0) + 2}: ${e.message}`);
const rows = parsed.data.map((row, i) => ({ line: i + 2, id: row.id ?? '', text: (row.text ?? '').trim(), role: row.role as ClauseRole }));
for (const row of rows) {
  if (!row.text) problems.push(`${file}: line ${row.line}: empty text`);
  if (!CLAUSE_ROLES.includes(row.role))
    problems.push(`${file}: line ${row.line}: role "${row.role}" is not one of ${CLAUSE_ROLES.join(', ')}`);
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(2);
}

// One-sentence reasons from theme-labelled development sets (never a held-out set).
const reasonFiles = flags.reasons?.split(',').filter(Boolean) ?? [];
const taken = new Set(rows.map((r) => r.text));
const labelled = reasonFiles.length > 0 ? await readGoldFiles(reasonFiles, DEFAULT_THEME_IDS) : [];
for (const text of reasonsFromLabelled(labelled)) {
  if (!taken.has(text)) rows.push({ line: 0, id: 'labelled', text, role: 'reason' });
  taken.add(text);
}
const digest = hashText([raw, ...reasonFiles.map((f) => readFileSync(f, 'utf8'))].join('\0')).slice(0, 16);

const model = flags.model ?? DEFAULT_MODEL;
const cacheDir = flags['cache-dir'] ?? defaultCacheDir();
const dtype = (flags.dtype ?? 'q8') as 'q8' | 'fp32';
const saved = flags.vectors ? await fileVectorCache(flags.vectors) : null;
const vectorCache = saved ?? memoryVectorCache();
const embedder = createCachedEmbedder(await createTransformersEmbedder({ model, cacheDir, offline: true, dtype }), vectorCache);
const vectors = await embedder.embed(rows.map((r) => r.text));
await saved?.save();
const dropped = new Set(flags['drop-signals']?.split(',').filter(Boolean) ?? []);
const unknownSignal = [...dropped].find((name) => !LEXICAL_SIGNALS.some(([n]) => n === name));
if (unknownSignal) throw new Error(`--drop-signals: no word signal "${unknownSignal}" (${LEXICAL_SIGNALS.map(([n]) => n).join(', ')})`);
if (dropped.size > 0 && flags.out) throw new Error('--drop-signals measures a reader that cannot be written: leave out --out');
const keptColumn = (j: number) => j < embedder.dims || !dropped.has(LEXICAL_SIGNALS[j - embedder.dims]![0]);
const clauses = rows.map((r, i) => ({
  role: r.role,
  features: roleFeatures(vectors[i]!, embedder.dims, r.text).filter((_, j) => keptColumn(j)),
}));
const lastOfBatch = flags.batches?.split(',').map(Number) ?? [];
if (lastOfBatch.some((n, k) => !Number.isInteger(n) || n <= (lastOfBatch[k - 1] ?? 0)))
  throw new Error(`--batches must be clause numbers in ascending order, got ${flags.batches}`);
const clauseNumber = (id: string) => (/^clause-(\d+)$/.exec(id) ? Number(id.slice('clause-'.length)) : null);
const groups =
  lastOfBatch.length > 0
    ? batchFolds(
        rows.map((r) => clauseNumber(r.id)),
        lastOfBatch,
      )
    : undefined;

const started = Date.now();
// --l2 skips the penalty search (quicker while writing clauses); the shipped file is fitted without it.
// Without --trust, the trusted probability is the lowest at which out-of-fold readings of "not a
// reason" are right at least 95% of the time (a reason set aside is a lost theme).
const fit = fitClauseRoles(clauses, embedder.dims, {
  ...(flags.trust ? { confidentAt: Number(flags.trust) } : {}),
  ...(flags.l2 ? { l2Grid: [Number(flags.l2)] } : {}),
  ...(groups ? { groups } : {}),
});
const { accuracy, trustedPrecision, trustedShare } = fit.crossValidated;
console.log(
  `${rows.length} clauses, ${fit.folds}-fold cross-validation (${((Date.now() - started) / 1000).toFixed(0)} s): l2 ${fit.l2}, ` +
    `accuracy ${accuracy.toFixed(3)}; trusted from p ${fit.confidentAt}: ${(trustedShare * 100).toFixed(0)}% of clauses read as not a reason, ` +
    `${(trustedPrecision * 100).toFixed(1)}% of them right`,
);
console.log(
  `  cut → read as not a reason (share, precision): ${CUT_GRID.map((cut) => {
    const t = trustedReadings(clauses, fit.outOfFold, cut);
    return `${cut}: ${(t.share * 100).toFixed(0)}% ${(t.precision * 100).toFixed(1)}%`;
  }).join(', ')}`,
);
for (const role of CLAUSE_ROLES) {
  const truth = rows.map((r) => r.role === role);
  const said = fit.outOfFold.map((p) => likeliestRole(p) === role);
  const tp = truth.filter((t, i) => t && said[i]).length;
  const precision = tp / Math.max(1, said.filter(Boolean).length);
  const recall = tp / Math.max(1, truth.filter(Boolean).length);
  console.log(`  ${role.padEnd(12)} P ${precision.toFixed(2)} R ${recall.toFixed(2)} n ${truth.filter(Boolean).length}`);
}
if (groups) {
  // Each batch as read by the reader fitted without it: what carries over to wording it never saw.
  for (let f = 0; f < fit.folds; f++) {
    const mine = clauses.filter((_, i) => groups[i] === f);
    const probabilities = fit.outOfFold.filter((_, i) => groups[i] === f);
    const right = mine.filter((c, i) => likeliestRole(probabilities[i]!) === c.role).length;
    const t = trustedReadings(mine, probabilities, fit.confidentAt);
    const last = lastOfBatch[f];
    const name = `clause-${f === 0 ? 1 : lastOfBatch[f - 1]! + 1}…${last ?? ''}`;
    console.log(
      `  batch ${name.padEnd(16)} n ${String(mine.length).padStart(4)} accuracy ${(right / mine.length).toFixed(3)}; at p ${fit.confidentAt}: ` +
        `${(t.share * 100).toFixed(0)}% read as not a reason, ${(t.precision * 100).toFixed(1)}% right`,
    );
  }
}
if (flags.errors) {
  rows.forEach((r, i) => {
    const said = likeliestRole(fit.outOfFold[i]!);
    if (said !== r.role) console.log(`ERR ${r.id} ${r.role} read ${said} (${Math.max(...fit.outOfFold[i]!).toFixed(2)}): ${r.text}`);
  });
}

// Every dtype of the same weights present here: the reader serves q8 and fp32 alike.
const weights = new Set<string>();
for (const d of ['q8', 'fp32'] as const) {
  try {
    const e = await createTransformersEmbedder({ model, cacheDir, offline: true, dtype: d });
    if (e.weights) weights.add(e.weights);
    await e.dispose?.();
  } catch {
    // That dtype is not on this machine.
  }
}
await embedder.dispose?.();

const out: RolesFile = {
  format: ROLES_FORMAT,
  version: ROLES_VERSION,
  dims: fit.models.dims,
  signals: LEXICAL_SIGNALS.map(([name]) => name),
  model: { name: model === DEFAULT_MODEL || /all-MiniLM-L6-v2$/.test(model) ? 'all-MiniLM-L6-v2' : model, weights: [...weights] },
  standardise: fit.models.standardise,
  roles: CLAUSE_ROLES.map((id, r) => ({ id, ...fit.models.roles[r]! })),
  confidentAt: fit.confidentAt,
  fitted: {
    files: [file, ...reasonFiles].map((f) => f.replace(/^.*(data\/eval\/)/, '$1')),
    digest,
    clauses: rows.length,
    l2: fit.l2,
    folds: fit.folds,
    ...(lastOfBatch.length > 0 ? { batches: lastOfBatch } : {}),
    crossValidated: { accuracy: round(accuracy), trustedPrecision: round(trustedPrecision), trustedShare: round(trustedShare) },
  },
};
if (flags.out) {
  writeFileSync(flags.out, serialiseRoles(out));
  console.log(`wrote ${flags.out}`);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
