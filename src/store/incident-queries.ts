/**
 * Incident queries shared by both backends (the store classes delegate here): incidents by the
 * events they hold (dates, box, distance, type, actor through the events' own indexes), the events
 * and report origins corroboration needs, and incidents left stale by re-analysis (migration 0004).
 */
import { TruceError } from '../core/errors.js';
import { eventWhere, rowToEvent, type Dialect } from './event-sql.js';
import { clampLimit, linksByIncident, rowToIncident } from './rows.js';
import type { Store } from './store.js';
import {
  INCIDENT_GRADES,
  type EventFilter,
  type IncidentGrade,
  type StoredEvent,
  type StoredIncident,
} from './types.js';

type Row = Record<string, unknown>;
export type RunQuery = (sql: string, params: unknown[]) => Promise<Row[]>;

/** Filters of `truce incidents`: an incident matches when any of its events matches every event filter. */
export type IncidentFilter = Omit<EventFilter, 'reportId' | 'afterId' | 'limit'> & {
  readonly grade?: IncidentGrade;
  /** Default 1000, at most 100,000. */
  readonly limit?: number;
};

/** Where a report's events come from, for deciding which sources are independent. */
export interface ReportOrigin {
  readonly id: number;
  readonly canonicalReportId: number | null;
  readonly sourceName: string | null;
}

/** What corroboration and `truce incidents` read, beyond the base Store methods. */
export interface IncidentQueries {
  /** Incidents with at least one event matching every event filter given, and of the grade; by id. */
  findIncidents(filter?: IncidentFilter): Promise<StoredIncident[]>;
  /** The events with these ids (missing ids are left out), ordered by id. */
  getEvents(ids: readonly number[]): Promise<StoredEvent[]>;
  /** Ids of the incidents that hold any of these events, ascending. */
  incidentIdsOfEvents(eventIds: readonly number[]): Promise<number[]>;
  /** Incidents that lost an event since last written (stale) or hold no event at all. */
  staleIncidentIds(): Promise<number[]>;
  /** For each report id: its canonical report (copies, versions) and source name. */
  reportOrigins(reportIds: readonly number[]): Promise<ReportOrigin[]>;
}

const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export function incidentQueries(dialect: Dialect, run: RunQuery): IncidentQueries {
  /** `col IN (...)` for SQLite, `col = ANY($n)` for PostgreSQL, with the parameters to pass. */
  const inList = (col: string, ids: readonly number[], offset = 0): [string, unknown[]] =>
    dialect === 'sqlite'
      ? [`${col} IN (${ids.map(() => '?').join(',')})`, [...ids]]
      : [`${col} = ANY($${offset + 1}::bigint[])`, [ids]];
  const byChunks = async (ids: readonly number[], sql: (cond: string) => string, col: string): Promise<Row[]> => {
    const unique = [...new Set(ids)].filter((id) => Number.isSafeInteger(id));
    const rows: Row[] = [];
    for (const part of chunks(unique)) {
      const [cond, params] = inList(col, part);
      rows.push(...(await run(sql(cond), params)));
    }
    return rows;
  };

  return {
    async findIncidents(filter = {}) {
      const { grade, limit, ...events } = filter;
      if (grade !== undefined && !(INCIDENT_GRADES as readonly string[]).includes(grade))
        throw new TruceError('E007_BAD_OPTION', {
          option: 'grade',
          reason: `expected one of ${INCIDENT_GRADES.join(', ')}`,
        });
      const max = clampLimit(limit, 1000, 100_000);
      const w = eventWhere({ ...events, limit: undefined }, dialect, null);
      const params = [...w.params];
      const p = (v: unknown) => (params.push(v), dialect === 'sqlite' ? '?' : `$${params.length}`);
      const where: string[] = [];
      if (w.sql !== '')
        where.push(
          `i.id IN (SELECT ie.incident_id FROM incident_events ie JOIN events e ON e.id = ie.event_id ${w.sql})`,
        );
      if (grade !== undefined) where.push(`i.grade = ${p(grade)}`);
      const rows = await run(
        `SELECT i.* FROM incidents i ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY i.id LIMIT ${p(max)}`,
        params,
      );
      if (rows.length === 0) return [];
      const links = linksByIncident(
        await byChunks(
          rows.map((r) => Number(r.id)),
          (cond) => `SELECT incident_id, event_id FROM incident_events WHERE ${cond} ORDER BY incident_id, event_id`,
          'incident_id',
        ),
      );
      return rows.map((r) => rowToIncident(r, links.get(Number(r.id)) ?? []));
    },

    async getEvents(ids) {
      const rows = await byChunks(ids, (cond) => `SELECT e.* FROM events e WHERE ${cond}`, 'e.id');
      return rows.map(rowToEvent).sort((a, b) => a.id - b.id);
    },

    async incidentIdsOfEvents(eventIds) {
      const rows = await byChunks(
        eventIds,
        (cond) => `SELECT DISTINCT incident_id FROM incident_events WHERE ${cond}`,
        'event_id',
      );
      return [...new Set(rows.map((r) => Number(r.incident_id)))].sort((a, b) => a - b);
    },

    async staleIncidentIds() {
      const stale = dialect === 'sqlite' ? 'i.stale = 1' : 'i.stale';
      const rows = await run(
        `SELECT i.id FROM incidents i WHERE ${stale}
         OR NOT EXISTS (SELECT 1 FROM incident_events ie WHERE ie.incident_id = i.id) ORDER BY i.id`,
        [],
      );
      return rows.map((r) => Number(r.id));
    },

    async reportOrigins(reportIds) {
      const rows = await byChunks(
        reportIds,
        (cond) =>
          `SELECT r.id, r.canonical_report_id, s.name AS source_name FROM reports r
           LEFT JOIN sources s ON s.id = r.source_id WHERE ${cond}`,
        'r.id',
      );
      return rows
        .map((r) => ({
          id: Number(r.id),
          canonicalReportId: r.canonical_report_id === null ? null : Number(r.canonical_report_id),
          sourceName: (r.source_name as string | null) ?? null,
        }))
        .sort((a, b) => a.id - b.id);
    },
  };
}

/**
 * The incident queries over an open store's own connection. Kept beside the Store interface rather
 * than in it while store.ts is being changed by parallel work; both backends are supported.
 */
export function incidentQueriesFor(store: Store): IncidentQueries {
  const known = cache.get(store);
  if (known) return known;
  let queries: IncidentQueries;
  if (store.kind === 'sqlite') {
    const db = (store as unknown as { connection: SqliteConnection }).connection;
    const prepared = new Map<string, ReturnType<SqliteConnection['prepare']>>();
    queries = incidentQueries('sqlite', async (sql, params) => {
      let stmt = prepared.get(sql);
      if (!stmt) prepared.set(sql, (stmt = db.prepare(sql)));
      return stmt.all(...params) as Row[];
    });
  } else {
    // PostgresStore keeps its pool private; a public accessor would be the cleaner seam.
    const pool = (store as unknown as { pool: PgPool }).pool;
    queries = incidentQueries('postgres', async (sql, params) => (await pool.query(sql, params)).rows as Row[]);
  }
  cache.set(store, queries);
  return queries;
}

interface SqliteConnection {
  prepare(sql: string): { all(...params: unknown[]): unknown[] };
}
interface PgPool {
  query(sql: string, params: unknown[]): Promise<{ rows: unknown[] }>;
}
const cache = new WeakMap<Store, IncidentQueries>();
