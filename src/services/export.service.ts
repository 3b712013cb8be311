/**
 * Use case: export stored events as ACLED CSV, GeoJSON or JSON Lines, all of them (the CLI) or those
 * one viewer may see (the API). Events are read page by page and leave as text chunks, so memory
 * stays flat for any count.
 */
import { FULL_SCOPE } from '../store/incident-queries.js';
import { pageEvents } from '../store/rows.js';
import type { EventFilter, StoredEvent, Store, ViewScope } from '../store/store.js';
import { csvField } from './csv.js';

export const EXPORT_FORMATS = ['acled', 'geojson', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The header of ACLED's current export, in its order (as in the modern-schema files we checked). */
export const ACLED_COLUMNS = [
  'data_id',
  'iso',
  'event_id_cnty',
  'event_id_no_cnty',
  'event_date',
  'year',
  'time_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'timestamp',
  'iso3',
] as const;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2020-03-21" -> "21 March 2020", ACLED's own date format. */
export function acledDate(day: string | null): string {
  if (!day) return '';
  const [y, m, d] = day.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

/** The id ACLED tools key on: the dataset's own id for imports, TRUCE-<id> for our own events. */
export function exportId(e: StoredEvent): string {
  return e.provenance.kind === 'import' ? e.provenance.sourceId : `TRUCE-${e.id}`;
}

export function acledRow(e: StoredEvent): string {
  const values: Record<(typeof ACLED_COLUMNS)[number], string | number | null> = {
    data_id: e.id,
    iso: null,
    event_id_cnty: exportId(e),
    event_id_no_cnty: null,
    event_date: acledDate(e.event_date),
    year: e.event_date ? e.event_date.slice(0, 4) : null,
    time_precision: e.time_precision,
    event_type: e.event_type,
    sub_event_type: e.sub_event_type,
    actor1: e.actor1,
    assoc_actor_1: e.assoc_actor_1,
    inter1: null,
    actor2: e.actor2,
    assoc_actor_2: e.assoc_actor_2,
    inter2: null,
    interaction: null,
    region: null,
    country: e.country,
    admin1: e.admin1,
    admin2: null,
    admin3: null,
    location: e.location,
    latitude: e.latitude,
    longitude: e.longitude,
    geo_precision: e.geo_precision,
    source: e.source,
    source_scale: null,
    notes: e.evidence,
    fatalities: e.fatalities,
    timestamp: null,
    iso3: null,
  };
  return ACLED_COLUMNS.map((c) => csvField(values[c])).join(',');
}

function feature(e: StoredEvent): string {
  const { latitude, longitude, ...properties } = e;
  return JSON.stringify({
    type: 'Feature',
    id: e.id,
    geometry: { type: 'Point', coordinates: [longitude, latitude] },
    properties: { ...properties, latitude, longitude },
  });
}

export interface ExportCounts {
  written: number;
  /** GeoJSON only: events without coordinates cannot be features. */
  withoutPlace: number;
}

export class ExportService {
  constructor(private readonly store: Store) {}

  /** Every matching event the scope may see, page by page (everything by default: the CLI). */
  private events(filter: EventFilter, scope: ViewScope): AsyncIterable<StoredEvent> {
    const all = { ...filter, limit: undefined };
    return scope.all
      ? this.store.iterateEvents(all, 5000)
      : pageEvents((f) => this.store.access.listEvents(scope, f), all, 5000);
  }

  /**
   * Yields the export as text chunks of about 64 KiB; `counts` is filled as it goes. Only events the
   * scope may see are written (imported dataset rows are public data).
   */
  async *export(
    format: ExportFormat,
    filter: EventFilter,
    counts: ExportCounts,
    scope: ViewScope = FULL_SCOPE,
  ): AsyncGenerator<string> {
    let buffer = '';
    const push = (s: string) => {
      buffer += s;
    };
    if (format === 'acled') push(`${ACLED_COLUMNS.join(',')}\n`);
    if (format === 'geojson') push('{"type":"FeatureCollection","features":[\n');
    let first = true;
    for await (const e of this.events(filter, scope)) {
      if (format === 'acled') push(`${acledRow(e)}\n`);
      else if (format === 'jsonl') push(`${JSON.stringify(e)}\n`);
      else if (e.latitude === null || e.longitude === null) {
        counts.withoutPlace++;
        continue;
      } else {
        push(`${first ? '' : ',\n'}${feature(e)}`);
        first = false;
      }
      counts.written++;
      if (buffer.length >= 65536) {
        yield buffer;
        buffer = '';
      }
    }
    if (format === 'geojson') push('\n]}\n');
    if (buffer) yield buffer;
  }
}
