// The short fuzz round of `npm test` (the long one is `npm run fuzz`): hostile exports, workbooks,
// wheels and taxonomies from a fixed seed; none may exit 1, lose a row or change a file outside its
// target folder.

import { expect, it } from 'vitest';
import { formatRound, runRound } from './round.js';

it('a short fuzz round: every case exits 0, 2 or 3 with its rows accounted for and nothing else changed', {
  timeout: 240_000,
}, async () => {
  const round = await runRound(22, { csv: 20, xlsx: 25, wheel: 100, taxonomy: 80 });
  const failures = round.outcomes.filter((o) => o.failure !== null);
  expect(failures, formatRound(round)).toEqual([]);
  // The round exercised both outcomes, and checked conservation on exports that ran.
  expect(round.outcomes.some((o) => o.code === 0) && round.outcomes.some((o) => o.code === 2)).toBe(true);
  expect(round.outcomes.filter((o) => o.conserved === true).length).toBeGreaterThan(10);
  expect(round.peakRssMb).toBeLessThan(1024);
});
