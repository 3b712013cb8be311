/**
 * The record's small vocabularies, as the API spells them: ACLED's six event types (from
 * src/core/taxonomy.ts), the incident grades, and the review states and their moves (from
 * src/core/review-states.ts; the server's ReviewService has the last word). Those two are the only
 * files of src/ the dashboard may import: both are pure data.
 */
import { EVENT_TYPES as TAXONOMY } from '../../src/core/taxonomy.js';
import { REVIEW_STATES, type ReviewState } from '../../src/core/review-states.js';

export const EVENT_TYPES = Object.keys(TAXONOMY) as readonly EventType[];
export type EventType = keyof typeof TAXONOMY;

/** ACLED sub-event types of each event type. */
export const SUB_EVENT_TYPES: Readonly<Record<EventType, readonly string[]>> = TAXONOMY;

export const GRADES = ['single_source', 'corroborated', 'contested'] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_LABELS: Readonly<Record<Grade, string>> = {
  single_source: 'Single source',
  corroborated: 'Corroborated',
  contested: 'Contested',
};

export { REVIEW_STATES, TRANSITIONS, type ReviewState } from '../../src/core/review-states.js';

export const REVIEW_LABELS: Readonly<Record<ReviewState, string>> = {
  machine: 'Machine (not reviewed)',
  under_review: 'Under review',
  confirmed: 'Confirmed',
  rejected: 'Rejected',
  disputed: 'Disputed',
};

export const FINDING_STATUSES = ['violation', 'possible_violation', 'permitted', 'not_covered'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export const FINDING_LABELS: Readonly<Record<FindingStatus, string>> = {
  violation: 'Violation',
  possible_violation: 'Possible violation',
  permitted: 'Permitted',
  not_covered: 'Not covered',
};

export const ROLES = ['admin', 'monitor', 'liaison', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

export function isReviewState(v: unknown): v is ReviewState {
  return typeof v === 'string' && (REVIEW_STATES as readonly string[]).includes(v);
}

export function isGrade(v: unknown): v is Grade {
  return typeof v === 'string' && (GRADES as readonly string[]).includes(v);
}

export function isEventType(v: unknown): v is EventType {
  return typeof v === 'string' && (EVENT_TYPES as readonly string[]).includes(v);
}

export function isFindingStatus(v: unknown): v is FindingStatus {
  return typeof v === 'string' && (FINDING_STATUSES as readonly string[]).includes(v);
}

/** "under_review" -> "Under review", for values this file does not know. */
export function humanize(value: string): string {
  const s = value.replace(/[_-]+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}
