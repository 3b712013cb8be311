/**
 * Review states of incidents and findings (machine -> under_review -> confirmed | rejected |
 * disputed), the history of every move, and comment threads. The allowed moves are decided by
 * services/review.service.ts.
 */
import type { Row, Sql } from './sql-runner.js';

import type { ReviewState } from '../core/review-states.js';

export { REVIEW_STATES, type ReviewState } from '../core/review-states.js';
export type ReviewSubject = 'incident' | 'finding';

export interface Comment {
  readonly id: number;
  readonly subjectKind: ReviewSubject | 'report';
  readonly subjectId: string;
  readonly userId: number | null;
  /** The comment this one answers (same subject), null for a new thread. */
  readonly parentId: number | null;
  readonly body: string;
  readonly createdAt: string;
}

/** A party's evidence with a dispute: a link and/or their own account. */
export interface Evidence {
  readonly url: string | null;
  readonly text: string | null;
}

export interface ReviewMove {
  readonly id: number;
  readonly subjectKind: ReviewSubject;
  readonly subjectId: string;
  /** The incident the subject is about (itself, or a finding's incident). */
  readonly incidentId: number | null;
  readonly from: ReviewState;
  readonly to: ReviewState;
  readonly userId: number | null;
  readonly commentId: number | null;
  readonly evidence: Evidence | null;
  readonly at: string;
}

export type NewReviewMove = Omit<ReviewMove, 'id' | 'at'>;

export interface Review {
  readonly subjectKind: ReviewSubject;
  readonly subjectId: string;
  readonly state: ReviewState;
  readonly updatedBy: number | null;
  readonly updatedAt: string;
  readonly commentId: number | null;
}

export interface ReviewStore {
  addComment(
    kind: Comment['subjectKind'],
    subjectId: string,
    userId: number | null,
    body: string,
    parentId?: number | null,
  ): Promise<Comment>;
  getComment(id: number): Promise<Comment | null>;
  comments(kind: Comment['subjectKind'], subjectId: string): Promise<Comment[]>;
  /** Comments on any of these subjects made after `since` (ISO time), oldest first, at most `limit`. */
  commentsSince(
    kind: Comment['subjectKind'],
    subjectIds: readonly string[],
    since: string,
    limit?: number,
  ): Promise<Comment[]>;
  addMove(move: NewReviewMove): Promise<ReviewMove>;
  /** Every move of one subject, oldest first. */
  moves(kind: ReviewSubject, subjectId: string): Promise<ReviewMove[]>;
  /** Moves about any of these incidents (theirs and their findings') after `since`, oldest first. */
  movesSince(incidentIds: readonly number[], since: string, limit?: number): Promise<ReviewMove[]>;
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
  parentId: r.parent_id === null || r.parent_id === undefined ? null : Number(r.parent_id),
  body: r.body as string,
  createdAt: String(r.created_at),
});

const toMove = (r: Row): ReviewMove => ({
  id: Number(r.id),
  subjectKind: r.subject_kind as ReviewSubject,
  subjectId: String(r.subject_id),
  incidentId: r.incident_id === null ? null : Number(r.incident_id),
  from: r.from_state as ReviewState,
  to: r.to_state as ReviewState,
  userId: r.user_id === null ? null : Number(r.user_id),
  commentId: r.comment_id === null ? null : Number(r.comment_id),
  evidence:
    r.evidence_url === null && r.evidence_text === null
      ? null
      : { url: (r.evidence_url as string | null) ?? null, text: (r.evidence_text as string | null) ?? null },
  at: String(r.at),
});

/** `IN (?, ?, ...)` for a non-empty list. */
const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');
const CHUNK = 500;

export function createReviewStore(sql: Sql): ReviewStore {
  return {
    async addComment(kind, subjectId, userId, body, parentId = null) {
      const r = await sql.get(
        `INSERT INTO comments (subject_kind, subject_id, user_id, body, created_at, parent_id)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING *`,
        [kind, subjectId, userId, body, new Date().toISOString(), parentId],
      );
      return toComment(r as Row);
    },
    async getComment(id) {
      const r = await sql.get('SELECT * FROM comments WHERE id = ?', [id]);
      return r ? toComment(r) : null;
    },
    async commentsSince(kind, subjectIds, since, limit = 500) {
      const out: Comment[] = [];
      for (let i = 0; i < subjectIds.length && out.length < limit; i += CHUNK) {
        const ids = subjectIds.slice(i, i + CHUNK);
        const rows = await sql.all(
          `SELECT * FROM comments WHERE subject_kind = ? AND subject_id IN (${marks(ids.length)}) AND created_at > ?
           ORDER BY id LIMIT ?`,
          [kind, ...ids, since, limit - out.length],
        );
        out.push(...rows.map(toComment));
      }
      return out.sort((a, b) => a.id - b.id);
    },
    async addMove(m) {
      const r = await sql.get(
        `INSERT INTO review_moves (subject_kind, subject_id, incident_id, from_state, to_state, user_id, comment_id,
           evidence_url, evidence_text, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        [
          m.subjectKind,
          m.subjectId,
          m.incidentId,
          m.from,
          m.to,
          m.userId,
          m.commentId,
          m.evidence?.url ?? null,
          m.evidence?.text ?? null,
          new Date().toISOString(),
        ],
      );
      return toMove(r as Row);
    },
    async moves(kind, subjectId) {
      return (
        await sql.all('SELECT * FROM review_moves WHERE subject_kind = ? AND subject_id = ? ORDER BY id', [
          kind,
          subjectId,
        ])
      ).map(toMove);
    },
    async movesSince(incidentIds, since, limit = 500) {
      const out: ReviewMove[] = [];
      for (let i = 0; i < incidentIds.length && out.length < limit; i += CHUNK) {
        const ids = incidentIds.slice(i, i + CHUNK);
        const rows = await sql.all(
          `SELECT * FROM review_moves WHERE incident_id IN (${marks(ids.length)}) AND at > ? ORDER BY id LIMIT ?`,
          [...ids, since, limit - out.length],
        );
        out.push(...rows.map(toMove));
      }
      return out.sort((a, b) => a.id - b.id);
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
