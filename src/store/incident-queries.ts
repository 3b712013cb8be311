/**
 * `store.incidents`: incident queries shared by both backends. Incidents are found by the events
 * they hold (dates, box, distance, type, actor through the events' own indexes); corroboration reads
 * events, report origins and stale incidents (migration 0004); and every read a viewer makes goes
 * through a ViewScope, so an incident is seen only through the events of reports the viewer may see.
 */
import { TruceError } from '../core/errors.js';
import { visibleReportSql, type ViewScope } from './access.store.js';
import { eventWhere, rowToEvent } from './event-sql.js';
import type { ReviewState, ReviewSubject } from './review.store.js';
import { clampLimit, iso, linksByIncident, rowToIncident } from './rows.js';
import type { Row, Sql } from './sql-runner.js';
import {
  INCIDENT_GRADES,
  type EventFilter,
  type IncidentGrade,
  type StoredEvent,
  type StoredIncident,
} from './types.js';

/** Filters of `truce incidents`: an incident matches when any of its events matches every event filter. */
export type IncidentFilter = Omit<EventFilter, 'reportId' | 'afterId' | 'limit'> & {
  readonly grade?: IncidentGrade;
  /** Default 1000, at most 100,000. */
  readonly limit?: number;
};

/**
 * The same without the grade: what a viewer sees of an incident's grade depends on which of its
 * events they may see, so the service recomputes it and filters on it.
 */
export type VisibleIncidentFilter = Omit<IncidentFilter, 'grade'>;

/** Where a report's events come from, for deciding which sources are independent. */
export interface ReportOrigin {
  readonly id: number;
  readonly canonicalReportId: number | null;
  readonly sourceName: string | null;
}

/** An incident as one viewer may see it. */
export interface VisibleIncident {
  readonly id: number;
  /** The incident's events this viewer may see, ascending; never empty. */
  readonly eventIds: readonly number[];
  /**
   * The stored grade, fatalities and time of the last rewrite: only when the viewer sees EVERY event
   * of the incident. Otherwise null, and the service recomputes them from the visible events alone
   * (the stored figures were computed from events this viewer may not know of).
   */
  readonly whole: Omit<StoredIncident, 'id' | 'eventIds'> | null;
  /** A monitor confirmed the incident (grade `confirmed`): a review fact, not a source. */
  readonly confirmed: boolean;
}

export interface IncidentStore {
  /** Every incident with at least one event matching every event filter given, and of the grade; by id. */
  findIncidents(filter?: IncidentFilter): Promise<StoredIncident[]>;
  /**
   * Incidents with at least one event that the scope may see AND that matches every filter given,
   * by id, at most `limit` (default 1000). Incidents with no visible event are left out.
   */
  findVisibleIncidents(scope: ViewScope, filter?: VisibleIncidentFilter): Promise<VisibleIncident[]>;
  /** One incident as the scope sees it; null when it is missing or holds no event the scope may see. */
  getVisibleIncident(scope: ViewScope, id: number): Promise<VisibleIncident | null>;
  /** The events with these ids (missing ids are left out), ordered by id. Callers apply visibility. */
  getEvents(ids: readonly number[]): Promise<StoredEvent[]>;
  /** Ids of the incidents that hold any of these events, ascending. */
  incidentIdsOfEvents(eventIds: readonly number[]): Promise<number[]>;
  /** Incidents that lost an event since last written (stale) or hold no event at all. */
  staleIncidentIds(): Promise<number[]>;
  /** For each report id: its canonical report (copies, versions) and source name. */
  reportOrigins(reportIds: readonly number[]): Promise<ReportOrigin[]>;
  /** Review states of many incidents or findings at once (lists); subjects never reviewed are absent. */
  reviewStates(kind: ReviewSubject, subjectIds: readonly string[]): Promise<Map<string, ReviewState>>;
}

/** The scope of those who see everything (the CLI, corroboration). */
export const FULL_SCOPE: ViewScope = { all: true, monitors: true, party: null };

export function createIncidentStore(sql: Sql): IncidentStore {
  /** `col IN (the ids)` as ONE statement whatever the count: json_each on SQLite, ANY on PostgreSQL. */
  const inIds = (col: string, ids: readonly (number | string)[], type: 'bigint' | 'text' = 'bigint') =>
    sql.dialect === 'sqlite'
      ? { sql: `${col} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(ids)] }
      : { sql: `${col} = ANY(?::${type}[])`, params: [ids] };
  const safeIds = (ids: readonly number[]) => [...new Set(ids)].filter((id) => Number.isSafeInteger(id));

  /** The condition "event `e` is visible to the scope", or none for a scope that sees everything. */
  const visibleEvent = (scope: ViewScope): { sql: string; params: unknown[] } | null => {
    if (scope.all) return null;
    const v = visibleReportSql(scope);
    return {
      sql: `(e.report_id IS NULL OR EXISTS (SELECT 1 FROM reports r WHERE r.id = e.report_id AND ${v.sql}))`,
      params: v.params,
    };
  };

  /** The event filter as a condition with `?` placeholders (eventWhere numbers them for PostgreSQL). */
  const eventCondition = (filter: Omit<EventFilter, 'limit'>): { sql: string; params: unknown[] } => {
    const w = eventWhere({ ...filter, limit: undefined }, sql.dialect, null);
    const own = sql.dialect === 'postgres' ? w.sql.replace(/\$\d+/g, '?') : w.sql;
    return { sql: own.replace(/^WHERE /, ''), params: w.params };
  };

  /** Each incident's event ids, with whether the scope may see each one. */
  const membersOf = async (incidentIds: readonly number[], scope: ViewScope) => {
    const vis = visibleEvent(scope);
    const ids = inIds('ie.incident_id', incidentIds);
    const rows = await sql.all(
      `SELECT ie.incident_id, ie.event_id, ${vis ? `CASE WHEN ${vis.sql} THEN 1 ELSE 0 END` : '1'} AS visible
       FROM incident_events ie JOIN events e ON e.id = ie.event_id
       WHERE ${ids.sql} ORDER BY ie.incident_id, ie.event_id`,
      [...(vis?.params ?? []), ...ids.params],
    );
    const out = new Map<number, { visible: number[]; hidden: number }>();
    for (const r of rows) {
      const id = Number(r.incident_id);
      const m = out.get(id) ?? { visible: [], hidden: 0 };
      if (Number(r.visible) === 1) m.visible.push(Number(r.event_id));
      else m.hidden++;
      out.set(id, m);
    }
    return out;
  };

  const toVisible = (rows: readonly Row[], members: Awaited<ReturnType<typeof membersOf>>): VisibleIncident[] =>
    rows.flatMap((r) => {
      const m = members.get(Number(r.id));
      if (!m || m.visible.length === 0) return [];
      const stored = rowToIncident(r, []);
      return [
        {
          id: stored.id,
          eventIds: m.visible,
          whole:
            m.hidden === 0
              ? {
                  grade: stored.grade,
                  fatalitiesLow: stored.fatalitiesLow,
                  fatalitiesBest: stored.fatalitiesBest,
                  fatalitiesHigh: stored.fatalitiesHigh,
                  updatedAt: iso(r.updated_at),
                }
              : null,
          confirmed: stored.grade === 'confirmed',
        },
      ];
    });

  return {
    async findIncidents(filter = {}) {
      const { grade, limit, ...events } = filter;
      if (grade !== undefined && !(INCIDENT_GRADES as readonly string[]).includes(grade))
        throw new TruceError('E007_BAD_OPTION', {
          option: 'grade',
          reason: `expected one of ${INCIDENT_GRADES.join(', ')}`,
        });
      const max = clampLimit(limit, 1000, 100_000);
      const w = eventCondition(events);
      const where: string[] = [];
      if (w.sql !== '')
        where.push(
          `i.id IN (SELECT ie.incident_id FROM incident_events ie JOIN events e ON e.id = ie.event_id WHERE ${w.sql})`,
        );
      if (grade !== undefined) where.push('i.grade = ?');
      const rows = await sql.all(
        `SELECT i.* FROM incidents i ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY i.id LIMIT ?`,
        [...w.params, ...(grade !== undefined ? [grade] : []), max],
      );
      if (rows.length === 0) return [];
      const ids = inIds(
        'incident_id',
        rows.map((r) => Number(r.id)),
      );
      const links = linksByIncident(
        await sql.all(
          `SELECT incident_id, event_id FROM incident_events WHERE ${ids.sql} ORDER BY incident_id, event_id`,
          ids.params,
        ),
      );
      return rows.map((r) => rowToIncident(r, links.get(Number(r.id)) ?? []));
    },

    async findVisibleIncidents(scope, filter = {}) {
      const { limit, grade, ...events } = filter as VisibleIncidentFilter & { grade?: unknown };
      if (grade !== undefined)
        throw new TruceError('E007_BAD_OPTION', {
          option: 'grade',
          reason: 'a viewer sees the grade of the events they may see: filter on it after recomputing it',
        });
      const max = clampLimit(limit, 1000, 100_000);
      const w = eventCondition(events);
      const vis = visibleEvent(scope);
      const conds = [w.sql, vis?.sql ?? ''].filter((c) => c !== '');
      const rows = await sql.all(
        `SELECT i.* FROM incidents i WHERE i.id IN (
           SELECT ie.incident_id FROM incident_events ie JOIN events e ON e.id = ie.event_id
           ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''})
         ORDER BY i.id LIMIT ?`,
        [...w.params, ...(vis?.params ?? []), max],
      );
      if (rows.length === 0) return [];
      return toVisible(
        rows,
        await membersOf(
          rows.map((r) => Number(r.id)),
          scope,
        ),
      );
    },

    async getVisibleIncident(scope, id) {
      if (!Number.isSafeInteger(id)) return null;
      const row = await sql.get('SELECT * FROM incidents WHERE id = ?', [id]);
      if (!row) return null;
      return toVisible([row], await membersOf([id], scope))[0] ?? null;
    },

    async getEvents(ids) {
      const unique = safeIds(ids);
      if (unique.length === 0) return [];
      const c = inIds('e.id', unique);
      return (await sql.all(`SELECT e.* FROM events e WHERE ${c.sql} ORDER BY e.id`, c.params)).map(rowToEvent);
    },

    async incidentIdsOfEvents(eventIds) {
      const unique = safeIds(eventIds);
      if (unique.length === 0) return [];
      const c = inIds('event_id', unique);
      const rows = await sql.all(
        `SELECT DISTINCT incident_id FROM incident_events WHERE ${c.sql} ORDER BY incident_id`,
        c.params,
      );
      return rows.map((r) => Number(r.incident_id));
    },

    async staleIncidentIds() {
      const stale = sql.dialect === 'sqlite' ? 'i.stale = 1' : 'i.stale';
      const rows = await sql.all(
        `SELECT i.id FROM incidents i WHERE ${stale}
         OR NOT EXISTS (SELECT 1 FROM incident_events ie WHERE ie.incident_id = i.id) ORDER BY i.id`,
      );
      return rows.map((r) => Number(r.id));
    },

    async reportOrigins(reportIds) {
      const unique = safeIds(reportIds);
      if (unique.length === 0) return [];
      const c = inIds('r.id', unique);
      const rows = await sql.all(
        `SELECT r.id, r.canonical_report_id, s.name AS source_name FROM reports r
         LEFT JOIN sources s ON s.id = r.source_id WHERE ${c.sql} ORDER BY r.id`,
        c.params,
      );
      return rows.map((r) => ({
        id: Number(r.id),
        canonicalReportId: r.canonical_report_id === null ? null : Number(r.canonical_report_id),
        sourceName: (r.source_name as string | null) ?? null,
      }));
    },

    async reviewStates(kind, subjectIds) {
      const out = new Map<string, ReviewState>();
      const unique = [...new Set(subjectIds)];
      if (unique.length === 0) return out;
      const c = inIds('subject_id', unique, 'text');
      const rows = await sql.all(`SELECT subject_id, state FROM review_states WHERE subject_kind = ? AND ${c.sql}`, [
        kind,
        ...c.params,
      ]);
      for (const r of rows) out.set(String(r.subject_id), r.state as ReviewState);
      return out;
    },
  };
}
