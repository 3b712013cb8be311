import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { TruceError } from '../core/errors.js';
import { QuotesService } from '../services/quotes.service.js';
import { readRecords } from '../services/records.js';

export function registerQuotes(program: Command): void {
  program
    .command('quotes')
    .description(
      'Find who said what: reads JSONL records with a text field, prints per record the attributions with offsets',
    )
    .argument('<file>', 'a .jsonl file of records with a text field (and optionally an id)')
    .action((file: string) => {
      let content: string;
      try {
        content = readFileSync(file, 'utf8');
      } catch {
        throw new TruceError('E001_INPUT_NOT_FOUND', { path: file });
      }
      const service = new QuotesService();
      for (const record of readRecords(content, file.endsWith('.jsonl') ? file : `${file}.jsonl`))
        console.log(JSON.stringify({ id: record.id, attributions: service.attributions(record.text) }));
    });
}
