/**
 * The incident page: what happened, its findings under the agreement with their review actions, the
 * sources with the evidence marked in their text, the events, the review history and comments.
 */
import type * as L from 'leaflet';
import { api } from '../api.js';
import { adminCountries, coordinatesText, GEO_PRECISION_TEXT, placeName } from '../geo.js';
import { placeLabelsFor } from '../label-placement.js';
import { createMap, loadCountries } from '../map/basemap.js';
import { LabelLayer } from '../map/labels.js';
import { fatalityRadius } from '../scales.js';
import { incidentsLayer, zonesLayer } from '../map/layers.js';
import type { Incident, IncidentDetail } from '../api-types.js';
import { formatDay } from '../dates.js';
import { h, link, replace } from '../dom.js';
import { invalidateIncidents, partyName, session } from '../session.js';
import { DEFAULT_FILTERS, encodeRoute } from '../state.js';
import { empty, errorState, errorText, facts, fatalityText, gradeBadge, loading, reviewBadge, toast } from '../ui.js';
import { commentsSection } from './comments.js';
import { eventsTable, findingCard, historyList, reviewActions, sourceCard } from './incident-parts.js';
import type { MountView } from './view.js';

function title(d: IncidentDetail): string {
  const i = d.incident;
  const what = i.subEventType || i.eventType || 'Incident';
  return i.location ? `${what} in ${i.location}` : what;
}

/** The place's name first; the point and how far to trust it on a second, quieter line. */
function placeFact(i: Incident): HTMLElement {
  const located = typeof i.latitude === 'number' && typeof i.longitude === 'number';
  const name = placeName(i);
  const precision = i.geoPrecision ? GEO_PRECISION_TEXT[i.geoPrecision] : undefined;
  return h(
    'span',
    { class: 'place', testid: 'incident-place' },
    h('span', { class: 'place-name', text: name ?? (located ? 'unnamed place' : 'not located') }),
    located
      ? h('span', {
          class: 'place-point muted small',
          testid: 'incident-coordinates',
          text: `${coordinatesText(i.latitude as number, i.longitude as number)}${precision ? ` · ${precision}` : ''}`,
        })
      : null,
  );
}

function dateText(d: IncidentDetail): string {
  const { start, end } = d.incident.date ?? { start: null, end: null };
  if (!start) return 'date unknown';
  const s = formatDay(start.slice(0, 10));
  return end && end.slice(0, 10) !== start.slice(0, 10) ? `between ${s} and ${formatDay(end.slice(0, 10))}` : s;
}

function watchButton(d: IncidentDetail): HTMLElement | null {
  if (!session.me) return null;
  const b = h('button', {
    class: 'button small secondary',
    testid: 'watch-incident',
    text: 'Watch this incident',
    attrs: { type: 'button' },
    on: {
      click: async () => {
        b.disabled = true;
        try {
          await api.watch({ kind: 'incident', value: d.incident.id, label: title(d) });
          b.textContent = 'Watching';
          toast('Added to your watchlist.');
        } catch (e) {
          b.disabled = false;
          toast(errorText(e), 'error');
        }
      },
    },
  });
  return b;
}

function render(el: HTMLElement, d: IncidentDetail, reload: () => void): L.Map | null {
  const i = d.incident;
  const header = h(
    'header',
    { class: 'page-header incident-header' },
    h('p', { class: 'crumbs' }, link(encodeRoute({ page: 'map', filters: DEFAULT_FILTERS, view: null }), '← Map')),
    h('h1', { testid: 'incident-title', text: title(d) }),
    h('div', { class: 'badges' }, gradeBadge(i.grade), reviewBadge(i.reviewState), watchButton(d)),
    facts([
      ['When', dateText(d)],
      ['Who', [i.actor1, i.actor2].filter(Boolean).join(' vs ')],
      ['Fatalities', fatalityText(i.fatalitiesLow, i.fatalitiesBest, i.fatalitiesHigh)],
      ['Sources', `${d.sources.length || i.sourceCount || 0} (${i.independentSources ?? '?'} independent)`],
      ['Parties', (i.parties ?? []).map(partyName).join(', ')],
      ['Place', placeFact(i)],
    ]),
  );
  const findings = d.findings.filter((f) => f.status !== 'not_covered');
  const notCovered = d.findings.length - findings.length;
  const main = h(
    'div',
    { class: 'col-main' },
    h(
      'section',
      { attrs: { 'aria-labelledby': 'h-findings' } },
      h('h2', { id: 'h-findings', text: 'Findings' }),
      session.agreement ? h('p', { class: 'muted small', text: `Under ${session.agreement.title}.` }) : null,
      findings.length === 0
        ? empty(
            d.findings.length === 0
              ? 'No finding for this incident.'
              : 'No term of the agreement covers this incident.',
          )
        : h(
            'div',
            { class: 'stack', testid: 'findings' },
            findings.map((f) => findingCard(f, reload)),
          ),
      notCovered > 0 ? h('p', { class: 'muted small', text: `${notCovered} other term(s) do not cover it.` }) : null,
    ),
    h(
      'section',
      { attrs: { 'aria-labelledby': 'h-sources' } },
      h('h2', { id: 'h-sources', text: 'Sources and evidence' }),
      d.sources.length === 0
        ? empty('No source of this incident is visible to you.')
        : h(
            'div',
            { class: 'stack', testid: 'sources' },
            d.sources.map((s) => sourceCard(s, d.events)),
          ),
    ),
    h(
      'section',
      { attrs: { 'aria-labelledby': 'h-events' } },
      h('h2', { id: 'h-events', text: 'Events' }),
      eventsTable(d.events),
    ),
  );
  const placed = typeof i.latitude === 'number' && typeof i.longitude === 'number';
  const mapEl = placed
    ? h('div', {
        class: 'map mini-map',
        testid: 'incident-map',
        attrs: { role: 'img', 'aria-label': 'Where the incident happened' },
      })
    : null;
  const side = h(
    'div',
    { class: 'col-side' },
    mapEl ? h('section', { class: 'card map-card' }, mapEl) : null,
    h(
      'section',
      { class: 'card', attrs: { 'aria-labelledby': 'h-review' } },
      h('h2', { id: 'h-review', text: 'Review' }),
      h('p', null, 'State: ', reviewBadge(i.reviewState)),
      reviewActions('incident', i.id, i.reviewState, null, reload),
      session.me
        ? [h('h3', { text: 'History' }), historyList(d.history)]
        : h(
            'p',
            { class: 'muted' },
            link(encodeRoute({ page: 'login', next: location.hash }), 'Sign in'),
            ' to read the review history and the comments.',
          ),
    ),
    session.me
      ? h(
          'section',
          { class: 'card', attrs: { 'aria-labelledby': 'h-comments' } },
          h('h2', { id: 'h-comments', text: 'Comments' }),
          commentsSection(i.id, d.comments, reload),
        )
      : null,
  );
  replace(
    el,
    h(
      'div',
      { class: 'page incident-page', testid: 'incident-page', attrs: { 'data-incident-id': i.id } },
      header,
      h('div', { class: 'incident-grid' }, main, side),
    ),
  );
  if (!mapEl) return null;
  const { map } = createMap(
    mapEl,
    session.config,
    { scrollWheelZoom: false },
    adminCountries(session.agreement?.zones),
  );
  const at: L.LatLngTuple = [i.latitude as number, i.longitude as number];
  map.setView(at, i.geoPrecision === 3 ? 7 : 8);
  zonesLayer(session.agreement?.zones)?.addTo(map);
  incidentsLayer([i]).addTo(map);
  // The place's name beside its circle, and the countries around it for bearings.
  const r = fatalityRadius(i.fatalitiesBest ?? i.fatalitiesLow);
  const labels = new LabelLayer().addTo(map);
  labels.setPlaces(
    placeLabelsFor([i], () => r),
    [{ lat: at[0], lon: at[1], r }],
  );
  if (!session.config.tileUrl)
    loadCountries().then(
      (fc) => map.getPane('labels') && labels.setCountries(fc),
      () => undefined,
    );
  return map;
}

export const mountIncident: MountView = (el, route) => {
  if (route.page !== 'incident') return {};
  let id = route.id;
  let token = 0;
  let map: L.Map | null = null;
  const dropMap = () => {
    map?.remove();
    map = null;
  };
  const load = (keepScroll = false) => {
    const mine = ++token;
    const y = window.scrollY;
    if (!keepScroll) {
      dropMap();
      replace(el, h('div', { class: 'page' }, loading('the incident')));
    }
    api
      .incident(id, session.me !== null)
      .then((d) => {
        if (mine !== token) return;
        dropMap();
        map = render(el, d, () => {
          invalidateIncidents();
          load(true);
        });
        if (keepScroll) window.scrollTo(0, y);
      })
      .catch((e) => {
        if (mine === token)
          replace(
            el,
            h(
              'div',
              { class: 'page', testid: 'incident-page' },
              errorState(e, 'incident'),
              link('#/', '← Back to the map'),
            ),
          );
      });
  };
  load();
  return {
    update(r) {
      if (r.page === 'incident' && r.id !== id) {
        id = r.id;
        load();
      }
    },
    unmount() {
      token++;
      dropMap();
    },
  };
};
