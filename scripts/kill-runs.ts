// `npm run kills`: SIGKILL a real run at many points (each step of its commit, and random times
// from start to finish) over one output folder and store, and look at the folder after each kill,
// before any other run: it must show one run's files, whole (support/one-run-check.ts). Then one
// last run settles the store, whose committed runs must be exactly the run folders shown.
//
//   npm run build && npm run kills -- [--points 60] [--seed 7]
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { cliCommand } from '../support/cli-process.js';
import {
  COMMIT_STEPS,
  digestsFor,
  killRounds,
  lookAtFolder,
  runCli,
  writeBatch,
  type KillPoint,
  type KillRound,
} from '../support/one-run-check.js';
import { seededRandom } from '../src/random.js';

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
}

const points = flag('--points', 60);
const random = seededRandom(flag('--seed', 7));
const cli = cliCommand();
const work = await mkdtemp(path.join(tmpdir(), 'ft-kills-'));
try {
  // How long a whole run takes here, so random points spread over all of it.
  const timing = path.join(work, 'timing');
  const started = Date.now();
  await killRounds({ cli, work: timing, points: [] });
  const runMs = Date.now() - started;
  await rm(timing, { recursive: true, force: true });

  // Every step of the commit in turn, then random times (some past the end: runs that finish).
  const plan: KillPoint[] = Array.from({ length: points }, (_, i) =>
    i % 2 === 0 ? { step: COMMIT_STEPS[(i / 2) % COMMIT_STEPS.length] } : { afterMs: Math.round(runMs * (0.2 + random())) },
  );
  const rounds = await killRounds({ cli, work, points: plan }, (round: KillRound) => {
    const where = 'step' in round.point ? round.point.step : `${round.point.afterMs} ms`;
    const verdict = round.problems.length === 0 ? 'ok' : `PROBLEM: ${round.problems.join('; ')}`;
    process.stdout.write(
      `batch ${round.batch}: ${round.killed ? 'killed' : 'finished'} at ${where}, shows batch ${round.shown}: ${verdict}\n`,
    );
  });

  // The last run settles what the last kill left; the store then agrees with the folder.
  const last = rounds.length + 2;
  const out = path.join(work, 'out');
  const final = await runCli(
    cli,
    [
      await writeBatch(work, last),
      '--out',
      out,
      '--store',
      path.join(work, 'store.duckdb'),
      '--engine',
      'lexical',
      '--quiet',
      '--keep',
      '1000',
      ...(digestsFor(last) ? ['--digests'] : []),
    ],
    { FEEDBACK_THEMES_CACHE: path.join(work, 'cache') },
  );
  const instance = await DuckDBInstance.create(path.join(work, 'store.duckdb'));
  const connection = await instance.connect();
  const rows = (await connection.runAndReadAll(`SELECT run_id, status FROM runs ORDER BY run_id`)).getRowsJS() as [string, string][];
  connection.closeSync();
  instance.closeSync();
  const folders = await readdir(path.join(out, 'runs'));
  const committed = rows.filter(([, status]) => status === 'committed').map(([id]) => id);
  const storeAgrees =
    final.code === 0 && rows.every(([, status]) => status === 'committed') && JSON.stringify(committed) === JSON.stringify(folders);
  const lastLook = await lookAtFolder(out);

  const killed = rounds.filter((r) => r.killed);
  const bad = rounds.filter((r) => r.problems.length > 0);
  const tally = (rs: KillRound[]) => ({
    old: rs.filter((r) => r.shown !== null && r.shown !== r.batch).length,
    new: rs.filter((r) => r.shown === r.batch).length,
  });
  process.stdout.write(
    `\n${rounds.length} points (${killed.length} killed, ${rounds.length - killed.length} finished; a whole run takes ~${runMs} ms here)\n` +
      `after a kill the folder showed the previous run ${tally(killed).old} time(s), the killed run ${tally(killed).new} time(s)\n` +
      `folders showing files of more than one run, or a run cut short: ${bad.length}\n` +
      `store after the last run: ${committed.length} committed run(s), ${rows.length - committed.length} pending; run folders: ${folders.length}; ${storeAgrees ? 'they agree' : 'THEY DISAGREE'}\n` +
      `last run shows batch ${lastLook.batch} ${lastLook.problems.length === 0 ? 'whole' : lastLook.problems.join('; ')}\n`,
  );
  process.exitCode = bad.length === 0 && storeAgrees && lastLook.batch === last && lastLook.problems.length === 0 ? 0 : 1;
} finally {
  await rm(work, { recursive: true, force: true });
}
