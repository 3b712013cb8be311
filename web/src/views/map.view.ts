/**
 * The map page: incidents in the chosen time window on the Natural Earth base, the agreement's
 * zones, filters by party, type, grade and review, a legend, and the same incidents as a list
 * (the keyboard's way in: circles on a map cannot take focus).
 */
import type * as L from 'leaflet';
import { api } from '../api.js';
import type { Incident } from '../api-types.js';
import { formatDay } from '../dates.js';
import { h, link, replace, swatch } from '../dom.js';
import { select, type Selection } from '../filter.js';
import { placeLabelsFor } from '../label-placement.js';
import { createMap, DEFAULT_CENTER, DEFAULT_ZOOM, loadCountries } from '../map/basemap.js';
import { LabelLayer } from '../map/labels.js';
import { incidentsLayer, zonesLayer } from '../map/layers.js';
import { legend } from '../map/legend.js';
import { adminCountries, areaTest } from '../geo.js';
import { fatalityRadius, typeColour } from '../scales.js';
import { agreementTime, loadIncidents, parties, session } from '../session.js';
import { DEFAULT_FILTERS, encodeRoute, isFiltered, type Filters, type MapView, type Route } from '../state.js';
import { errorState, gradeBadge, reviewBadge } from '../ui.js';
import { EVENT_TYPES, GRADE_LABELS, GRADES, REVIEW_LABELS, REVIEW_STATES } from '../vocab.js';
import { timeControls } from './time-controls.js';
import { checkboxGroup, type CheckboxGroup } from './widgets.js';
import type { MountView, Nav } from './view.js';

const LIST_LIMIT = 100;

function zoneNames(): string {
  const names = (session.agreement?.zones?.features ?? [])
    .map((f) => (f.properties as { name?: unknown } | null)?.name)
    .filter((n): n is string => typeof n === 'string');
  return names.length <= 2 ? names.join(', ') : `${names.slice(0, 2).join(', ')} …`;
}

function listItem(i: Incident): HTMLElement {
  const what = i.subEventType || i.eventType || 'Incident';
  return h(
    'li',
    { class: 'incident-row' },
    link(
      encodeRoute({ page: 'incident', id: i.id }),
      [
        swatch(typeColour(i.eventType)),
        h('span', { class: 'row-main' }, h('strong', { text: what }), i.location ? ` · ${i.location}` : ''),
        h('span', { class: 'row-meta muted', text: i.date.start ? formatDay(i.date.start.slice(0, 10)) : 'undated' }),
      ],
      { testid: 'incident-list-item', attrs: { 'data-incident-id': i.id } },
    ),
    h('span', { class: 'badges' }, gradeBadge(i.grade), reviewBadge(i.reviewState)),
  );
}

export const mountMap: MountView = (el, route, nav: Nav) => {
  if (route.page !== 'map') return {};
  let filters: Filters = route.filters;
  let all: readonly Incident[] = [];
  let view: MapView | null = route.view;
  let markers: L.FeatureGroup | null = null;

  const go = (f: Partial<Filters>) => {
    filters = { ...filters, ...f };
    nav.go({ page: 'map', filters, view }, { replace: true });
  };

  const time = timeControls(go);
  const count = h('p', { class: 'summary', testid: 'incident-count', attrs: { 'aria-live': 'polite' } });
  const list = h('ul', { class: 'incident-list', testid: 'incident-list' });
  const exportLinks = h('p', { class: 'exports small' });

  const inArea = areaTest(session.agreement?.zones);
  const areaBox = h('input', {
    testid: 'filter-area',
    attrs: { type: 'checkbox' },
    on: { change: () => go({ area: areaBox.checked ? 'agreement' : 'all' }) },
  });
  const areaLabel = inArea
    ? h('label', { class: 'check area-check' }, areaBox, `Only the agreement’s area (${zoneNames()})`)
    : null;
  const groups: CheckboxGroup[] = [];
  const onGroup = (key: 'parties' | 'types' | 'grades' | 'reviews') => (values: string[]) =>
    go({ [key]: values } as Partial<Filters>);
  if (parties().length > 0)
    groups.push(
      checkboxGroup(
        'Party',
        'party',
        parties().map((p) => ({ value: p.id, label: p.name })),
        () => filters.parties,
        onGroup('parties'),
      ),
    );
  groups.push(
    checkboxGroup(
      'Event type',
      'type',
      EVENT_TYPES.map((t) => ({ value: t, label: t, colour: typeColour(t) })),
      () => filters.types,
      onGroup('types'),
    ),
    checkboxGroup(
      'Grade',
      'grade',
      GRADES.map((g) => ({ value: g, label: GRADE_LABELS[g] })),
      () => filters.grades,
      onGroup('grades'),
    ),
    checkboxGroup(
      'Review',
      'review',
      REVIEW_STATES.map((r) => ({ value: r, label: REVIEW_LABELS[r] })),
      () => filters.reviews,
      onGroup('reviews'),
    ),
  );
  const clearBtn = h('button', {
    class: 'link-button',
    testid: 'clear-filters',
    text: 'Clear filters',
    attrs: { type: 'button' },
    on: { click: () => go({ ...DEFAULT_FILTERS }) },
  });
  const wide = window.matchMedia('(min-width: 900px)').matches;
  const filtersBox = h(
    'details',
    { class: 'filters', testid: 'filters', attrs: { open: wide } },
    h('summary', { text: 'Filters' }),
    areaLabel,
    groups.map((g) => g.el),
    clearBtn,
  );

  const panel = h(
    'aside',
    { class: 'panel', testid: 'map-panel', attrs: { 'aria-label': 'Time, filters and incidents' } },
    time.el,
    count,
    filtersBox,
    h('section', { class: 'list-section' }, h('h2', { class: 'panel-title', text: 'Incidents' }), list, exportLinks),
    h('details', { class: 'legend-box', attrs: { open: wide } }, h('summary', { text: 'Legend' }), legend()),
  );
  const mapEl = h('div', { class: 'map', testid: 'map', attrs: { role: 'region', 'aria-label': 'Map of incidents' } });
  const status = h('div', { class: 'map-status', testid: 'map-status', attrs: { role: 'status' } });
  replace(
    el,
    h('div', { class: 'map-page', testid: 'map-page' }, h('div', { class: 'map-wrap' }, mapEl, status), panel),
  );

  let alive = true;
  const { map, ready } = createMap(mapEl, session.config, {}, adminCountries(session.agreement?.zones));
  if (view) map.setView([view.lat, view.lon], view.zoom);
  else map.setView(DEFAULT_CENTER, DEFAULT_ZOOM);
  ready.catch(() => (status.textContent = 'The base map could not be loaded; incidents are still shown.'));
  const zones = zonesLayer(session.agreement?.zones);
  zones?.addTo(map);
  const labels = new LabelLayer().addTo(map);
  // Tiles name their own countries; the bundled base gets names from its outlines.
  if (!session.config.tileUrl)
    ready
      .then(() => loadCountries())
      .then(
        (fc) => alive && labels.setCountries(fc),
        () => undefined,
      );
  map.on('moveend', () => {
    if (!alive) return;
    const c = map.getCenter();
    view = { lat: Number(c.lat.toFixed(4)), lon: Number(c.lng.toFixed(4)), zoom: map.getZoom() };
    nav.go({ page: 'map', filters, view }, { replace: true });
  });

  let current: Selection = { record: null, range: null, items: [] };

  const render = () => {
    current = select(all, filters, inArea, agreementTime());
    time.sync(filters, current);
    for (const g of groups) g.sync();
    areaBox.checked = filters.area === 'agreement';
    const unplaced = current.items.filter(
      (i) => typeof i.latitude !== 'number' || typeof i.longitude !== 'number',
    ).length;
    count.textContent =
      `${current.items.length} of ${all.length} incidents shown` +
      (unplaced ? ` (${unplaced} without a place: in the list only)` : '');
    clearBtn.hidden = !isFiltered(filters);
    replace(
      list,
      current.items.length === 0
        ? h('li', {
            class: 'muted',
            text: all.length === 0 ? 'No incidents in the record yet.' : 'No incident matches these filters.',
          })
        : current.items.slice(0, LIST_LIMIT).map(listItem),
      current.items.length > LIST_LIMIT
        ? h('li', {
            class: 'muted',
            text: `and ${current.items.length - LIST_LIMIT} more: narrow the window or the filters.`,
          })
        : null,
    );
    // The API filters by one value of each; with several chosen, that filter is left out of the file.
    const one = <T>(xs: readonly T[]) => (xs.length === 1 ? xs[0] : undefined);
    const q = {
      from: current.range?.from,
      to: current.range?.to,
      party: one(filters.parties),
      type: one(filters.types),
      grade: one(filters.grades),
      review: one(filters.reviews),
      limit: 10_000,
    };
    const partial = [filters.parties, filters.types, filters.grades, filters.reviews].some((xs) => xs.length > 1);
    replace(
      exportLinks,
      partial ? 'Download (filters with several values are not applied): ' : 'Download these: ',
      h('a', { text: 'GeoJSON', attrs: { href: api.exportUrl('geojson', q), download: 'incidents.geojson' } }),
      ' · ',
      h('a', { text: 'CSV', attrs: { href: api.exportUrl('csv', q), download: 'incidents.csv' } }),
      filters.area === 'agreement' && inArea
        ? h('span', { class: 'muted', text: ' (the files are not limited to the agreement’s area)' })
        : null,
    );
    markers?.remove();
    markers = incidentsLayer(current.items).addTo(map);
    const radius = (i: { fatalitiesBest?: number | null; fatalitiesLow?: number | null }) =>
      fatalityRadius(i.fatalitiesBest ?? i.fatalitiesLow);
    const placed = current.items.filter((i) => typeof i.latitude === 'number' && typeof i.longitude === 'number');
    labels.setPlaces(
      placeLabelsFor(placed, radius),
      placed.map((i) => ({ lat: i.latitude as number, lon: i.longitude as number, r: radius(i) })),
    );
  };

  status.textContent = 'Loading incidents…';
  loadIncidents()
    .then((r) => {
      if (!alive) return;
      all = r.items;
      status.textContent = '';
      render();
      if (!view) {
        const pts = current.items.filter((i) => typeof i.latitude === 'number' && typeof i.longitude === 'number');
        if (pts.length > 0)
          map.fitBounds(
            pts.map((i) => [i.latitude as number, i.longitude as number] as [number, number]),
            { padding: [40, 40], maxZoom: 9, animate: false },
          );
      }
    })
    .catch((e) => {
      status.textContent = '';
      replace(list, h('li', null, errorState(e, 'incidents')));
      count.textContent = '';
    });
  render();

  return {
    update(r: Route) {
      if (r.page !== 'map') return;
      filters = r.filters;
      render();
    },
    unmount() {
      alive = false;
      map.stop();
      map.remove();
    },
  };
};
