import { Command, Option } from 'commander';
import { openStore } from '../services/open-store.js';
import { terminalSafe } from './format-analysis.js';

export function registerReports(program: Command): void {
  program
    .command('reports')
    .description('Search stored reports: words, "phrases", prefix*, AND, OR, NOT, parentheses')
    .requiredOption('--search <query>', 'e.g. "aleppo AND convoy"')
    .option('--limit <n>', 'at most this many hits', '50')
    .option('--db <file>', 'SQLite database file (default: $TRUCE_DB or ./truce.db)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (flags: { search: string; limit: string; db?: string; format: string }) => {
      const store = await openStore(flags.db);
      try {
        const hits = await store.searchReports(flags.search, { limit: Number(flags.limit) || 50 });
        if (flags.format === 'json') console.log(JSON.stringify(hits));
        else if (hits.length === 0) console.log('no reports match');
        else
          for (const h of hits)
            console.log(
              terminalSafe(
                `${h.id}\t${h.published ?? '----------'}\t${h.sourceName ?? '-'}\t${h.headline ?? '(no headline)'}`,
              ),
            );
      } finally {
        await store.close();
      }
    });
}
