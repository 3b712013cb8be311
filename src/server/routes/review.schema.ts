/** Request schemas of the review routes; handler types are inferred from them. */
import { z } from 'zod';
import { REVIEW_STATES } from '../../store/review.store.js';

const text = z.string().min(1).max(4000);

export const ReviewBody = z.strictObject({
  to: z.enum(REVIEW_STATES),
  comment: text,
  /** With a dispute only: a link to the party's evidence and/or their own account. */
  evidence: z
    .strictObject({
      url: z
        .url({ protocol: /^https?$/ })
        .max(2000)
        .optional(),
      text: text.optional(),
    })
    .optional(),
});

export const IncidentParams = z.strictObject({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export const FindingParams = z.strictObject({ findingId: z.string().min(5).max(300) });
