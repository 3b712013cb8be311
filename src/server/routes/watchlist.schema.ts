/** Request schemas of the watchlist routes. */
import { z } from 'zod';
import { WATCH_KINDS } from '../../store/watchlist.store.js';

export const WatchBody = z.strictObject({
  kind: z.enum(WATCH_KINDS),
  /** zone: bbox:W,S,E,N or <agreementId>/<zoneId>; actor: part of a name; incident: its id. */
  value: z.string().min(1).max(200),
  label: z.string().max(200).optional(),
});

export const WatchParams = z.strictObject({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export const SeenBody = z.strictObject({ at: z.iso.datetime().optional() }).optional().default({});
