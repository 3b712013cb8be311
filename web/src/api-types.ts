/**
 * The shapes the dashboard reads from the API (docs: /docs, plan: issue 6). Only what the views
 * use is typed; every field the server may leave out is optional, so a partial answer still renders.
 */
import type { FeatureCollection } from 'geojson';
import type { ReviewState, Role } from './vocab.js';

export interface List<T> {
  readonly items: readonly T[];
  readonly total: number;
}

export interface Me {
  readonly id: number;
  readonly email: string;
  readonly role: Role;
  readonly partyId: string | null;
  readonly csrfToken?: string;
  /** Set on sign-in with a one-time password: the page asks for a new one first. */
  readonly mustChangePassword?: boolean;
}

export interface Config {
  readonly tileUrl: string | null;
  readonly tileAttribution: string | null;
  readonly agreement: string | null;
  /** Who is signed in, and the session's CSRF token (null for the public). */
  readonly session?: { readonly user: Me; readonly csrfToken: string | null } | null;
}

export interface DateSpan {
  readonly start: string | null;
  readonly end: string | null;
  readonly precision?: number | null;
}

export interface Incident {
  readonly id: string;
  readonly date: DateSpan;
  readonly eventType: string | null;
  readonly subEventType?: string | null;
  readonly actor1?: string | null;
  readonly actor2?: string | null;
  readonly location?: string | null;
  readonly admin1?: string | null;
  readonly country?: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly geoPrecision?: number | null;
  readonly grade: string;
  readonly independentSources?: number;
  readonly fatalitiesLow?: number | null;
  readonly fatalitiesBest?: number | null;
  readonly fatalitiesHigh?: number | null;
  readonly reviewState?: ReviewState | string;
  readonly parties?: readonly string[];
  readonly sourceCount?: number;
}

export interface IncidentEvent {
  readonly id: number | string;
  readonly event_type?: string;
  readonly sub_event_type?: string;
  readonly actor1?: string | null;
  readonly actor2?: string | null;
  readonly location?: string | null;
  readonly event_date?: string | null;
  readonly time_precision?: number | null;
  readonly fatalities?: number | null;
  readonly modality?: string | null;
  readonly confidence?: number | null;
  readonly evidence?: string | null;
  readonly source?: string | null;
  readonly reportId?: number | null;
}

export interface IncidentSource {
  readonly reportId?: number | null;
  readonly origin?: string | null;
  readonly source?: string | null;
  readonly url?: string | null;
  readonly headline?: string | null;
  readonly published?: string | null;
  readonly grade?: string | null;
  readonly eventIds?: readonly (number | string)[];
  readonly evidence?: readonly { readonly start: number; readonly end: number; readonly text?: string }[];
  /** The report's text when the server sends it along; else the page asks /api/reports/:id. */
  readonly body?: string | null;
  /** Set when this report is a copy of another one (then it is not an independent source). */
  readonly copyOf?: string | null;
  /** What this source says happened, one line per event read from it. */
  readonly claims?: readonly SourceClaim[];
}

export interface SourceClaim {
  readonly eventType: string | null;
  readonly subEventType: string | null;
  readonly actor1: string | null;
  readonly actor2: string | null;
  readonly location: string | null;
  readonly date: string | null;
  readonly fatalities: number | null;
  readonly modality: string | null;
}

export interface Finding {
  readonly id: string;
  readonly term: string;
  readonly termTitle?: string | null;
  readonly party: string | null;
  readonly incidentId: string | null;
  readonly status: string;
  readonly confidence?: number;
  readonly reasons?: readonly string[];
  readonly explanation: string;
  readonly eventIds?: readonly string[];
  readonly reviewState?: ReviewState | string;
  readonly day?: string | null;
}

export interface ReviewStep {
  readonly from?: string | null;
  readonly to: string;
  /** Who, as the viewer may know them ("monitor", or an email for overseers). */
  readonly by?: string | null;
  readonly at: string;
  readonly comment?: string | null;
  readonly evidence?: { readonly url?: string; readonly text?: string } | null;
}

export interface Comment {
  readonly id: string;
  readonly author?: string | null;
  readonly text: string;
  readonly at: string;
  readonly parentId?: string | null;
  /** Written with a review step (it is also in the review history). */
  readonly review?: boolean;
}

export interface IncidentDetail {
  readonly incident: Incident;
  readonly events: readonly IncidentEvent[];
  readonly sources: readonly IncidentSource[];
  readonly findings: readonly Finding[];
  readonly history: readonly ReviewStep[];
  readonly comments: readonly Comment[];
}

export interface Party {
  readonly id: string;
  readonly name: string;
}

export interface Phase {
  readonly id: string;
  readonly name: string;
}

export interface AgreementSummary {
  readonly id: string;
  readonly title: string;
  readonly parties: readonly Party[];
  readonly phases?: readonly Phase[];
  readonly active?: boolean;
}

export interface Agreement extends AgreementSummary {
  /** When it applies (local time of its time zone); `to` is absent when no end was agreed. */
  readonly effective?: { readonly from: string; readonly to?: string | null } | null;
  readonly zones?: FeatureCollection | null;
  readonly timeZone?: string;
}

export interface TermPartyCount {
  readonly term: string;
  readonly title?: string;
  readonly party: string;
  readonly violation: number;
  readonly possible_violation: number;
  readonly permitted?: number;
}

export interface DayCounts {
  readonly day: string;
  readonly parties: Readonly<
    Record<string, { readonly violations: number; readonly possible: number; readonly incidents?: number }>
  >;
  readonly reduced?: boolean;
  readonly run?: number;
}

export interface PhaseGate {
  readonly id: string;
  readonly name: string;
  readonly starts?: string | null;
  readonly ends?: string | null;
  readonly gate: null | {
    readonly consecutiveDays: number;
    readonly metOn: string | null;
    readonly explanation: string;
  };
}

export interface Compliance {
  readonly period?: { readonly from: string; readonly to: string };
  readonly headline?: {
    readonly violations: number;
    readonly possibleViolations: number;
    readonly permitted: number;
    readonly incidentsWithViolation: number;
  };
  /** Findings left out because a monitor rejected them (or their incident). */
  readonly excludedByReview?: number;
  readonly terms: readonly { readonly id: string; readonly title: string; readonly kind?: string }[];
  readonly counts: readonly TermPartyCount[];
  readonly latest: readonly Finding[];
  readonly daily: readonly DayCounts[];
  readonly streak?: {
    readonly current: number;
    readonly longest: number;
    readonly threshold?: number;
    readonly lastReset?: string | null;
  };
  readonly phases: readonly PhaseGate[];
}

export interface WatchItem {
  readonly id: number | string;
  readonly kind: 'zone' | 'actor' | 'incident';
  readonly value: string;
  readonly label?: string | null;
}

export interface WatchChange {
  readonly kind: 'new events' | 'review' | 'comment';
  readonly incidentId?: string | null;
  readonly summary: string;
  readonly at?: string | null;
}

export interface Changes {
  readonly items: readonly WatchChange[];
  readonly since: string | null;
  /** Pass back to /api/watchlist/seen to mark exactly these as seen. */
  readonly until: string | null;
  readonly firstVisit: boolean;
  readonly truncated: boolean;
}

export interface FieldReportInput {
  readonly who: { readonly actor1: string; readonly actor2?: string };
  readonly what: { readonly eventType: string; readonly subEventType: string };
  readonly where: {
    readonly latitude: number;
    readonly longitude: number;
    readonly location?: string;
    readonly country?: string;
    readonly geoPrecision: 1 | 2 | 3;
  };
  readonly when: { readonly date: string; readonly precision?: 1 | 2 | 3 };
  readonly fatalities?: number;
  readonly source: string;
  readonly confidence: number;
  readonly notes?: string;
  readonly visibility: 'public' | 'monitors' | 'restricted';
  readonly parties?: readonly string[];
}

/** One of the signed-in account's API tokens, as GET /api/tokens lists it (never its secret). */
export interface ApiToken {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string | null;
  /** When it was revoked; null while it works. */
  readonly revokedAt: string | null;
  /** When it stops working by itself (null: never). */
  readonly expiresAt: string | null;
  /** The last request it authenticated, to within a minute (null: never used). */
  readonly lastUsedAt: string | null;
}

/** The answer to POST /api/tokens: the token with its secret, which is shown this once. */
export interface NewApiToken {
  readonly id: string;
  readonly name: string;
  readonly token: string;
  /** When it stops working by itself (null: never). */
  readonly expiresAt: string | null;
}
