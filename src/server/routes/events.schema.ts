/** Query schema of GET /api/events; it becomes the store's EventFilter. */
import { z } from 'zod';
import { EVENT_TYPE_NAMES } from '../../core/taxonomy.js';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const ListEventsQuery = z.strictObject({
  from: isoDay.optional(),
  to: isoDay.optional(),
  eventType: z.enum(EVENT_TYPE_NAMES as [string, ...string[]]).optional(),
  actor: z.string().min(1).max(200).optional(),
  /** west,south,east,north in degrees */
  bbox: z
    .string()
    .regex(/^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$/, 'expected west,south,east,north')
    .transform((s) => {
      const [west, south, east, north] = s.split(',').map(Number) as [number, number, number, number];
      return { west, south, east, north };
    })
    .optional(),
  reportId: z.coerce.number().int().positive().optional(),
  afterId: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
