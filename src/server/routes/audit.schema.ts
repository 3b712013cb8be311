/** Request schema of GET /api/audit. */
import { z } from 'zod';

export const AuditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** The `nextBeforeId` of the previous page. */
  beforeId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  subject: z.string().min(1).max(300).optional(),
  /** An action, or a prefix ending in "." (e.g. review.). */
  action: z.string().min(1).max(100).optional(),
  actor: z.string().min(1).max(200).optional(),
});
