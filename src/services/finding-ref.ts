/**
 * A finding named by its id, `<agreementId>:<termId>:<incidentId>`, judged again as one viewer may
 * see its incident: the review routes use it to check that the finding exists for that viewer and,
 * for a party's liaison, that it is against their own party.
 */
import type { ViewScope } from '../store/access.store.js';
import type { Store } from '../store/store.js';
import type { CompiledAgreement } from '../terms/agreement.js';
import type { Finding } from '../terms/finding.js';
import type { AssessableIncident } from '../terms/incident.js';
import { judge } from '../terms/judge.js';
import { toAssessableEvent } from './assess.service.js';

export interface FindingRef {
  readonly agreementId: string;
  readonly termId: string;
  readonly incidentId: number;
}

/** Agreement and term ids are slugs (no colon); the incident is the store's incident id. */
const FINDING_ID = /^([A-Za-z0-9][\w.-]{0,119}):([A-Za-z0-9][\w.-]{0,119}):([1-9]\d{0,15})$/;

export function parseFindingId(id: string): FindingRef | null {
  const m = FINDING_ID.exec(id);
  return m ? { agreementId: m[1] as string, termId: m[2] as string, incidentId: Number(m[3]) } : null;
}

export const findingId = (r: FindingRef): string => `${r.agreementId}:${r.termId}:${r.incidentId}`;

/** Finds an agreement by id (the server's catalogue; bundled and uploaded ones). */
export type AgreementLookup = (id: string) => Promise<CompiledAgreement>;

/** The parties a finding is against: whose act it is, who answers for it, who may have done it. */
export function partiesAgainst(f: Pick<Finding, 'party' | 'answerable' | 'candidates'>): string[] {
  return [...new Set([f.party, f.answerable, ...f.candidates].filter((p): p is string => p !== null))];
}

export interface ResolvedFinding {
  readonly ref: FindingRef;
  readonly finding: Finding;
}

/**
 * The finding as the scope sees it: judged on the incident's visible events only. Null when the id
 * is malformed, the agreement or term is unknown, the incident is missing or invisible to the
 * scope, or the term does not cover the incident (no finding to review).
 */
export async function resolveFinding(
  store: Store,
  scope: ViewScope,
  id: string,
  agreements: AgreementLookup,
): Promise<ResolvedFinding | null> {
  const ref = parseFindingId(id);
  if (!ref) return null;
  let ca: CompiledAgreement;
  try {
    ca = await agreements(ref.agreementId);
  } catch {
    return null;
  }
  const term = ca.agreement.terms.find((t) => t.id === ref.termId);
  if (!term) return null;
  const visible = await store.incidents.getVisibleIncident(scope, ref.incidentId);
  if (!visible) return null;
  const events = await store.incidents.getEvents(visible.eventIds);
  if (events.length === 0) return null;
  const incident: AssessableIncident = {
    id: `incident:${ref.incidentId}`,
    grade: visible.whole?.grade ?? (visible.confirmed ? 'confirmed' : 'single_source'),
    events: events.map(toAssessableEvent),
  };
  const finding = judge(ca, term, incident);
  return finding.status === 'not_covered' ? null : { ref, finding };
}
