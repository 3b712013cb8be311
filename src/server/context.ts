/** What every route may use: the services, the options, and the principal resolved per request. */
import type {
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { FastifyBaseLogger } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Principal } from '../auth/principal.js';
import type { AccountsService } from '../services/accounts.service.js';
import type { AuditService } from '../services/audit.service.js';
import type { CommentsService } from '../services/comments.service.js';
import type { FieldReportService } from '../services/field-report.service.js';
import type { ReviewService } from '../services/review.service.js';
import type { SubmitService } from '../services/submit.service.js';
import type { WatchlistService } from '../services/watchlist.service.js';
import type { Store } from '../store/store.js';

export interface Services {
  readonly store: Store;
  readonly accounts: AccountsService;
  readonly audit: AuditService;
  readonly submit: SubmitService;
  readonly review: ReviewService;
  readonly comments: CommentsService;
  readonly watchlist: WatchlistService;
  readonly fieldReports: FieldReportService;
}

export interface RateLimits {
  /** Login attempts per minute per client address. */
  readonly login: number;
  /** Report submissions per minute per account. */
  readonly submit: number;
  /** Exports of the whole record (CSV, GeoJSON, JSON Lines) per minute per account (the public: per address). */
  readonly export: number;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module 'fastify' {
  interface FastifyRequest {
    /** Null for the public (no login, or a session or token that no longer works). */
    principal: Principal | null;
    /** The raw session id from the cookie, when the principal came from one. */
    sessionId: string | null;
    /** A form post whose CSRF token is in its body, still to be checked (auth.hook.ts formCsrfHook). */
    csrfPending: boolean;
  }
}
