import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { parseIsoDay } from '../core/date.js';
import { TruceError } from '../core/errors.js';
import { ClassifyService } from '../services/classify.service.js';
import { readRecords } from '../services/records.js';

export function registerClassify(program: Command): void {
  program
    .command('classify')
    .description(
      'Classify short reports (TSV, CSV or JSONL with id and text): prints JSONL {id, event_type, sub_event_type, confidence}',
    )
    .argument('<file>', 'a .tsv, .csv or .jsonl file of records with an id and a text (or notes) field')
    .option('--published <date>', 'publication date YYYY-MM-DD, used to resolve relative dates')
    .action((file: string, flags: { published?: string }) => {
      const published = flags.published === undefined ? undefined : parseIsoDay(flags.published);
      if (published === null) throw new TruceError('E006_BAD_DATE', { field: '--published', value: flags.published! });
      let content: string;
      try {
        content = readFileSync(file, 'utf8');
      } catch {
        throw new TruceError('E001_INPUT_NOT_FOUND', { path: file });
      }
      const service = new ClassifyService();
      for (const record of readRecords(content, file)) console.log(JSON.stringify(service.classify(record, published)));
    });
}
