/**
 * The store the services use. Async from the start so the embedded SQLite store and the
 * PostgreSQL server store satisfy the same contract (test/contract/store.contract.ts, ADR 0003).
 */
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
} from './types.js';
import type { AccessStore } from './access.store.js';
import type { AccountStore } from './accounts.store.js';
import type { AuditStore } from './audit.store.js';
import type { ReviewStore } from './review.store.js';
import type { WatchlistStore } from './watchlist.store.js';
import type { IncidentStore } from './incident-queries.js';
import type { AgreementStore } from './agreements.store.js';

export interface SearchOptions {
  readonly limit?: number;
}

export interface Store {
  /** Which backend this is, for messages and ADR-documented differences. */
  readonly kind: 'sqlite' | 'postgres';

  /** Visibility-scoped reads of reports and events, and who restricted reports are shared with. */
  readonly access: AccessStore;
  /** Users, sessions, API tokens, invitations, password resets, the mail outbox. */
  readonly accounts: AccountStore;
  /** The append-only, hash-chained audit log. */
  readonly audit: AuditStore;
  /** Review states, the history of review moves, and comment threads. */
  readonly review: ReviewStore;
  /** What each user follows (zones, actors, incidents) and when they last looked. */
  readonly watchlist: WatchlistStore;

  /**
   * Runs `work` in ONE transaction: every call on this store (and its sub-stores) made from the
   * same async flow inside `work` commits with it or not at all, e.g. a change and its audit entry.
   * A nested call is a savepoint. Keep slow work (analysis, password hashing) outside: on SQLite,
   * other flows wait while a transaction is open.
   */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /** Incidents found by their events, as a whole or as one viewer may see them (incident-queries.ts). */
  readonly incidents: IncidentStore;
  /** Agreements uploaded through the API. */
  readonly agreements: AgreementStore;

  /**
   * Writes a report, its analysis and its events in ONE transaction, keyed by the content hash.
   * The same content again is a duplicate (nothing written) unless the analysis comes from a newer
   * pipeline version, which replaces the analysis and the events (status `reanalysed`).
   */
  putReport(report: NewReport, analysis: NewAnalysis, events: readonly NewReportEvent[]): Promise<PutReportResult>;
  getReport(id: number): Promise<StoredReport | null>;
  getReportByHash(contentHash: string): Promise<StoredReport | null>;
  getAnalysis(reportId: number): Promise<StoredAnalysis | null>;
  /** Links a syndicated copy or older version to its canonical report (null unlinks). */
  setCanonical(reportId: number, canonicalReportId: number | null): Promise<void>;
  /**
   * Keeps a report's MinHash signature (src/ingest/dedupe) and its LSH band keys (`bandKeys[b]` is
   * band b's key), replacing any earlier ones; an empty `bandKeys` makes it nobody's candidate.
   */
  putSignature(reportId: number, signature: Uint8Array, bandKeys: readonly number[]): Promise<void>;
  getSignature(reportId: number): Promise<Uint8Array | null>;
  /** Stored reports sharing at least one band key, most shared bands first (at most `limit`, 50). */
  findSignatureCandidates(bandKeys: readonly number[], limit?: number): Promise<SignatureCandidate[]>;
  /**
   * Full-text search over headline and body. The query language is small and the same on every
   * backend: words, "phrases", prefix*, AND, OR, NOT, parentheses (see search-query.ts).
   * A malformed query throws TruceError E007 naming the problem.
   */
  searchReports(query: string, options?: SearchOptions): Promise<ReportHit[]>;

  /** Imports dataset rows (ACLED, UCDP, GDELT) in one transaction; idempotent on (dataset, sourceId). */
  putImportedEvents(events: readonly NewImportedEvent[]): Promise<ImportResult>;
  /**
   * Runs `work` (putImportedEvents calls, quarantine entries) as ONE transaction, like `transaction`,
   * for loading many dataset rows: SQLite then builds the events indexes and R*Tree once before the
   * commit instead of row by row (ADR 0007). Other writers wait while it is open.
   */
  bulkLoad<T>(work: () => Promise<T>): Promise<T>;
  /** Events matching every filter given, ordered by id; `limit` defaults to 1000. */
  listEvents(filter?: EventFilter): Promise<StoredEvent[]>;
  /** Every matching event, fetched in pages so memory stays flat whatever the count (exports). */
  iterateEvents(filter?: EventFilter, pageSize?: number): AsyncIterable<StoredEvent>;
  countEvents(filter?: EventFilter): Promise<number>;

  putSource(name: string, kind?: SourceKind, url?: string | null): Promise<SourceRecord>;
  listSources(): Promise<SourceRecord[]>;

  /** Creates an incident, or replaces one (grade, fatalities and links) when `id` is given. */
  putIncident(incident: NewIncident): Promise<number>;
  getIncident(id: number): Promise<StoredIncident | null>;
  listIncidents(filter?: { grade?: IncidentGrade; limit?: number }): Promise<StoredIncident[]>;
  deleteIncident(id: number): Promise<void>;

  quarantine(entry: NewQuarantine): Promise<number>;
  listQuarantine(options?: { limit?: number }): Promise<QuarantineEntry[]>;

  close(): Promise<void>;
}

export type * from './types.js';
export type * from './access.store.js';
export type * from './accounts.store.js';
export type * from './audit.store.js';
export type * from './review.store.js';
export type * from './watchlist.store.js';
export type * from './incident-queries.js';
export type * from './agreements.store.js';
