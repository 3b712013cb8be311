/** The audit log for admins: newest first, a page at a time, filtered by subject, action or actor. */
import type { App, Services } from '../context.js';
import { presentAuditEntry } from '../presenters/account.presenter.js';
import { AuditQuery } from './audit.schema.js';

export function auditRoutes(app: App, s: Services): void {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit log (admins), newest first; page with beforeId = nextBeforeId',
        querystring: AuditQuery,
      },
    },
    async (request) => {
      const page = await s.audit.page(request.principal, request.query);
      return { ...page, items: page.items.map(presentAuditEntry), limit: request.query.limit };
    },
  );
}
