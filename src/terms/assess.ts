/**
 * The assessment: every incident against every term, obligations over time, daily counts per
 * party, the run of reduced-violence days and the phase gates. Pure: incidents in, a record out.
 */
import { addDays, type IsoDay } from '../core/date.js';
import type { CompiledAgreement } from './agreement.js';
import { eventInstants } from './facts.js';
import type { Finding, Status } from './finding.js';
import type { AssessableIncident } from './incident.js';
import { judge, primaryEvent } from './judge.js';
import {
  dailyCounts,
  judgeObligation,
  phaseStatus,
  type DayRow,
  type ObligationStatus,
  type PhaseStatus,
  type Period,
} from './over-time.js';
import { describeInstant, instantToLocalDay, localDaysToInstants } from './time.js';

export interface AssessOptions {
  readonly from?: IsoDay;
  readonly to?: IsoDay;
}

export interface TermTally {
  readonly term_id: string;
  readonly title: string;
  readonly kind: string;
  readonly violation: number;
  readonly possible_violation: number;
  readonly permitted: number;
}

export interface PartyTally {
  readonly party: string;
  readonly name: string;
  readonly answerable_to: string | null;
  readonly violation: number;
  readonly possible_violation: number;
  /** Possible violations where this party is one of the candidates for an unidentified perpetrator. */
  readonly candidate: number;
}

export interface Assessment {
  readonly agreement: {
    id: string;
    title: string;
    file: string;
    time_zone: string;
    effective_from: string;
    effective_to: string | null;
  };
  readonly period: Period;
  readonly incidents_assessed: number;
  readonly undated_skipped: number;
  readonly headline: {
    violations: number;
    possible_violations: number;
    permitted: number;
    incidents_with_violation: number;
  };
  /** Every incident x term, not_covered included (the text and md formats leave those out). */
  readonly findings: readonly Finding[];
  readonly by_term: readonly TermTally[];
  readonly by_party: readonly PartyTally[];
  readonly obligations: readonly ObligationStatus[];
  readonly daily: readonly DayRow[];
  readonly phases: readonly PhaseStatus[];
}

function count(list: readonly Finding[], status: Status): number {
  return list.filter((f) => f.status === status).length;
}

export function assess(
  ca: CompiledAgreement,
  all: readonly AssessableIncident[],
  options: AssessOptions = {},
): Assessment {
  const dated = all.filter((i) => primaryEvent(i)?.date);
  const lastDay = dated
    .map((i) => primaryEvent(i).date!.last)
    .sort()
    .at(-1);
  const from = options.from ?? instantToLocalDay(ca.effectiveFrom, ca.timeZone);
  const to = options.to ?? (lastDay && lastDay > from ? lastDay : from);
  const period: Period = { from, to: to as IsoDay };
  const [pStart, pEnd] = localDaysToInstants(period.from, period.to, ca.timeZone);
  const incidents = dated.filter((i) => {
    const [s, e] = eventInstants(ca, primaryEvent(i).date!);
    return e > pStart && s < pEnd;
  });
  const findings: Finding[] = [];
  for (const inc of incidents) for (const term of ca.agreement.terms) findings.push(judge(ca, term, inc));
  const obligations: ObligationStatus[] = [];
  for (const term of ca.agreement.terms) {
    if (term.kind !== 'obligation') continue;
    const { status, extra } = judgeObligation(ca, term, findings, incidents, period);
    obligations.push(status);
    if (extra) findings.push(extra);
  }
  const daily = dailyCounts(ca, findings, period);
  const breaches = findings.filter((f) => f.term_kind !== 'permission');
  return {
    agreement: {
      id: ca.agreement.id,
      title: ca.agreement.title,
      file: ca.file,
      time_zone: ca.timeZone,
      effective_from: describeInstant(ca.effectiveFrom, ca.timeZone),
      effective_to: ca.effectiveTo === null ? null : describeInstant(ca.effectiveTo, ca.timeZone),
    },
    period,
    incidents_assessed: incidents.length,
    undated_skipped: all.length - dated.length,
    headline: {
      violations: count(breaches, 'violation'),
      possible_violations: count(breaches, 'possible_violation'),
      permitted: count(
        findings.filter((f) => f.term_kind === 'permission'),
        'permitted',
      ),
      incidents_with_violation: new Set(breaches.filter((f) => f.status === 'violation').map((f) => f.incident_id))
        .size,
    },
    findings,
    by_term: ca.agreement.terms.map((t) => {
      const mine = findings.filter((f) => f.term_id === t.id);
      return {
        term_id: t.id,
        title: t.title,
        kind: t.kind,
        violation: count(mine, 'violation'),
        possible_violation: count(mine, 'possible_violation'),
        permitted: count(mine, 'permitted'),
      };
    }),
    by_party: ca.parties.map((p) => {
      const mine = breaches.filter((f) => f.party === p.id);
      return {
        party: p.id,
        name: p.name,
        answerable_to: p.answerableTo,
        violation: count(mine, 'violation'),
        possible_violation: count(mine, 'possible_violation'),
        candidate: breaches.filter(
          (f) => f.party === null && f.status === 'possible_violation' && f.candidates.includes(p.id),
        ).length,
      };
    }),
    obligations,
    daily,
    phases: ca.phases.map((ph) => phaseStatus(ca, daily, ph)),
  };
}

/** The days an assessment covers, for callers that want to pre-filter the store. */
export function periodDays(period: Period): IsoDay[] {
  const out: IsoDay[] = [];
  for (let d = period.from; d <= period.to; d = addDays(d, 1) as IsoDay) out.push(d);
  return out;
}
