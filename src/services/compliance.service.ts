/**
 * Use case: the compliance board of an agreement as one viewer may see it: per term and party the
 * findings by status and the latest violations; per day and party the incidents and violations (the
 * timeline); the run of days of reduced violence; the phase gates; the obligations.
 *
 * Computed only from what the viewer may see (findings.service.ts). Findings a monitor rejected, and
 * findings about an incident a monitor rejected, do not count: they are tallied apart.
 */
import type { IsoDay } from '../core/date.js';
import type { Store, ViewScope } from '../store/store.js';
import type { CompiledAgreement } from '../terms/agreement.js';
import { allParties } from '../terms/facts.js';
import type { Finding, Status } from '../terms/finding.js';
import { primaryEvent } from '../terms/judge.js';
import { dailyCounts, phaseStatus, type DayRow } from '../terms/over-time.js';
import { FindingsService, type FindingView, type Period } from './findings.service.js';

type Tally = Record<Exclude<Status, 'not_covered'>, number>;
const UNATTRIBUTED = 'unattributed';
const LATEST = 5;

export interface TimelineDay {
  readonly day: string;
  /** Per party: incidents naming the party among their actors, violations and possible ones. */
  readonly parties: Readonly<Record<string, { incidents: number; violations: number; possible: number }>>;
  readonly incidents: number;
  readonly unattributed: number;
  readonly reduced: boolean;
  readonly run: number;
}

const tally = (): Tally => ({ violation: 0, possible_violation: 0, permitted: 0 });
const counts = (status: Status): status is keyof Tally => status !== 'not_covered';

export class ComplianceService {
  constructor(
    private readonly store: Store,
    private readonly findings: FindingsService,
  ) {}

  async board(scope: ViewScope, agreementId: string, period: Period = {}) {
    const {
      agreement: ca,
      assessment,
      incidents,
      findings,
    } = await this.findings.assessment(scope, agreementId, period);
    const incidentIds = [...new Set(findings.flatMap((f) => (f.incidentId === null ? [] : [String(f.incidentId)])))];
    const rejectedIncidents = await this.store.incidents.reviewStates('incident', incidentIds);
    const rejected = (f: FindingView) =>
      f.reviewState === 'rejected' ||
      (f.incidentId !== null && rejectedIncidents.get(String(f.incidentId)) === 'rejected');
    const kept = assessment.findings.filter((_, i) => !rejected(findings[i]!));
    const keptViews = findings.filter((f) => !rejected(f));

    const daily = dailyCounts(ca, kept, assessment.period);
    const terms = ca.agreement.terms.map((t) => {
      const mine = keptViews.filter((f) => f.term.id === t.id && counts(f.status));
      const parties: Record<string, Tally> = {};
      for (const p of [...ca.parties.map((x) => x.id), UNATTRIBUTED]) parties[p] = tally();
      const total = tally();
      for (const f of mine) {
        if (!counts(f.status)) continue;
        total[f.status]++;
        parties[f.party ?? UNATTRIBUTED]![f.status]++;
      }
      return {
        id: t.id,
        title: t.title,
        kind: t.kind,
        total,
        parties,
        latest: mine
          .filter((f) => f.status === 'violation' || f.status === 'possible_violation')
          .sort((a, b) => cmp(b.day ?? '', a.day ?? '') || cmp(a.id, b.id))
          .slice(0, LATEST),
      };
    });
    const breaches = kept.filter((f) => f.term_kind !== 'permission');
    const byParty = ca.parties.map((p) => ({
      party: p.id,
      name: p.name,
      answerableTo: p.answerableTo,
      violation: breaches.filter((f) => f.party === p.id && f.status === 'violation').length,
      possibleViolation: breaches.filter((f) => f.party === p.id && f.status === 'possible_violation').length,
      candidate: breaches.filter(
        (f) => f.party === null && f.status === 'possible_violation' && f.candidates.includes(p.id),
      ).length,
    }));
    return {
      agreement: { id: ca.agreement.id, title: ca.agreement.title, timeZone: ca.timeZone },
      period: assessment.period,
      incidentsAssessed: assessment.incidents_assessed,
      headline: headline(kept),
      excludedByReview: findings.filter((f) => f.status !== 'not_covered' && rejected(f)).length,
      terms,
      parties: byParty,
      obligations: assessment.obligations,
      timeline: timeline(ca, daily, [...incidents.values()]),
      streak: streak(ca, daily),
      phases: ca.phases.map((ph) => phaseStatus(ca, daily, ph)),
    };
  }
}

function headline(findings: readonly Finding[]) {
  const breaches = findings.filter((f) => f.term_kind !== 'permission');
  return {
    violations: breaches.filter((f) => f.status === 'violation').length,
    possibleViolations: breaches.filter((f) => f.status === 'possible_violation').length,
    permitted: findings.filter((f) => f.term_kind === 'permission' && f.status === 'permitted').length,
    incidentsWithViolation: new Set(breaches.filter((f) => f.status === 'violation').map((f) => f.incident_id)).size,
  };
}

/** The per-day rows of the judgement, with the incidents of each day per party added. */
function timeline(
  ca: CompiledAgreement,
  daily: readonly DayRow[],
  judged: readonly Parameters<typeof primaryEvent>[0][],
): TimelineDay[] {
  const perDay = new Map<string, { total: number; parties: Map<string, number> }>();
  for (const inc of judged) {
    const d = primaryEvent(inc).date?.first;
    if (!d) continue;
    const row = perDay.get(d) ?? { total: 0, parties: new Map<string, number>() };
    row.total++;
    const named = new Set(inc.events.flatMap((e) => allParties(ca, e).map((p) => p.id)));
    for (const p of named) row.parties.set(p, (row.parties.get(p) ?? 0) + 1);
    perDay.set(d, row);
  }
  return daily.map((d) => {
    const here = perDay.get(d.day);
    const parties: Record<string, { incidents: number; violations: number; possible: number }> = {};
    for (const [p, x] of Object.entries(d.parties))
      parties[p] = { incidents: here?.parties.get(p) ?? 0, violations: x.violations, possible: x.possible };
    return {
      day: d.day,
      parties,
      incidents: here?.total ?? 0,
      unattributed: d.unattributed,
      reduced: d.reduced,
      run: d.run,
    };
  });
}

/** The run of reduced-violence days now, the longest run, and the last day that broke one. */
function streak(ca: CompiledAgreement, daily: readonly DayRow[]) {
  let longest = { days: 0, end: null as IsoDay | null };
  for (const d of daily) if (d.run > longest.days) longest = { days: d.run, end: d.day };
  const last = daily.at(-1);
  return {
    current: last?.run ?? 0,
    longest: longest.days,
    longestEnded: longest.end,
    lastReset: [...daily].reverse().find((d) => !d.reduced)?.day ?? null,
    maxViolationsPerPartyPerDay: ca.agreement.reduced_violence.max_violations_per_party_per_day,
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
