import { type Command, Option } from 'commander';
import { assessStore } from '../services/assess.service.js';
import { formatAssessmentMarkdown, formatAssessmentText } from '../terms/report.js';
import { terminalSafe } from './format-analysis.js';

interface AssessFlags {
  agreement: string;
  db?: string;
  from?: string;
  to?: string;
  format: 'text' | 'json' | 'md';
}

export function registerAssess(program: Command): void {
  program
    .command('assess')
    .description('Judge every stored incident against every term of an agreement')
    .requiredOption('--agreement <file-or-id>', 'agreement file, or the id of one in data/agreements/')
    .option('--db <file>', 'SQLite store (default: $TRUCE_DB or ./truce.db)')
    .option('--from <date>', 'first day assessed, YYYY-MM-DD (default: the effective day)')
    .option('--to <date>', 'last day assessed, YYYY-MM-DD (default: the last incident day)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'md']).default('text'))
    .action(async (flags: AssessFlags) => {
      const a = await assessStore({ agreement: flags.agreement, db: flags.db, from: flags.from, to: flags.to });
      if (flags.format === 'json') console.log(JSON.stringify(a, null, 2));
      else if (flags.format === 'md') console.log(formatAssessmentMarkdown(a));
      else console.log(terminalSafe(formatAssessmentText(a)));
    });
}
