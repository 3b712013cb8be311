/** The JSON shapes of reports and events that leave the server. */
import type { Scope } from '../../auth/principal.js';
import type { ReportSummary, StoredAnalysis, StoredEvent, StoredReport } from '../../store/store.js';

export function presentReportSummary(r: ReportSummary) {
  return {
    id: r.id,
    headline: r.headline,
    published: r.published,
    source: r.sourceName,
    visibility: r.visibility,
    ingestedAt: r.ingestedAt,
  };
}

/** Who a report is shared with is itself protected: only those who see everything learn it. */
export function presentReport(r: StoredReport, a: StoredAnalysis | null, sharedWith: string[], scope: Scope) {
  return {
    id: r.id,
    url: r.url,
    published: r.published,
    source: r.sourceName,
    mediaType: r.mediaType,
    visibility: r.visibility,
    ...(scope.all ? { sharedWith } : {}),
    canonicalReportId: r.canonicalReportId,
    ingestedAt: r.ingestedAt,
    pipelineVersion: a?.pipelineVersion ?? null,
    analysis: a?.analysis ?? null,
  };
}

export function presentEvent(e: StoredEvent) {
  const { provenance, ...fields } = e;
  return {
    ...fields,
    provenance:
      provenance.kind === 'import'
        ? { kind: 'import' as const, dataset: provenance.dataset, sourceId: provenance.sourceId }
        : { kind: provenance.kind, reportId: provenance.reportId, start: provenance.start, end: provenance.end },
  };
}
