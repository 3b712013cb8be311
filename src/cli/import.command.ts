import { statSync } from 'node:fs';
import { Command, Option } from 'commander';
import { AuditService, cliActor } from '../services/audit.service.js';
import { DATASETS, ImportService } from '../services/import.service.js';
import { openStore } from '../services/open-store.js';
import { formatSummary } from './ingest.command.js';
import { createProgress } from './progress.js';

export function registerImport(program: Command): void {
  program
    .command('import')
    .description(
      "Import a dataset export: acled (today's and the pre-2019 schema), ucdp (GED CSV), gdelt (2.0 events, tab-separated)",
    )
    .addArgument(program.createArgument('<dataset>', 'acled, ucdp or gdelt').choices(Object.keys(DATASETS)))
    .argument('<file>', 'the exported file')
    .option('--db <file>', 'SQLite database file (default: $TRUCE_DB or ./truce.db)')
    .option('--batch <rows>', 'rows per transaction, unless the file is one bulk load (ADR 0007)', '50000')
    .addOption(new Option('--format <format>', 'summary format').choices(['text', 'json']).default('text'))
    .action(async (dataset: string, file: string, flags: { db?: string; batch: string; format: string }) => {
      const store = await openStore(flags.db, { bulk: true });
      const size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
      const progress = createProgress({ enabled: flags.format === 'text', unit: 'rows', total: null });
      const started = process.hrtime.bigint();
      try {
        const audit = new AuditService(store);
        const entry = { actor: cliActor(), subject: `dataset:${dataset}` };
        // One entry per run, once the import has committed (one bulk load, or a transaction per batch).
        const summary = await new ImportService(store)
          .importFile(dataset, file, {
            batchSize: Math.max(1, Number(flags.batch) || 50000),
            onProgress: (s, bytes) =>
              progress.tick(s.read, size ? `${Math.round((bytes / size) * 100)}% of ${file}` : file),
          })
          .catch(async (err: unknown) => {
            await audit.record({ ...entry, action: 'events.import_failed', after: { file, error: String(err) } });
            throw err;
          });
        await audit.record({ ...entry, action: 'events.import', after: { file, ...summary } });
        progress.stop();
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        if (flags.format === 'json') console.log(JSON.stringify({ ...summary, seconds: Number(seconds.toFixed(3)) }));
        else
          console.log(
            `import ${dataset}: ${formatSummary(summary)} (${seconds.toFixed(1)} s, ${Math.round(summary.read / Math.max(seconds, 1e-3))} rows/s)`,
          );
        if (summary.failed > 0) process.exitCode = 2;
        else if (summary.quarantined > 0) process.exitCode = 1;
      } finally {
        progress.stop();
        await store.close();
      }
    });
}
