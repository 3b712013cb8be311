/** Threads of comments on an incident: read and write for anyone signed in who may see the incident. */
import { scopeOf } from '../../auth/principal.js';
import type { App, RateLimits, Services } from '../context.js';
import { presentAuthor } from '../presenters/author.presenter.js';
import { CommentBody, IncidentParams } from './comments.schema.js';

export function commentRoutes(app: App, s: Services, limits: RateLimits): void {
  app.get(
    '/api/incidents/:id/comments',
    { schema: { tags: ['comments'], summary: "An incident's comments, oldest first", params: IncidentParams } },
    async (request) => {
      const items = await s.comments.list(request.principal, request.params.id);
      const viewer = scopeOf(request.principal);
      return { items: items.map((c) => ({ ...c, by: presentAuthor(c.by, viewer) })), total: items.length };
    },
  );

  app.post(
    '/api/incidents/:id/comments',
    {
      schema: {
        tags: ['comments'],
        summary: 'Comment on an incident, or answer a comment (parentId)',
        params: IncidentParams,
        body: CommentBody,
      },
      config: {
        rateLimit: {
          max: limits.submit,
          timeWindow: 60_000,
          keyGenerator: (req) => `comment:${req.principal?.userId ?? req.ip}`,
        },
      },
    },
    async (request, reply) => {
      const c = await s.comments.add(request.principal, request.params.id, request.body);
      return reply.status(201).send({ ...c, by: presentAuthor(c.by, scopeOf(request.principal)) });
    },
  );
}
