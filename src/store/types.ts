/**
 * The rows the store keeps, as zod schemas with their types inferred, so the check and the type
 * cannot drift. Event fields are the Analysis contract's (src/core/analysis.ts), plus provenance.
 */
import { z } from 'zod';
import { AnalysisSchema, type Analysis, type AnalysisEvent } from '../core/analysis.js';
import { EVENT_TYPE_NAMES } from '../core/taxonomy.js';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** Who may see a report (source protection); services decide what each role is entitled to. */
export const VISIBILITIES = ['public', 'monitors', 'restricted'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const SOURCE_KINDS = ['news', 'monitor', 'feed', 'dataset', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Airwars-style grades (issue 3); `confirmed` is set by a monitor's review. */
export const INCIDENT_GRADES = ['single_source', 'corroborated', 'contested', 'confirmed'] as const;
export type IncidentGrade = (typeof INCIDENT_GRADES)[number];

export const NewReportSchema = z.strictObject({
  raw: z.string(),
  mediaType: z.enum(['text/plain', 'text/html']),
  url: z.string().nullable().default(null),
  published: isoDay.nullable().default(null),
  sourceName: z.string().min(1).nullable().default(null),
  visibility: z.enum(VISIBILITIES).default('public'),
});
export type NewReport = z.input<typeof NewReportSchema>;

export interface StoredReport {
  readonly id: number;
  /** sha256 of `raw` as UTF-8, lower-case hex: the idempotency key. */
  readonly contentHash: string;
  readonly raw: string;
  readonly mediaType: 'text/plain' | 'text/html';
  readonly url: string | null;
  readonly published: string | null;
  readonly sourceName: string | null;
  /** The report this one is a syndicated copy or an older version of; null when it is canonical. */
  readonly canonicalReportId: number | null;
  readonly visibility: Visibility;
  readonly ingestedAt: string;
}

export interface NewAnalysis {
  /** Version of the reading pipeline that produced the analysis, dotted numbers (e.g. "0.3.1"). */
  readonly pipelineVersion: string;
  readonly analysis: Analysis;
}

export interface StoredAnalysis extends NewAnalysis {
  readonly reportId: number;
  readonly analysedAt: string;
}

/** The ACLED fields every stored event has, whatever its origin. */
export type EventFields = Omit<AnalysisEvent, 'start' | 'end'>;

/** An event extracted from a report: the analysis event, with its span in the cleaned body. */
export type NewReportEvent = AnalysisEvent;

export const ImportProvenanceSchema = z.strictObject({
  kind: z.literal('import'),
  /** The dataset the row came from: acled, ucdp, gdelt ... */
  dataset: z.string().min(1),
  file: z.string().min(1),
  /** 1-based data row in the file (header excluded). */
  row: z.number().int().positive(),
  /** The dataset's own id, e.g. ACLED event_id_cnty; the idempotency key of an import. */
  sourceId: z.string().min(1),
});
export type ImportProvenance = z.infer<typeof ImportProvenanceSchema>;

export interface ReportProvenance {
  readonly kind: 'report';
  readonly reportId: number;
  readonly pipelineVersion: string;
  readonly start: number;
  readonly end: number;
}

/**
 * An event a monitor entered through the field report form (services/field-report.service.ts): it
 * belongs to the report made from the form's fields (so it has that report's visibility) and its
 * span is the sentence of that report that states it.
 */
export interface FieldReportProvenance extends Omit<ReportProvenance, 'kind'> {
  readonly kind: 'field_report';
}

/** The pipeline version under which a field report's analysis is kept (never re-read by the NLP). */
export const FIELD_REPORT_PIPELINE = 'field-report-1';

export type Provenance = ReportProvenance | FieldReportProvenance | ImportProvenance;

/**
 * The report an event belongs to (read from it, or entered with it), null for a dataset row. Use
 * this rather than testing `kind === 'report'`, so a check of the report's visibility cannot miss
 * a field report.
 */
export function reportIdOf(p: Provenance): number | null {
  return p.kind === 'import' ? null : p.reportId;
}

export interface NewImportedEvent extends EventFields {
  readonly provenance: ImportProvenance;
}

export interface StoredEvent extends EventFields {
  readonly id: number;
  readonly provenance: Provenance;
}

export interface PutReportResult {
  readonly id: number;
  /** new: first time seen; duplicate: same content already stored, nothing written;
   *  reanalysed: same content, newer pipeline version, analysis and events replaced. */
  readonly status: 'new' | 'duplicate' | 'reanalysed';
}

export interface ImportResult {
  readonly inserted: number;
  /** Rows whose (dataset, sourceId) was already stored: skipped, not duplicated. */
  readonly duplicates: number;
}

export interface SourceRecord {
  readonly id: number;
  readonly name: string;
  readonly kind: SourceKind;
  readonly url: string | null;
}

export interface NewIncident {
  /** Give an id to replace that incident (grade, fatalities, links); omit it to create one. */
  readonly id?: number;
  readonly grade: IncidentGrade;
  readonly fatalitiesLow: number | null;
  readonly fatalitiesBest: number | null;
  readonly fatalitiesHigh: number | null;
  readonly eventIds: readonly number[];
}

export interface StoredIncident extends Required<Omit<NewIncident, 'eventIds'>> {
  readonly eventIds: readonly number[];
  readonly updatedAt: string;
}

export interface NewQuarantine {
  /** What was set aside, e.g. "export.csv row 17" or a file path. */
  readonly what: string;
  readonly reason: string;
  /** The offending content or an excerpt of it, if any. */
  readonly detail?: string | null;
}

export interface QuarantineEntry extends NewQuarantine {
  readonly id: number;
  readonly detail: string | null;
  readonly createdAt: string;
}

export interface ReportHit {
  readonly id: number;
  readonly headline: string | null;
  readonly published: string | null;
  readonly sourceName: string | null;
  /** Higher is better; only the order is meaningful, not the scale (it differs by backend). */
  readonly score: number;
}

const lat = z.number().min(-90).max(90);
const lon = z.number().min(-180).max(180);

export const EventFilterSchema = z.strictObject({
  from: isoDay.optional(),
  to: isoDay.optional(),
  eventType: z.enum(EVENT_TYPE_NAMES as [string, ...string[]]).optional(),
  /** Case-insensitive substring of any of actor1, assoc_actor_1, actor2, assoc_actor_2. */
  actor: z.string().min(1).max(200).optional(),
  /** West, south, east, north in degrees; west > east crosses the antimeridian. */
  bbox: z.strictObject({ west: lon, south: lat, east: lon, north: lat }).optional(),
  near: z.strictObject({ lat, lon, km: z.number().positive().max(20_000) }).optional(),
  reportId: z.number().int().positive().optional(),
  /** Keyset paging: only events with a larger id. Results are ordered by id. */
  afterId: z.number().int().nonnegative().optional(),
  limit: z.number().int().positive().max(100_000).optional(),
});
export type EventFilter = z.input<typeof EventFilterSchema>;

export { AnalysisSchema };

/** A stored report that shares LSH bands with a signature: a near-duplicate candidate. */
export interface SignatureCandidate {
  readonly reportId: number;
  /** The report it is already linked to as a copy or version; null when it is canonical. */
  readonly canonicalReportId: number | null;
  readonly signature: Uint8Array;
  /** How many bands it shares with the probe (more = likelier a duplicate). */
  readonly sharedBands: number;
}
