import { once } from 'node:events';
import { Command, Option } from 'commander';
import { parseIsoDay } from '../core/date.js';
import { TruceError } from '../core/errors.js';
import { EVENT_TYPE_NAMES } from '../core/taxonomy.js';
import { EXPORT_FORMATS, ExportService, type ExportFormat } from '../services/export.service.js';
import { openStore } from '../services/open-store.js';
import type { EventFilter } from '../store/store.js';

interface ExportFlags {
  format: ExportFormat;
  from?: string;
  to?: string;
  type?: string;
  actor?: string;
  bbox?: string;
  near?: string;
  db?: string;
}

function numbers(value: string, option: string, count: number): number[] {
  const parts = value.split(',').map((p) => Number(p.trim()));
  if (parts.length !== count || parts.some((n) => !Number.isFinite(n)))
    throw new TruceError('E007_BAD_OPTION', {
      option,
      reason: `expected ${count} comma-separated numbers, got "${value}"`,
    });
  return parts;
}

function day(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (!parseIsoDay(value)) throw new TruceError('E006_BAD_DATE', { field, value });
  return value;
}

/** Command-line filters as the store's EventFilter (the store validates ranges, E007). */
export function filterFromFlags(flags: Omit<ExportFlags, 'format' | 'db'>): EventFilter {
  const filter: EventFilter = {};
  const f = filter as Record<string, unknown>;
  if (flags.from) f.from = day(flags.from, '--from');
  if (flags.to) f.to = day(flags.to, '--to');
  if (flags.type) {
    if (!(EVENT_TYPE_NAMES as string[]).includes(flags.type))
      throw new TruceError('E007_BAD_OPTION', {
        option: '--type',
        reason: `"${flags.type}" is not one of ${EVENT_TYPE_NAMES.join(', ')}`,
      });
    f.eventType = flags.type;
  }
  if (flags.actor) f.actor = flags.actor;
  if (flags.bbox) {
    const [west, south, east, north] = numbers(flags.bbox, '--bbox', 4) as [number, number, number, number];
    f.bbox = { west, south, east, north };
  }
  if (flags.near) {
    const [lat, lon, km] = numbers(flags.near, '--near', 3) as [number, number, number];
    f.near = { lat, lon, km };
  }
  return filter;
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('Write stored events to standard output as ACLED CSV, GeoJSON or JSON Lines')
    .addOption(new Option('--format <format>', 'output format').choices([...EXPORT_FORMATS]).default('acled'))
    .option('--from <date>', 'events on or after YYYY-MM-DD')
    .option('--to <date>', 'events on or before YYYY-MM-DD')
    .option('--type <event type>', `one of: ${EVENT_TYPE_NAMES.join(', ')}`)
    .option('--actor <text>', 'any actor or associated actor containing this text (case-insensitive)')
    .option('--bbox <W,S,E,N>', 'bounding box in degrees')
    .option('--near <LAT,LON,KM>', 'within KM kilometres of a point')
    .option('--db <file>', 'SQLite database file (default: $TRUCE_DB or ./truce.db)')
    .action(async (flags: ExportFlags) => {
      const filter = filterFromFlags(flags);
      const store = await openStore(flags.db);
      const counts = { written: 0, withoutPlace: 0 };
      try {
        for await (const chunk of new ExportService(store).export(flags.format, filter, counts)) {
          if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
        }
      } finally {
        await store.close();
      }
      const note = counts.withoutPlace ? `; ${counts.withoutPlace} without coordinates left out of the GeoJSON` : '';
      process.stderr.write(`export: ${counts.written} events${note}\n`);
    });
}
