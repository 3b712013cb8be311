#!/usr/bin/env node
/** `truce <command>`: the command-line interface. */
import { Command, Option } from 'commander';
import { printError, registerAnalyze } from './analyze.command.js';
import { registerTag } from './tag.command.js';
import { registerClassify } from './classify.command.js';
import { registerQuotes } from './quotes.command.js';

const program = new Command();
program
  .name('truce')
  .description('Truce Monitor: read reports of a war and judge them against a ceasefire agreement')
  .showHelpAfterError();

registerAnalyze(program);
registerTag(program);
registerClassify(program);
registerQuotes(program);
(await import('./incidents.command.js')).registerIncidents(program);
program.addOption(new Option('--no-color', 'plain output without colours'));

try {
  await program.parseAsync(process.argv);
} catch (err) {
  printError('truce', err);
  process.exitCode = 2;
}
