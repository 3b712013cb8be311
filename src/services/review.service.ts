/**
 * Use case: monitors move incidents and findings through review (machine -> under_review ->
 * confirmed | rejected | disputed), each step with a comment, and a party's liaison may dispute.
 * Every step is audited. (Routes for it come with the dashboard; issue 6.)
 */
import { TruceError } from '../core/errors.js';
import { actorOf, requireRole, type Principal } from '../auth/principal.js';
import type { ReviewState, ReviewSubject, Store } from '../store/store.js';
import { AuditService } from './audit.service.js';

/** Allowed moves; a liaison may only dispute (their own comment and evidence). */
export const TRANSITIONS: Readonly<Record<ReviewState, readonly ReviewState[]>> = {
  machine: ['under_review', 'disputed'],
  under_review: ['confirmed', 'rejected', 'disputed'],
  confirmed: ['under_review', 'disputed'],
  rejected: ['under_review', 'disputed'],
  disputed: ['under_review'],
};

export class ReviewService {
  private readonly audit: AuditService;

  constructor(private readonly store: Store) {
    this.audit = new AuditService(store);
  }

  async state(kind: ReviewSubject, id: string): Promise<ReviewState> {
    return (await this.store.review.getReview(kind, id))?.state ?? 'machine';
  }

  async move(
    by: Principal | null,
    kind: ReviewSubject,
    id: string,
    to: ReviewState,
    comment: string,
  ): Promise<ReviewState> {
    const p = requireRole(by, 'admin', 'monitor', 'liaison');
    if (p.role === 'liaison' && to !== 'disputed')
      throw new TruceError('E021_FORBIDDEN', { reason: 'a liaison may only dispute' });
    if (comment.trim() === '')
      throw new TruceError('E007_BAD_OPTION', { option: 'comment', reason: 'each review step needs a comment' });
    const from = await this.state(kind, id);
    if (!TRANSITIONS[from].includes(to))
      throw new TruceError('E024_CONFLICT', { reason: `${kind} ${id} is ${from}; it cannot become ${to}` });
    const c = await this.store.review.addComment(kind, id, p.userId, comment);
    const moved = await this.store.review.setReview(
      { subjectKind: kind, subjectId: id, state: to, updatedBy: p.userId, commentId: c.id },
      from,
    );
    if (!moved)
      throw new TruceError('E024_CONFLICT', { reason: `${kind} ${id} was reviewed by someone else meanwhile` });
    await this.audit.record({
      actor: actorOf(p),
      action: 'review.move',
      subject: `${kind}:${id}`,
      before: { state: from },
      after: { state: to, commentId: c.id },
    });
    return to;
  }
}
