/**
 * Judges one incident against one term. The same steps for every kind of term: does the act
 * match, was it reported as done, who did it, against whom, where, when; then permissions.
 * Any step that is only possibly true turns a violation into a possible violation, with its reason.
 */
import type { Acts, Against, Term } from './agreement.schema.js';
import type { CompiledAgreement } from './agreement.js';
import {
  actsMatch,
  allParties,
  perpetrator,
  placeInTime,
  placeInZones,
  resolveActor,
  targets,
  type ActorRole,
} from './facts.js';
import type { Finding, Status } from './finding.js';
import type { AssessableEvent, AssessableIncident } from './incident.js';

type Permission = Extract<Term, { kind: 'permission' }>;

interface Check {
  /** Any one of these matching is enough. */
  readonly acts: readonly Acts[];
  readonly binds: 'all' | readonly string[];
  readonly against: Against;
  readonly zones?: readonly string[];
  readonly exceptZones?: readonly string[];
  readonly from: number;
  readonly to: number | null;
  /** Presence checks: any bound party on either side, not just the perpetrator. */
  readonly presence?: boolean;
}

interface Outcome {
  status: Status;
  party: string | null;
  candidates: string[];
  facts: string[];
  reasons: string[];
}

const GRADE_WEIGHT = { confirmed: 1, corroborated: 0.9, single_source: 0.75, contested: 0.5 } as const;

/** The event that speaks for the incident: an asserted one if any, else the first. */
export function primaryEvent(inc: AssessableIncident): AssessableEvent {
  return inc.events.find((e) => e.modality === 'asserted') ?? inc.events[0]!;
}

function describeRole(r: ActorRole): string {
  return r.kind === 'unidentified' ? (r.name ?? 'an unidentified actor') : r.name;
}

/** A party as people know it (its name in the agreement), never its id: explanations are read by people. */
function partyName(ca: CompiledAgreement, id: string): string {
  return ca.partyById.get(id)?.name ?? id;
}

function bound(binds: 'all' | readonly string[], partyId: string): boolean {
  return binds === 'all' || binds.includes(partyId);
}

/** Modality across the incident's reports: a claim one side makes and the other denies stays open. */
function modalityDoubt(inc: AssessableIncident): { skip?: string; doubt?: string } {
  const mods = new Set(inc.events.map((e) => e.modality));
  if (inc.grade === 'contested') return { doubt: 'the incident is contested between sources' };
  if (mods.has('asserted')) return {};
  if (mods.has('claimed') && mods.has('denied')) return { doubt: 'claimed by one side and denied by the other' };
  if (mods.has('claimed')) return { doubt: 'claimed by one side, not independently reported' };
  if (mods.has('denied')) return { doubt: 'reported only as an accusation that was denied' };
  const m = [...mods][0] ?? 'unknown';
  return { skip: `reported as ${m}, not as something that happened` };
}

function targetFits(
  ca: CompiledAgreement,
  against: Against,
  ts: ActorRole[],
): { rel: 'yes' | 'no' | 'maybe'; detail: string } {
  const named = ts.filter((t) => t.kind !== 'unidentified');
  const text = named.length ? `against ${named.map(describeRole).join('; ')}` : 'target not named';
  if (against === 'any') return { rel: 'yes', detail: text };
  if (against === 'excluded') {
    if (named.length === 0) return { rel: 'maybe', detail: text };
    const ex = named.filter((t) => t.kind === 'excluded').length;
    return { rel: ex === named.length ? 'yes' : ex > 0 ? 'maybe' : 'no', detail: text };
  }
  if (against === 'not_excluded') {
    if (named.length === 0) return { rel: 'yes', detail: text };
    const ex = named.filter((t) => t.kind === 'excluded').length;
    return { rel: ex === 0 ? 'yes' : ex < named.length ? 'maybe' : 'no', detail: text };
  }
  if (named.length === 0) return { rel: 'maybe', detail: text };
  const hit = named.some((t) => t.kind === 'party' && against.parties.includes(t.party.id));
  return { rel: hit ? 'yes' : 'no', detail: text };
}

/** Runs a check on the incident's primary event. */
function check(ca: CompiledAgreement, c: Check, inc: AssessableIncident): Outcome {
  const e = primaryEvent(inc);
  const out: Outcome = { status: 'violation', party: null, candidates: [], facts: [], reasons: [] };
  const notCovered = (why: string): Outcome => ({ ...out, status: 'not_covered', reasons: [why] });
  if (!c.acts.some((a) => actsMatch(ca, a, e)))
    return notCovered(`${e.event_type} / ${e.sub_event_type} is not an act this term covers`);
  const mod = modalityDoubt(inc);
  if (mod.skip) return notCovered(mod.skip);
  if (mod.doubt) out.reasons.push(mod.doubt);

  if (c.presence) {
    const present = allParties(ca, e).filter((p) => bound(c.binds, p.id));
    if (present.length === 0) return notCovered('no bound party is named among the actors');
    out.party = present[0]!.id;
    out.facts.push(`presence of ${present.map((p) => p.name).join(', ')} reported (${e.sub_event_type})`);
  } else {
    const who = perpetrator(ca, e);
    if (who.kind === 'excluded')
      return notCovered(`act by ${who.group}, which is excluded from the agreement: recorded, binds no party`);
    if (who.kind === 'other') return notCovered(`${who.name} is not a party to the agreement`);
    if (who.kind === 'party' && !bound(c.binds, who.party.id))
      return notCovered(`${who.party.name} is not bound by this term`);
    if (who.kind === 'unidentified') {
      const air = e.sub_event_type === 'Air/drone strike';
      out.candidates = ca.parties.filter((p) => bound(c.binds, p.id) && (!air || p.air)).map((p) => p.id);
      if (out.candidates.length === 0)
        return notCovered('perpetrator unidentified and no bound party could have done it');
      out.reasons.push(
        `perpetrator unidentified${air ? ' (air strike: parties with aircraft)' : ''}; could be ${out.candidates.map((id) => partyName(ca, id)).join(' or ')}`,
      );
      out.facts.push(`${e.sub_event_type} by ${describeRole(who)}`);
    } else {
      out.party = who.party.id;
      out.facts.push(`${e.sub_event_type} by ${who.name}`);
    }
    const tgt = targetFits(ca, c.against, targets(ca, e));
    if (tgt.rel === 'no') return notCovered(`${tgt.detail}: not a target this term protects`);
    if (tgt.rel === 'maybe') out.reasons.push(`${tgt.detail}: may not be a protected target`);
    out.facts.push(tgt.detail);
  }

  const place = placeInZones(ca, c.zones, e);
  if (place.rel === 'outside') return notCovered(place.detail);
  if (place.rel === 'uncertain') out.reasons.push(place.detail);
  out.facts.push(place.detail);
  if (c.exceptZones?.length) {
    const ex = placeInZones(ca, c.exceptZones, e);
    if (ex.rel === 'inside') return notCovered(`${ex.detail}, where this term does not apply`);
    if (ex.rel === 'uncertain') out.reasons.push(`${ex.detail}, where this term does not apply`);
  }
  const time = placeInTime(ca, e.date, c.from, c.to);
  if (time.rel === 'before' || time.rel === 'after') return notCovered(time.detail);
  if (time.rel === 'uncertain') out.reasons.push(time.detail);
  out.facts.push(time.detail);
  if (out.reasons.length) out.status = 'possible_violation';
  return out;
}

function permissionCheck(ca: CompiledAgreement, p: Permission): Check {
  return {
    acts: [p.acts],
    binds: p.by,
    against: p.against,
    zones: p.where?.zones,
    exceptZones: p.where?.except_zones,
    from: ca.effectiveFrom,
    to: ca.effectiveTo,
  };
}

/** Does a permission cover the act? `requires_all` parties must all take part. */
function permits(ca: CompiledAgreement, p: Permission, inc: AssessableIncident): Outcome {
  const o = check(ca, permissionCheck(ca, p), inc);
  if (o.status === 'not_covered' || !p.requires_all) return o;
  const e = primaryEvent(inc);
  const acting = [e.actor1, ...(e.assoc_actor_1?.split(';') ?? [])].map((n) => perpetratorId(ca, n));
  const missing = p.requires_all.filter((id) => !acting.includes(id));
  return missing.length
    ? {
        ...o,
        status: 'not_covered',
        reasons: [`${missing.map((id) => partyName(ca, id)).join(', ')} did not take part`],
      }
    : o;
}

function perpetratorId(ca: CompiledAgreement, name: string | null): string | null {
  const r = resolveActor(ca, name?.trim() || null);
  return r.kind === 'party' ? r.party.id : null;
}

function window(ca: CompiledAgreement, when?: { from?: string; to?: string }): { from: number; to: number | null } {
  return {
    from: when?.from ? ca.instant(when.from) : ca.effectiveFrom,
    to: when?.to ? ca.instant(when.to) : ca.effectiveTo,
  };
}

/** The check a term makes of a single incident; deliver_within is judged over time elsewhere. */
export function termCheck(ca: CompiledAgreement, term: Term): Check | null {
  if (term.kind === 'prohibition')
    return {
      acts: [term.acts],
      binds: term.binds,
      against: term.against,
      zones: term.where?.zones,
      exceptZones: term.where?.except_zones,
      ...window(ca, term.when),
    };
  if (term.kind === 'permission') return null;
  const o = term.obligation;
  if (o.type === 'withdraw')
    return {
      acts: o.presence_acts,
      binds: term.binds,
      against: 'any',
      zones: [o.zone],
      from: ca.instant(o.by),
      to: ca.effectiveTo,
      presence: true,
    };
  if (o.type === 'allow_access')
    return {
      acts: [o.denial_acts],
      binds: term.binds,
      against: 'any',
      zones: o.zone ? [o.zone] : undefined,
      ...window(ca),
    };
  if (o.type === 'cease_air_operations')
    return { acts: [o.acts], binds: term.binds, against: 'any', zones: [o.zone], ...window(ca, { from: o.from }) };
  return null;
}

function sourceIds(inc: AssessableIncident): string[] {
  return [...new Set(inc.events.flatMap((e) => (e.event_ids.length ? e.event_ids : [e.id])))];
}

function confidenceOf(inc: AssessableIncident, status: Status, doubts: number): number {
  const reader = Math.min(...inc.events.map((e) => e.confidence ?? 1));
  const grade = GRADE_WEIGHT[inc.grade ?? 'single_source'];
  const c = status === 'not_covered' ? reader : reader * grade * 0.6 ** doubts;
  return Math.round(c * 100) / 100;
}

/** One finding for one incident and one term. */
export function judge(ca: CompiledAgreement, term: Term, inc: AssessableIncident): Finding {
  const e = primaryEvent(inc);
  let outcome: Outcome;
  let verdict: string;
  if (term.kind === 'permission') {
    // The permission's own finding says the act falls under it; the prohibitions carry the consequence.
    outcome = permits(ca, term, inc);
    if (outcome.status !== 'not_covered') outcome.status = 'permitted';
    verdict = `covered by permission ${term.id} (${term.title})`;
  } else {
    const c = termCheck(ca, term);
    if (!c)
      outcome = {
        status: 'not_covered',
        party: null,
        candidates: [],
        facts: [],
        reasons: ['judged over time, not per incident'],
      };
    else outcome = check(ca, c, inc);
    verdict = `${term.kind === 'prohibition' ? 'prohibited' : 'contrary to the obligation'} by term ${term.id} (${term.title})`;
    if (outcome.status !== 'not_covered' && !c?.presence) {
      for (const p of ca.agreement.terms) {
        if (p.kind !== 'permission') continue;
        const pm = permits(ca, p, inc);
        if (pm.status === 'not_covered') continue;
        if (p.effect === 'permitted' && pm.reasons.length === 0) {
          outcome.status = 'permitted';
          outcome.reasons = [`permitted by term ${p.id} (${p.title})`];
          break;
        }
        outcome.status = 'possible_violation';
        outcome.reasons.push(
          `may be permitted by term ${p.id} (${p.title})${pm.reasons.length ? `: ${pm.reasons.join('; ')}` : ''}`,
        );
      }
    }
  }
  const party = outcome.party ? ca.partyById.get(outcome.party)! : null;
  const answerable = party ? (party.answerableTo ?? party.id) : null;
  const evidence = inc.events.filter((x) => x.evidence).map((x) => ({ text: x.evidence!, source: x.source }));
  const lead = outcome.facts.length
    ? outcome.facts.join(', ')
    : `${e.sub_event_type} at ${e.location ?? 'an unstated place'}`;
  const statusText = {
    violation: verdict,
    possible_violation: `possibly ${verdict}; uncertain because ${outcome.reasons.join('; ')}`,
    permitted:
      term.kind === 'permission'
        ? `${verdict}${outcome.reasons.length ? ` (${outcome.reasons.join('; ')})` : ''}`
        : outcome.reasons[0]!,
    not_covered: `not covered by term ${term.id}: ${outcome.reasons.join('; ')}`,
  }[outcome.status];
  const ev = evidence.length
    ? `; evidence: ${evidence.map((x) => `"${x.text}"${x.source ? `, from ${x.source}` : ''}`).join(' / ')}`
    : '';
  const guarantor =
    party?.answerableTo && outcome.status !== 'not_covered'
      ? ` (${ca.partyById.get(party.answerableTo)?.name} answers for ${party.name})`
      : '';
  return {
    term_id: term.id,
    term_kind: term.kind,
    party: outcome.party,
    answerable,
    candidates: outcome.candidates,
    incident_id: inc.id,
    event_ids: sourceIds(inc),
    status: outcome.status,
    confidence: confidenceOf(inc, outcome.status, outcome.reasons.length),
    reasons: outcome.reasons,
    explanation: `${outcome.status === 'not_covered' ? `${e.sub_event_type} at ${e.location ?? 'an unstated place'}` : lead}; ${statusText}${guarantor}${outcome.status === 'not_covered' ? '' : ev}`,
    evidence,
    day: e.date?.first ?? null,
  };
}
