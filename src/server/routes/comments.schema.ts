/** Request schemas of the comment routes. */
import { z } from 'zod';

export const CommentBody = z.strictObject({
  text: z.string().min(1).max(4000),
  /** The comment this one answers (same incident); omit to start a thread. */
  parentId: z.number().int().positive().nullable().optional(),
});

export { IncidentParams } from './review.schema.js';
