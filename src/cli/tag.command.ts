import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { TruceError } from '../core/errors.js';
import { TagService, parseConll } from '../services/tag.service.js';

export function registerTag(program: Command): void {
  program
    .command('tag')
    .description(
      'Tag named entities in a CoNLL file (token per line): prints each token with its IOB2 tag (PER, ORG, LOC, MISC)',
    )
    .requiredOption('--conll <file>', 'CoNLL-style file: a token first on each line, blank lines between sentences')
    .action((flags: { conll: string }) => {
      let content: string;
      try {
        content = readFileSync(flags.conll, 'utf8');
      } catch {
        throw new TruceError('E001_INPUT_NOT_FOUND', { path: flags.conll });
      }
      const { tokens } = parseConll(content);
      const tags = new TagService().tag(tokens);
      const out = tokens.map((sent, si) => sent.map((tok, ti) => `${tok} ${tags[si]![ti]}`).join('\n'));
      process.stdout.write(`${out.join('\n\n')}\n`);
    });
}
