/**
 * Rate limits (in memory, one process): sign-in and one-time links per client address, submission
 * per account, and exports of the whole record per account (the public: per address). Exceeding one
 * answers 429 E025 with Retry-After (seconds) and the wait in the message.
 */
import type { FastifyRequest } from 'fastify';
import { TruceError } from '../core/errors.js';
import type { RateLimits } from './context.js';

export const DEFAULT_RATE_LIMITS: RateLimits = { login: 10, submit: 30, export: 10 };

/** One bucket per account when signed in (sessions and tokens alike), else per client address. */
export const perClient = (name: string) => (request: FastifyRequest) =>
  `${name}:${request.principal ? `user:${request.principal.userId}` : `ip:${request.ip}`}`;

/** @fastify/rate-limit's error, as the catalogue's E025 (the plugin has set Retry-After already). */
export const rateLimitError = (_request: FastifyRequest, context: { after: string }) =>
  new TruceError('E025_RATE_LIMITED', { retry: context.after });

/**
 * The limit on a whole-record export (CSV, GeoJSON, JSON Lines) per minute; `applies` narrows it to
 * some requests of a route (e.g. only the file formats of /api/incidents, not the dashboard's JSON).
 */
export function exportLimit(limits: RateLimits, name: string, applies?: (request: FastifyRequest) => boolean) {
  return {
    rateLimit: {
      max: limits.export,
      timeWindow: 60_000,
      keyGenerator: perClient(name),
      ...(applies ? { allowList: (request: FastifyRequest) => !applies(request) } : {}),
    },
  };
}
