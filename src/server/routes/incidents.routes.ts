/** /api/incidents: the incidents a viewer may see (JSON, GeoJSON, CSV), and one incident's page. */
import { scopeOf } from '../../auth/principal.js';
import type { App, RateLimits } from '../context.js';
import { exportLimit } from '../rate-limits.js';
import {
  incidentsCsv,
  presentIncidentDetail,
  presentIncidentGeoJson,
  presentIncidentItem,
} from '../presenters/incident.presenter.js';
import { IncidentParams, ListIncidentsQuery, toIncidentFilter } from './incidents.schema.js';
import type { ReadServices } from './read.routes.js';

/** CSV and GeoJSON are files of the whole record; the dashboard's JSON pages are not limited. */
const isFileFormat = (request: { query: unknown }) => {
  const format = (request.query as { format?: unknown } | null)?.format;
  return format === 'csv' || format === 'geojson';
};

export function incidentRoutes(app: App, r: ReadServices, limits: RateLimits): void {
  app.get(
    '/api/incidents',
    {
      schema: {
        tags: ['incidents'],
        summary: 'Incidents you may see, newest first (filters as `truce incidents`, plus party and review state)',
        description:
          'Only events of reports you may see count: an incident is graded, dated, placed and counted from those ' +
          "alone, and one with none of them does not exist for you. `parties` are the active agreement's parties " +
          'named among the actors. format=geojson gives a FeatureCollection, format=csv the columns of ' +
          '`truce incidents --format csv` plus parties and review_state.',
        querystring: ListIncidentsQuery,
      },
      config: exportLimit(limits, 'incidents-file', isFileFormat),
    },
    async (request, reply) => {
      const { format, limit, offset, ...q } = request.query;
      const page = await r.incidents.list(scopeOf(request.principal), { ...toIncidentFilter(q), limit, offset });
      const paging = { total: page.total, limit, offset, truncated: page.truncated, agreementId: page.agreementId };
      if (format === 'csv')
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="incidents.csv"')
          .send(incidentsCsv(page.items));
      if (format === 'geojson')
        return reply
          .type('application/geo+json; charset=utf-8')
          .send(JSON.stringify(presentIncidentGeoJson(page.items, paging)));
      return { items: page.items.map(presentIncidentItem), ...paging };
    },
  );

  app.get(
    '/api/incidents/:id',
    {
      schema: {
        tags: ['incidents'],
        summary:
          'One incident: its visible events and sources (evidence spans), findings under the active agreement, review state',
        params: IncidentParams,
      },
    },
    async (request) => presentIncidentDetail(await r.incidents.get(scopeOf(request.principal), request.params.id)),
  );
}
