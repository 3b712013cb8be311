/** Invitations (admin), accepting one, API tokens and the outbox (admin). The audit log: audit.routes.ts. */
import { requireRole } from '../../auth/principal.js';
import type { App, RateLimits, Services } from '../context.js';
import { presentUser } from '../presenters/account.presenter.js';
import { AcceptBody, InviteBody, NewTokenBody, TokenIdParams, TokenParams } from './accounts.schema.js';

export function accountRoutes(app: App, s: Services, limits: RateLimits): void {
  app.post('/api/invitations', { schema: { tags: ['accounts'], body: InviteBody } }, async (request, reply) => {
    const inv = await s.accounts.invite(request.principal, request.body);
    // The link is also in the outbox; returning it lets the admin pass it on by hand.
    return reply.status(201).send({ id: inv.id, token: inv.token, expiresAt: inv.expiresAt });
  });

  app.post(
    '/api/invitations/:token/accept',
    {
      schema: { tags: ['accounts'], params: TokenParams, body: AcceptBody },
      config: { rateLimit: { max: limits.login, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const user = await s.accounts.acceptInvitation(request.params.token, request.body.password);
      return reply.status(201).send(presentUser(user));
    },
  );

  app.post('/api/tokens', { schema: { tags: ['accounts'], body: NewTokenBody } }, async (request, reply) => {
    const t = await s.accounts.createToken(request.principal, request.body.name, request.body.expiresInDays);
    return reply.status(201).send({ ...t, note: 'Shown once: only its hash is stored' });
  });

  app.get('/api/tokens', { schema: { tags: ['accounts'], summary: 'Your own API tokens' } }, async (request) => ({
    items: await s.accounts.listTokens(request.principal),
  }));

  app.delete(
    '/api/tokens/:id',
    { schema: { tags: ['accounts'], summary: 'Revoke one of your API tokens', params: TokenIdParams } },
    async (request, reply) => {
      await s.accounts.revokeToken(request.principal, request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/outbox',
    { schema: { tags: ['accounts'], summary: 'Mail not sent (no SMTP yet): invitation and reset links' } },
    async (request) => {
      requireRole(request.principal, 'admin');
      return { items: await s.store.accounts.listOutbox() };
    },
  );
}
