/**
 * Request schemas of /api/incidents, and the filter pieces the findings, compliance and export
 * routes share: days, boxes and distances as query strings, checked before any query runs.
 */
import { z } from 'zod';
import { parseIsoDay } from '../../core/date.js';
import { EVENT_TYPE_NAMES } from '../../core/taxonomy.js';
import { REVIEW_STATES } from '../../store/review.store.js';
import { INCIDENT_GRADES } from '../../store/types.js';

export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day YYYY-MM-DD')
  .refine((s) => parseIsoDay(s) !== null, 'not a day of the calendar (expected YYYY-MM-DD)');

const NUMBER = '-?\\d+(?:\\.\\d+)?';
const numbers = (count: number, what: string) =>
  z
    .string()
    .regex(new RegExp(`^${Array(count).fill(NUMBER).join(',')}$`), `expected ${what} (${count} numbers)`)
    .transform((s) => s.split(',').map(Number));

/** west,south,east,north in degrees (west > east crosses the antimeridian). */
export const bbox = numbers(4, 'west,south,east,north in degrees').transform(([west, south, east, north]) => ({
  west: west!,
  south: south!,
  east: east!,
  north: north!,
}));

/** lat,lon,km: within km of a point. */
export const near = numbers(3, 'lat,lon,km').transform(([lat, lon, km]) => ({ lat: lat!, lon: lon!, km: km! }));

export const agreementId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,119}$/, 'expected an agreement id of lower-case letters, digits and hyphens');
export const partyId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'expected a party id of lower-case letters, digits and hyphens');

/** The event filters of `truce incidents` and `truce export`, as query parameters. */
export const eventFilters = {
  from: isoDay.optional(),
  to: isoDay.optional(),
  type: z.enum(EVENT_TYPE_NAMES as [string, ...string[]]).optional(),
  actor: z.string().min(1).max(200).optional(),
  near: near.optional(),
  bbox: bbox.optional(),
};

export const ListIncidentsQuery = z.strictObject({
  ...eventFilters,
  grade: z.enum(INCIDENT_GRADES).optional(),
  party: partyId.optional(),
  review: z.enum(REVIEW_STATES).optional(),
  format: z.enum(['json', 'geojson', 'csv']).default('json'),
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

export const IncidentParams = z.strictObject({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/** The query's filters as the store's: `type` is `eventType` there. */
export function toIncidentFilter<Q extends { type?: string }>(q: Q): Omit<Q, 'type'> & { eventType?: string } {
  const { type, ...rest } = q;
  return { ...rest, ...(type === undefined ? {} : { eventType: type }) };
}
