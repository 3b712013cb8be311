/** Input checks and row mapping shared by both backends, so both return identical objects. */
import { TruceError } from '../core/errors.js';
import {
  NewReportSchema,
  type NewAnalysis,
  type NewReport,
  type QuarantineEntry,
  type ReportHit,
  type SignatureCandidate,
  type SourceRecord,
  type StoredAnalysis,
  type StoredEvent,
  type StoredIncident,
  type StoredReport,
  type EventFilter,
} from './types.js';

type Row = Record<string, unknown>;
export type ParsedReport = ReturnType<typeof NewReportSchema.parse>;

/** Parses the report at the store's boundary; rejects NUL characters, which PostgreSQL text cannot hold. */
export function parseReport(report: NewReport, analysis: NewAnalysis): ParsedReport {
  const parsed = NewReportSchema.safeParse(report);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TruceError('E007_BAD_OPTION', {
      option: `report.${issue?.path.join('.')}`,
      reason: issue?.message ?? '',
    });
  }
  if (parsed.data.raw.includes('\u0000'))
    throw new TruceError('E004_INPUT_BINARY', { what: 'report', reason: 'it contains a NUL character' });
  if (!/^\S{1,64}$/.test(analysis.pipelineVersion))
    throw new TruceError('E007_BAD_OPTION', { option: 'pipelineVersion', reason: 'expected a short version string' });
  return parsed.data;
}

/** Timestamps leave the store as ISO strings whatever the driver returns. */
export function iso(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

function nullableNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

export function rowToReport(r: Row): StoredReport {
  return {
    id: Number(r.id),
    contentHash: r.content_hash as string,
    raw: r.raw as string,
    mediaType: r.media_type as StoredReport['mediaType'],
    url: (r.url as string | null) ?? null,
    published: (r.published as string | null) ?? null,
    sourceName: (r.source_name as string | null) ?? null,
    canonicalReportId: nullableNumber(r.canonical_report_id),
    visibility: r.visibility as StoredReport['visibility'],
    ingestedAt: iso(r.ingested_at),
  };
}

/** `analysis` is the row's analysis decoded (SQLite keeps JSON text, PostgreSQL JSONB). */
export function rowToAnalysis(reportId: number, r: Row, analysis: unknown): StoredAnalysis {
  return {
    reportId,
    pipelineVersion: r.pipeline_version as string,
    analysis: analysis as StoredAnalysis['analysis'],
    analysedAt: iso(r.analysed_at),
  };
}

/** A report may be linked to another as its copy, never to itself. */
export function checkCanonical(reportId: number, canonicalReportId: number | null): void {
  if (canonicalReportId === reportId)
    throw new TruceError('E007_BAD_OPTION', {
      option: 'canonicalReportId',
      reason: 'a report cannot be its own copy',
    });
}

export function rowToHit(r: Row): ReportHit {
  return {
    id: Number(r.id),
    headline: (r.headline as string | null) ?? null,
    published: (r.published as string | null) ?? null,
    sourceName: (r.source_name as string | null) ?? null,
    score: Number(r.score),
  };
}

export function rowToCandidate(r: Row): SignatureCandidate {
  return {
    reportId: Number(r.report_id),
    canonicalReportId: nullableNumber(r.canonical_report_id),
    signature: new Uint8Array(r.signature as Buffer),
    sharedBands: Number(r.shared),
  };
}

export function rowToSource(r: Row): SourceRecord {
  return {
    id: Number(r.id),
    name: r.name as string,
    kind: r.kind as SourceRecord['kind'],
    url: (r.url as string | null) ?? null,
  };
}

export function rowToIncident(r: Row, eventIds: readonly number[]): StoredIncident {
  return {
    id: Number(r.id),
    grade: r.grade as StoredIncident['grade'],
    fatalitiesLow: nullableNumber(r.fatalities_low),
    fatalitiesBest: nullableNumber(r.fatalities_best),
    fatalitiesHigh: nullableNumber(r.fatalities_high),
    eventIds,
    updatedAt: iso(r.updated_at),
  };
}

export function rowToQuarantine(r: Row): QuarantineEntry {
  return {
    id: Number(r.id),
    what: r.what as string,
    reason: r.reason as string,
    detail: (r.detail as string | null) ?? null,
    createdAt: iso(r.created_at),
  };
}

/** Groups (incident_id, event_id) rows by incident. */
export function linksByIncident(rows: readonly Row[]): Map<number, number[]> {
  const links = new Map<number, number[]>();
  for (const r of rows) {
    const id = Number(r.incident_id);
    const list = links.get(id) ?? [];
    list.push(Number(r.event_id));
    links.set(id, list);
  }
  return links;
}

/** Keyset pages over listEvents: no cursor is held open between pages, and memory stays flat. */
export async function* pageEvents(
  list: (filter: EventFilter) => Promise<StoredEvent[]>,
  filter: EventFilter,
  pageSize: number,
): AsyncGenerator<StoredEvent> {
  let afterId = filter.afterId ?? 0;
  let remaining = filter.limit ?? Number.POSITIVE_INFINITY;
  while (remaining > 0) {
    const size = Math.min(pageSize, remaining);
    const page = await list({ ...filter, afterId, limit: size });
    yield* page;
    const last = page.at(-1);
    if (page.length < size || last === undefined) return;
    afterId = last.id;
    remaining -= page.length;
  }
}

export function clampLimit(limit: number | undefined, fallback: number, max = 10_000): number {
  if (limit === undefined) return fallback;
  if (!Number.isInteger(limit) || limit < 1 || limit > max)
    throw new TruceError('E007_BAD_OPTION', { option: 'limit', reason: `expected a whole number from 1 to ${max}` });
  return limit;
}
