/**
 * Use case: monitors move incidents and findings through review (machine -> under_review ->
 * confirmed | rejected | disputed), each step with a comment; a party's liaison may dispute a
 * finding against their own party, with their comment and evidence. Each step (comment, state,
 * history row, incident grade, audit entry) is ONE transaction.
 */
import { TruceError } from '../core/errors.js';
import { TRANSITIONS } from '../core/review-states.js';
import { actorOf, requireRole, scopeOf, type Principal } from '../auth/principal.js';
import type { Evidence, ReviewMove, ReviewState, ReviewSubject, Store, ViewScope } from '../store/store.js';
import { loadAgreement } from '../terms/agreement.js';
import { AuditService } from './audit.service.js';
import { loadAuthors, type Author } from './authors.js';
import { corroborateEvents } from './corroborate.service.js';
import { partiesAgainst, resolveFinding, type AgreementLookup } from './finding-ref.js';

export const MAX_REVIEW_TEXT = 4000;

export interface MoveRequest {
  readonly to: ReviewState;
  readonly comment: string;
  readonly evidence?: { readonly url?: string | null; readonly text?: string | null };
}

export interface ReviewStep {
  readonly id: number;
  readonly from: ReviewState;
  readonly to: ReviewState;
  readonly at: string;
  readonly by: Author | null;
  readonly comment: string | null;
  readonly evidence: Evidence | null;
}

export interface ReviewHistory {
  readonly kind: ReviewSubject;
  readonly id: string;
  readonly incidentId: number | null;
  readonly state: ReviewState;
  readonly steps: readonly ReviewStep[];
}

/** What review needs to know of a finding, as one viewer sees it. */
export interface FindingSubject {
  /** The incident it is about; null for a lone event or a finding about a whole term. */
  readonly incidentId: number | null;
  readonly party: string | null;
  readonly answerable: string | null;
  readonly candidates: readonly string[];
}

/** Finds a finding as the scope sees it; throws E022 (or returns null) when it may not. */
export type FindingFinder = (scope: ViewScope, id: string) => Promise<FindingSubject | null>;

export interface ReviewOptions {
  /** How a finding's agreement is found by the default finder (bundled agreements and files by id). */
  readonly agreements?: AgreementLookup;
  /** The server's findings (services/findings.service.ts); default: judged here (finding-ref.ts). */
  readonly findings?: FindingFinder;
}

const bad = (option: string, reason: string) => new TruceError('E007_BAD_OPTION', { option, reason });

export class ReviewService {
  private readonly audit: AuditService;
  private readonly findings: FindingFinder;

  constructor(
    private readonly store: Store,
    options: ReviewOptions = {},
  ) {
    this.audit = new AuditService(store);
    const agreements = options.agreements ?? (async (id: string) => loadAgreement(id));
    this.findings =
      options.findings ??
      (async (scope, id) => {
        const found = await resolveFinding(store, scope, id, agreements);
        return found && { ...found.finding, incidentId: found.ref.incidentId };
      });
  }

  async state(kind: ReviewSubject, id: string): Promise<ReviewState> {
    return (await this.store.review.getReview(kind, id))?.state ?? 'machine';
  }

  /**
   * The incident a subject is about, if the viewer may see it (else E022, as if it did not exist),
   * and, for a finding, the parties it is against as the viewer sees it.
   */
  private async subject(p: Principal | null, kind: ReviewSubject, id: string) {
    const scope = scopeOf(p);
    const what = `${kind === 'incident' ? 'Incident' : 'Finding'} ${id}`;
    if (kind === 'incident') {
      const n = /^[1-9]\d{0,15}$/.test(id) ? Number(id) : null;
      if (n === null || !(await this.store.incidents.getVisibleIncident(scope, n)))
        throw new TruceError('E022_NOT_FOUND', { what });
      return { incidentId: n as number | null, against: [] as string[] };
    }
    const found = await this.findings(scope, id);
    if (!found) throw new TruceError('E022_NOT_FOUND', { what });
    return { incidentId: found.incidentId, against: partiesAgainst(found) };
  }

  async move(by: Principal | null, kind: ReviewSubject, id: string, req: MoveRequest): Promise<ReviewStep> {
    const p = requireRole(by, 'admin', 'monitor', 'liaison');
    const comment = req.comment.trim();
    if (comment === '') throw bad('comment', 'each review step needs a comment');
    if (comment.length > MAX_REVIEW_TEXT) throw bad('comment', `at most ${MAX_REVIEW_TEXT} characters`);
    const url = req.evidence?.url?.trim() || null;
    const text = req.evidence?.text?.trim() || null;
    if ((url || text) && req.to !== 'disputed') throw bad('evidence', 'evidence goes with a dispute');
    if (url && !/^https?:\/\//i.test(url)) throw bad('evidence.url', 'an http(s) link');
    if (text && text.length > MAX_REVIEW_TEXT) throw bad('evidence.text', `at most ${MAX_REVIEW_TEXT} characters`);
    const evidence = url || text ? { url, text } : null;
    if (p.role === 'liaison') {
      if (kind !== 'finding' || req.to !== 'disputed')
        throw new TruceError('E021_FORBIDDEN', { reason: 'a liaison may only dispute a finding against their party' });
    }
    const subject = await this.subject(p, kind, id);
    if (p.role === 'liaison' && !subject.against.includes(p.partyId as string))
      throw new TruceError('E021_FORBIDDEN', { reason: 'this finding is not against your party' });

    const move = await this.store.transaction(async () => {
      const from = await this.state(kind, id);
      if (!TRANSITIONS[from].includes(req.to))
        throw new TruceError('E024_CONFLICT', { reason: `${kind} ${id} is ${from}; it cannot become ${req.to}` });
      const c = await this.store.review.addComment(kind, id, p.userId, comment);
      const moved = await this.store.review.setReview(
        { subjectKind: kind, subjectId: id, state: req.to, updatedBy: p.userId, commentId: c.id },
        from,
      );
      if (!moved)
        throw new TruceError('E024_CONFLICT', { reason: `${kind} ${id} was reviewed by someone else meanwhile` });
      const m = await this.store.review.addMove({
        subjectKind: kind,
        subjectId: id,
        incidentId: subject.incidentId,
        from,
        to: req.to,
        userId: p.userId,
        commentId: c.id,
        evidence,
      });
      const grade =
        kind === 'incident' && subject.incidentId !== null
          ? await this.regrade(subject.incidentId, from, req.to)
          : undefined;
      await this.audit.record({
        actor: actorOf(p),
        action: 'review.move',
        subject: `${kind}:${id}`,
        before: { state: from, ...(grade ? { grade: grade.before } : {}) },
        after: {
          state: req.to,
          commentId: c.id,
          comment,
          ...(evidence ? { evidence: { url: evidence.url, text: evidence.text } } : {}),
          ...(grade ? { grade: grade.after } : {}),
        },
      });
      return { move: m, comment };
    });
    const authors = await loadAuthors(this.store, [p.userId]);
    return step(move.move, new Map([[move.move.commentId ?? 0, move.comment]]), authors);
  }

  /** A confirmed incident takes the grade `confirmed`; leaving it, the sources grade it again. */
  private async regrade(incidentId: number, from: ReviewState, to: ReviewState) {
    if (to !== 'confirmed' && from !== 'confirmed') return undefined;
    const inc = await this.store.getIncident(incidentId);
    if (!inc) return undefined;
    if (to === 'confirmed') {
      await this.store.putIncident({ ...inc, grade: 'confirmed' });
      return { before: inc.grade, after: 'confirmed' };
    }
    // Clear the monitor's grade, then let corroboration grade the incident from its sources.
    await this.store.putIncident({ ...inc, grade: 'single_source' });
    await corroborateEvents(this.store, inc.eventIds);
    return { before: inc.grade, after: (await this.store.getIncident(incidentId))?.grade ?? null };
  }

  /** The subject's state and every step, for anyone signed in who may see it. */
  async history(by: Principal | null, kind: ReviewSubject, id: string): Promise<ReviewHistory> {
    requireRole(by, 'admin', 'monitor', 'liaison', 'analyst');
    const subject = await this.subject(by, kind, id);
    const [state, moves, comments] = await Promise.all([
      this.state(kind, id),
      this.store.review.moves(kind, id),
      this.store.review.comments(kind, id),
    ]);
    const texts = new Map(comments.map((c) => [c.id, c.body]));
    const authors = await loadAuthors(
      this.store,
      moves.map((m) => m.userId),
    );
    return { kind, id, incidentId: subject.incidentId, state, steps: moves.map((m) => step(m, texts, authors)) };
  }
}

function step(m: ReviewMove, texts: ReadonlyMap<number, string>, authors: ReadonlyMap<number, Author>): ReviewStep {
  return {
    id: m.id,
    from: m.from,
    to: m.to,
    at: m.at,
    by: m.userId === null ? null : (authors.get(m.userId) ?? null),
    comment: m.commentId === null ? null : (texts.get(m.commentId) ?? null),
    evidence: m.evidence,
  };
}
