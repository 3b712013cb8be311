/**
 * Source protection in the queries themselves: every read here takes a ViewScope and filters in
 * SQL, so a count, a search hit or a page never includes what the viewer may not see. Events
 * inherit their report's visibility; imported dataset rows (no report) are public data.
 */
import { rowToEvent, eventWhere } from './event-sql.js';
import { parseSearchQuery, toFts5, toTsquery } from './search-query.js';
import type { Row, Sql } from './sql-runner.js';
import type { EventFilter, StoredEvent, Visibility } from './types.js';

/** What a viewer may read; built from a role by src/auth/visibility.ts. */
export interface ViewScope {
  /** Admins and monitors: everything. */
  readonly all: boolean;
  /** Also reports marked `monitors`. */
  readonly monitors: boolean;
  /** Also `restricted` reports shared with this party. */
  readonly party: string | null;
}

export interface ReportSummary {
  readonly id: number;
  readonly headline: string | null;
  readonly published: string | null;
  readonly sourceName: string | null;
  readonly visibility: Visibility;
  readonly ingestedAt: string;
}

export interface ReportListOptions {
  /** Search language of search-query.ts; without it, newest first. */
  readonly query?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface AccessStore {
  shareReport(reportId: number, parties: readonly string[]): Promise<void>;
  sharedWith(reportId: number): Promise<string[]>;
  setVisibility(reportId: number, visibility: Visibility): Promise<void>;
  canSee(reportId: number, scope: ViewScope): Promise<boolean>;
  listReports(scope: ViewScope, options?: ReportListOptions): Promise<ReportSummary[]>;
  countReports(scope: ViewScope, options?: Pick<ReportListOptions, 'query'>): Promise<number>;
  listEvents(scope: ViewScope, filter?: EventFilter): Promise<StoredEvent[]>;
  countEvents(scope: ViewScope, filter?: EventFilter): Promise<number>;
}

/** The condition on reports aliased `r`, with its parameters. */
export function visibleReportSql(scope: ViewScope): { sql: string; params: unknown[] } {
  if (scope.all) return { sql: '1 = 1', params: [] };
  const parts = [`r.visibility = 'public'`];
  const params: unknown[] = [];
  if (scope.monitors) parts.push(`r.visibility = 'monitors'`);
  if (scope.party !== null) {
    parts.push(
      `(r.visibility = 'restricted' AND EXISTS (SELECT 1 FROM report_parties rp WHERE rp.report_id = r.id AND rp.party_id = ?))`,
    );
    params.push(scope.party);
  }
  return { sql: `(${parts.join(' OR ')})`, params };
}

const clamp = (n: number | undefined, max: number, fallback: number): number =>
  n === undefined || !Number.isFinite(n) ? fallback : Math.max(1, Math.min(max, Math.floor(n)));

export function createAccessStore(sql: Sql): AccessStore {
  const text = sql.dialect === 'sqlite' ? 'report_fts t ON t.rowid = r.id' : 'report_text t ON t.report_id = r.id';
  // FTS5 can MATCH only when its table drives the join, hence the search form starts from it.
  const base = (searching: boolean): string =>
    searching && sql.dialect === 'sqlite'
      ? 'FROM report_fts t JOIN reports r ON r.id = t.rowid LEFT JOIN sources s ON s.id = r.source_id'
      : `FROM reports r LEFT JOIN ${text} LEFT JOIN sources s ON s.id = r.source_id`;

  /** The search condition and its parameter, or none. */
  const match = (query: string | undefined): { sql: string; params: unknown[] } => {
    if (query === undefined || query.trim() === '') return { sql: '1 = 1', params: [] };
    const parsed = parseSearchQuery(query);
    return sql.dialect === 'sqlite'
      ? { sql: 'report_fts MATCH ?', params: [toFts5(parsed)] }
      : { sql: `t.tsv @@ to_tsquery('english', ?)`, params: [toTsquery(parsed)] };
  };

  const eventsWhere = (scope: ViewScope, filter: EventFilter, limit: number | null) => {
    const w = eventWhere({ ...filter, ...(limit === null ? { limit: undefined } : {}) }, sql.dialect, limit);
    // eventWhere numbers PostgreSQL placeholders once each, in order: back to `?` to join ours.
    const own = sql.dialect === 'postgres' ? w.sql.replace(/\$\d+/g, '?') : w.sql;
    const v = visibleReportSql(scope);
    const cond = scope.all
      ? ''
      : `(e.report_id IS NULL OR EXISTS (SELECT 1 FROM reports r WHERE r.id = e.report_id AND ${v.sql}))`;
    const clause = [own.replace(/^WHERE /, ''), cond].filter((c) => c !== '').join(' AND ');
    return {
      sql: clause ? `WHERE ${clause}` : '',
      params: [...w.params, ...(scope.all ? [] : v.params)],
      limit: w.limit,
    };
  };

  return {
    async shareReport(reportId, parties) {
      for (const party of new Set(parties))
        await sql.run('INSERT INTO report_parties (report_id, party_id) VALUES (?, ?) ON CONFLICT DO NOTHING', [
          reportId,
          party,
        ]);
    },
    async sharedWith(reportId) {
      const rows = await sql.all('SELECT party_id FROM report_parties WHERE report_id = ? ORDER BY party_id', [
        reportId,
      ]);
      return rows.map((r) => r.party_id as string);
    },
    async setVisibility(reportId, visibility) {
      await sql.run('UPDATE reports SET visibility = ? WHERE id = ?', [visibility, reportId]);
    },
    async canSee(reportId, scope) {
      const v = visibleReportSql(scope);
      return (
        (await sql.get(`SELECT 1 AS ok FROM reports r WHERE r.id = ? AND ${v.sql}`, [reportId, ...v.params])) !==
        undefined
      );
    },
    async listReports(scope, options = {}) {
      const v = visibleReportSql(scope);
      const m = match(options.query);
      const limit = clamp(options.limit, 100, 20);
      const offset = Math.max(0, Math.floor(options.offset ?? 0));
      const order =
        m.params.length === 0
          ? 'r.id DESC'
          : sql.dialect === 'sqlite'
            ? 'bm25(report_fts, 2.0, 1.0), r.id'
            : `ts_rank(t.tsv, to_tsquery('english', ?)) DESC, r.id`;
      const rows = await sql.all(
        `SELECT r.id, t.headline, r.published, s.name AS source_name, r.visibility, r.ingested_at ${base(m.params.length > 0)}
         WHERE ${v.sql} AND ${m.sql} ORDER BY ${order} LIMIT ? OFFSET ?`,
        [...v.params, ...m.params, ...(order.includes('?') ? m.params : []), limit, offset],
      );
      return rows.map(toSummary);
    },
    async countReports(scope, options = {}) {
      const v = visibleReportSql(scope);
      const m = match(options.query);
      const row = await sql.get(`SELECT count(*) AS n ${base(m.params.length > 0)} WHERE ${v.sql} AND ${m.sql}`, [
        ...v.params,
        ...m.params,
      ]);
      return Number(row?.n ?? 0);
    },
    async listEvents(scope, filter = {}) {
      const w = eventsWhere(scope, filter, 1000);
      const rows = await sql.all(`SELECT e.* FROM events e ${w.sql} ORDER BY e.id LIMIT ?`, [...w.params, w.limit]);
      return rows.map(rowToEvent);
    },
    async countEvents(scope, filter = {}) {
      const w = eventsWhere(scope, filter, null);
      const row = await sql.get(`SELECT count(*) AS n FROM events e ${w.sql}`, w.params);
      return Number(row?.n ?? 0);
    },
  };
}

function toSummary(r: Row): ReportSummary {
  const at = r.ingested_at;
  return {
    id: Number(r.id),
    headline: (r.headline as string | null) ?? null,
    published: (r.published as string | null) ?? null,
    sourceName: (r.source_name as string | null) ?? null,
    visibility: r.visibility as Visibility,
    ingestedAt: at instanceof Date ? at.toISOString() : String(at),
  };
}
