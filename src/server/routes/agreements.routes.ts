/**
 * /api/agreements: list and read them (anyone: agreements are public texts), validate one (signed
 * in; stores nothing), upload one (admins; YAML or JSON, validated, E012 names the line or field).
 */
import { requireRole } from '../../auth/principal.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ROLES } from '../../core/roles.js';
import type { App } from '../context.js';
import { presentAgreement, presentAgreementSummary, presentValidation } from '../presenters/agreement.presenter.js';
import { AgreementBody, AgreementParams, UploadQuery } from './agreements.schema.js';
import type { ReadServices } from './read.routes.js';

/** The body types an agreement may come as; all reach the handler as the text that was sent. */
const TEXT_TYPES = [
  'application/json',
  'application/yaml',
  'application/x-yaml',
  'text/yaml',
  'text/x-yaml',
  'text/plain',
];

const formatOf = (contentType: string | undefined): 'json' | 'yaml' =>
  /json/i.test(contentType ?? '') ? 'json' : 'yaml';

export async function agreementRoutes(app: App, r: ReadServices, bodyLimit: number): Promise<void> {
  app.get(
    '/api/agreements',
    { schema: { tags: ['agreements'], summary: 'Agreements: the active one first, then bundled and uploaded ones' } },
    async () => {
      const items = (await r.agreements.list()).map(presentAgreementSummary);
      return { items, total: items.length, activeId: r.agreements.activeId };
    },
  );

  app.get(
    '/api/agreements/:id',
    {
      schema: {
        tags: ['agreements'],
        summary: 'One agreement: parties, terms, phases, and its zones as a GeoJSON FeatureCollection',
        params: AgreementParams,
      },
    },
    async (request) => presentAgreement(await r.agreements.entry(request.params.id)),
  );

  // Own scope: here JSON, like YAML, is kept as text so that errors can name its lines.
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.removeContentTypeParser(['application/json', 'text/plain']);
    scope.addContentTypeParser(TEXT_TYPES, { parseAs: 'string', bodyLimit }, (_req, body, done) => done(null, body));

    scope.post(
      '/api/agreements/validate',
      {
        schema: {
          tags: ['agreements'],
          summary: 'Check an agreement (YAML or JSON) and run its examples; nothing is stored',
          body: AgreementBody,
          consumes: TEXT_TYPES,
        },
      },
      async (request) => {
        requireRole(request.principal, ...ROLES);
        return presentValidation(r.agreements.validate(request.body, formatOf(request.headers['content-type'])));
      },
    );

    scope.post(
      '/api/agreements',
      {
        schema: {
          tags: ['agreements'],
          summary: 'Upload an agreement (admins; YAML or JSON); ?replace=true replaces an uploaded one',
          body: AgreementBody,
          consumes: TEXT_TYPES,
          querystring: UploadQuery,
        },
      },
      async (request, reply) => {
        const { agreement, status } = await r.agreements.upload(
          request.principal,
          request.body,
          formatOf(request.headers['content-type']),
          { replace: request.query.replace === 'true' },
        );
        const entry = await r.agreements.entry(agreement.agreement.id);
        return reply
          .status(status === 'created' ? 201 : 200)
          .send({ status, agreement: presentAgreementSummary(entry) });
      },
    );
  });
}
