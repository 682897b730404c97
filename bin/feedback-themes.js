#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// V8 optimises a function once it has run this much bytecode since its last (de)optimisation: 8×
// V8's default (67,584 bytes), unless node was given its own. With the default, a cold run made
// some 740 optimised compiles, several of one function, costing about 2.8 s of CPU on V8's helper
// threads next to the model's workers; with this, functions still hot after the longer wait are
// optimised, most once (bench/RESULTS.md). V8's flags are the process's: the model's workers too.
if (!process.execArgv.some((flag) => flag.startsWith('--interrupt-budget'))) setFlagsFromString('--interrupt-budget=540672');

const { main } = await import('../dist/cli.js');
main(process.argv).then((code) => {
  process.exitCode = code;
});
