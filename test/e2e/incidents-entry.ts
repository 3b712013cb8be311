/**
 * The incidents commands on their own, as main.ts registers them: lets this suite run while other
 * commands in main.ts are still being written in parallel. Same error handling as main.ts.
 */
import { Command } from 'commander';
import { printError } from '../../src/cli/analyze.command.js';
import { registerIncidents } from '../../src/cli/incidents.command.js';

const program = new Command().name('truce');
registerIncidents(program);
try {
  await program.parseAsync(process.argv);
} catch (err) {
  printError('truce', err);
  process.exitCode = 2;
}
