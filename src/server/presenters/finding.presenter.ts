/** The JSON shapes of findings and of an agreement's compliance board. */
import type { ComplianceService } from '../../services/compliance.service.js';
import type { FindingView } from '../../services/findings.service.js';

export function presentFinding(f: FindingView) {
  return {
    id: f.id,
    agreementId: f.agreementId,
    term: f.term.id,
    termKind: f.term.kind,
    termTitle: f.term.title,
    party: f.party,
    answerable: f.answerable,
    candidates: f.candidates,
    incidentId: f.incidentId,
    eventIds: f.eventIds,
    sourceIds: f.sourceIds,
    status: f.status,
    confidence: f.confidence,
    reasons: f.reasons,
    explanation: f.explanation,
    evidence: f.evidence,
    day: f.day,
    reviewState: f.reviewState,
  };
}

type Board = Awaited<ReturnType<ComplianceService['board']>>;

export function presentCompliance(b: Board) {
  return {
    agreement: b.agreement,
    period: b.period,
    incidentsAssessed: b.incidentsAssessed,
    headline: b.headline,
    excludedByReview: b.excludedByReview,
    terms: b.terms.map((t) => ({ ...t, latest: t.latest.map(presentFinding) })),
    parties: b.parties,
    obligations: b.obligations.map((o) => ({
      term: o.term_id,
      type: o.type,
      status: o.status,
      due: o.due,
      explanation: o.explanation,
    })),
    timeline: b.timeline,
    streak: b.streak,
    phases: b.phases.map((p) => ({
      id: p.phase_id,
      name: p.name,
      starts: p.starts,
      ends: p.ends,
      gate:
        p.gate === null
          ? null
          : { consecutiveDays: p.gate.consecutive_days, metOn: p.gate.met_on, explanation: p.gate.explanation },
    })),
  };
}
