// Runs one fuzz case through the CLI, in process, in a folder of its own, and judges it: the exit
// code is one a user may see for that input (never 1), an export's rows are all accounted for
// (items + rejects = rows), and no file outside the target folder changed (the model cache, the
// pseudonym secret, the input and a bystander file survive).

import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MODEL_META_FILE } from '../../src/models/meta.js';
import { parseCsv } from '../helpers/csv.js';
import { runCli } from '../helpers/run-cli.js';
import { snapshotTree } from '../helpers/tree.js';
import type { FuzzCase, FuzzKind } from './generate.js';

export interface FuzzOutcome {
  kind: FuzzKind;
  mutation: string;
  code: number;
  /** items + rejects = rows, for exports that ran; null where it does not apply. */
  conserved: boolean | null;
  /** Why the case failed, or null. */
  failure: string | null;
  ms: number;
}

const ALLOWED: Record<FuzzKind, number[]> = { csv: [0, 2, 3], xlsx: [0, 2, 3], wheel: [0, 2], taxonomy: [0, 2] };

export async function runFuzzCase(fuzz: FuzzCase, dir: string): Promise<FuzzOutcome> {
  await rm(dir, { recursive: true, force: true });
  const input = path.join(dir, 'in', fuzz.file);
  const bystander = path.join(dir, 'in', 'notes.txt');
  const cache = path.join(dir, 'cache');
  const out = path.join(dir, 'out');
  await mkdir(path.join(cache, 'imported', 'existing'), { recursive: true });
  await mkdir(path.dirname(input), { recursive: true });
  await writeFile(input, fuzz.bytes);
  await writeFile(bystander, 'an adviser file');
  await writeFile(path.join(cache, 'pseudonym.key'), 'ab'.repeat(32));
  await writeFile(path.join(cache, 'imported', 'existing', 'config.json'), '{}');
  await writeFile(path.join(cache, 'imported', 'existing', MODEL_META_FILE), '{}');
  const before = { in: await snapshotTree(path.join(dir, 'in')), cache: await snapshotTree(cache) };

  const args = commandFor(fuzz, input, out).map((a) => a.replace('{existing}', bystander));
  const started = Date.now();
  const result = await runCli(args, { FEEDBACK_THEMES_CACHE: cache, HOME: dir });
  const ms = Date.now() - started;
  const outcome = (failure: string | null, conserved: boolean | null = null): FuzzOutcome => ({
    kind: fuzz.kind,
    mutation: fuzz.mutation,
    code: result.code,
    conserved,
    failure,
    ms,
  });

  if (!ALLOWED[fuzz.kind].includes(result.code)) return outcome(`exit ${result.code}: ${result.stderr.slice(0, 600)}`);
  if (result.code !== 0 && !/\S/.test(result.stderr)) return outcome(`exit ${result.code} with no message`);
  const changed = diff(before.in, await snapshotTree(path.join(dir, 'in')));
  if (changed.length > 0) return outcome(`input folder changed: ${changed.join(', ')}`);
  // A successful import may add one model folder (the last line of its output); nothing else changes.
  const target = fuzz.kind === 'wheel' && result.code === 0 ? path.relative(cache, result.stdout.trim().split('\n').pop() ?? '') : null;
  const cacheChanged = diff(before.cache, await snapshotTree(cache)).filter(
    (file) => !(target && !target.startsWith('..') && file.startsWith(`${target}/`)),
  );
  if (cacheChanged.length > 0) return outcome(`model cache changed outside the target: ${cacheChanged.slice(0, 5).join(', ')}`);
  if ((fuzz.kind === 'csv' || fuzz.kind === 'xlsx') && result.code === 0) {
    const problem = await conservation(result.stdout, out);
    return outcome(problem, problem === null);
  }
  return outcome(null);
}

function commandFor(fuzz: FuzzCase, input: string, out: string): string[] {
  if (fuzz.kind === 'wheel') return ['model', 'import', input, ...fuzz.args];
  if (fuzz.kind === 'taxonomy') return ['taxonomy', 'validate', input];
  return ['run', input, '--engine', 'lexical', '--no-store', '--out', out, '--json', '--quiet', ...fuzz.args];
}

/** Files added, removed or changed between two snapshots. */
function diff(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]).sort();
}

/** Why the rows do not add up, or null: summary counts, items.csv and rejects.csv must agree. */
async function conservation(stdout: string, out: string): Promise<string | null> {
  const counts = (JSON.parse(stdout) as { counts: { items: number; rejectedRows: number; dataRows: number } }).counts;
  if (counts.items + counts.rejectedRows !== counts.dataRows) {
    return `items ${counts.items} + rejects ${counts.rejectedRows} != rows ${counts.dataRows}`;
  }
  const items = parseCsv(await readFile(path.join(out, 'items.csv'), 'utf8')).length;
  if (items !== counts.items) return `items.csv has ${items} rows, the summary says ${counts.items}`;
  const rejectsText = await readFile(path.join(out, 'rejects.csv'), 'utf8').catch(() => null);
  const rejects = rejectsText === null ? 0 : parseCsv(rejectsText).length;
  if (rejects !== counts.rejectedRows) return `rejects.csv has ${rejects} rows, the summary says ${counts.rejectedRows}`;
  return null;
}
