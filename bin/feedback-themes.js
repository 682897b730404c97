#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// V8 optimises a function once it has run this much bytecode since its last (de)optimisation: 4×
// V8's default (67,584 bytes), unless node was given its own. With the default, a cold run made
// about 770 optimised compiles, some functions three times, on V8's helper threads beside the
// model's workers; with this, about 380, and the process spends about 2.4 s less CPU with no
// slower main thread (bench/RESULTS.md). V8's flags are the process's: the model's workers too.
if (!process.execArgv.some((flag) => flag.startsWith('--interrupt-budget'))) setFlagsFromString('--interrupt-budget=270336');

const { main } = await import('../dist/cli.js');
main(process.argv).then((code) => {
  process.exitCode = code;
});
