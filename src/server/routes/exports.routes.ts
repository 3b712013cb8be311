/** GET /api/exports: the events you may see as ACLED CSV, GeoJSON or JSON Lines, streamed. */
import { Readable } from 'node:stream';
import { scopeOf } from '../../auth/principal.js';
import type { App, RateLimits } from '../context.js';
import { exportLimit } from '../rate-limits.js';
import { ExportQuery } from './exports.schema.js';
import { toIncidentFilter } from './incidents.schema.js';
import type { ReadServices } from './read.routes.js';

const TYPES = {
  acled: ['text/csv; charset=utf-8', 'events.csv'],
  geojson: ['application/geo+json; charset=utf-8', 'events.geojson'],
  jsonl: ['application/x-ndjson; charset=utf-8', 'events.jsonl'],
} as const;

export function exportRoutes(app: App, r: ReadServices, limits: RateLimits): void {
  app.get(
    '/api/exports',
    {
      schema: {
        tags: ['exports'],
        summary: 'Export the events you may see (ACLED CSV, GeoJSON, JSON Lines), streamed',
        querystring: ExportQuery,
      },
      config: exportLimit(limits, 'export'),
    },
    async (request, reply) => {
      const { format, ...q } = request.query;
      const counts = { written: 0, withoutPlace: 0 };
      const chunks = r.exports.export(format, toIncidentFilter(q), counts, scopeOf(request.principal));
      // The first chunk is read before answering, so a bad filter is a 400, not a broken stream.
      const first = await chunks.next();
      async function* rest() {
        if (!first.done) yield first.value;
        yield* chunks;
      }
      const [type, file] = TYPES[format];
      return reply
        .type(type)
        .header('content-disposition', `attachment; filename="${file}"`)
        .send(Readable.from(rest()));
    },
  );
}
