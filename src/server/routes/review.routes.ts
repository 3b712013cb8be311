/** Review of incidents and findings: move one step (with a comment; a dispute with evidence), read the history. */
import { scopeOf } from '../../auth/principal.js';
import type { ReviewStep } from '../../services/review.service.js';
import type { Scope } from '../../auth/principal.js';
import type { App, Services } from '../context.js';
import { presentAuthor } from '../presenters/author.presenter.js';
import { FindingParams, IncidentParams, ReviewBody } from './review.schema.js';

const presentStep = (s: ReviewStep, viewer: Scope) => ({ ...s, by: presentAuthor(s.by, viewer) });

export function reviewRoutes(app: App, s: Services): void {
  const history = async (kind: 'incident' | 'finding', id: string, principal: Parameters<typeof scopeOf>[0]) => {
    const h = await s.review.history(principal, kind, id);
    return { ...h, steps: h.steps.map((x) => presentStep(x, scopeOf(principal))) };
  };

  app.post(
    '/api/incidents/:id/review',
    {
      schema: {
        tags: ['review'],
        summary: 'Move an incident one review step (monitors and admins), with a comment',
        params: IncidentParams,
        body: ReviewBody,
      },
    },
    async (request, reply) => {
      const id = String(request.params.id);
      const step = await s.review.move(request.principal, 'incident', id, request.body);
      return reply.status(201).send({ state: step.to, step: presentStep(step, scopeOf(request.principal)) });
    },
  );

  app.get(
    '/api/incidents/:id/review',
    { schema: { tags: ['review'], summary: "An incident's review state and history", params: IncidentParams } },
    async (request) => history('incident', String(request.params.id), request.principal),
  );

  app.post(
    '/api/findings/:findingId/review',
    {
      schema: {
        tags: ['review'],
        summary:
          "Move a finding one review step; a party's liaison may dispute a finding against their party, with evidence",
        params: FindingParams,
        body: ReviewBody,
      },
    },
    async (request, reply) => {
      const step = await s.review.move(request.principal, 'finding', request.params.findingId, request.body);
      return reply.status(201).send({ state: step.to, step: presentStep(step, scopeOf(request.principal)) });
    },
  );

  app.get(
    '/api/findings/:findingId/review',
    { schema: { tags: ['review'], summary: "A finding's review state and history", params: FindingParams } },
    async (request) => history('finding', request.params.findingId, request.principal),
  );
}
