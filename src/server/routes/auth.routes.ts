/** Sign-in and sign-out (cookie sessions), own password change, password reset by one-time link. */
import { TruceError } from '../../core/errors.js';
import { sessionCookieName } from '../auth.hook.js';
import type { App, RateLimits, Services } from '../context.js';
import { presentUser } from '../presenters/account.presenter.js';
import { perClient } from '../rate-limits.js';
import { ChangePasswordBody, LoginBody, ResetRequestBody, TokenParams, AcceptBody } from './accounts.schema.js';

export function authRoutes(app: App, s: Services, limits: RateLimits, secure: boolean): void {
  const cookie = sessionCookieName(secure);
  const loginLimit = { rateLimit: { max: limits.login, timeWindow: 60_000 } };

  app.post(
    '/api/auth/login',
    { schema: { tags: ['auth'], body: LoginBody }, config: loginLimit },
    async (request, reply) => {
      const signed = await s.accounts.login(request.body.email, request.body.password);
      reply.setCookie(cookie, signed.sessionId, {
        httpOnly: true,
        secure,
        sameSite: 'strict',
        path: '/',
        expires: new Date(signed.expiresAt),
      });
      return { user: presentUser(signed.user), csrfToken: signed.csrfToken, expiresAt: signed.expiresAt };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
    if (request.sessionId) await s.accounts.logout(request.sessionId);
    reply.clearCookie(cookie, { path: '/', httpOnly: true, secure, sameSite: 'strict' });
    return reply.status(204).send();
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'] } }, async (request) => {
    if (!request.principal) throw new TruceError('E020_UNAUTHENTICATED', { reason: 'no session' });
    const p = request.principal;
    return {
      id: p.userId,
      email: p.email,
      role: p.role,
      partyId: p.partyId,
      via: p.via,
      mustChangePassword: p.mustChangePassword === true,
    };
  });

  // Limited per account too: a session someone else got hold of must not be a way to guess the password.
  app.post(
    '/api/auth/password',
    {
      schema: { tags: ['auth'], body: ChangePasswordBody },
      config: { rateLimit: { max: limits.login, timeWindow: 60_000, keyGenerator: perClient('password') } },
    },
    async (request, reply) => {
      await s.accounts.changePassword(request.principal, request.body.current, request.body.next, request.sessionId);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/reset',
    { schema: { tags: ['auth'], body: ResetRequestBody }, config: loginLimit },
    async (request, reply) => {
      await s.accounts.requestPasswordReset(request.body.email);
      return reply.status(202).send({ message: 'If the account exists, a reset link was written to the outbox' });
    },
  );

  app.post(
    '/api/auth/reset/:token',
    { schema: { tags: ['auth'], params: TokenParams, body: AcceptBody }, config: loginLimit },
    async (request, reply) => {
      await s.accounts.resetPassword(request.params.token, request.body.password);
      return reply.status(204).send();
    },
  );
}
