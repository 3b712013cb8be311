/**
 * Resolves who is asking: an API token (`Authorization: Bearer tok_...`) or a session cookie.
 * Cookie sessions must send the CSRF token on every state-changing request; tokens need not,
 * since a browser never attaches them by itself.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TruceError } from '../core/errors.js';
import { csrfTokenFor, safeEqual } from '../auth/secrets.js';
import type { AccountsService } from '../services/accounts.service.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const sessionCookieName = (secure: boolean): string => (secure ? '__Host-truce_session' : 'truce_session');

export function authHook(accounts: AccountsService, secure: boolean) {
  const cookie = sessionCookieName(secure);
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    request.principal = null;
    request.sessionId = null;
    const header = request.headers.authorization;
    if (header !== undefined) {
      const m = /^Bearer (tok_[A-Za-z0-9_-]{43})$/.exec(header);
      const p = m ? await accounts.fromToken(m[1] as string) : null;
      if (!p) throw new TruceError('E020_UNAUTHENTICATED', { reason: 'the API token is unknown or revoked' });
      request.principal = p;
      return;
    }
    const sessionId = request.cookies[cookie];
    if (!sessionId) return;
    const p = await accounts.fromSession(sessionId);
    if (!p) return; // expired or revoked: the request goes on as the public
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, csrfTokenFor(sessionId))) throw new TruceError('E026_CSRF');
    }
    request.principal = p;
    request.sessionId = sessionId;
  };
}
