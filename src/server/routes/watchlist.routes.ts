/** Watchlists: follow zones, actors and incidents; see what changed since the last visit; mark it seen. */
import { scopeOf } from '../../auth/principal.js';
import type { App, Services } from '../context.js';
import { presentAuthor } from '../presenters/author.presenter.js';
import { SeenBody, WatchBody, WatchParams } from './watchlist.schema.js';

const presentWatch = (w: { id: number; kind: string; value: string; label: string; createdAt: string }) => ({
  id: w.id,
  kind: w.kind,
  value: w.value,
  label: w.label,
  createdAt: w.createdAt,
});

export function watchlistRoutes(app: App, s: Services): void {
  app.get('/api/watchlist', { schema: { tags: ['watchlist'], summary: 'What you follow' } }, async (request) => {
    const items = (await s.watchlist.list(request.principal)).map(presentWatch);
    return { items, total: items.length };
  });

  app.post(
    '/api/watchlist',
    { schema: { tags: ['watchlist'], summary: 'Follow a zone, an actor or an incident', body: WatchBody } },
    async (request, reply) => {
      const added = await s.watchlist.add(request.principal, request.body);
      return reply.status(added.created ? 201 : 200).send(presentWatch(added.watch));
    },
  );

  app.delete(
    '/api/watchlist/:id',
    { schema: { tags: ['watchlist'], summary: 'Stop following', params: WatchParams } },
    async (request, reply) => {
      await s.watchlist.remove(request.principal, request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/watchlist/changes',
    { schema: { tags: ['watchlist'], summary: 'What changed since your last visit, as you may see it' } },
    async (request) => {
      const c = await s.watchlist.changes(request.principal);
      const viewer = scopeOf(request.principal);
      return {
        ...c,
        reviews: c.reviews.map((r) => ({ ...r, by: presentAuthor(r.by, viewer) })),
        comments: c.comments.map((x) => ({ ...x, by: presentAuthor(x.by, viewer) })),
      };
    },
  );

  app.post(
    '/api/watchlist/seen',
    {
      schema: {
        tags: ['watchlist'],
        summary: 'Mark changes up to `at` (default now; use `until` from /changes) as seen',
        body: SeenBody,
      },
    },
    async (request) => ({ seenAt: await s.watchlist.seen(request.principal, request.body.at) }),
  );
}
