/** GET /api/events: filters as in `truce export`, keyset paging, only what the viewer may see. */
import { scopeOf } from '../../auth/principal.js';
import type { App, Services } from '../context.js';
import { presentEvent } from '../presenters/report.presenter.js';
import { ListEventsQuery } from './events.schema.js';

export function eventRoutes(app: App, s: Services): void {
  app.get(
    '/api/events',
    { schema: { tags: ['events'], summary: 'Events you may see, filtered', querystring: ListEventsQuery } },
    async (request) => {
      const scope = scopeOf(request.principal);
      const { limit, afterId, ...filter } = request.query;
      const [items, total] = await Promise.all([
        s.store.access.listEvents(scope, { ...filter, afterId, limit }),
        s.store.access.countEvents(scope, filter),
      ]);
      const last = items[items.length - 1];
      return { items: items.map(presentEvent), total, nextAfterId: items.length === limit && last ? last.id : null };
    },
  );
}
