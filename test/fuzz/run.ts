// `npm run fuzz [-- --seed N --cases N]`: a long fuzz round (1,200 cases by default) with its tally.
// Exits 1 when any case fails (an exit 1, a missing message, rows not accounted for, a file changed
// outside the target folder) or the peak RSS passes 1 GB.

import { parseArgs } from 'node:util';
import { formatRound, runRound } from './round.js';

const { values } = parseArgs({ options: { seed: { type: 'string', default: '1' }, cases: { type: 'string', default: '1200' } } });
const seed = Number(values.seed);
const total = Number(values.cases);
// Exports and taxonomies are cheap; workbooks and wheels cost more per case.
const mix = { csv: Math.round(total * 0.35), xlsx: Math.round(total * 0.2), wheel: Math.round(total * 0.2), taxonomy: 0 };
mix.taxonomy = total - mix.csv - mix.xlsx - mix.wheel;

process.env.FEEDBACK_THEMES_NO_PROGRESS = '1';
const round = await runRound(seed, mix, (outcome, index) => {
  if (outcome.failure || (index + 1) % 100 === 0)
    process.stderr.write(`${index + 1} cases${outcome.failure ? `; FAILED ${outcome.kind} / ${outcome.mutation}` : ''}\n`);
});
process.stdout.write(`fuzz round, seed ${seed}\n${formatRound(round)}\n`);
process.exitCode = round.outcomes.some((o) => o.failure !== null) || round.peakRssMb > 1024 ? 1 : 0;
