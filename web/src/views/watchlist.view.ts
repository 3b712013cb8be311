/** What the user follows (zones, actors, incidents) and what changed since their last visit. */
import { api } from '../api.js';
import type { WatchChange, WatchItem } from '../api-types.js';
import { h, link, replace } from '../dom.js';
import { session } from '../session.js';
import { encodeRoute } from '../state.js';
import { empty, errorState, errorText, loading, pageHeader, signInPage, toast } from '../ui.js';
import { humanize } from '../vocab.js';
import type { MountView } from './view.js';
import { field } from './widgets.js';

interface ZoneProps {
  id?: string;
  name?: string;
}

/** The agreement's zones as watch values (`<agreementId>/<zoneId>`). */
function zoneOptions(): { id: string; name: string }[] {
  const a = session.agreement;
  if (!a) return [];
  return (a.zones?.features ?? [])
    .map((f) => (f.properties ?? {}) as ZoneProps)
    .filter((p): p is { id: string; name?: string } => typeof p.id === 'string')
    .map((p) => ({ id: `${a.id}/${p.id}`, name: p.name ?? p.id }));
}

function itemRow(w: WatchItem, reload: () => void): HTMLElement {
  const label = w.label || w.value;
  return h(
    'li',
    { class: 'watch-item', testid: 'watch-item' },
    h('span', { class: 'badge', text: humanize(w.kind) }),
    w.kind === 'incident' ? link(encodeRoute({ page: 'incident', id: w.value }), label) : h('span', { text: label }),
    h('button', {
      class: 'link-button small',
      testid: 'unwatch',
      text: 'Stop watching',
      attrs: { type: 'button', 'aria-label': `Stop watching ${label}` },
      on: {
        click: async () => {
          try {
            await api.unwatch(w.id);
            reload();
          } catch (e) {
            toast(errorText(e), 'error');
          }
        },
      },
    }),
  );
}

function changeRow(c: WatchChange): HTMLElement {
  return h(
    'li',
    { class: 'change', testid: 'watch-change' },
    h(
      'span',
      { class: 'change-meta' },
      h('span', { class: 'badge', text: humanize(c.kind) }),
      c.at ? h('span', { class: 'muted small', text: c.at.replace('T', ' ').slice(0, 16) }) : null,
    ),
    c.incidentId
      ? link(encodeRoute({ page: 'incident', id: c.incidentId }), c.summary)
      : h('span', { text: c.summary }),
  );
}

export const mountWatchlist: MountView = (el) => {
  if (!session.me) {
    replace(el, signInPage('Watchlist', 'Sign in to follow zones, actors and incidents.', '#/watchlist'));
    return {};
  }
  const changesBox = h('section', { class: 'card', testid: 'watch-changes' }, loading('changes'));
  const itemsBox = h('section', { class: 'card', testid: 'watchlist' }, loading('your watchlist'));

  const kind = h(
    'select',
    { testid: 'watch-kind' },
    h('option', { attrs: { value: 'actor' }, text: 'An actor' }),
    h('option', { attrs: { value: 'zone' }, text: 'A zone' }),
    h('option', { attrs: { value: 'incident' }, text: 'An incident (id)' }),
  );
  const value = h('input', {
    testid: 'watch-value',
    attrs: { type: 'text', required: true, maxlength: 200, list: 'zone-ids' },
  });
  const zones = zoneOptions();
  const datalist = h(
    'datalist',
    { id: 'zone-ids' },
    zones.map((z) => h('option', { attrs: { value: z.id }, text: z.name })),
  );
  const addForm = h(
    'form',
    {
      class: 'form inline-form',
      testid: 'watch-form',
      on: {
        submit: async (e) => {
          e.preventDefault();
          const v = value.value.trim();
          if (!v) return;
          try {
            const k = kind.value as WatchItem['kind'];
            await api.watch({
              kind: k,
              value: v,
              label: k === 'zone' ? (zones.find((z) => z.id === v)?.name ?? v) : v,
            });
            value.value = '';
            toast('Added to your watchlist.');
            load();
          } catch (err) {
            toast(errorText(err), 'error');
          }
        },
      },
    },
    h('h2', { text: 'Follow something' }),
    h(
      'div',
      { class: 'row' },
      field('What', kind),
      field(
        'Which',
        value,
        'an actor: part of its name; a zone: pick one of the agreement’s, or bbox:W,S,E,N; an incident: its number',
      ),
    ),
    datalist,
    h('button', { class: 'button small', testid: 'watch-add', text: 'Watch', attrs: { type: 'submit' } }),
  );

  const load = () => {
    api
      .watchlist()
      .then((r) =>
        replace(
          itemsBox,
          h('h2', { text: 'You follow' }),
          r.items.length === 0
            ? empty('Nothing yet. Add a zone, an actor, or watch an incident from its page.')
            : h(
                'ul',
                { class: 'plain' },
                r.items.map((w) => itemRow(w, load)),
              ),
        ),
      )
      .catch((e) => replace(itemsBox, h('h2', { text: 'You follow' }), errorState(e, 'watchlist')));
    api
      .changes()
      .then((r) =>
        replace(
          changesBox,
          h('h2', { text: 'Since your last visit' }),
          r.items.length === 0
            ? h('p', { class: 'muted', text: 'Nothing new.' })
            : h('ul', { class: 'plain' }, r.items.map(changeRow)),
          r.items.length > 0
            ? h('button', {
                class: 'button small secondary',
                testid: 'watch-seen',
                text: 'Mark all as seen',
                attrs: { type: 'button' },
                on: {
                  click: async () => {
                    try {
                      await api.seen(r.until);
                      load();
                    } catch (e) {
                      toast(errorText(e), 'error');
                    }
                  },
                },
              })
            : null,
        ),
      )
      .catch((e) => replace(changesBox, h('h2', { text: 'Since your last visit' }), errorState(e, 'changes')));
  };
  replace(
    el,
    h(
      'div',
      { class: 'page narrow-page' },
      pageHeader('Watchlist'),
      changesBox,
      itemsBox,
      h('section', { class: 'card' }, addForm),
    ),
  );
  load();
  return {};
};
