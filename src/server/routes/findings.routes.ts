/** Findings of an agreement, and one finding by id: only what the viewer may see is judged. */
import { scopeOf } from '../../auth/principal.js';
import type { App } from '../context.js';
import { presentFinding } from '../presenters/finding.presenter.js';
import { AgreementParams, FindingParams, FindingsQuery } from './agreements.schema.js';
import type { ReadServices } from './read.routes.js';

export function findingRoutes(app: App, r: ReadServices): void {
  app.get(
    '/api/agreements/:id/findings',
    {
      schema: {
        tags: ['findings'],
        summary: 'Findings of the incidents you may see against each term, newest first',
        description:
          'Finding ids are "<agreementId>:<termId>:<incidentId>" (e<eventId> for an event in no incident, `term` ' +
          'for a finding about the whole term). By default every status but not_covered; `party` matches the ' +
          'acting or the answerable party.',
        params: AgreementParams,
        querystring: FindingsQuery,
      },
    },
    async (request) => {
      const { limit, offset, ...q } = request.query;
      const page = await r.findings.list(scopeOf(request.principal), request.params.id, { ...q, limit, offset });
      return { items: page.items.map(presentFinding), total: page.total, limit, offset };
    },
  );

  app.get(
    '/api/findings/:id',
    {
      schema: {
        tags: ['findings'],
        summary: 'One finding by id, with its explanation and review state',
        params: FindingParams,
      },
    },
    async (request) => presentFinding(await r.findings.get(scopeOf(request.principal), request.params.id)),
  );
}
