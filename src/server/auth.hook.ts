/**
 * Resolves who is asking: an API token (`Authorization: Bearer tok_...`) or a session cookie.
 * Cookie sessions must send the CSRF token on every state-changing request; tokens need not,
 * since a browser never attaches them by itself. An HTML form cannot set a header, so a form post
 * (application/x-www-form-urlencoded) may carry the token in its `_csrf` field instead: it is
 * checked by formCsrfHook once the body is read, before validation and the handler.
 *
 * A state-changing request that a browser marks as coming from another site (Sec-Fetch-Site:
 * cross-site or same-site) is refused before anything else, whoever sends it: this covers what the
 * CSRF token cannot, a cross-site sign-in (login CSRF) or password-reset post, which carry no session.
 *
 * A session still on a one-time password (the bootstrap admin's) may only replace it, see who it
 * is, and sign out: other writes are refused, and other reads are answered as for the public.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TruceError } from '../core/errors.js';
import { csrfTokenFor, safeEqual } from '../auth/secrets.js';
import type { AccountsService } from '../services/accounts.service.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Sec-Fetch-Site values of a request another site made the browser send (`same-site`: a sibling subdomain). */
const FOREIGN_SITES = new Set(['cross-site', 'same-site']);
/** What a session on a one-time password may still do as itself. */
const BEFORE_PASSWORD_CHANGE = new Set(['/api/auth/password', '/api/auth/me', '/api/auth/logout', '/api/config']);

export const sessionCookieName = (secure: boolean): string => (secure ? '__Host-truce_session' : 'truce_session');

export function authHook(accounts: AccountsService, secure: boolean) {
  const cookie = sessionCookieName(secure);
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    request.principal = null;
    request.sessionId = null;
    if (!SAFE_METHODS.has(request.method) && FOREIGN_SITES.has(String(request.headers['sec-fetch-site'])))
      throw new TruceError('E021_FORBIDDEN', { reason: 'a request from another site may not change anything' });
    const header = request.headers.authorization;
    if (header !== undefined) {
      const m = /^Bearer (tok_[A-Za-z0-9_-]{43})$/.exec(header);
      const p = m ? await accounts.fromToken(m[1] as string) : null;
      // One answer for an unknown, revoked or expired token: which one it is stays unsaid.
      if (!p) throw new TruceError('E020_UNAUTHENTICATED', { reason: 'the API token is unknown, revoked or expired' });
      request.principal = p;
      return;
    }
    const sessionId = request.cookies[cookie];
    if (!sessionId) return;
    const p = await accounts.fromSession(sessionId);
    if (!p) return; // expired or revoked: the request goes on as the public
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent === 'string') {
        if (!safeEqual(sent, csrfTokenFor(sessionId))) throw new TruceError('E026_CSRF');
      } else if (isFormPost(request)) request.csrfPending = true;
      else throw new TruceError('E026_CSRF');
    }
    request.sessionId = sessionId;
    if (p.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(request.url.split('?')[0] as string)) {
      if (!SAFE_METHODS.has(request.method))
        throw new TruceError('E021_FORBIDDEN', {
          reason: 'replace the one-time password first (POST /api/auth/password)',
        });
      return; // reads go on as the public until the password is replaced
    }
    request.principal = p;
  };
}

const isFormPost = (request: FastifyRequest): boolean =>
  /^application\/x-www-form-urlencoded\b/i.test(request.headers['content-type'] ?? '');

/** preValidation, on every route: a form post's `_csrf` field must match its session. */
export async function formCsrfHook(request: FastifyRequest): Promise<void> {
  if (!request.csrfPending) return;
  const body = request.body as Record<string, unknown> | null | undefined;
  const sent = body && typeof body === 'object' ? body._csrf : undefined;
  if (typeof sent !== 'string' || request.sessionId === null || !safeEqual(sent, csrfTokenFor(request.sessionId)))
    throw new TruceError('E026_CSRF');
  request.csrfPending = false;
}
