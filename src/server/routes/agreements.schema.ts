/** Request schemas of /api/agreements and of an agreement's findings and compliance. */
import { z } from 'zod';
import { REVIEW_STATES } from '../../store/review.store.js';
import { STATUSES } from '../../services/findings.service.js';
import { agreementId, isoDay, partyId } from './incidents.schema.js';

export const AgreementParams = z.strictObject({ id: agreementId });

/** The agreement as sent: YAML (application/yaml, text/yaml, text/plain) or JSON (application/json). */
export const AgreementBody = z.string().min(1, 'the agreement is empty').max(1_000_000);

export const UploadQuery = z.strictObject({
  replace: z.enum(['true', 'false']).default('false'),
});

export const PeriodQuery = z.strictObject({ from: isoDay.optional(), to: isoDay.optional() });

export const FindingsQuery = z.strictObject({
  from: isoDay.optional(),
  to: isoDay.optional(),
  party: partyId.optional(),
  term: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,119}$/, 'expected a term id of lower-case letters, digits and hyphens')
    .optional(),
  status: z.enum(STATUSES).optional(),
  review: z.enum(REVIEW_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const FindingParams = z.strictObject({
  id: z.string().min(1).max(300),
});
