/**
 * The base map shipped with the app: Natural Earth countries (world-atlas, 1:50m) drawn as a Leaflet
 * GeoJSON layer, so no tile server is needed. A raster tile layer is added on top only when the
 * server is configured with a tile URL (its host is then allowed by the page's CSP).
 */
import * as L from 'leaflet';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, Geometry } from 'geojson';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import type { Config } from '../api-types.js';

let countries: Promise<FeatureCollection<Geometry, { name?: string }>> | null = null;

/** Fetched once per page load (about 750 kB, cached by the browser for good: the name is hashed). */
export function loadCountries(): Promise<FeatureCollection<Geometry, { name?: string }>> {
  countries ??= fetch(countriesUrl, { credentials: 'same-origin' })
    .then((r) => {
      if (!r.ok) throw new Error(`base map: ${r.status}`);
      return r.json() as Promise<Topology<{ countries: GeometryCollection<{ name?: string }> }>>;
    })
    .then((topo) => {
      const fc = feature(topo, topo.objects.countries);
      return fc as FeatureCollection<Geometry, { name?: string }>;
    })
    .catch((e) => {
      countries = null;
      throw e;
    });
  return countries;
}

/** A map with the Natural Earth base (and the configured tiles). Resolves once the base is drawn. */
export function createMap(
  el: HTMLElement,
  config: Config,
  options: L.MapOptions = {},
  /** Countries to outline as zones (an agreement's admin zones). */
  highlight: readonly string[] = [],
): { map: L.Map; ready: Promise<void> } {
  const marked = new Set(highlight.map((c) => c.toLowerCase()));
  const map = L.map(el, {
    zoomControl: true,
    attributionControl: true,
    minZoom: 2,
    maxZoom: 14,
    worldCopyJump: true,
    renderer: L.svg({ padding: 0.5 }),
    ...options,
  });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Base: Natural Earth');
  const basePane = map.createPane('base');
  basePane.classList.add('pane-base');
  if (config.tileUrl) {
    L.tileLayer(config.tileUrl, {
      // Set by the operator (truce serve options), shown as HTML by Leaflet: never report text.
      attribution: config.tileAttribution ?? '',
      maxZoom: 18,
      crossOrigin: false,
    }).addTo(map);
  }
  let removed = false;
  map.on('unload', () => (removed = true));
  const ready = loadCountries().then((fc) => {
    // The page may have moved on (and removed the map) while the base map was loading.
    if (removed || !map.getPane('base')) return;
    L.geoJSON(fc, {
      pane: 'base',
      interactive: false,
      style: (f) => {
        const zone = marked.has(String(f?.properties?.name ?? '').toLowerCase());
        return {
          className: zone ? 'country zone-country' : 'country',
          color: zone ? '#1f4e79' : '#9a9388',
          weight: zone ? 1.6 : 0.8,
          dashArray: zone ? '6 4' : undefined,
          fillColor: zone ? '#fbf9f3' : '#f1eee6',
          fillOpacity: config.tileUrl ? 0 : 1,
          opacity: 1,
        };
      },
    }).addTo(map);
  });
  return { map, ready };
}

/** Syria, where the bundled agreements apply; used when nothing else tells the map where to look. */
export const DEFAULT_CENTER: L.LatLngTuple = [35.0, 38.5];
export const DEFAULT_ZOOM = 6;
