/**
 * The base map shipped with the app: Natural Earth countries (world-atlas, 1:50m) drawn as a Leaflet
 * GeoJSON layer, so no tile server is needed. When the server is given a tile URL (truce serve
 * --tile-url; its origin is then allowed by the page's CSP), that raster layer is the base instead,
 * with only the agreement's countries outlined on top. Once the base is drawn, the map element gets
 * `data-base="natural-earth"` or `"tiles"` (what the browser tests wait for before a screenshot).
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
  const basePane = map.createPane('base');
  basePane.classList.add('pane-base');
  let removed = false;
  map.on('unload', () => (removed = true));
  const drawn = (what: 'tiles' | 'natural-earth') => {
    if (removed) return;
    // The browser tests wait for this before a screenshot: the base is on screen, not just requested.
    el.setAttribute('data-base', what);
  };
  let tiles: Promise<void> | null = null;
  if (config.tileUrl) {
    const layer = L.tileLayer(config.tileUrl, {
      // Set by the operator (truce serve --tile-attribution), shown as HTML by Leaflet: never report text.
      attribution: config.tileAttribution ?? '',
      maxZoom: 18,
      crossOrigin: false,
    });
    tiles = new Promise<void>((resolve, reject) => {
      layer.once('load', () => resolve());
      layer.once('tileerror', () => reject(new Error('tiles could not be loaded')));
    }).then(() => drawn('tiles'));
    layer.addTo(map);
  } else map.attributionControl.addAttribution('Base: Natural Earth');
  // With tiles, the tiles are the base: of Natural Earth only the agreement's countries are outlined.
  const wanted = !config.tileUrl || marked.size > 0;
  const countries = wanted
    ? loadCountries().then((fc) => {
        // The page may have moved on (and removed the map) while the base map was loading.
        if (removed || !map.getPane('base')) return;
        L.geoJSON(config.tileUrl ? { ...fc, features: fc.features.filter(isMarked) } : fc, {
          pane: 'base',
          interactive: false,
          style: (f) => {
            const zone = isMarked(f);
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
        if (!config.tileUrl) drawn('natural-earth');
      })
    : Promise.resolve();
  const ready = tiles ? Promise.all([tiles, countries]).then(() => undefined) : countries;
  return { map, ready };

  function isMarked(f: { properties?: { name?: string } | null } | undefined): boolean {
    return marked.has(String(f?.properties?.name ?? '').toLowerCase());
  }
}

/** Syria, where the bundled agreements apply; used when nothing else tells the map where to look. */
export const DEFAULT_CENTER: L.LatLngTuple = [35.0, 38.5];
export const DEFAULT_ZOOM = 6;
