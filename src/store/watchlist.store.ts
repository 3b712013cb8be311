/**
 * Watchlists: the zones, actors and incidents a user follows, the time of their last visit, and
 * the visible events stored since then (what the change feed is made of). Visibility is applied in
 * SQL with the same condition as access.store.ts, so nothing hidden is ever read for a viewer.
 */
import { visibleReportSql, type ViewScope } from './access.store.js';
import { rowToEvent } from './event-sql.js';
import type { Row, Sql } from './sql-runner.js';
import type { StoredEvent } from './types.js';

export const WATCH_KINDS = ['zone', 'actor', 'incident'] as const;
export type WatchKind = (typeof WATCH_KINDS)[number];

export interface Watch {
  readonly id: number;
  readonly userId: number;
  readonly kind: WatchKind;
  /** zone: `bbox:W,S,E,N` or `<agreementId>/<zoneId>`; actor: part of a name; incident: its id. */
  readonly value: string;
  readonly label: string;
  readonly createdAt: string;
}

/** A visible event from a report stored after some time, with the incident it belongs to. */
export interface NewlyStoredEvent {
  readonly event: StoredEvent;
  readonly incidentId: number | null;
  readonly storedAt: string;
}

export interface WatchlistStore {
  /** Adds a watch; the same kind and value again returns the existing one (`created` false). */
  add(userId: number, kind: WatchKind, value: string, label: string): Promise<{ watch: Watch; created: boolean }>;
  list(userId: number): Promise<Watch[]>;
  get(userId: number, id: number): Promise<Watch | null>;
  /** Removes one of the user's own watches; false when there is none with that id. */
  remove(userId: number, id: number): Promise<boolean>;
  /** The time of the user's last visit (ISO), null before the first. */
  lastSeen(userId: number): Promise<string | null>;
  markSeen(userId: number, at: string): Promise<void>;
  /** Events of reports stored after `since` that the scope may see, oldest first, at most `limit`. */
  eventsStoredSince(scope: ViewScope, since: string, limit?: number): Promise<NewlyStoredEvent[]>;
}

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

const toWatch = (r: Row): Watch => ({
  id: Number(r.id),
  userId: Number(r.user_id),
  kind: r.kind as WatchKind,
  value: r.value as string,
  label: r.label as string,
  createdAt: iso(r.created_at),
});

export function createWatchlistStore(sql: Sql): WatchlistStore {
  const find = async (userId: number, kind: WatchKind, value: string) =>
    sql.get('SELECT * FROM watchlist WHERE user_id = ? AND kind = ? AND value = ?', [userId, kind, value]);
  return {
    async add(userId, kind, value, label) {
      const r = await sql.get(
        `INSERT INTO watchlist (user_id, kind, value, label, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (user_id, kind, value) DO NOTHING RETURNING *`,
        [userId, kind, value, label, new Date().toISOString()],
      );
      if (r) return { watch: toWatch(r), created: true };
      return { watch: toWatch((await find(userId, kind, value)) as Row), created: false };
    },
    async list(userId) {
      return (await sql.all('SELECT * FROM watchlist WHERE user_id = ? ORDER BY id', [userId])).map(toWatch);
    },
    async get(userId, id) {
      const r = await sql.get('SELECT * FROM watchlist WHERE user_id = ? AND id = ?', [userId, id]);
      return r ? toWatch(r) : null;
    },
    async remove(userId, id) {
      return (await sql.run('DELETE FROM watchlist WHERE user_id = ? AND id = ?', [userId, id])) > 0;
    },
    async lastSeen(userId) {
      const r = await sql.get('SELECT seen_at FROM watch_visits WHERE user_id = ?', [userId]);
      return r ? String(r.seen_at) : null;
    },
    async markSeen(userId, at) {
      await sql.run(
        `INSERT INTO watch_visits (user_id, seen_at) VALUES (?, ?)
         ON CONFLICT (user_id) DO UPDATE SET seen_at = excluded.seen_at`,
        [userId, at],
      );
    },
    async eventsStoredSince(scope, since, limit = 2000) {
      const v = visibleReportSql(scope);
      const rows = await sql.all(
        `SELECT e.*, r.ingested_at AS stored_at,
           (SELECT min(ie.incident_id) FROM incident_events ie WHERE ie.event_id = e.id) AS incident_of_event
         FROM reports r JOIN events e ON e.report_id = r.id
         WHERE r.ingested_at > ? AND ${v.sql}
         ORDER BY r.ingested_at, e.id LIMIT ?`,
        [since, ...v.params, Math.max(1, Math.min(10_000, limit))],
      );
      return rows.map((r) => ({
        event: rowToEvent(r),
        incidentId: r.incident_of_event === null ? null : Number(r.incident_of_event),
        storedAt: iso(r.stored_at),
      }));
    },
  };
}
