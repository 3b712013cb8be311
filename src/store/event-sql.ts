/**
 * Event columns, row mapping and the WHERE clause of event filters, shared by both backends so
 * they cannot drift. Every value goes through a placeholder; only column names are spliced in.
 */
import { TruceError } from '../core/errors.js';
import { bboxAround, EARTH_RADIUS_KM, splitAntimeridian, type Bbox } from './geo.js';
import {
  EventFilterSchema,
  FIELD_REPORT_PIPELINE,
  type EventFilter,
  type EventFields,
  type Provenance,
  type StoredEvent,
} from './types.js';

export type Dialect = 'sqlite' | 'postgres';

/** Insert order of the events table (the id is generated). */
export const EVENT_COLUMNS = [
  'report_id',
  'pipeline_version',
  'span_start',
  'span_end',
  'import_dataset',
  'import_file',
  'import_row',
  'import_source_id',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'actor2',
  'assoc_actor_2',
  'location',
  'admin1',
  'country',
  'latitude',
  'longitude',
  'geo_precision',
  'event_date',
  'time_precision',
  'fatalities',
  'modality',
  'source',
  'evidence',
  'confidence',
] as const;

export function eventValues(e: EventFields, p: Provenance): unknown[] {
  const values: unknown[] = new Array(EVENT_COLUMNS.length);
  eventValuesInto(values, 0, e, p);
  return values;
}

/** eventValues written into `target` from `offset` (bulk inserts fill one parameter array, no copies). */
export function eventValuesInto(target: unknown[], offset: number, e: EventFields, p: Provenance): void {
  const rep = p.kind === 'report' ? p : null;
  const imp = p.kind === 'import' ? p : null;
  let i = offset;
  target[i++] = rep?.reportId ?? null;
  target[i++] = rep?.pipelineVersion ?? null;
  target[i++] = rep?.start ?? null;
  target[i++] = rep?.end ?? null;
  target[i++] = imp?.dataset ?? null;
  target[i++] = imp?.file ?? null;
  target[i++] = imp?.row ?? null;
  target[i++] = imp?.sourceId ?? null;
  eventFieldsInto(target, i, e);
}

/** The event's own columns (EVENT_COLUMNS from event_type on), written into `target` from `offset`. */
export function eventFieldsInto(target: unknown[], offset: number, e: EventFields): void {
  let i = offset;
  target[i++] = e.event_type;
  target[i++] = e.sub_event_type;
  target[i++] = e.actor1;
  target[i++] = e.assoc_actor_1;
  target[i++] = e.actor2;
  target[i++] = e.assoc_actor_2;
  target[i++] = e.location;
  target[i++] = e.admin1;
  target[i++] = e.country;
  target[i++] = e.latitude;
  target[i++] = e.longitude;
  target[i++] = e.geo_precision;
  target[i++] = e.event_date;
  target[i++] = e.time_precision;
  target[i++] = e.fatalities;
  target[i++] = e.modality;
  target[i++] = e.source;
  target[i++] = e.evidence;
  target[i] = e.confidence;
}

type Row = Record<string, unknown>;

export function rowToEvent(r: Row): StoredEvent {
  const provenance: Provenance =
    r.report_id !== null
      ? {
          kind: r.pipeline_version === FIELD_REPORT_PIPELINE ? 'field_report' : 'report',
          reportId: Number(r.report_id),
          pipelineVersion: r.pipeline_version as string,
          start: r.span_start as number,
          end: r.span_end as number,
        }
      : {
          kind: 'import',
          dataset: r.import_dataset as string,
          file: r.import_file as string,
          row: r.import_row as number,
          sourceId: r.import_source_id as string,
        };
  return {
    id: Number(r.id),
    event_type: r.event_type as StoredEvent['event_type'],
    sub_event_type: r.sub_event_type as string,
    actor1: r.actor1 as string | null,
    assoc_actor_1: r.assoc_actor_1 as string | null,
    actor2: r.actor2 as string | null,
    assoc_actor_2: r.assoc_actor_2 as string | null,
    location: r.location as string | null,
    admin1: r.admin1 as string | null,
    country: r.country as string | null,
    latitude: r.latitude as number | null,
    longitude: r.longitude as number | null,
    geo_precision: r.geo_precision as StoredEvent['geo_precision'],
    event_date: r.event_date as string | null,
    time_precision: r.time_precision as StoredEvent['time_precision'],
    fatalities: r.fatalities as number | null,
    modality: r.modality as StoredEvent['modality'],
    source: r.source as string | null,
    evidence: r.evidence as string,
    confidence: r.confidence as number,
    provenance,
  };
}

export interface WhereClause {
  readonly sql: string;
  readonly params: unknown[];
  readonly limit: number | null;
}

/** Escapes LIKE wildcards so an actor filter of "50%" or "al_" matches literally. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Validates a filter (E007 on a bad one) and builds `WHERE ...` for the events table aliased `e`. */
export function eventWhere(filter: EventFilter, dialect: Dialect, defaultLimit: number | null): WhereClause {
  const parsed = EventFilterSchema.safeParse(filter);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'filter';
    throw new TruceError('E007_BAD_OPTION', { option: field, reason: issue?.message ?? 'invalid' });
  }
  const f = parsed.data;
  const params: unknown[] = [];
  const p = (value: unknown): string => {
    params.push(value);
    return dialect === 'sqlite' ? '?' : `$${params.length}`;
  };
  const where: string[] = [];
  if (f.from !== undefined) where.push(`e.event_date >= ${p(f.from)}`);
  if (f.to !== undefined) where.push(`e.event_date <= ${p(f.to)}`);
  if (f.from !== undefined && f.to !== undefined && f.from > f.to)
    throw new TruceError('E007_BAD_OPTION', { option: 'from/to', reason: `from ${f.from} is after to ${f.to}` });
  if (f.eventType !== undefined) where.push(`e.event_type = ${p(f.eventType)}`);
  if (f.actor !== undefined) {
    const like = dialect === 'sqlite' ? 'LIKE' : 'ILIKE';
    const cols = ['actor1', 'assoc_actor_1', 'actor2', 'assoc_actor_2'];
    where.push(`(${cols.map((c) => `e.${c} ${like} ${p(likePattern(f.actor as string))} ESCAPE '\\'`).join(' OR ')})`);
  }
  if (f.bbox !== undefined) {
    if (f.bbox.south > f.bbox.north)
      throw new TruceError('E007_BAD_OPTION', { option: 'bbox', reason: 'south is north of north' });
    where.push(boxCondition(f.bbox, dialect, p, f));
  }
  if (f.near !== undefined) {
    const { lat, lon, km } = f.near;
    where.push(boxCondition(bboxAround(lat, lon, km), dialect, p, f));
    const min = dialect === 'sqlite' ? 'min' : 'least';
    // SQLite's "?" is positional, so each use of a value gets its own placeholder.
    const h =
      `power(sin(radians(e.latitude - ${p(lat)}) / 2), 2) + ` +
      `cos(radians(${p(lat)})) * cos(radians(e.latitude)) * power(sin(radians(e.longitude - ${p(lon)}) / 2), 2)`;
    where.push(`2 * ${EARTH_RADIUS_KM} * asin(${min}(1, sqrt(${h}))) <= ${p(km)}`);
  }
  if (f.reportId !== undefined) where.push(`e.report_id = ${p(f.reportId)}`);
  if (f.afterId !== undefined) where.push(`e.id > ${p(f.afterId)}`);
  return {
    sql: where.length ? `WHERE ${where.join(' AND ')}` : '',
    params,
    limit: f.limit ?? defaultLimit,
  };
}

/** Days since 1970-01-01, the time axis of the SQLite R*Tree (migration 0004). */
const epochDay = (day: string): number => Math.floor(Date.parse(`${day}T00:00:00Z`) / 86_400_000);

/**
 * Exact box test on the columns; on SQLite the R*Tree narrows the candidates first, by place and,
 * when the filter has dates, by day too (so a month in a busy province reads only that month).
 */
function boxCondition(
  box: Bbox,
  dialect: Dialect,
  p: (v: unknown) => string,
  days: { readonly from?: string; readonly to?: string } = {},
): string {
  const parts = splitAntimeridian(box);
  const exactOf = () =>
    parts
      .map(
        (b) =>
          `(e.longitude BETWEEN ${p(b.west)} AND ${p(b.east)} AND e.latitude BETWEEN ${p(b.south)} AND ${p(b.north)})`,
      )
      .join(' OR ');
  if (dialect === 'postgres') return `(${exactOf()})`;
  // SQLite's "?" is positional: the R*Tree part comes first in the text, so its values go first.
  // R*Tree stores 32-bit floats rounded outwards, so an overlap test is a superset; `exact` decides.
  const rtree = parts
    .map(
      (b) =>
        `(max_lon >= ${p(b.west)} AND min_lon <= ${p(b.east)} AND max_lat >= ${p(b.south)} AND min_lat <= ${p(b.north)}` +
        (days.from === undefined ? '' : ` AND max_day >= ${p(epochDay(days.from))}`) +
        (days.to === undefined ? '' : ` AND min_day <= ${p(epochDay(days.to))}`) +
        ')',
    )
    .join(' OR ');
  const exact = exactOf();
  return `(e.id IN (SELECT id FROM event_geo WHERE ${rtree}) AND (${exact}))`;
}
