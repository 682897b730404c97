// Runs the CLI from source in its own process, as a user or a scheduler would.
import { main } from '../../src/cli.js';

process.exitCode = await main(process.argv);
