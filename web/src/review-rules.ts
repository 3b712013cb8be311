/** Which review moves to offer whom (the server decides; the page only hides what would be refused). */
import { isReviewState, TRANSITIONS, type ReviewState, type Role } from './vocab.js';

export interface Viewer {
  readonly role: Role;
  readonly partyId: string | null;
}

export function allowedMoves(
  viewer: Viewer | null,
  subject: { kind: 'incident' | 'finding'; state: string | null | undefined; party?: string | null },
): ReviewState[] {
  if (!viewer) return [];
  const state: ReviewState = isReviewState(subject.state) ? subject.state : 'machine';
  const next = TRANSITIONS[state];
  if (viewer.role === 'admin' || viewer.role === 'monitor') return [...next];
  if (viewer.role === 'liaison')
    return subject.kind === 'finding' &&
      viewer.partyId !== null &&
      subject.party === viewer.partyId &&
      next.includes('disputed')
      ? ['disputed']
      : [];
  return [];
}

export const MOVE_LABELS: Readonly<Record<ReviewState, string>> = {
  machine: 'Back to machine',
  under_review: 'Start review',
  confirmed: 'Confirm',
  rejected: 'Reject',
  disputed: 'Dispute',
};
