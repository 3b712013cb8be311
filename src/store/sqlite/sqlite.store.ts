/**
 * The embedded store: one SQLite file through better-sqlite3 (synchronous, so each write is one
 * transaction that no other code can interleave with). Methods return Promises to satisfy the
 * async Store contract shared with PostgreSQL (docs/adr/0003-store.md).
 */
import Database from 'better-sqlite3';
import { TruceError } from '../../core/errors.js';
import { eventValues, eventWhere, EVENT_COLUMNS, rowToEvent } from '../event-sql.js';
import { compareVersions, contentHash } from '../identity.js';
import { loadMigrations, pendingMigrations, type AppliedMigration } from '../migrations.js';
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
import { parseSearchQuery, toFts5 } from '../search-query.js';
import type { SearchOptions, Store } from '../store.js';
import { SubStores } from '../sub-stores.js';
import { sqliteRunner } from '../sql-runner.js';
import { SqliteTransactions } from '../transaction.js';
import { createImportWriter, type ImportWriter } from './import-writer.js';
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

export interface SqliteStoreOptions {
  /** File path, or ':memory:' for a throwaway store. */
  readonly path: string;
  /** FULL (default) survives power loss; NORMAL survives a killed process and is faster. */
  readonly synchronous?: 'FULL' | 'NORMAL';
}

type Row = Record<string, unknown>;

const REPORT_SELECT = `SELECT r.*, s.name AS source_name FROM reports r LEFT JOIN sources s ON s.id = r.source_id`;
const INSERT_EVENT = `INSERT INTO events (${EVENT_COLUMNS.join(', ')}) VALUES (${EVENT_COLUMNS.map(() => '?').join(', ')})`;

/** Opens (creating if needed) and migrates a SQLite store. */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<SqliteStore> {
  const db = new Database(options.path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`synchronous = ${options.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return new SqliteStore(db);
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const all = loadMigrations('sqlite');
  const apply = db.transaction(() => {
    const applied = db.prepare('SELECT version, checksum FROM schema_migrations').all() as AppliedMigration[];
    const record = db.prepare(
      'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)',
    );
    for (const m of pendingMigrations(all, applied)) {
      db.exec(m.sql);
      record.run(m.version, m.name, m.checksum, new Date().toISOString());
    }
  });
  apply.immediate();
}

export class SqliteStore extends SubStores implements Store {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly txs: SqliteTransactions;
  private readonly stmt: ReturnType<typeof prepare>;
  private importWriter: ImportWriter | undefined;

  constructor(db: Database.Database) {
    const txs = new SqliteTransactions(db);
    super(sqliteRunner(db, txs));
    this.db = db;
    this.stmt = prepare(db);
    this.txs = txs;
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.txs.run(work);
  }

  /** The underlying connection, for benchmarks and query-plan checks only. */
  get connection(): Database.Database {
    return this.db;
  }

  async putReport(
    report: NewReport,
    analysis: NewAnalysis,
    events: readonly NewReportEvent[],
  ): Promise<PutReportResult> {
    await this.txs.ready();
    const r = parseReport(report, analysis);
    const hash = contentHash(r.raw);
    const s = this.stmt;
    const now = new Date().toISOString();
    const writeAnalysis = (id: number): void => {
      s.upsertAnalysis.run(id, analysis.pipelineVersion, JSON.stringify(analysis.analysis), now);
      s.deleteFts.run(id);
      s.insertFts.run(id, analysis.analysis.report.headline, analysis.analysis.report.body);
      const provenance = (e: NewReportEvent) =>
        ({
          kind: 'report',
          reportId: id,
          pipelineVersion: analysis.pipelineVersion,
          start: e.start,
          end: e.end,
        }) as const;
      for (const e of events) s.insertEvent.run(...eventValues(e, provenance(e)));
    };
    const write = this.db.transaction((): PutReportResult => {
      const existing = s.reportIdByHash.get(hash) as { id: number; version: string | null } | undefined;
      if (existing) {
        if (existing.version !== null && compareVersions(analysis.pipelineVersion, existing.version) <= 0)
          return { id: existing.id, status: 'duplicate' };
        s.deleteEventsOfReport.run(existing.id);
        writeAnalysis(existing.id);
        return { id: existing.id, status: 'reanalysed' };
      }
      const sourceId = r.sourceName === null ? null : (s.sourceIdFor.get(r.sourceName) as { id: number }).id;
      const { id } = s.insertReport.get(hash, r.raw, r.mediaType, r.url, r.published, sourceId, r.visibility, now) as {
        id: number;
      };
      writeAnalysis(id);
      return { id, status: 'new' };
    });
    return write.immediate();
  }

  async getReport(id: number): Promise<StoredReport | null> {
    await this.txs.ready();
    const row = this.stmt.reportById.get(id) as Row | undefined;
    return row ? rowToReport(row) : null;
  }

  async getReportByHash(hash: string): Promise<StoredReport | null> {
    await this.txs.ready();
    const row = this.stmt.reportByHash.get(hash) as Row | undefined;
    return row ? rowToReport(row) : null;
  }

  async getAnalysis(reportId: number): Promise<StoredAnalysis | null> {
    await this.txs.ready();
    const row = this.stmt.analysisOf.get(reportId) as Row | undefined;
    if (!row) return null;
    return rowToAnalysis(reportId, row, JSON.parse(row.analysis as string));
  }

  async setCanonical(reportId: number, canonicalReportId: number | null): Promise<void> {
    await this.txs.ready();
    checkCanonical(reportId, canonicalReportId);
    const info = this.stmt.setCanonical.run(canonicalReportId, reportId);
    if (info.changes === 0)
      throw new TruceError('E007_BAD_OPTION', { option: 'reportId', reason: `no report ${reportId}` });
  }

  async putSignature(reportId: number, signature: Uint8Array, bandKeys: readonly number[]): Promise<void> {
    await this.txs.ready();
    const s = this.stmt;
    const write = this.db.transaction(() => {
      s.upsertSignature.run(reportId, Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength));
      s.deleteBands.run(reportId);
      bandKeys.forEach((key, band) => s.insertBand.run(band, key, reportId));
    });
    write.immediate();
  }

  async getSignature(reportId: number): Promise<Uint8Array | null> {
    await this.txs.ready();
    const row = this.stmt.signatureOf.get(reportId) as { signature: Buffer } | undefined;
    return row ? new Uint8Array(row.signature) : null;
  }

  async findSignatureCandidates(bandKeys: readonly number[], limit?: number): Promise<SignatureCandidate[]> {
    await this.txs.ready();
    if (bandKeys.length === 0) return [];
    const rows = this.stmt.signatureCandidates.all(JSON.stringify(bandKeys), clampLimit(limit, 50)) as Row[];
    return rows.map(rowToCandidate);
  }

  async searchReports(query: string, options: SearchOptions = {}): Promise<ReportHit[]> {
    await this.txs.ready();
    const match = toFts5(parseSearchQuery(query));
    const limit = clampLimit(options.limit, 50);
    let rows: Row[];
    try {
      rows = this.stmt.search.all(match, limit) as Row[];
    } catch (error) {
      // The rendered query is always valid FTS5; this is a guard, not a path users should meet.
      throw new TruceError('E007_BAD_OPTION', { option: 'search query', reason: (error as Error).message });
    }
    return rows.map(rowToHit);
  }

  async putImportedEvents(events: readonly NewImportedEvent[]): Promise<ImportResult> {
    await this.txs.ready();
    this.importWriter ??= createImportWriter(this.db);
    return this.importWriter.write(events);
  }

  /** One transaction; a large import builds the events indexes and R*Tree at its end (import-writer.ts). */
  bulkLoad<T>(work: () => Promise<T>): Promise<T> {
    return this.txs.run(() => (this.importWriter ??= createImportWriter(this.db)).load(work));
  }

  async listEvents(filter: EventFilter = {}): Promise<StoredEvent[]> {
    await this.txs.ready();
    const w = eventWhere(filter, 'sqlite', 1000);
    const rows = this.db.prepare(`SELECT e.* FROM events e ${w.sql} ORDER BY e.id LIMIT ?`).all(...w.params, w.limit);
    return (rows as Row[]).map(rowToEvent);
  }

  iterateEvents(filter: EventFilter = {}, pageSize = 1000): AsyncIterable<StoredEvent> {
    return pageEvents((f) => this.listEvents(f), filter, pageSize);
  }

  async countEvents(filter: EventFilter = {}): Promise<number> {
    await this.txs.ready();
    const w = eventWhere({ ...filter, limit: undefined }, 'sqlite', null);
    const row = this.db.prepare(`SELECT count(*) AS n FROM events e ${w.sql}`).get(...w.params) as { n: number };
    return row.n;
  }

  async putSource(name: string, kind: SourceKind = 'news', url: string | null = null): Promise<SourceRecord> {
    await this.txs.ready();
    return rowToSource(this.stmt.upsertSource.get(name, kind, url) as Row);
  }

  async listSources(): Promise<SourceRecord[]> {
    await this.txs.ready();
    return (this.stmt.listSources.all() as Row[]).map(rowToSource);
  }

  async putIncident(incident: NewIncident): Promise<number> {
    await this.txs.ready();
    const s = this.stmt;
    const write = this.db.transaction((): number => {
      const values = [incident.grade, incident.fatalitiesLow, incident.fatalitiesBest, incident.fatalitiesHigh];
      const now = new Date().toISOString();
      let id: number;
      if (incident.id === undefined) {
        id = (s.insertIncident.get(...values, now) as { id: number }).id;
      } else {
        id = incident.id;
        if (s.updateIncident.run(...values, now, id).changes === 0)
          throw new TruceError('E007_BAD_OPTION', { option: 'incident.id', reason: `no incident ${id}` });
        s.deleteLinks.run(id);
      }
      for (const eventId of new Set(incident.eventIds)) s.insertLink.run(id, eventId);
      return id;
    });
    return write.immediate();
  }

  async getIncident(id: number): Promise<StoredIncident | null> {
    await this.txs.ready();
    const row = this.stmt.incidentById.get(id) as Row | undefined;
    if (!row) return null;
    const links = this.stmt.linksOf.all(id) as { event_id: number }[];
    return rowToIncident(
      row,
      links.map((l) => l.event_id),
    );
  }

  async listIncidents(filter: { grade?: IncidentGrade; limit?: number } = {}): Promise<StoredIncident[]> {
    await this.txs.ready();
    const limit = clampLimit(filter.limit, 1000);
    const rows = this.stmt.listIncidents.all(filter.grade ?? null, filter.grade ?? null, limit) as Row[];
    if (rows.length === 0) return [];
    const ids = rows.map((r) => Number(r.id));
    const linkRows = this.db
      .prepare(
        `SELECT incident_id, event_id FROM incident_events WHERE incident_id IN (${ids.map(() => '?').join(',')})
        ORDER BY incident_id, event_id`,
      )
      .all(...ids) as Row[];
    const links = linksByIncident(linkRows);
    return rows.map((r) => rowToIncident(r, links.get(Number(r.id)) ?? []));
  }

  async deleteIncident(id: number): Promise<void> {
    await this.txs.ready();
    this.stmt.deleteIncident.run(id);
  }

  async quarantine(entry: NewQuarantine): Promise<number> {
    await this.txs.ready();
    const row = this.stmt.insertQuarantine.get(
      entry.what,
      entry.reason,
      entry.detail ?? null,
      new Date().toISOString(),
    );
    return (row as { id: number }).id;
  }

  async listQuarantine(options: { limit?: number } = {}): Promise<QuarantineEntry[]> {
    await this.txs.ready();
    return (this.stmt.listQuarantine.all(clampLimit(options.limit, 1000)) as Row[]).map(rowToQuarantine);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** Every fixed statement, prepared once per connection. */
function prepare(db: Database.Database) {
  return {
    reportIdByHash: db.prepare(
      `SELECT r.id, a.pipeline_version AS version FROM reports r LEFT JOIN analyses a ON a.report_id = r.id
       WHERE r.content_hash = ?`,
    ),
    reportById: db.prepare(`${REPORT_SELECT} WHERE r.id = ?`),
    reportByHash: db.prepare(`${REPORT_SELECT} WHERE r.content_hash = ?`),
    insertReport: db.prepare(
      `INSERT INTO reports (content_hash, raw, media_type, url, published, source_id, visibility, ingested_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    ),
    setCanonical: db.prepare('UPDATE reports SET canonical_report_id = ? WHERE id = ?'),
    upsertAnalysis: db.prepare(
      `INSERT INTO analyses (report_id, pipeline_version, analysis, analysed_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (report_id) DO UPDATE SET pipeline_version = excluded.pipeline_version,
         analysis = excluded.analysis, analysed_at = excluded.analysed_at`,
    ),
    analysisOf: db.prepare('SELECT * FROM analyses WHERE report_id = ?'),
    deleteFts: db.prepare('DELETE FROM report_fts WHERE rowid = ?'),
    insertFts: db.prepare('INSERT INTO report_fts (rowid, headline, body) VALUES (?, ?, ?)'),
    search: db.prepare(
      `SELECT r.id, f.headline, r.published, s.name AS source_name, -bm25(report_fts, 2.0, 1.0) AS score
       FROM report_fts f JOIN reports r ON r.id = f.rowid LEFT JOIN sources s ON s.id = r.source_id
       WHERE report_fts MATCH ? ORDER BY bm25(report_fts, 2.0, 1.0), r.id LIMIT ?`,
    ),
    insertEvent: db.prepare(INSERT_EVENT),
    deleteEventsOfReport: db.prepare('DELETE FROM events WHERE report_id = ?'),
    sourceIdFor: db.prepare(
      `INSERT INTO sources (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id`,
    ),
    upsertSource: db.prepare(
      `INSERT INTO sources (name, kind, url) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, url = coalesce(excluded.url, sources.url)
       RETURNING *`,
    ),
    listSources: db.prepare('SELECT * FROM sources ORDER BY name'),
    insertIncident: db.prepare(
      `INSERT INTO incidents (grade, fatalities_low, fatalities_best, fatalities_high, updated_at)
       VALUES (?, ?, ?, ?, ?) RETURNING id`,
    ),
    updateIncident: db.prepare(
      `UPDATE incidents SET grade = ?, fatalities_low = ?, fatalities_best = ?, fatalities_high = ?, updated_at = ?
       WHERE id = ?`,
    ),
    incidentById: db.prepare('SELECT * FROM incidents WHERE id = ?'),
    listIncidents: db.prepare('SELECT * FROM incidents WHERE (? IS NULL OR grade = ?) ORDER BY id LIMIT ?'),
    deleteIncident: db.prepare('DELETE FROM incidents WHERE id = ?'),
    deleteLinks: db.prepare('DELETE FROM incident_events WHERE incident_id = ?'),
    insertLink: db.prepare('INSERT INTO incident_events (incident_id, event_id) VALUES (?, ?)'),
    linksOf: db.prepare('SELECT event_id FROM incident_events WHERE incident_id = ? ORDER BY event_id'),
    insertQuarantine: db.prepare(
      'INSERT INTO quarantine (what, reason, detail, created_at) VALUES (?, ?, ?, ?) RETURNING id',
    ),
    listQuarantine: db.prepare('SELECT * FROM quarantine ORDER BY id LIMIT ?'),
    upsertSignature: db.prepare(
      `INSERT INTO report_signatures (report_id, signature) VALUES (?, ?)
       ON CONFLICT (report_id) DO UPDATE SET signature = excluded.signature`,
    ),
    deleteBands: db.prepare('DELETE FROM report_bands WHERE report_id = ?'),
    insertBand: db.prepare('INSERT OR IGNORE INTO report_bands (band, band_key, report_id) VALUES (?, ?, ?)'),
    signatureOf: db.prepare('SELECT signature FROM report_signatures WHERE report_id = ?'),
    // json_each turns the probe's keys into (band = array index, key) rows joined on the band index.
    signatureCandidates: db.prepare(
      `SELECT b.report_id, count(*) AS shared, s.signature, r.canonical_report_id
       FROM json_each(?) j
       JOIN report_bands b ON b.band = j.key AND b.band_key = j.value
       JOIN report_signatures s ON s.report_id = b.report_id
       JOIN reports r ON r.id = b.report_id
       GROUP BY b.report_id ORDER BY shared DESC, b.report_id LIMIT ?`,
    ),
  };
}
