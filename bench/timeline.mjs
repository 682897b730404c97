// A cold run's timeline from its CPU profiles: `node --cpu-prof --cpu-prof-dir=DIR bin/feedback-themes.js run …`
// writes one profile for the main thread and one for each model worker; `node bench/timeline.mjs DIR
// [bucket ms] [stage,stage,…]` prints, per time bucket, how busy each worker was and what the main
// thread did (the innermost listed stage function on its stack, else idle, gc or other). Profiles
// share one clock, so the columns line up. Idle is a thread waiting on its event loop, not one the
// machine did not schedule: on a loaded machine the buckets stretch, the shape stays.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const STAGES =
  'readInputs,redactItemsInTurns,segmentItems,settle,scoreVector,roleProbabilities,assignItems,discoverEmerging,analyse,buildOutputs,commitRun,close';
const [dir, bucketArg = '500', stagesArg = STAGES] = process.argv.slice(2);
if (!dir) {
  process.stderr.write('usage: node bench/timeline.mjs <--cpu-prof-dir> [bucket ms] [stage,stage,…]\n');
  process.exit(2);
}
const bucket = Number(bucketArg) / 1000;
const stages = new Set(stagesArg.split(','));
// Node names profiles CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the main thread.
const files = readdirSync(dir)
  .filter((file) => file.endsWith('.cpuprofile'))
  .sort((a, b) => Number(a.split('.').at(-2)) - Number(b.split('.').at(-2)));

/** Each sample as [seconds on the shared clock, seconds it stands for, stack from the leaf up]. */
function samples(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  let at = profile.startTime;
  return profile.samples.map((id, i) => {
    at += profile.timeDeltas[i];
    const stack = [];
    for (let node = id; node !== undefined; node = parent.get(node)) stack.push(byId.get(node).callFrame.functionName);
    return [at / 1e6, (profile.timeDeltas[i + 1] ?? 0) / 1e6, stack];
  });
}

const threads = files.map((file) => samples(JSON.parse(readFileSync(path.join(dir, file), 'utf8'))));
const start = Math.min(...threads.map((thread) => thread[0]?.[0] ?? Number.POSITIVE_INFINITY));
const rows = [];
threads.forEach((thread, t) => {
  for (const [at, seconds, stack] of thread) {
    const leaf = stack[0];
    let what = leaf === '(idle)' ? 'idle' : leaf === '(garbage collector)' ? 'gc' : 'other';
    if (t === 0 && what === 'other') what = stack.find((name) => stages.has(name)) ?? 'other';
    const b = Math.floor((at - start) / bucket);
    rows[b] ??= threads.map(() => new Map());
    const row = rows[b];
    row[t].set(what, (row[t].get(what) ?? 0) + seconds);
  }
});

const totals = threads.map(() => ({ busy: 0, idle: 0 }));
process.stdout.write(
  `seconds  ${threads
    .slice(1)
    .map((_, w) => `w${w + 1}%`.padStart(5))
    .join('')}  main thread (share of the bucket)\n`,
);
rows.forEach((row, b) => {
  if (!row) return;
  row.forEach((kinds, t) => {
    for (const [what, seconds] of kinds) totals[t][what === 'idle' ? 'idle' : 'busy'] += seconds;
  });
  const workers = row
    .slice(1)
    .map((kinds) => {
      const busy = [...kinds].filter(([what]) => what !== 'idle').reduce((sum, [, seconds]) => sum + seconds, 0);
      return String(Math.round((busy / bucket) * 100)).padStart(5);
    })
    .join('');
  const main = [...row[0]]
    .sort((a, b) => b[1] - a[1])
    .filter(([, seconds]) => seconds > bucket * 0.08)
    .map(([what, seconds]) => `${what} ${Math.round((seconds / bucket) * 100)}`)
    .join(', ');
  process.stdout.write(`${(b * bucket).toFixed(1).padStart(7)}  ${workers}  ${main}\n`);
});
for (const [t, { busy, idle }] of totals.entries()) {
  process.stdout.write(`${t === 0 ? 'main thread' : `worker ${t}`}: busy ${busy.toFixed(2)} s, idle ${idle.toFixed(2)} s\n`);
}
