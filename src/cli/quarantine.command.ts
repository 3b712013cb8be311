import { Command, Option } from 'commander';
import { openStore } from '../services/open-store.js';
import { terminalSafe } from './format-analysis.js';

export function registerQuarantine(program: Command): void {
  program
    .command('quarantine')
    .description('List the inputs and rows set aside by ingest and import, with the reason for each')
    .option('--limit <n>', 'at most this many entries', '1000')
    .option('--db <file>', 'SQLite database file (default: $TRUCE_DB or ./truce.db)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (flags: { limit: string; db?: string; format: string }) => {
      const store = await openStore(flags.db);
      try {
        const entries = await store.listQuarantine({ limit: Number(flags.limit) || 1000 });
        if (flags.format === 'json') console.log(JSON.stringify(entries));
        else if (entries.length === 0) console.log('quarantine is empty');
        else for (const e of entries) console.log(terminalSafe(`${e.id}\t${e.createdAt}\t${e.what}\t${e.reason}`));
      } finally {
        await store.close();
      }
    });
}
