/**
 * POST /api/field-reports: a monitor's structured field report, as JSON or as an HTML form post
 * (application/x-www-form-urlencoded, with the CSRF token in its `_csrf` field). Form bodies are
 * parsed only here (@fastify/formbody in this route's own context).
 */
import fastifyFormbody from '@fastify/formbody';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App, RateLimits, Services } from '../context.js';
import { FieldReportBody, fromFormFields } from './field-reports.schema.js';

const isForm = (contentType: string | undefined) => /^application\/x-www-form-urlencoded\b/i.test(contentType ?? '');

export async function fieldReportRoutes(app: App, s: Services, limits: RateLimits): Promise<void> {
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    await scope.register(fastifyFormbody, { bodyLimit: 64 * 1024 });
    scope.post(
      '/api/field-reports',
      {
        schema: {
          tags: ['reports'],
          summary:
            "A monitor's field report (who, what, where, when, killed, source, confidence) -> a report and one event",
          description:
            'JSON, or an HTML form post with dotted field names (who.actor1, where.latitude ...) and the CSRF token ' +
            'in `_csrf`. A form post from a browser is answered with a redirect to the incident.',
          body: FieldReportBody,
        },
        preValidation: async (request) => {
          if (isForm(request.headers['content-type']) && request.body && typeof request.body === 'object')
            request.body = fromFormFields(request.body as Record<string, unknown>) as typeof request.body;
        },
        config: {
          rateLimit: {
            max: limits.submit,
            timeWindow: 60_000,
            keyGenerator: (req) => `field-report:${req.principal?.userId ?? req.ip}`,
          },
        },
      },
      async (request, reply) => {
        const filed = await s.fieldReports.file(request.principal, request.body);
        const body = { id: filed.reportId, ...filed };
        const browser = /text\/html/i.test(request.headers.accept ?? '');
        if (isForm(request.headers['content-type']) && browser) {
          const to = filed.incidentId === null ? '/#/field-report' : `/#/incidents/${filed.incidentId}`;
          return reply.status(303).header('location', to).send(body);
        }
        return reply.status(201).send(body);
      },
    );
  });
}
