/**
 * The server store: PostgreSQL through `pg`, satisfying the same contract as the SQLite store.
 * Each write is one transaction on one pooled client; every value goes through a $n placeholder.
 */
import pg from 'pg';
import { TruceError } from '../../core/errors.js';
import { eventWhere, rowToEvent } from '../event-sql.js';
import { insertEvents } from './insert-events.js';
import { migrate } from './migrate.js';
import { compareVersions, contentHash } from '../identity.js';
import {
  checkCanonical,
  clampLimit,
  linksByIncident,
  pageEvents,
  parseReport,
  rowToAnalysis,
  rowToCandidate,
  rowToHit,
  rowToIncident,
  rowToQuarantine,
  rowToReport,
  rowToSource,
} from '../rows.js';
import { parseSearchQuery, toTsquery } from '../search-query.js';
import type { SearchOptions, Store } from '../store.js';
import { SubStores } from '../sub-stores.js';
import { postgresRunner } from '../sql-runner.js';
import { PostgresTransactions } from '../transaction.js';
import type {
  EventFilter,
  ImportResult,
  IncidentGrade,
  NewAnalysis,
  NewImportedEvent,
  NewIncident,
  NewQuarantine,
  NewReport,
  NewReportEvent,
  PutReportResult,
  QuarantineEntry,
  ReportHit,
  SignatureCandidate,
  SourceKind,
  SourceRecord,
  StoredAnalysis,
  StoredEvent,
  StoredIncident,
  StoredReport,
} from '../types.js';

export interface PostgresStoreOptions {
  /** e.g. postgres://postgres@127.0.0.1:5432/truce (TRUCE_PG_URL). */
  readonly url: string;
  /** Schema to use (created if missing); default `public`. Tests use a fresh one per run. */
  readonly schema?: string;
  readonly maxConnections?: number;
}

type Row = Record<string, unknown>;
type Client = pg.PoolClient;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const REPORT_SELECT = `SELECT r.*, s.name AS source_name FROM reports r LEFT JOIN sources s ON s.id = r.source_id`;

// Ids (int8) as numbers, and DATE as its 'YYYY-MM-DD' text, never a Date shifted by the local zone.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === pg.types.builtins.INT8) return (v: string) => Number(v);
    if (oid === pg.types.builtins.DATE) return (v: string) => v;
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const schema = options.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema))
    throw new TruceError('E007_BAD_OPTION', { option: 'schema', reason: 'use lower-case letters, digits and _' });
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    options: `-c search_path=${schema}`,
    types,
  });
  try {
    const client = await pool.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await migrate(client);
    } finally {
      client.release();
    }
    return new PostgresStore(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
}

export class PostgresStore extends SubStores implements Store {
  readonly kind = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly txs: PostgresTransactions;

  constructor(pool: pg.Pool) {
    const txs = new PostgresTransactions(pool);
    super(postgresRunner(txs));
    this.pool = pool;
    this.txs = txs;
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.txs.run(work);
  }

  /** One transaction on one client: the flow's open transaction (as a savepoint) or a new one. */
  private async tx<T>(work: (c: Client) => Promise<T>): Promise<T> {
    if (this.txs.inTransaction()) return this.txs.run(() => work(this.txs.conn() as Client));
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const result = await work(c);
      await c.query('COMMIT');
      return result;
    } catch (error) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      c.release();
    }
  }

  private async rows(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.txs.conn().query(sql, params)).rows as Row[];
  }

  async putReport(
    report: NewReport,
    analysis: NewAnalysis,
    events: readonly NewReportEvent[],
  ): Promise<PutReportResult> {
    const r = parseReport(report, analysis);
    const hash = contentHash(r.raw);
    const version = analysis.pipelineVersion;
    return this.tx(async (c) => {
      const findExisting = async () =>
        (
          await c.query(
            `SELECT r.id, a.pipeline_version AS version FROM reports r LEFT JOIN analyses a ON a.report_id = r.id
             WHERE r.content_hash = $1 FOR UPDATE OF r`,
            [hash],
          )
        ).rows[0] as { id: number; version: string | null } | undefined;
      let existing = await findExisting();
      let id: number;
      let status: PutReportResult['status'] = 'new';
      if (existing === undefined) {
        const sourceId =
          r.sourceName === null
            ? null
            : (
                (
                  await c.query(
                    `INSERT INTO sources (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id`,
                    [r.sourceName],
                  )
                ).rows[0] as { id: number }
              ).id;
        const inserted = await c.query(
          `INSERT INTO reports (content_hash, raw, media_type, url, published, source_id, visibility, ingested_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (content_hash) DO NOTHING RETURNING id`,
          [hash, r.raw, r.mediaType, r.url, r.published, sourceId, r.visibility, new Date().toISOString()],
        );
        // Another writer may have stored the same content since our SELECT: then it is not new.
        if (inserted.rows[0] === undefined) existing = await findExisting();
        id = existing?.id ?? (inserted.rows[0] as { id: number }).id;
      } else id = existing.id;
      if (existing !== undefined) {
        if (existing.version !== null && compareVersions(version, existing.version) <= 0)
          return { id, status: 'duplicate' };
        await c.query('DELETE FROM events WHERE report_id = $1', [id]);
        status = 'reanalysed';
      }
      await c.query(
        `INSERT INTO analyses (report_id, pipeline_version, analysis, analysed_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (report_id) DO UPDATE SET pipeline_version = excluded.pipeline_version,
           analysis = excluded.analysis, analysed_at = excluded.analysed_at`,
        [id, version, JSON.stringify(analysis.analysis)],
      );
      await c.query(
        `INSERT INTO report_text (report_id, headline, body) VALUES ($1, $2, $3)
         ON CONFLICT (report_id) DO UPDATE SET headline = excluded.headline, body = excluded.body`,
        [id, analysis.analysis.report.headline, analysis.analysis.report.body],
      );
      const rows = events.map((e) => ({
        fields: e,
        provenance: { kind: 'report', reportId: id, pipelineVersion: version, start: e.start, end: e.end } as const,
      }));
      await insertEvents(c, rows);
      return { id, status };
    });
  }

  async getReport(id: number): Promise<StoredReport | null> {
    const [row] = await this.rows(`${REPORT_SELECT} WHERE r.id = $1`, [id]);
    return row ? rowToReport(row) : null;
  }

  async getReportByHash(hash: string): Promise<StoredReport | null> {
    const [row] = await this.rows(`${REPORT_SELECT} WHERE r.content_hash = $1`, [hash]);
    return row ? rowToReport(row) : null;
  }

  async getAnalysis(reportId: number): Promise<StoredAnalysis | null> {
    const [row] = await this.rows('SELECT * FROM analyses WHERE report_id = $1', [reportId]);
    if (!row) return null;
    return rowToAnalysis(reportId, row, row.analysis);
  }

  async setCanonical(reportId: number, canonicalReportId: number | null): Promise<void> {
    checkCanonical(reportId, canonicalReportId);
    const res = await this.txs
      .conn()
      .query('UPDATE reports SET canonical_report_id = $1 WHERE id = $2', [canonicalReportId, reportId]);
    if (res.rowCount === 0)
      throw new TruceError('E007_BAD_OPTION', { option: 'reportId', reason: `no report ${reportId}` });
  }

  async putSignature(reportId: number, signature: Uint8Array, bandKeys: readonly number[]): Promise<void> {
    await this.tx(async (c) => {
      await c.query(
        `INSERT INTO report_signatures (report_id, signature) VALUES ($1, $2)
         ON CONFLICT (report_id) DO UPDATE SET signature = excluded.signature`,
        [reportId, Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength)],
      );
      await c.query('DELETE FROM report_bands WHERE report_id = $1', [reportId]);
      if (bandKeys.length)
        await c.query(
          `INSERT INTO report_bands (band, band_key, report_id)
           SELECT k.i - 1, k.key, $2 FROM unnest($1::bigint[]) WITH ORDINALITY AS k(key, i) ON CONFLICT DO NOTHING`,
          [bandKeys, reportId],
        );
    });
  }

  async getSignature(reportId: number): Promise<Uint8Array | null> {
    const [row] = await this.rows('SELECT signature FROM report_signatures WHERE report_id = $1', [reportId]);
    return row ? new Uint8Array(row.signature as Buffer) : null;
  }

  async findSignatureCandidates(bandKeys: readonly number[], limit?: number): Promise<SignatureCandidate[]> {
    if (bandKeys.length === 0) return [];
    const rows = await this.rows(
      `SELECT b.report_id, count(*) AS shared, s.signature, r.canonical_report_id
       FROM unnest($1::bigint[]) WITH ORDINALITY AS k(key, i)
       JOIN report_bands b ON b.band = k.i - 1 AND b.band_key = k.key
       JOIN report_signatures s ON s.report_id = b.report_id
       JOIN reports r ON r.id = b.report_id
       GROUP BY b.report_id, s.signature, r.canonical_report_id ORDER BY shared DESC, b.report_id LIMIT $2`,
      [bandKeys, clampLimit(limit, 50)],
    );
    return rows.map(rowToCandidate);
  }

  async searchReports(query: string, options: SearchOptions = {}): Promise<ReportHit[]> {
    const tsquery = toTsquery(parseSearchQuery(query));
    const limit = clampLimit(options.limit, 50);
    let rows: Row[];
    try {
      rows = await this.rows(
        `SELECT r.id, t.headline, r.published, s.name AS source_name, ts_rank(t.tsv, q) AS score
         FROM to_tsquery('english', $1) q, report_text t
           JOIN reports r ON r.id = t.report_id LEFT JOIN sources s ON s.id = r.source_id
         WHERE t.tsv @@ q ORDER BY score DESC, r.id LIMIT $2`,
        [tsquery, limit],
      );
    } catch (error) {
      // The rendered query is always valid tsquery; this is a guard, not a path users should meet.
      throw new TruceError('E007_BAD_OPTION', { option: 'search query', reason: (error as Error).message });
    }
    return rows.map(rowToHit);
  }

  async putImportedEvents(events: readonly NewImportedEvent[]): Promise<ImportResult> {
    const rows = events.map((e) => ({ fields: e, provenance: e.provenance }));
    const inserted = await this.tx((c) =>
      insertEvents(
        c,
        rows,
        'ON CONFLICT (import_dataset, import_source_id) WHERE import_dataset IS NOT NULL DO NOTHING',
      ),
    );
    return { inserted, duplicates: events.length - inserted };
  }

  /** A plain transaction: PostgreSQL keeps its indexes up to date row by row (ADR 0007). */
  bulkLoad<T>(work: () => Promise<T>): Promise<T> {
    return this.transaction(work);
  }

  async listEvents(filter: EventFilter = {}): Promise<StoredEvent[]> {
    const w = eventWhere(filter, 'postgres', 1000);
    const rows = await this.rows(`SELECT e.* FROM events e ${w.sql} ORDER BY e.id LIMIT $${w.params.length + 1}`, [
      ...w.params,
      w.limit,
    ]);
    return rows.map(rowToEvent);
  }

  iterateEvents(filter: EventFilter = {}, pageSize = 1000): AsyncIterable<StoredEvent> {
    return pageEvents((f) => this.listEvents(f), filter, pageSize);
  }

  async countEvents(filter: EventFilter = {}): Promise<number> {
    const w = eventWhere({ ...filter, limit: undefined }, 'postgres', null);
    const [row] = await this.rows(`SELECT count(*) AS n FROM events e ${w.sql}`, w.params);
    return Number(row?.n);
  }

  async putSource(name: string, kind: SourceKind = 'news', url: string | null = null): Promise<SourceRecord> {
    const [row] = await this.rows(
      `INSERT INTO sources (name, kind, url) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, url = coalesce(excluded.url, sources.url) RETURNING *`,
      [name, kind, url],
    );
    return rowToSource(row as Row);
  }

  async listSources(): Promise<SourceRecord[]> {
    return (await this.rows('SELECT * FROM sources ORDER BY name COLLATE "C"')).map(rowToSource);
  }

  async putIncident(incident: NewIncident): Promise<number> {
    return this.tx(async (c) => {
      const values = [incident.grade, incident.fatalitiesLow, incident.fatalitiesBest, incident.fatalitiesHigh];
      let id: number;
      if (incident.id === undefined) {
        const res = await c.query(
          `INSERT INTO incidents (grade, fatalities_low, fatalities_best, fatalities_high, updated_at)
           VALUES ($1, $2, $3, $4, now()) RETURNING id`,
          values,
        );
        id = (res.rows[0] as { id: number }).id;
      } else {
        id = incident.id;
        const res = await c.query(
          `UPDATE incidents SET grade = $1, fatalities_low = $2, fatalities_best = $3, fatalities_high = $4,
             updated_at = now() WHERE id = $5`,
          [...values, id],
        );
        if (res.rowCount === 0)
          throw new TruceError('E007_BAD_OPTION', { option: 'incident.id', reason: `no incident ${id}` });
        await c.query('DELETE FROM incident_events WHERE incident_id = $1', [id]);
      }
      const eventIds = [...new Set(incident.eventIds)];
      if (eventIds.length > 0)
        await c.query('INSERT INTO incident_events (incident_id, event_id) SELECT $1, unnest($2::bigint[])', [
          id,
          eventIds,
        ]);
      return id;
    });
  }

  async getIncident(id: number): Promise<StoredIncident | null> {
    const [row] = await this.rows('SELECT * FROM incidents WHERE id = $1', [id]);
    if (!row) return null;
    const links = await this.rows('SELECT event_id FROM incident_events WHERE incident_id = $1 ORDER BY event_id', [
      id,
    ]);
    return rowToIncident(
      row,
      links.map((l) => Number(l.event_id)),
    );
  }

  async listIncidents(filter: { grade?: IncidentGrade; limit?: number } = {}): Promise<StoredIncident[]> {
    const limit = clampLimit(filter.limit, 1000);
    const rows = await this.rows(
      'SELECT * FROM incidents WHERE ($1::text IS NULL OR grade = $1) ORDER BY id LIMIT $2',
      [filter.grade ?? null, limit],
    );
    if (rows.length === 0) return [];
    const links = linksByIncident(
      await this.rows(
        'SELECT incident_id, event_id FROM incident_events WHERE incident_id = ANY($1::bigint[]) ORDER BY incident_id, event_id',
        [rows.map((r) => Number(r.id))],
      ),
    );
    return rows.map((r) => rowToIncident(r, links.get(Number(r.id)) ?? []));
  }

  async deleteIncident(id: number): Promise<void> {
    await this.txs.conn().query('DELETE FROM incidents WHERE id = $1', [id]);
  }

  async quarantine(entry: NewQuarantine): Promise<number> {
    const [row] = await this.rows(
      'INSERT INTO quarantine (what, reason, detail, created_at) VALUES ($1, $2, $3, now()) RETURNING id',
      [entry.what, entry.reason, entry.detail ?? null],
    );
    return Number(row?.id);
  }

  async listQuarantine(options: { limit?: number } = {}): Promise<QuarantineEntry[]> {
    return (await this.rows('SELECT * FROM quarantine ORDER BY id LIMIT $1', [clampLimit(options.limit, 1000)])).map(
      rowToQuarantine,
    );
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
