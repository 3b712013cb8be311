/**
 * The SQLite bulk path of putImportedEvents (issue 3): a reused multi-row INSERT, the R*Tree filled
 * per batch instead of per row, and a bigger page cache. Same stored rows, ids and R*Tree rows as one
 * INSERT per row through the trigger (import.test.ts proves it); only faster.
 */
import type Database from 'better-sqlite3';
import { eventValues, EVENT_COLUMNS } from '../event-sql.js';
import type { ImportResult, NewImportedEvent } from '../types.js';

/** Rows per multi-row import INSERT: 27 columns x 500 = 13,500 parameters, under SQLite's 32,766. */
const ROWS_PER_STATEMENT = 500;
/** Page cache during imports (KiB): room for the events indexes of a few million rows. */
const IMPORT_CACHE_KIB = 131_072;
/** Below this many rows a batch keeps the per-row trigger (no schema change for small writes). */
const GEO_BULK_MIN_ROWS = 1000;
const GEO_TRIGGER = 'events_geo_insert';
/** The body of events_geo_insert (migration 0004) for every event above an id, in id order. */
const GEO_FROM_EVENTS = `INSERT INTO event_geo (id, min_lon, max_lon, min_lat, max_lat, min_day, max_day)
  SELECT id, longitude, longitude, latitude, latitude,
    coalesce(julianday(event_date) - 2440587.5, -1000000), coalesce(julianday(event_date) - 2440587.5, -1000000)
  FROM events WHERE id > ? AND latitude IS NOT NULL ORDER BY id`;

// Not INSERT OR IGNORE: that would also skip rows failing a CHECK; only a repeated import key is skipped.
function insertImportedSql(rows: number): string {
  const tuple = `(${EVENT_COLUMNS.map(() => '?').join(', ')})`;
  return `INSERT INTO events (${EVENT_COLUMNS.join(', ')}) VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}
    ON CONFLICT (import_dataset, import_source_id) WHERE import_dataset IS NOT NULL DO NOTHING`;
}

/**
 * Built on the first import of a connection. It raises the page cache, so the index B-trees of a
 * million-row import stay in memory (the default 2 MB thrashes), and keeps temp B-trees in memory;
 * neither changes a result, and the cache is a ceiling filled only as pages are read.
 */
export function createImportWriter(db: Database.Database): (events: readonly NewImportedEvent[]) => ImportResult {
  db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  db.pragma('temp_store = MEMORY');
  const one = db.prepare(insertImportedSql(1));
  const many = db.prepare(insertImportedSql(ROWS_PER_STATEMENT));
  const width = EVENT_COLUMNS.length;
  const flat: unknown[] = new Array(ROWS_PER_STATEMENT * width);

  /**
   * Inside the import transaction: drops the per-row R*Tree trigger and returns the function that
   * adds the batch's R*Tree rows in one INSERT ... SELECT in id order (the order the trigger would
   * have used, so the same tree), then recreates the trigger from its own stored SQL. A failure
   * rolls all of it back with the batch.
   */
  const suspendGeoTrigger = (): (() => void) | null => {
    const trigger = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?`).get(GEO_TRIGGER) as
      { sql: string } | undefined;
    const { max } = db.prepare('SELECT coalesce(max(id), 0) AS max FROM events').get() as { max: number };
    // New rowids are max + 1, max + 2, ... unless the largest rowid is taken (then SQLite picks at random).
    if (!trigger || max > Number.MAX_SAFE_INTEGER / 2) return null;
    db.exec(`DROP TRIGGER ${GEO_TRIGGER}`);
    return () => {
      db.prepare(GEO_FROM_EVENTS).run(max);
      db.exec(trigger.sql);
    };
  };

  const write = db.transaction((events: readonly NewImportedEvent[]): ImportResult => {
    const geo = events.length >= GEO_BULK_MIN_ROWS ? suspendGeoTrigger() : null;
    let inserted = 0;
    let i = 0;
    // Full chunks through one multi-row statement: rows keep their order (and so their ids), and
    // ON CONFLICT applies row by row, so the result is the same as one INSERT per row.
    for (; i + ROWS_PER_STATEMENT <= events.length; i += ROWS_PER_STATEMENT) {
      for (let k = 0; k < ROWS_PER_STATEMENT; k++) {
        const e = events[i + k]!;
        const values = eventValues(e, e.provenance);
        for (let c = 0; c < width; c++) flat[k * width + c] = values[c];
      }
      inserted += many.run(flat).changes;
    }
    for (; i < events.length; i++) inserted += one.run(...eventValues(events[i]!, events[i]!.provenance)).changes;
    geo?.();
    return { inserted, duplicates: events.length - inserted };
  });
  return (events) => write.immediate(events);
}
