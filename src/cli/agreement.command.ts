import type { Command } from 'commander';
import { checkAgreement } from '../services/agreement.service.js';
import { formatAgreementSummary } from '../terms/report.js';
import { terminalSafe } from './format-analysis.js';

export function registerAgreement(program: Command): void {
  const agreement = program.command('agreement').description('Agreements: validate and summarise agreement files');
  agreement
    .command('check')
    .description('Validate an agreement file (or a bundled agreement id), run its examples and print a summary')
    .argument('<file-or-id>', 'a YAML file, or the id of an agreement in data/agreements/')
    .action((fileOrId: string) => {
      const result = checkAgreement(fileOrId);
      console.log(terminalSafe(formatAgreementSummary(result.agreement)));
      console.log(
        `  examples: ${result.examples.length - result.failures.length}/${result.examples.length} judged as expected`,
      );
      for (const f of result.failures)
        console.log(
          terminalSafe(`  example ${f.term_id}#${f.index}: expected ${f.expected}, got ${f.got}: ${f.explanation}`),
        );
      if (result.failures.length) process.exitCode = 1;
    });
}
