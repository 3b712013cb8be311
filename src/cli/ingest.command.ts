import { Command, Option } from 'commander';
import { parseIsoDay } from '../core/date.js';
import { TruceError } from '../core/errors.js';
import { cliActor } from '../services/audit.service.js';
import { IngestService, type IngestSummary } from '../services/ingest.service.js';
import { openStore } from '../services/open-store.js';
import { terminalSafe } from './format-analysis.js';
import { createProgress } from './progress.js';

interface IngestFlags {
  source?: string;
  published?: string;
  db?: string;
  map?: string;
  encoding?: string;
  timeout: string;
  format: 'text' | 'json';
  verbose?: boolean;
}

export function formatSummary(s: object): string {
  const label: Record<string, string> = { versions: 'updated versions', unchanged: 'already stored' };
  return Object.entries(s)
    .map(([k, v]) => `${label[k] ?? k} ${v}`)
    .join(', ');
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description(
      'Read, analyse and store reports: files, folders, - (standard input), RSS/Atom feeds (file or URL), web pages, JSON Lines dumps',
    )
    .argument('<inputs...>', 'files, folders, -, feed files, http(s) URLs, .jsonl files')
    .option('--source <name>', 'name of the source (outlet, monitor) the reports come from')
    .option('--published <date>', 'publication date YYYY-MM-DD for reports that carry none')
    .option('--db <file>', 'SQLite database file (default: $TRUCE_DB or ./truce.db)')
    .option(
      '--map <fields>',
      'for .jsonl: which field holds what, e.g. html=raw_body_html,published=post_date,title=title,url=original_link',
    )
    .option('--encoding <name>', 'text encoding of input files when not UTF-8')
    .option('--timeout <seconds>', 'time limit for each URL fetched', '15')
    .addOption(new Option('--format <format>', 'summary format').choices(['text', 'json']).default('text'))
    .option('--verbose', 'print one line per report')
    .action(async (inputs: string[], flags: IngestFlags) => {
      const published = flags.published === undefined ? undefined : parseIsoDay(flags.published);
      if (published === null) throw new TruceError('E006_BAD_DATE', { field: '--published', value: flags.published! });
      const timeout = Number(flags.timeout);
      if (!(timeout > 0))
        throw new TruceError('E007_BAD_OPTION', { option: '--timeout', reason: 'a positive number of seconds' });
      const store = await openStore(flags.db);
      const progress = createProgress({ enabled: flags.format === 'text', unit: 'reports' });
      let summary: IngestSummary;
      try {
        summary = await new IngestService(store).ingest(
          inputs,
          {
            source: flags.source,
            published,
            map: flags.map,
            encoding: flags.encoding,
            fetch: { timeoutMs: timeout * 1000 },
            actor: cliActor(),
          },
          (o, s) => {
            if (flags.verbose && flags.format === 'text') {
              progress.stop();
              const extra = o.reason ? `: ${o.reason}` : o.canonicalReportId ? ` of report ${o.canonicalReportId}` : '';
              console.error(
                terminalSafe(`${o.status} ${o.what}${o.reportId ? ` (report ${o.reportId})` : ''}${extra}`),
              );
            }
            progress.tick(s.read, o.what);
          },
        );
      } finally {
        progress.stop();
        await store.close();
      }
      if (flags.format === 'json') console.log(JSON.stringify(summary));
      else console.log(`ingest: ${formatSummary(summary)}`);
      if (summary.failed > 0) process.exitCode = 2;
      else if (summary.quarantined > 0) process.exitCode = 1;
    });
}
