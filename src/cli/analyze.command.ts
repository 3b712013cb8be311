import { statSync } from 'node:fs';
import { Command, Option } from 'commander';
import { parseIsoDay, type IsoDay } from '../core/date.js';
import { TruceError } from '../core/errors.js';
import { listReports } from '../ingest/inputs.js';
import { AnalyzeService, type AnalyzeOptions } from '../services/analyze.service.js';
import { loadManifest, type ManifestEntry } from '../services/manifest.js';
import { formatAnalysis, terminalSafe } from './format-analysis.js';

interface AnalyzeFlags {
  published?: string;
  format: 'text' | 'json';
  encoding?: string;
  html?: boolean;
  source?: string;
  manifest?: string;
}

function expandInputs(inputs: string[]): string[] {
  return inputs.flatMap((input) =>
    input !== '-' && statSync(input, { throwIfNoEntry: false })?.isDirectory() ? listReports(input) : [input],
  );
}

function parsePublished(value: string | undefined): IsoDay | undefined {
  if (value === undefined) return undefined;
  const day = parseIsoDay(value);
  if (!day) throw new TruceError('E006_BAD_DATE', { field: '--published', value });
  return day;
}

export function printError(name: string, err: unknown): void {
  if (err instanceof TruceError) console.error(terminalSafe(`error ${err.shortCode} (${name}): ${err.message}`));
  else console.error(`error (${name}): ${(err as Error).stack ?? String(err)}`);
}

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description(
      'Read reports (plain text or HTML; a file, a folder, or - for standard input) and print what they say happened',
    )
    .argument('[inputs...]', 'files, folders or - (standard input)')
    .option('--published <date>', 'publication date YYYY-MM-DD, used to resolve "on Sunday", "last month"')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--encoding <name>', 'text encoding of the input when it is not UTF-8 (e.g. latin1)')
    .option('--html', 'treat the input as HTML whatever its name')
    .option('--source <name>', 'name of the source (outlet, monitor) the reports come from')
    .option('--manifest <file>', 'a YAML manifest listing reports with their dates and sources (see examples/)')
    .action((inputs: string[], flags: AnalyzeFlags) => {
      const published = parsePublished(flags.published);
      const entries: ManifestEntry[] = [
        ...(flags.manifest ? loadManifest(flags.manifest) : []),
        ...expandInputs(inputs).map((path) => ({ path })),
      ];
      if (entries.length === 0)
        throw new TruceError('E007_BAD_OPTION', {
          option: 'inputs',
          reason: 'give at least one file, folder, - or --manifest',
        });
      const service = new AnalyzeService();
      let failed = 0;
      for (const entry of entries) {
        const options: AnalyzeOptions = {
          published: entry.published ?? published,
          source: entry.source ?? flags.source,
          encoding: flags.encoding,
          mediaType: flags.html ? 'text/html' : undefined,
        };
        try {
          const { name, analysis } = service.analyzeFile(entry.path, options);
          if (flags.format === 'json') console.log(JSON.stringify(analysis, null, entries.length > 1 ? 0 : 2));
          else console.log(`${formatAnalysis(name, analysis)}\n`);
        } catch (err) {
          failed++;
          printError(entry.path === '-' ? 'standard input' : entry.path, err);
        }
      }
      if (failed > 0) process.exitCode = 2;
    });
}
