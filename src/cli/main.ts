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
(await import('./ingest.command.js')).registerIngest(program);
(await import('./import.command.js')).registerImport(program);
(await import('./export.command.js')).registerExport(program);
(await import('./reports.command.js')).registerReports(program);
(await import('./quarantine.command.js')).registerQuarantine(program);
(await import('./agreement.command.js')).registerAgreement(program);
(await import('./assess.command.js')).registerAssess(program);
(await import('./serve.command.js')).registerServe(program);
(await import('./audit.command.js')).registerAudit(program);
(await import('./users.command.js')).registerUsers(program);
(await import('./demo.command.js')).registerDemo(program);
program.addOption(new Option('--no-color', 'plain output without colours'));

try {
  await program.parseAsync(process.argv);
} catch (err) {
  printError('truce', err);
  process.exitCode = 2;
}
