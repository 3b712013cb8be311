/** An agreement's compliance board, computed only from what the viewer may see. */
import { scopeOf } from '../../auth/principal.js';
import type { App } from '../context.js';
import { presentCompliance } from '../presenters/finding.presenter.js';
import { AgreementParams, PeriodQuery } from './agreements.schema.js';
import type { ReadServices } from './read.routes.js';

export function complianceRoutes(app: App, r: ReadServices): void {
  app.get(
    '/api/agreements/:id/compliance',
    {
      schema: {
        tags: ['compliance'],
        summary: 'Per term and party: findings by status and the latest violations; timeline; streak; phase gates',
        description:
          'Default period: from the effective day to the last incident day. Findings a monitor rejected (or about ' +
          'a rejected incident) are left out of every count and tallied in excludedByReview.',
        params: AgreementParams,
        querystring: PeriodQuery,
      },
    },
    async (request) =>
      presentCompliance(await r.compliance.board(scopeOf(request.principal), request.params.id, request.query)),
  );
}
