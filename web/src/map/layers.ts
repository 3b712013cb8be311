/** The agreement's zones and the incidents as Leaflet layers; every text goes in through DOM nodes. */
import * as L from 'leaflet';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Incident } from '../api-types.js';
import { formatDay } from '../dates.js';
import { h, link } from '../dom.js';
import { fatalityRadius, ringStyle, typeColour } from '../scales.js';
import { encodeRoute } from '../state.js';
import { fatalityText, gradeBadge, reviewBadge } from '../ui.js';

interface ZoneProps {
  id?: string;
  name?: string;
  kind?: string;
  basis?: string;
  radius_m?: number;
  radiusM?: number;
  buffer_m?: number;
  bufferM?: number;
}

/** Zones: polygons hatched, routes as a wide band, places as a circle of their radius. */
export function zonesLayer(zones: FeatureCollection | null | undefined): L.GeoJSON | null {
  if (!zones || !Array.isArray(zones.features) || zones.features.length === 0) return null;
  return L.geoJSON(zones as FeatureCollection<Geometry, ZoneProps>, {
    style: (f?: Feature<Geometry, ZoneProps>) => ({
      className: `zone zone-${f?.properties?.kind ?? 'area'}`,
      color: '#1f4e79',
      weight: f?.geometry?.type === 'LineString' ? 6 : 2,
      opacity: 0.8,
      dashArray: f?.geometry?.type === 'LineString' ? undefined : '6 4',
      fillColor: '#1f4e79',
      fillOpacity: 0.08,
    }),
    pointToLayer: (f: Feature<Geometry, ZoneProps>, latlng) => {
      const r = f.properties?.radius_m ?? f.properties?.radiusM;
      return r ? L.circle(latlng, { radius: r }) : L.circleMarker(latlng, { radius: 6 });
    },
    onEachFeature: (f: Feature<Geometry, ZoneProps>, layer) => {
      const p = f.properties ?? {};
      const tip = h('div', { class: 'zone-tip' }, h('strong', { text: p.name ?? p.id ?? 'Zone' }));
      if (p.basis)
        tip.append(h('div', { class: 'muted', text: p.basis.length > 180 ? `${p.basis.slice(0, 180)}…` : p.basis }));
      layer.bindTooltip(tip, { sticky: true, direction: 'top', className: 'tip' });
    },
  });
}

function title(i: Incident): string {
  const what = i.subEventType || i.eventType || 'Incident';
  return i.location ? `${what}, ${i.location}` : what;
}

function popup(i: Incident): HTMLElement {
  const who = [i.actor1, i.actor2].filter(Boolean).join(' vs ');
  return h(
    'div',
    { class: 'popup', testid: 'incident-popup' },
    h('strong', { class: 'popup-title', text: title(i) }),
    h('div', { class: 'muted', text: i.date.start ? formatDay(i.date.start.slice(0, 10)) : 'date unknown' }),
    who ? h('div', { text: who }) : null,
    h('div', null, `Fatalities: ${fatalityText(i.fatalitiesLow, i.fatalitiesBest, i.fatalitiesHigh)}`),
    h('div', { class: 'badges' }, gradeBadge(i.grade), reviewBadge(i.reviewState)),
    link(encodeRoute({ page: 'incident', id: i.id }), 'Open incident', { class: 'button small', testid: 'popup-open' }),
  );
}

/** One circle per located incident: fill by type, outline by review state, radius by fatalities. */
export function incidentsLayer(items: readonly Incident[]): L.FeatureGroup {
  const group = L.featureGroup();
  // Largest first, so small circles stay clickable on top of big ones.
  const located = items
    .filter((i) => typeof i.latitude === 'number' && typeof i.longitude === 'number')
    .sort((a, b) => (b.fatalitiesBest ?? 0) - (a.fatalitiesBest ?? 0));
  for (const i of located) {
    const ring = ringStyle(i.reviewState);
    const m = L.circleMarker([i.latitude as number, i.longitude as number], {
      radius: fatalityRadius(i.fatalitiesBest ?? i.fatalitiesLow),
      fillColor: typeColour(i.eventType),
      fillOpacity: ring.fillOpacity,
      color: ring.color,
      weight: ring.weight,
      dashArray: ring.dashArray ?? undefined,
      className: 'incident-marker',
    });
    m.bindPopup(() => popup(i), { maxWidth: 280, autoPanPadding: [24, 24] });
    // An element, never a string: Leaflet puts string content in with innerHTML.
    m.bindTooltip(() => h('span', { text: title(i) }), { direction: 'top', className: 'tip' });
    m.on('add', () => {
      const el = m.getElement();
      if (!el) return;
      el.setAttribute('data-testid', 'incident-marker');
      el.setAttribute('data-incident-id', i.id);
      el.setAttribute('data-review-state', String(i.reviewState ?? 'machine'));
    });
    group.addLayer(m);
  }
  return group;
}
