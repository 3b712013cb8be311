/** Which review moves to offer whom (the server decides; the page only hides what would be refused). */
import { isReviewState, TRANSITIONS, type ReviewState, type Role } from './vocab.js';

export interface Viewer {
  readonly role: Role;
  readonly partyId: string | null;
}

export interface Subject {
  readonly kind: 'incident' | 'finding';
  readonly state: string | null | undefined;
  /** A finding's party (the one whose act it is). */
  readonly party?: string | null;
  /** A finding's status: a liaison disputes only what counts against their party. */
  readonly status?: string;
}

const AGAINST = new Set(['violation', 'possible_violation']);

export function allowedMoves(viewer: Viewer | null, subject: Subject): ReviewState[] {
  if (!viewer) return [];
  const state: ReviewState = isReviewState(subject.state) ? subject.state : 'machine';
  const next = TRANSITIONS[state];
  if (viewer.role === 'admin' || viewer.role === 'monitor') return [...next];
  if (viewer.role !== 'liaison') return [];
  const ownFinding = subject.kind === 'finding' && viewer.partyId !== null && subject.party === viewer.partyId;
  const against = subject.status === undefined || AGAINST.has(subject.status);
  return ownFinding && against && next.includes('disputed') ? ['disputed'] : [];
}

export const MOVE_LABELS: Readonly<Record<ReviewState, string>> = {
  machine: 'Back to machine',
  under_review: 'Start review',
  confirmed: 'Confirm',
  rejected: 'Reject',
  disputed: 'Dispute',
};
