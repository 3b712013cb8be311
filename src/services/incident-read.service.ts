/**
 * Use case: the incidents one viewer may see, for the API and the dashboard: the list (filters as
 * `truce incidents`, plus the parties named under the active agreement and the review state) and one
 * incident with its visible events, their sources and evidence spans, its findings and review state.
 * Everything is computed from the events of reports the viewer may see (incidents.service.ts).
 */
import { TruceError } from '../core/errors.js';
import type { IncidentFilter } from '../store/incident-queries.js';
import type { ReviewState, Store, StoredEvent, ViewScope } from '../store/store.js';
import type { CompiledAgreement } from '../terms/agreement.js';
import { allParties } from '../terms/facts.js';
import type { AgreementCatalog } from './agreement.service.js';
import { toAssessableEvent } from './assess.service.js';
import type { FindingsService, FindingView } from './findings.service.js';
import { findScopedIncidents, scopeIncidents, type IncidentView, type ScopedIncident } from './incidents.service.js';

/** The most incidents a list looks at before party and review filters and paging. */
export const LIST_CAP = 10_000;

export interface IncidentQuery extends IncidentFilter {
  /** Only incidents naming this party (of the active agreement) among their actors. */
  readonly party?: string;
  readonly review?: ReviewState;
  readonly offset?: number;
}

export interface IncidentItem {
  readonly view: IncidentView;
  /** The event that speaks for the incident: the first asserted one, else the first. */
  readonly lead: StoredEvent;
  /** The best (smallest) ACLED time precision among the visible events. */
  readonly timePrecision: number | null;
  readonly parties: readonly string[];
  readonly reviewState: ReviewState;
}

export interface SourceReport {
  readonly id: number;
  readonly headline: string | null;
  readonly published: string | null;
  readonly url: string | null;
  readonly sourceName: string | null;
}

export interface IncidentDetail {
  readonly item: IncidentItem;
  readonly events: readonly StoredEvent[];
  readonly reports: ReadonlyMap<number, SourceReport>;
  readonly agreementId: string;
  readonly findings: readonly FindingView[];
  readonly review: { readonly state: ReviewState; readonly updatedAt: string | null };
}

export class IncidentReadService {
  constructor(
    private readonly store: Store,
    private readonly catalog: AgreementCatalog,
    private readonly findings: FindingsService,
  ) {}

  /** Newest first (last day, then id); `total` counts every match, `truncated` says the cap was hit. */
  async list(scope: ViewScope, q: IncidentQuery = {}) {
    const { party, review, offset = 0, limit = 100, ...filter } = q;
    const ca = await this.catalog.active();
    if (party !== undefined && !ca.partyById.has(party))
      throw new TruceError('E007_BAD_OPTION', {
        option: 'party',
        reason: `the active agreement ${ca.agreement.id} has no party "${party}" (parties: ${ca.parties.map((p) => p.id).join(', ')})`,
      });
    const found = await findScopedIncidents(this.store, scope, { ...filter, limit: LIST_CAP });
    const items = (await this.items(ca, found))
      .filter((i) => party === undefined || i.parties.includes(party))
      .filter((i) => review === undefined || i.reviewState === review)
      .sort((a, b) => cmp(b.view.last, a.view.last) || b.view.id - a.view.id);
    return {
      items: items.slice(offset, offset + limit),
      total: items.length,
      truncated: found.length >= LIST_CAP,
      agreementId: ca.agreement.id,
    };
  }

  /** One incident; E022 (404) when it is missing or holds no event the viewer may see. */
  async get(scope: ViewScope, id: number): Promise<IncidentDetail> {
    const found = await this.store.incidents.getVisibleIncident(scope, id);
    const [scoped] = found ? await scopeIncidents(this.store, [found]) : [];
    if (!scoped) throw new TruceError('E022_NOT_FOUND', { what: `Incident ${id}` });
    const ca = await this.catalog.active();
    const [item] = await this.items(ca, [scoped]);
    const reports = new Map<number, SourceReport>();
    for (const e of scoped.events) {
      const p = e.provenance;
      if (p.kind === 'import' || reports.has(p.reportId)) continue;
      const [r, a] = await Promise.all([this.store.getReport(p.reportId), this.store.getAnalysis(p.reportId)]);
      if (r)
        reports.set(r.id, {
          id: r.id,
          headline: a?.analysis.report.headline ?? null,
          published: r.published,
          url: r.url,
          sourceName: r.sourceName,
        });
    }
    const review = await this.store.review.getReview('incident', String(id));
    return {
      item: item!,
      events: scoped.events,
      reports,
      agreementId: ca.agreement.id,
      findings: await this.findings.forIncident(scope, id),
      review: { state: review?.state ?? 'machine', updatedAt: review?.updatedAt ?? null },
    };
  }

  private async items(ca: CompiledAgreement, scoped: readonly ScopedIncident[]): Promise<IncidentItem[]> {
    const states = await this.store.incidents.reviewStates(
      'incident',
      scoped.map((s) => String(s.view.id)),
    );
    return scoped.map((s) => {
      const parties = new Set(s.events.flatMap((e) => allParties(ca, toAssessableEvent(e)).map((p) => p.id)));
      const precisions = s.events.flatMap((e) => (e.time_precision === null ? [] : [e.time_precision]));
      return {
        view: s.view,
        lead: s.events.find((e) => e.modality === 'asserted') ?? s.events[0]!,
        timePrecision: precisions.length ? Math.min(...precisions) : null,
        parties: ca.parties.map((p) => p.id).filter((p) => parties.has(p)),
        reviewState: states.get(String(s.view.id)) ?? 'machine',
      };
    });
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
