/** Every error leaves the server as {code, message} with the catalogue's HTTP status. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { TruceError } from '../../core/errors.js';

export interface ErrorBody {
  readonly code: string;
  readonly message: string;
}

export function presentError(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof TruceError)
    return { status: error.status, body: { code: error.shortCode, message: error.message } };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issue = error.validation[0];
    const where = issue?.instancePath?.replace(/^\//, '').replace(/\//g, '.') || error.validationContext || 'request';
    const e = new TruceError('E007_BAD_OPTION', { option: where, reason: issue?.message ?? 'invalid' });
    return presentError(e);
  }
  const f = error as Partial<FastifyError>;
  if (f.statusCode === 429) return presentError(new TruceError('E025_RATE_LIMITED', { retry: 'a minute' }));
  if (f.statusCode === 413)
    return presentError(
      new TruceError('E003_INPUT_TOO_LARGE', { what: 'the request', size: '?', limit: 'the body limit' }),
    );
  if (f.statusCode === 415 || f.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return presentError(
      new TruceError('E004_INPUT_BINARY', { what: 'the request', reason: 'unsupported content type' }),
    );
  if (f.statusCode !== undefined && f.statusCode >= 400 && f.statusCode < 500)
    return presentError(new TruceError('E007_BAD_OPTION', { option: 'request', reason: f.message ?? 'bad request' }));
  return { status: 500, body: { code: 'E000', message: 'Internal error; it has been logged' } };
}

export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const { status, body } = presentError(error);
  if (status >= 500) request.log.error(error);
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}
