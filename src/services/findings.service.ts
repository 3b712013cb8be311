/**
 * Use case: findings, the judgement of each incident against each term of an agreement, as one
 * viewer may see them. Only the incidents and events the viewer may see are judged, so a count, an
 * explanation or a quoted sentence never comes from a report hidden from them.
 *
 * A finding's id is `<agreementId>:<termId>:<subject>`: the subject is the incident id, `e<eventId>`
 * for an event in no incident, or `term` for a finding about the whole term (a deadline passed).
 */
import { parseIsoDay, type IsoDay } from '../core/date.js';
import { TruceError } from '../core/errors.js';
import type { ReviewState, Store, ViewScope } from '../store/store.js';
import type { CompiledAgreement } from '../terms/agreement.js';
import { assess, type Assessment } from '../terms/assess.js';
import { STATUSES, type Finding, type Status } from '../terms/finding.js';
import type { AssessableIncident } from '../terms/incident.js';
import { judge } from '../terms/judge.js';
import { instantToLocalDay } from '../terms/time.js';
import type { AgreementCatalog } from './agreement.service.js';
import { loadIncidents, toAssessable, toAssessableEvent } from './assess.service.js';
import { scopeIncidents } from './incidents.service.js';

/** The statuses a finding may have (for request schemas). */
export { STATUSES };

export interface FindingView {
  readonly id: string;
  readonly agreementId: string;
  readonly term: { readonly id: string; readonly kind: Finding['term_kind']; readonly title: string };
  /** The party whose act it is; `answerable` is who answers for it (a guarantor, or the party). */
  readonly party: string | null;
  readonly answerable: string | null;
  /** Parties that could have done it when the perpetrator is unidentified. */
  readonly candidates: readonly string[];
  /** Our incident id; null for an event in no incident or a finding about the whole term. */
  readonly incidentId: number | null;
  /** Our ids of the events judged (only those the viewer may see). */
  readonly eventIds: readonly number[];
  /** The sources' own ids (ACLED event_id_cnty ...) or `event:<id>`. */
  readonly sourceIds: readonly string[];
  readonly status: Status;
  readonly confidence: number;
  readonly reasons: readonly string[];
  readonly explanation: string;
  readonly evidence: readonly { readonly text: string; readonly source: string | null }[];
  /** The local day it counts on. */
  readonly day: string | null;
  readonly reviewState: ReviewState;
}

export interface Period {
  readonly from?: string;
  readonly to?: string;
}

export interface FindingQuery extends Period {
  readonly party?: string;
  readonly term?: string;
  /** Default: every status but not_covered. */
  readonly status?: Status;
  readonly review?: ReviewState;
  readonly limit?: number;
  readonly offset?: number;
}

/** An assessment as one viewer may see it, with the incidents it judged. */
export interface ScopedAssessment {
  readonly agreement: CompiledAgreement;
  readonly assessment: Assessment;
  readonly incidents: ReadonlyMap<string, AssessableIncident>;
  /** Each finding as it leaves the service (review states included), in the assessment's order. */
  readonly findings: readonly FindingView[];
}

const ID = /^([a-z0-9][a-z0-9-]*):([a-z0-9][a-z0-9-]*):(\d{1,15}|e\d{1,15}|term)$/;

/** The subject part of a finding id for the judgement's incident id. */
function subjectOf(incidentId: string | null): string {
  if (incidentId === null) return 'term';
  const [kind, n] = incidentId.split(':');
  return kind === 'event' ? `e${n}` : (n as string);
}

export function findingId(agreementId: string, f: Pick<Finding, 'term_id' | 'incident_id'>): string {
  return `${agreementId}:${f.term_id}:${subjectOf(f.incident_id)}`;
}

export function parseFindingId(id: string): { agreementId: string; termId: string; subject: string } | null {
  const m = ID.exec(id);
  return m ? { agreementId: m[1]!, termId: m[2]!, subject: m[3]! } : null;
}

function day(field: string, value: string | undefined): IsoDay | undefined {
  if (value === undefined) return undefined;
  const d = parseIsoDay(value);
  if (!d) throw new TruceError('E006_BAD_DATE', { field, value });
  return d;
}

export function parsePeriod(p: Period): { from?: IsoDay; to?: IsoDay } {
  const from = day('from', p.from);
  const to = day('to', p.to);
  if (from && to && from > to)
    throw new TruceError('E007_BAD_OPTION', { option: 'from/to', reason: `${from} is after ${to}` });
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

const eventNumber = (assessableId: string) => Number(assessableId.split(':')[1]);

export class FindingsService {
  constructor(
    private readonly store: Store,
    private readonly catalog: AgreementCatalog,
  ) {}

  /** Presents judgements with their ids and review states. */
  async present(ca: CompiledAgreement, list: readonly Finding[], incidents: ReadonlyMap<string, AssessableIncident>) {
    const agreementId = ca.agreement.id;
    const ids = list.map((f) => findingId(agreementId, f));
    const states = await this.store.incidents.reviewStates('finding', ids);
    const titles = new Map(ca.agreement.terms.map((t) => [t.id, t.title]));
    return list.map((f, i): FindingView => {
      const id = ids[i]!;
      const inc = f.incident_id === null ? undefined : incidents.get(f.incident_id);
      return {
        id,
        agreementId,
        term: { id: f.term_id, kind: f.term_kind, title: titles.get(f.term_id) ?? f.term_id },
        party: f.party,
        answerable: f.answerable,
        candidates: f.candidates,
        incidentId: f.incident_id?.startsWith('incident:') ? Number(f.incident_id.slice(9)) : null,
        eventIds: inc ? inc.events.map((e) => eventNumber(e.id)) : [],
        sourceIds: f.event_ids,
        status: f.status,
        confidence: f.confidence,
        reasons: f.reasons,
        explanation: f.explanation,
        evidence: f.evidence,
        day: f.day,
        reviewState: states.get(id) ?? 'machine',
      };
    });
  }

  /** The whole assessment of what the scope may see, over the period (default: from the effective day). */
  async assessment(scope: ViewScope, agreementId: string, period: Period = {}): Promise<ScopedAssessment> {
    const ca = await this.catalog.get(agreementId);
    const { from, to } = parsePeriod(period);
    // Nothing before the agreement took effect can be judged: read from its first day at most.
    const first = from ?? instantToLocalDay(ca.effectiveFrom, ca.timeZone);
    const judged = await loadIncidents(this.store, first, to, scope);
    const assessment = assess(ca, judged, { from, to });
    const incidents = new Map(judged.map((i) => [i.id, i]));
    return { agreement: ca, assessment, incidents, findings: await this.present(ca, assessment.findings, incidents) };
  }

  /** Findings filtered and paged, newest first. */
  async list(scope: ViewScope, agreementId: string, q: FindingQuery = {}) {
    if (q.status !== undefined && !(STATUSES as readonly string[]).includes(q.status))
      throw new TruceError('E007_BAD_OPTION', { option: 'status', reason: `expected one of ${STATUSES.join(', ')}` });
    const { agreement, findings } = await this.assessment(scope, agreementId, q);
    if (q.term !== undefined && !agreement.agreement.terms.some((t) => t.id === q.term))
      throw new TruceError('E007_BAD_OPTION', {
        option: 'term',
        reason: `agreement ${agreementId} has no term "${q.term}" (terms: ${agreement.agreement.terms.map((t) => t.id).join(', ')})`,
      });
    if (q.party !== undefined && !agreement.partyById.has(q.party))
      throw new TruceError('E007_BAD_OPTION', {
        option: 'party',
        reason: `agreement ${agreementId} has no party "${q.party}" (parties: ${agreement.parties.map((p) => p.id).join(', ')})`,
      });
    const matching = findings
      .filter((f) => (q.status === undefined ? f.status !== 'not_covered' : f.status === q.status))
      .filter((f) => q.term === undefined || f.term.id === q.term)
      .filter((f) => q.party === undefined || f.party === q.party || f.answerable === q.party)
      .filter((f) => q.review === undefined || f.reviewState === q.review)
      .sort((a, b) => cmp(b.day ?? '', a.day ?? '') || cmp(a.id, b.id));
    const offset = q.offset ?? 0;
    const limit = q.limit ?? 100;
    return { items: matching.slice(offset, offset + limit), total: matching.length, agreement };
  }

  /** The findings for one incident the scope sees, under an agreement (not_covered left out). */
  async forIncident(scope: ViewScope, incidentId: number, agreementId?: string): Promise<FindingView[]> {
    const ca = agreementId === undefined ? await this.catalog.active() : await this.catalog.get(agreementId);
    const found = await this.store.incidents.getVisibleIncident(scope, incidentId);
    if (!found) return [];
    const [scoped] = await scopeIncidents(this.store, [found]);
    if (!scoped) return [];
    const inc = toAssessable(scoped);
    const judged = ca.agreement.terms.map((t) => judge(ca, t, inc)).filter((f) => f.status !== 'not_covered');
    return this.present(ca, judged, new Map([[inc.id, inc]]));
  }

  /**
   * One finding by id as the scope sees it; E022 (404) when the id is malformed, its agreement, term
   * or subject is unknown, or the viewer may not see the incident or event it is about.
   */
  async get(scope: ViewScope, id: string): Promise<FindingView> {
    const notFound = () => new TruceError('E022_NOT_FOUND', { what: `Finding ${id}` });
    const parsed = parseFindingId(id);
    if (!parsed) throw notFound();
    const ca = await this.catalog.get(parsed.agreementId).catch(() => {
      throw notFound();
    });
    const term = ca.agreement.terms.find((t) => t.id === parsed.termId);
    if (!term) throw notFound();
    if (parsed.subject === 'term') {
      const { findings } = await this.assessment(scope, parsed.agreementId);
      const f = findings.find((x) => x.id === id);
      if (!f) throw notFound();
      return f;
    }
    const inc = await this.assessableSubject(scope, parsed.subject);
    if (!inc) throw notFound();
    const [view] = await this.present(ca, [judge(ca, term, inc)], new Map([[inc.id, inc]]));
    return view!;
  }

  /** The incident (or lone event) a finding id names, as the scope sees it; null when it may not. */
  private async assessableSubject(scope: ViewScope, subject: string): Promise<AssessableIncident | null> {
    if (!subject.startsWith('e')) {
      const found = await this.store.incidents.getVisibleIncident(scope, Number(subject));
      const [scoped] = found ? await scopeIncidents(this.store, [found]) : [];
      return scoped ? toAssessable(scoped) : null;
    }
    const eventId = Number(subject.slice(1));
    const [e] = await this.store.incidents.getEvents([eventId]);
    if (!e) return null;
    if (e.provenance.kind !== 'import' && !(await this.store.access.canSee(e.provenance.reportId, scope))) return null;
    // An event that belongs to an incident is judged with it, under the incident's id.
    if ((await this.store.incidents.incidentIdsOfEvents([eventId])).length > 0) return null;
    return { id: `event:${e.id}`, grade: 'single_source', events: [toAssessableEvent(e)] };
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
