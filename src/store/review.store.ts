/**
 * Review states of incidents and findings (machine -> under_review -> confirmed | rejected |
 * disputed) and comment threads. The allowed moves are decided by services/review.service.ts.
 */
import type { Row, Sql } from './sql-runner.js';

export const REVIEW_STATES = ['machine', 'under_review', 'confirmed', 'rejected', 'disputed'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export type ReviewSubject = 'incident' | 'finding';

export interface Comment {
  readonly id: number;
  readonly subjectKind: ReviewSubject | 'report';
  readonly subjectId: string;
  readonly userId: number | null;
  readonly body: string;
  readonly createdAt: string;
}

export interface Review {
  readonly subjectKind: ReviewSubject;
  readonly subjectId: string;
  readonly state: ReviewState;
  readonly updatedBy: number | null;
  readonly updatedAt: string;
  readonly commentId: number | null;
}

export interface ReviewStore {
  addComment(kind: Comment['subjectKind'], subjectId: string, userId: number | null, body: string): Promise<Comment>;
  comments(kind: Comment['subjectKind'], subjectId: string): Promise<Comment[]>;
  /** Null means never reviewed: the state is `machine`. */
  getReview(kind: ReviewSubject, subjectId: string): Promise<Review | null>;
  /** Sets the state only if it is still `expected` (compare-and-set); false when it moved meanwhile. */
  setReview(review: Omit<Review, 'updatedAt'>, expected: ReviewState): Promise<boolean>;
}

const toComment = (r: Row): Comment => ({
  id: Number(r.id),
  subjectKind: r.subject_kind as Comment['subjectKind'],
  subjectId: String(r.subject_id),
  userId: r.user_id === null ? null : Number(r.user_id),
  body: r.body as string,
  createdAt: String(r.created_at),
});

export function createReviewStore(sql: Sql): ReviewStore {
  return {
    async addComment(kind, subjectId, userId, body) {
      const r = await sql.get(
        'INSERT INTO comments (subject_kind, subject_id, user_id, body, created_at) VALUES (?, ?, ?, ?, ?) RETURNING *',
        [kind, subjectId, userId, body, new Date().toISOString()],
      );
      return toComment(r as Row);
    },
    async comments(kind, subjectId) {
      return (
        await sql.all('SELECT * FROM comments WHERE subject_kind = ? AND subject_id = ? ORDER BY id', [kind, subjectId])
      ).map(toComment);
    },
    async getReview(kind, subjectId) {
      const r = await sql.get('SELECT * FROM review_states WHERE subject_kind = ? AND subject_id = ?', [
        kind,
        subjectId,
      ]);
      if (!r) return null;
      return {
        subjectKind: kind,
        subjectId,
        state: r.state as ReviewState,
        updatedBy: r.updated_by === null ? null : Number(r.updated_by),
        updatedAt: String(r.updated_at),
        commentId: r.comment_id === null ? null : Number(r.comment_id),
      };
    },
    async setReview(rv, expected) {
      const at = new Date().toISOString();
      const values = [rv.state, rv.updatedBy, at, rv.commentId];
      if (expected === 'machine') {
        const n = await sql.run(
          `INSERT INTO review_states (state, updated_by, updated_at, comment_id, subject_kind, subject_id)
           VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
          [...values, rv.subjectKind, rv.subjectId],
        );
        return n > 0;
      }
      const n = await sql.run(
        `UPDATE review_states SET state = ?, updated_by = ?, updated_at = ?, comment_id = ?
         WHERE subject_kind = ? AND subject_id = ? AND state = ?`,
        [...values, rv.subjectKind, rv.subjectId, expected],
      );
      return n > 0;
    },
  };
}
