/**
 * The review states of incidents and findings (issue 6) and the moves between them: pure data,
 * shared by the store, the review service (which has the last word) and the dashboard.
 */
export const REVIEW_STATES = ['machine', 'under_review', 'confirmed', 'rejected', 'disputed'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** Allowed moves; a liaison may only dispute (their own comment and evidence). */
export const TRANSITIONS: Readonly<Record<ReviewState, readonly ReviewState[]>> = {
  machine: ['under_review', 'disputed'],
  under_review: ['confirmed', 'rejected', 'disputed'],
  confirmed: ['under_review', 'disputed'],
  rejected: ['under_review', 'disputed'],
  disputed: ['under_review'],
};
