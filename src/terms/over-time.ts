/**
 * What can only be judged over a span of days: obligations with deadlines (withdrawal, access,
 * deliveries), the per-day counts per party, the run of days of reduced violence, and phase gates.
 */
import { addDays, type IsoDay } from '../core/date.js';
import type { Term } from './agreement.schema.js';
import type { CompiledAgreement, CompiledPhase } from './agreement.js';
import { actsMatch, placeInTime, placeInZones } from './facts.js';
import type { Finding } from './finding.js';
import type { AssessableIncident } from './incident.js';
import { primaryEvent } from './judge.js';
import { describeInstant, instantToLocalDay, localToInstant } from './time.js';

export interface Period {
  readonly from: IsoDay;
  readonly to: IsoDay;
}

export interface ObligationStatus {
  readonly term_id: string;
  readonly type: string;
  readonly status: 'met' | 'breached' | 'possibly_breached' | 'not_yet_due' | 'none_reported';
  readonly due: string | null;
  readonly explanation: string;
}

type Obligation = Extract<Term, { kind: 'obligation' }>;

const endOf = (ca: CompiledAgreement, p: Period) => localToInstant(addDays(p.to, 1), ca.timeZone);

/** Term-level status of an obligation, plus a finding when a delivery deadline passed unmet. */
export function judgeObligation(
  ca: CompiledAgreement,
  term: Obligation,
  findings: readonly Finding[],
  incidents: readonly AssessableIncident[],
  period: Period,
): { status: ObligationStatus; extra: Finding | null } {
  const o = term.obligation;
  const mine = findings.filter((f) => f.term_id === term.id);
  const v = mine.filter((f) => f.status === 'violation');
  const pv = mine.filter((f) => f.status === 'possible_violation');
  const base = { term_id: term.id, type: o.type };
  if (o.type === 'deliver_within') {
    const start = o.from ? ca.instant(o.from) : ca.effectiveFrom;
    const deadline = start + o.days * 86_400_000;
    const delivered = incidents
      .filter((inc) => {
        const e = primaryEvent(inc);
        if (!actsMatch(ca, o.delivery_acts, e) || e.modality !== 'asserted') return false;
        return (
          placeInZones(ca, [o.zone], e).rel !== 'outside' &&
          placeInTime(ca, e.date, start, deadline).rel !== 'before' &&
          placeInTime(ca, e.date, start, deadline).rel !== 'after'
        );
      })
      .sort((a, b) => (primaryEvent(a).date!.first < primaryEvent(b).date!.first ? -1 : 1));
    const due = describeInstant(deadline, ca.timeZone);
    if (delivered.length) {
      const first = primaryEvent(delivered[0]!);
      return {
        status: {
          ...base,
          status: 'met',
          due,
          explanation: `delivery reported on ${first.date?.first} (incident ${delivered[0]!.id}), within ${o.days} days`,
        },
        extra: null,
      };
    }
    if (endOf(ca, period) < deadline)
      return {
        status: { ...base, status: 'not_yet_due', due, explanation: `no delivery reported yet; due by ${due}` },
        extra: null,
      };
    const explanation = `no delivery into zone ${o.zone} reported within ${o.days} days (by ${due}); absence of reports is not proof that none arrived`;
    const binds = term.binds === 'all' ? ca.parties.map((p) => p.id) : term.binds;
    return {
      status: { ...base, status: 'possibly_breached', due, explanation },
      extra: {
        term_id: term.id,
        term_kind: 'obligation',
        party: null,
        answerable: null,
        candidates: [...binds],
        incident_id: null,
        event_ids: [],
        status: 'possible_violation',
        confidence: 0.5,
        reasons: ['no delivery reported'],
        explanation: `${explanation}; contrary to the obligation in term ${term.id} (${term.title}); answerable: ${binds.join(', ')}`,
        evidence: [],
        day: instantToLocalDay(deadline, ca.timeZone),
      },
    };
  }
  const due = o.type === 'withdraw' ? describeInstant(ca.instant(o.by), ca.timeZone) : null;
  if (o.type === 'withdraw' && endOf(ca, period) <= ca.instant(o.by))
    return { status: { ...base, status: 'not_yet_due', due, explanation: `withdrawal due by ${due}` }, extra: null };
  const what = {
    withdraw: `presence of a bound party reported inside zone ${o.type === 'withdraw' ? o.zone : ''} after the deadline`,
    allow_access: 'convoys reported blocked or attacked',
    cease_air_operations: 'air operations reported inside the zone',
  }[o.type];
  if (v.length)
    return {
      status: {
        ...base,
        status: 'breached',
        due,
        explanation: `${what}: ${v.length} incident(s), first on ${v.map((f) => f.day).sort()[0]}`,
      },
      extra: null,
    };
  if (pv.length)
    return {
      status: {
        ...base,
        status: 'possibly_breached',
        due,
        explanation: `${what}, with doubt: ${pv.length} incident(s)`,
      },
      extra: null,
    };
  return {
    status: {
      ...base,
      status: 'none_reported',
      due,
      explanation: `no ${what.replace(/^presence/, 'presence')}; absence of reports is not proof of compliance`,
    },
    extra: null,
  };
}

export interface PartyDay {
  readonly violations: number;
  readonly possible: number;
}

export interface DayRow {
  readonly day: IsoDay;
  readonly parties: Readonly<Record<string, PartyDay>>;
  /** Possible violations no party can be named for. */
  readonly unattributed: number;
  /** Every party at or under the agreement's reduced-violence threshold (violations only). */
  readonly reduced: boolean;
  /** Consecutive days of reduced violence ending with this one. */
  readonly run: number;
}

/**
 * Per day and party, the incidents with a violation (or, failing that, a possible violation) of any
 * term: an incident that breaches two terms is one breach of the agreement on that day.
 */
export function dailyCounts(ca: CompiledAgreement, findings: readonly Finding[], period: Period): DayRow[] {
  const worst = new Map<string, Map<string, 'violation' | 'possible_violation'>>();
  const unattributed = new Map<string, Set<string>>();
  for (const f of findings) {
    if (f.status !== 'violation' && f.status !== 'possible_violation') continue;
    const day = f.day && f.day > period.from ? f.day : period.from;
    const key = f.incident_id ?? `term:${f.term_id}`;
    if (!f.party) {
      if (!unattributed.has(day)) unattributed.set(day, new Set());
      unattributed.get(day)!.add(key);
      continue;
    }
    const dayMap = worst.get(day) ?? new Map();
    worst.set(day, dayMap);
    const k = `${f.party}\u0000${key}`;
    if (dayMap.get(k) !== 'violation') dayMap.set(k, f.status);
  }
  const rows: DayRow[] = [];
  let run = 0;
  const max = ca.agreement.reduced_violence.max_violations_per_party_per_day;
  for (let d = period.from; d <= period.to; d = addDays(d, 1) as IsoDay) {
    const parties: Record<string, { violations: number; possible: number }> = {};
    for (const p of ca.parties) parties[p.id] = { violations: 0, possible: 0 };
    for (const [k, status] of worst.get(d) ?? []) {
      const pid = k.split('\u0000')[0]!;
      if (status === 'violation') parties[pid]!.violations++;
      else parties[pid]!.possible++;
    }
    const reduced = Object.values(parties).every((x) => x.violations <= max);
    run = reduced ? run + 1 : 0;
    rows.push({ day: d, parties, unattributed: unattributed.get(d)?.size ?? 0, reduced, run });
  }
  return rows;
}

export interface PhaseStatus {
  readonly phase_id: string;
  readonly name: string;
  readonly starts: string;
  readonly ends: string | null;
  readonly gate: null | {
    readonly consecutive_days: number;
    readonly met_on: IsoDay | null;
    readonly explanation: string;
  };
}

/** Each phase, and for a gated phase the day its run of quiet days reached the length asked, or why not. */
export function phaseStatus(ca: CompiledAgreement, days: readonly DayRow[], phase: CompiledPhase): PhaseStatus {
  const base = {
    phase_id: phase.phase.id,
    name: phase.phase.name,
    starts: Number.isNaN(phase.start) ? 'unknown' : describeInstant(phase.start, ca.timeZone),
    ends: phase.end === null ? null : describeInstant(phase.end, ca.timeZone),
  };
  const g = phase.phase.gate;
  if (!g) return { ...base, gate: null };
  // Only whole local days count: the first is the first midnight at or after the phase starts.
  const startDay = instantToLocalDay(phase.start, ca.timeZone);
  const firstFull = localToInstant(startDay, ca.timeZone) === phase.start ? startDay : (addDays(startDay, 1) as IsoDay);
  const counted = days.filter((d) => d.day >= firstFull);
  let run = 0;
  let best = { len: 0, end: '' };
  let lastBreak = '';
  for (const d of counted) {
    const over = Object.entries(d.parties).filter(
      ([, x]) => x.violations + (g.counts === 'with_possible' ? x.possible : 0) > g.max_violations_per_party_per_day,
    );
    if (over.length === 0) {
      run++;
      if (run > best.len) best = { len: run, end: d.day };
      if (run === g.consecutive_days)
        return {
          ...base,
          gate: {
            consecutive_days: g.consecutive_days,
            met_on: d.day,
            explanation: `met on ${d.day}: ${g.consecutive_days} consecutive days from ${addDays(d.day, 1 - g.consecutive_days)} with no party over ${g.max_violations_per_party_per_day} ${g.counts === 'with_possible' ? 'violations or possible violations' : 'violations'}; then: ${g.then}`,
          },
        };
    } else {
      run = 0;
      lastBreak = `${d.day} (${over.map(([p, x]) => `${p}: ${x.violations} violation(s)${g.counts === 'with_possible' ? `, ${x.possible} possible` : ''}`).join('; ')})`;
    }
  }
  const why =
    counted.length === 0
      ? `the period assessed ends before the first full day of the phase (${firstFull})`
      : `not met: longest run ${best.len} day(s)${best.len ? ` ending ${best.end}` : ''}${lastBreak ? `; last reset on ${lastBreak}` : ''}; the period ends on ${counted[counted.length - 1]!.day} with a run of ${run}`;
  return { ...base, gate: { consecutive_days: g.consecutive_days, met_on: null, explanation: why } };
}
