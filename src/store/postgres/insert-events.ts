/**
 * Bulk event inserts for PostgreSQL: ONE statement per call, whatever the row count. Each column
 * travels as one array parameter and `unnest` turns the arrays back into rows, in order (WITH
 * ORDINALITY ... ORDER BY), so ids follow the input order as with a multi-row VALUES list. Against
 * the former 1,000-row VALUES statements (27,000 parameters each), this saves the per-statement
 * parsing and planning and most of the protocol overhead of a 50,000-row import batch.
 */
import type pg from 'pg';
import { eventValues, EVENT_COLUMNS } from '../event-sql.js';
import type { EventFields, Provenance } from '../types.js';

/** The events table's type of each inserted column (migration 0001), for the array casts. */
const COLUMN_TYPES: Record<(typeof EVENT_COLUMNS)[number], string> = {
  report_id: 'bigint',
  pipeline_version: 'text',
  span_start: 'integer',
  span_end: 'integer',
  import_dataset: 'text',
  import_file: 'text',
  import_row: 'integer',
  import_source_id: 'text',
  event_type: 'text',
  sub_event_type: 'text',
  actor1: 'text',
  assoc_actor_1: 'text',
  actor2: 'text',
  assoc_actor_2: 'text',
  location: 'text',
  admin1: 'text',
  country: 'text',
  latitude: 'double precision',
  longitude: 'double precision',
  geo_precision: 'smallint',
  event_date: 'date',
  time_precision: 'smallint',
  fatalities: 'integer',
  modality: 'text',
  source: 'text',
  evidence: 'text',
  confidence: 'double precision',
};

const columns = EVENT_COLUMNS.join(', ');
const arrays = EVENT_COLUMNS.map((c, i) => `$${i + 1}::${COLUMN_TYPES[c]}[]`).join(', ');
const unnested = EVENT_COLUMNS.map((c) => `u.${c}`).join(', ');
const INSERT = `INSERT INTO events (${columns})
  SELECT ${unnested} FROM unnest(${arrays}) WITH ORDINALITY AS u (${columns}, ord) ORDER BY u.ord`;

/** Inserts the rows with one statement; `suffix` adds e.g. an ON CONFLICT clause. Returns rows inserted. */
export async function insertEvents(
  c: pg.PoolClient,
  rows: readonly { fields: EventFields; provenance: Provenance }[],
  suffix = '',
): Promise<number> {
  if (rows.length === 0) return 0;
  const width = EVENT_COLUMNS.length;
  const params: unknown[][] = Array.from({ length: width }, () => new Array(rows.length));
  rows.forEach((r, i) => {
    const values = eventValues(r.fields, r.provenance);
    for (let k = 0; k < width; k++) params[k]![i] = values[k];
  });
  const res = await c.query(`${INSERT} ${suffix}`, params);
  return res.rowCount ?? 0;
}
