/**
 * The SQLite path of putImportedEvents (issue 3). Every write: a reused 500-row INSERT ... ON
 * CONFLICT DO NOTHING (same ids and rows as one INSERT per row; a chunk of one dataset and file binds
 * those two once and writes the report columns as NULL literals) and, from 1,000 rows, the batch's
 * R*Tree rows added by one INSERT ... SELECT instead of the per-row trigger.
 *
 * Bulk loads (SqliteStore.bulkLoad, one transaction for a whole import): once a write has added
 * DEFER_AFTER_ROWS rows, the events table's other indexes and the R*Tree trigger are dropped inside
 * that transaction, and `load` rebuilds them before the commit: CREATE INDEX sorts once instead of
 * one random B-tree insert per row and index, and the R*Tree is rebuilt packed (rtree-pack.ts: a
 * third of the CPU of one module insert per row) when the load added at least as many rows as the
 * tree held. The unique import key stays, so duplicates are still
 * skipped by SQLite itself. A rollback (kill, error) restores the schema with the data, because
 * SQLite's DDL is transactional. import.test.ts checks all of it against one INSERT per row.
 */
import type Database from 'better-sqlite3';
import { eventFieldsInto, eventValues, eventValuesInto, EVENT_COLUMNS } from '../event-sql.js';
import type { EventFields } from '../types.js';
import type { ImportResult, NewImportedEvent } from '../types.js';
import { geoRows, packEventGeo } from './rtree-pack.js';

/** Rows per multi-row import INSERT: 27 columns x 500 = 13,500 parameters, under SQLite's 32,766. */
const ROWS_PER_STATEMENT = 500;
/** Page cache during imports (KiB): room for the events indexes of a few million rows. */
const IMPORT_CACHE_KIB = 131_072;
/** Below this many rows a batch keeps the per-row trigger (no schema change for small writes). */
const GEO_BULK_MIN_ROWS = 1000;
/** In a bulk load, indexes are deferred after a write that added this many rows (not on a re-import). */
export const DEFER_AFTER_ROWS = 1000;
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

/** The columns an imported event leaves NULL (report provenance) or shares with its batch (dataset, file). */
const SHARED_COLUMNS = 6;
/** Parameters per row of the import-only statement: import_row, import_source_id, the event's fields. */
const OWN_WIDTH = EVENT_COLUMNS.length - SHARED_COLUMNS;

/**
 * The multi-row INSERT for a chunk of imported rows of one dataset and file: the report columns are
 * NULL literals and the dataset and file two named parameters bound once per statement, instead of
 * six parameters per row (the same values, so the same rows).
 */
function insertImportChunkSql(rows: number): string {
  const own = Array.from({ length: OWN_WIDTH }, () => '?').join(', ');
  const tuple = `(NULL, NULL, NULL, NULL, @dataset, @file, ${own})`;
  return `INSERT INTO events (${EVENT_COLUMNS.join(', ')}) VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}
    ON CONFLICT (import_dataset, import_source_id) WHERE import_dataset IS NOT NULL DO NOTHING`;
}

/** eventValuesInto's values from import_row on (EVENT_COLUMNS order), for insertImportChunkSql. */
function ownValuesInto(
  target: unknown[],
  offset: number,
  e: EventFields,
  row: number | null,
  sourceId: string | null,
): void {
  target[offset] = row;
  target[offset + 1] = sourceId;
  eventFieldsInto(target, offset + 2, e);
}

export interface ImportWriter {
  /** Writes one batch: its own transaction, or a savepoint of the open one. */
  write(events: readonly NewImportedEvent[]): ImportResult;
  /**
   * Runs `work` (inside the caller's open transaction) as a bulk load: its writes may defer index
   * upkeep, which is done before `work`'s result is returned; if `work` throws, the caller's
   * rollback restores the schema.
   */
  load<T>(work: () => Promise<T>): Promise<T>;
}

interface Deferred {
  readonly sql: readonly string[];
  readonly trigger: string;
  readonly maxId: number;
  /** R*Tree rows when the indexes were dropped. */
  readonly geoBefore: number;
  /** Rows the load's writes added since (the write that deferred included). */
  added: number;
}

/**
 * Built on the first import of a connection. It raises the page cache, so the index B-trees of a
 * million-row import stay in memory (the default 2 MB thrashes), and keeps temp B-trees (and the
 * sorts of CREATE INDEX) in memory; neither changes a result.
 */
export function createImportWriter(db: Database.Database): ImportWriter {
  db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  db.pragma('temp_store = MEMORY');
  const one = db.prepare(insertImportedSql(1));
  const many = db.prepare(insertImportedSql(ROWS_PER_STATEMENT));
  const width = EVENT_COLUMNS.length;
  const flat: unknown[] = new Array(ROWS_PER_STATEMENT * width);
  const chunk = db.prepare(insertImportChunkSql(ROWS_PER_STATEMENT));
  const own: unknown[] = new Array(ROWS_PER_STATEMENT * OWN_WIDTH);
  const shared = { dataset: '', file: '' };

  /** Fills `own` for events[from, from + ROWS_PER_STATEMENT) when all are imports of one dataset and file. */
  const fillShared = (events: readonly NewImportedEvent[], from: number): boolean => {
    const first = events[from]!.provenance;
    if (first.kind !== 'import') return false;
    for (let k = 0; k < ROWS_PER_STATEMENT; k++) {
      const e = events[from + k]!;
      const p = e.provenance;
      if (p.kind !== 'import' || p.dataset !== first.dataset || p.file !== first.file) return false;
      ownValuesInto(own, k * OWN_WIDTH, e, p.row ?? null, p.sourceId ?? null);
    }
    shared.dataset = first.dataset;
    shared.file = first.file;
    return true;
  };
  let bulk = false;
  let deferred: Deferred | null = null;

  const geoTrigger = () =>
    db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?`).get(GEO_TRIGGER) as
      { sql: string } | undefined;
  // New rowids are max + 1, max + 2, ... unless the largest rowid is taken (then SQLite picks at random).
  const maxId = (): number | null => {
    const { max } = db.prepare('SELECT coalesce(max(id), 0) AS max FROM events').get() as { max: number };
    return max > Number.MAX_SAFE_INTEGER / 2 ? null : max;
  };

  /**
   * Inside a transaction: drops the per-row R*Tree trigger and returns the function that adds the
   * batch's R*Tree rows in one INSERT ... SELECT in id order, then recreates the trigger from its own
   * stored SQL. A failure rolls all of it back with the batch.
   */
  const suspendGeoTrigger = (): (() => void) | null => {
    const trigger = geoTrigger();
    const max = maxId();
    if (!trigger || max === null) return null;
    db.exec(`DROP TRIGGER ${GEO_TRIGGER}`);
    return () => {
      db.prepare(GEO_FROM_EVENTS).run(max);
      db.exec(trigger.sql);
    };
  };

  /** Bulk load: drops the events indexes (but the unique import key) and the R*Tree trigger. */
  const defer = (): Deferred | null => {
    const trigger = geoTrigger();
    const max = maxId();
    if (!trigger || max === null) return null;
    const indexes = db
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL
         AND sql NOT LIKE 'CREATE UNIQUE %' ORDER BY name`,
      )
      .all() as { name: string; sql: string }[];
    for (const i of indexes) db.exec(`DROP INDEX "${i.name.replaceAll('"', '""')}"`);
    db.exec(`DROP TRIGGER ${GEO_TRIGGER}`);
    return { sql: indexes.map((i) => i.sql), trigger: trigger.sql, maxId: max, geoBefore: geoRows(db), added: 0 };
  };

  const write = db.transaction((events: readonly NewImportedEvent[]): ImportResult => {
    const geo = deferred === null && events.length >= GEO_BULK_MIN_ROWS ? suspendGeoTrigger() : null;
    let inserted = 0;
    let i = 0;
    // Full chunks through one multi-row statement: rows keep their order (and so their ids), and
    // ON CONFLICT applies row by row, so the result is the same as one INSERT per row.
    for (; i + ROWS_PER_STATEMENT <= events.length; i += ROWS_PER_STATEMENT) {
      if (fillShared(events, i)) {
        inserted += chunk.run(own, shared).changes;
        continue;
      }
      for (let k = 0; k < ROWS_PER_STATEMENT; k++) {
        const e = events[i + k]!;
        eventValuesInto(flat, k * width, e, e.provenance);
      }
      inserted += many.run(flat).changes;
    }
    for (; i < events.length; i++) inserted += one.run(...eventValues(events[i]!, events[i]!.provenance)).changes;
    geo?.();
    return { inserted, duplicates: events.length - inserted };
  });

  return {
    write(events) {
      const result = write.immediate(events);
      if (bulk && deferred === null && result.inserted >= DEFER_AFTER_ROWS) deferred = defer();
      if (deferred) deferred.added += result.inserted;
      return result;
    },
    async load(work) {
      bulk = true;
      deferred = null;
      try {
        const result = await work();
        const d = deferred as Deferred | null;
        deferred = null;
        if (d) {
          for (const sql of d.sql) db.exec(sql);
          // A load at least as large as the tree rebuilds it packed (rtree-pack.ts); a small load
          // into a large store adds its rows the module's way, rather than rewrite the whole tree.
          if (d.geoBefore <= d.added) packEventGeo(db);
          else db.prepare(GEO_FROM_EVENTS).run(d.maxId);
          db.exec(d.trigger);
        }
        return result;
      } finally {
        bulk = false;
        deferred = null;
      }
    },
  };
}
