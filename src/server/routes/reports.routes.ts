/** /api/reports: submit (signed in, rate-limited), list and search, get one with its analysis. */
import { TruceError } from '../../core/errors.js';
import { requireRole, scopeOf } from '../../auth/principal.js';
import type { App, RateLimits, Services } from '../context.js';
import { presentReport, presentReportSummary } from '../presenters/report.presenter.js';
import { ListReportsQuery, ReportParams, SubmitBody, SubmitQuery } from './reports.schema.js';

export function reportRoutes(app: App, s: Services, limits: RateLimits): void {
  app.post(
    '/api/reports',
    {
      schema: {
        tags: ['reports'],
        summary: 'Submit a report: JSON with its text or only a url to fetch, or a raw text/plain or text/html body',
        body: SubmitBody,
        querystring: SubmitQuery,
      },
      config: {
        rateLimit: {
          max: limits.submit,
          timeWindow: 60_000,
          keyGenerator: (req) => `submit:${req.principal?.userId ?? req.ip}`,
        },
      },
    },
    async (request, reply) => {
      const p = requireRole(request.principal, 'admin', 'monitor', 'liaison', 'analyst');
      const body = request.body;
      const submission =
        typeof body === 'string'
          ? {
              ...request.query,
              text: body,
              mediaType: /^text\/html/i.test(request.headers['content-type'] ?? '')
                ? ('text/html' as const)
                : ('text/plain' as const),
            }
          : { ...body, mediaType: body.format === 'html' ? ('text/html' as const) : ('text/plain' as const) };
      const put = await s.submit.submit(p, submission);
      return reply.status(put.status === 'new' ? 201 : 200).send(put);
    },
  );

  app.get(
    '/api/reports',
    { schema: { tags: ['reports'], summary: 'List or search the reports you may see', querystring: ListReportsQuery } },
    async (request) => {
      const scope = scopeOf(request.principal);
      const { q, limit, offset } = request.query;
      const [items, total] = await Promise.all([
        s.store.access.listReports(scope, { query: q, limit, offset }),
        s.store.access.countReports(scope, { query: q }),
      ]);
      return { items: items.map(presentReportSummary), total, limit, offset };
    },
  );

  app.get(
    '/api/reports/:id',
    { schema: { tags: ['reports'], summary: 'One report with its analysis', params: ReportParams } },
    async (request) => {
      const scope = scopeOf(request.principal);
      const { id } = request.params;
      // Invisible and missing look the same: a 404 must not confirm that a protected report exists.
      if (!(await s.store.access.canSee(id, scope))) throw new TruceError('E022_NOT_FOUND', { what: `Report ${id}` });
      const [report, analysis, shared] = await Promise.all([
        s.store.getReport(id),
        s.store.getAnalysis(id),
        s.store.access.sharedWith(id),
      ]);
      if (!report) throw new TruceError('E022_NOT_FOUND', { what: `Report ${id}` });
      return presentReport(report, analysis, shared, scope);
    },
  );
}
