/**
 * Use case: threads of comments on an incident. Anyone signed in who may see the incident (at
 * least one of its events) reads and writes them; a reply names a comment of the same incident.
 * Each comment and its audit entry are one transaction. Comment text is stored as written and
 * escaped by whoever displays it (the dashboard inserts it as text, never as HTML).
 */
import { TruceError } from '../core/errors.js';
import { actorOf, requireRole, scopeOf, type Principal } from '../auth/principal.js';
import type { Comment, Store } from '../store/store.js';
import { AuditService } from './audit.service.js';
import { loadAuthors, type Author } from './authors.js';

export const MAX_COMMENT_LENGTH = 4000;

export interface ThreadComment {
  readonly id: number;
  readonly parentId: number | null;
  readonly text: string;
  readonly at: string;
  readonly by: Author | null;
  /** Written as the comment of a review step (its state change is in the review history). */
  readonly review: boolean;
}

export class CommentsService {
  private readonly audit: AuditService;

  constructor(private readonly store: Store) {
    this.audit = new AuditService(store);
  }

  /** E022 unless the viewer may see the incident (a hidden incident answers like a missing one). */
  private async visible(p: Principal | null, incidentId: number): Promise<void> {
    if (!(await this.store.incidents.getVisibleIncident(scopeOf(p), incidentId)))
      throw new TruceError('E022_NOT_FOUND', { what: `Incident ${incidentId}` });
  }

  async list(by: Principal | null, incidentId: number): Promise<ThreadComment[]> {
    requireRole(by, 'admin', 'monitor', 'liaison', 'analyst');
    await this.visible(by, incidentId);
    const [comments, moves] = await Promise.all([
      this.store.review.comments('incident', String(incidentId)),
      this.store.review.moves('incident', String(incidentId)),
    ]);
    const reviewComments = new Set(moves.map((m) => m.commentId));
    const authors = await loadAuthors(
      this.store,
      comments.map((c) => c.userId),
    );
    return comments.map((c) => present(c, authors, reviewComments.has(c.id)));
  }

  async add(
    by: Principal | null,
    incidentId: number,
    input: { text: string; parentId?: number | null },
  ): Promise<ThreadComment> {
    const p = requireRole(by, 'admin', 'monitor', 'liaison', 'analyst');
    const text = input.text.trim();
    if (text === '') throw new TruceError('E007_BAD_OPTION', { option: 'text', reason: 'the comment is empty' });
    if (text.length > MAX_COMMENT_LENGTH)
      throw new TruceError('E007_BAD_OPTION', { option: 'text', reason: `at most ${MAX_COMMENT_LENGTH} characters` });
    await this.visible(p, incidentId);
    const parentId = input.parentId ?? null;
    const comment = await this.store.transaction(async () => {
      if (parentId !== null) {
        const parent = await this.store.review.getComment(parentId);
        if (!parent || parent.subjectKind !== 'incident' || parent.subjectId !== String(incidentId))
          throw new TruceError('E007_BAD_OPTION', {
            option: 'parentId',
            reason: `no comment ${parentId} on incident ${incidentId}`,
          });
      }
      const c = await this.store.review.addComment('incident', String(incidentId), p.userId, text, parentId);
      await this.audit.record({
        actor: actorOf(p),
        action: 'comment.create',
        subject: `incident:${incidentId}`,
        after: { commentId: c.id, parentId, text },
      });
      return c;
    });
    return present(comment, await loadAuthors(this.store, [p.userId]), false);
  }
}

function present(c: Comment, authors: ReadonlyMap<number, Author>, review: boolean): ThreadComment {
  return {
    id: c.id,
    parentId: c.parentId,
    text: c.body,
    at: c.createdAt,
    by: c.userId === null ? null : (authors.get(c.userId) ?? null),
    review,
  };
}
