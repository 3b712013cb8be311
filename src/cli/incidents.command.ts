/** `truce incidents` (find and export incidents) and `truce corroborate` (rebuild them from events). */
import { Command, Option } from 'commander';
import { parseIsoDay } from '../core/date.js';
import { TruceError } from '../core/errors.js';
import { AuditService, cliActor } from '../services/audit.service.js';
import { corroborateAll } from '../services/corroborate.service.js';
import {
  CSV_COLUMNS,
  findIncidentViews,
  incidentCsvRow,
  toGeoJson,
  type IncidentView,
} from '../services/incidents.service.js';
import type { IncidentFilter } from '../store/incident-queries.js';
import { openSqliteStore } from '../store/sqlite/sqlite.store.js';
import type { IncidentGrade, Store } from '../store/store.js';
import { INCIDENT_GRADES } from '../store/types.js';
import { terminalSafe } from './format-analysis.js';

interface IncidentFlags {
  from?: string;
  to?: string;
  type?: string;
  actor?: string;
  near?: string;
  bbox?: string;
  grade?: IncidentGrade;
  limit?: string;
  format: 'table' | 'json' | 'geojson' | 'csv';
  db?: string;
}

/** --db FILE, else TRUCE_DB, else ./truce.db. */
async function openDb(flag: string | undefined): Promise<Store> {
  return openSqliteStore({ path: flag ?? (process.env.TRUCE_DB || './truce.db') });
}

function numbers(option: string, value: string, count: number): number[] {
  const parts = value.split(',').map((p) => Number(p.trim()));
  if (parts.length !== count || parts.some((n) => !Number.isFinite(n)) || value.trim() === '')
    throw new TruceError('E007_BAD_OPTION', { option, reason: `expected ${count} comma-separated numbers` });
  return parts;
}

function day(option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!parseIsoDay(value)) throw new TruceError('E006_BAD_DATE', { field: option, value });
  return value;
}

export function parseIncidentFilter(flags: Omit<IncidentFlags, 'format' | 'db'>): IncidentFilter {
  const filter: { -readonly [K in keyof IncidentFilter]: IncidentFilter[K] } = {};
  filter.from = day('--from', flags.from);
  filter.to = day('--to', flags.to);
  if (flags.type !== undefined) filter.eventType = flags.type;
  if (flags.actor !== undefined) filter.actor = flags.actor;
  if (flags.grade !== undefined) filter.grade = flags.grade;
  if (flags.near !== undefined) {
    const [lat, lon, km] = numbers('--near', flags.near, 3) as [number, number, number];
    filter.near = { lat, lon, km };
  }
  if (flags.bbox !== undefined) {
    const [west, south, east, north] = numbers('--bbox', flags.bbox, 4) as [number, number, number, number];
    filter.bbox = { west, south, east, north };
  }
  if (flags.limit !== undefined) filter.limit = Number(flags.limit);
  for (const k of Object.keys(filter) as (keyof IncidentFilter)[]) if (filter[k] === undefined) delete filter[k];
  return filter;
}

const range = (v: IncidentView) =>
  v.fatalitiesBest === null
    ? '-'
    : v.fatalitiesLow === v.fatalitiesHigh
      ? String(v.fatalitiesBest)
      : `${v.fatalitiesBest} (${v.fatalitiesLow}-${v.fatalitiesHigh})`;

function table(views: readonly IncidentView[]): string {
  const rows = views.map((v) => [
    String(v.id),
    v.grade,
    v.first === v.last ? v.first : `${v.first}..${v.last}`,
    v.eventType,
    [v.location, v.country].filter(Boolean).join(', ') || '-',
    range(v),
    String(v.independentSources),
    v.actors.slice(0, 3).join('; ') || '-',
  ]);
  const head = ['id', 'grade', 'dates', 'type', 'place', 'killed', 'sources', 'actors'];
  const widths = head.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const line = (r: string[]) =>
    r.map((c, i) => (c.length > widths[i]! ? `${c.slice(0, widths[i]! - 1)}…` : c.padEnd(widths[i]!))).join('  ');
  return terminalSafe([line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
}

export function registerIncidents(program: Command): void {
  program
    .command('incidents')
    .description('List incidents (events from several reports merged into one, graded by their sources)')
    .option('--from <date>', 'first day YYYY-MM-DD')
    .option('--to <date>', 'last day YYYY-MM-DD')
    .option('--type <type>', 'ACLED event type, e.g. "Explosions/Remote violence"')
    .option('--actor <text>', 'part of an actor name (any of the four actor fields)')
    .option('--near <lat,lon,km>', 'within km of a point')
    .option('--bbox <w,s,e,n>', 'inside a box (degrees; west > east crosses the antimeridian)')
    .addOption(new Option('--grade <grade>', 'only incidents of this grade').choices([...INCIDENT_GRADES]))
    .option('--limit <n>', 'at most n incidents (default 1000)')
    .addOption(new Option('--format <format>', 'output').choices(['table', 'json', 'geojson', 'csv']).default('table'))
    .option('--db <file>', 'SQLite store (default: $TRUCE_DB or ./truce.db)')
    .action(async (flags: IncidentFlags) => {
      const filter = parseIncidentFilter(flags);
      const store = await openDb(flags.db);
      try {
        const views = await findIncidentViews(store, filter);
        if (flags.format === 'json') console.log(JSON.stringify(views, null, 2));
        else if (flags.format === 'geojson') console.log(JSON.stringify(toGeoJson(views)));
        else if (flags.format === 'csv')
          process.stdout.write(`${[CSV_COLUMNS.join(','), ...views.map(incidentCsvRow)].join('\r\n')}\r\n`);
        else console.log(views.length === 0 ? 'No incidents match.' : table(views));
      } finally {
        await store.close();
      }
    });

  program
    .command('corroborate')
    .description('Rebuild incidents from every stored event (merge reports of the same incident, grade them)')
    .addOption(new Option('--format <format>', 'summary format').choices(['text', 'json']).default('text'))
    .option('--db <file>', 'SQLite store (default: $TRUCE_DB or ./truce.db)')
    .action(async (flags: { db?: string; format: 'text' | 'json' }) => {
      const store = await openDb(flags.db);
      try {
        const started = performance.now();
        // The incidents rewritten and the audit entry: one transaction.
        const r = await store.transaction(async () => {
          const result = await corroborateAll(store);
          await new AuditService(store).record({
            actor: cliActor(),
            action: 'incidents.corroborate',
            subject: 'incidents:all',
            after: { events: result.events, created: result.created, updated: result.updated, deleted: result.deleted },
          });
          return result;
        });
        const ms = Math.round(performance.now() - started);
        if (flags.format === 'json') console.log(JSON.stringify({ ...r, ms }));
        else
          console.log(
            `${r.events} events: ${r.created} incidents created, ${r.updated} updated, ${r.deleted} deleted, ` +
              `${r.unchanged} unchanged (${ms} ms)\ngrades: ${Object.entries(r.grades)
                .map(([g, n]) => `${g} ${n}`)
                .join(', ')}`,
          );
      } finally {
        await store.close();
      }
    });
}
