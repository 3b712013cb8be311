/**
 * Names on the map: the incidents' places (beside their circles) and, at country scale, the
 * countries of the Natural Earth base (centred). Placed again after every zoom, move or resize so
 * that no two overlap (web/src/label-placement.ts); what does not fit is left out, the busiest places
 * first. Text nodes only (no HTML), in their own pane above the circles, never catching the mouse.
 */
import * as L from 'leaflet';
import type { FeatureCollection, Geometry } from 'geojson';
import { h } from '../dom.js';
import { countryLabelPoint, placeLabels, type Box, type LabelRequest } from '../label-placement.js';

export interface MapLabel {
  readonly id: string;
  readonly text: string;
  readonly lat: number;
  readonly lon: number;
  readonly priority: number;
  /** The radius in pixels of the circle drawn at the point (0 for none). */
  readonly r?: number;
}

/** Countries are named only at these zooms: below, they are too small; above, places matter. */
const COUNTRY_ZOOMS = { min: 4, max: 9 } as const;

interface Entry {
  readonly label: MapLabel;
  readonly kind: 'place' | 'country';
  readonly el: HTMLElement;
  size: { w: number; h: number } | null;
}

export class LabelLayer extends L.Layer {
  private container: HTMLElement | null = null;
  private places: Entry[] = [];
  private countries: Entry[] = [];
  private obstacles: { lat: number; lon: number; r: number }[] = [];

  override onAdd(map: L.Map): this {
    const pane = map.getPane('labels') ?? map.createPane('labels');
    pane.classList.add('pane-labels');
    this.container = h('div', { class: 'map-labels leaflet-zoom-hide', testid: 'map-labels' });
    pane.append(this.container);
    for (const e of [...this.countries, ...this.places]) this.container.append(e.el);
    map.on('zoomend moveend viewreset resize', this.place, this);
    this.place();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('zoomend moveend viewreset resize', this.place, this);
    this.container?.remove();
    this.container = null;
    return this;
  }

  /** The places to name, and the circles a name should not cover. */
  setPlaces(labels: readonly MapLabel[], circles: readonly { lat: number; lon: number; r: number }[]): this {
    for (const e of this.places) e.el.remove();
    this.places = labels.map((label) => this.entry(label, 'place'));
    this.obstacles = [...circles];
    this.place();
    return this;
  }

  /** The base map's countries (named at country scale only). */
  setCountries(fc: FeatureCollection<Geometry, { name?: string }>): this {
    for (const e of this.countries) e.el.remove();
    this.countries = [];
    for (const f of fc.features) {
      const name = f.properties?.name;
      const at = countryLabelPoint(f.geometry);
      if (!name || !at) continue;
      this.countries.push(
        this.entry({ id: `country:${name}`, text: name, lat: at[1], lon: at[0], priority: 0 }, 'country'),
      );
    }
    this.place();
    return this;
  }

  private entry(label: MapLabel, kind: Entry['kind']): Entry {
    const el = h('div', {
      class: `map-label map-label-${kind}`,
      testid: kind === 'place' ? 'place-label' : 'country-label',
      text: label.text,
      attrs: { 'aria-hidden': 'true' },
    });
    this.container?.append(el);
    return { label, kind, el, size: null };
  }

  /** Measures each label once (its text does not change), then lays them all out for this view. */
  private place(): void {
    const map = this._map as L.Map | undefined;
    if (!map || !this.container) return;
    const zoom = map.getZoom();
    const countriesShown = zoom >= COUNTRY_ZOOMS.min && zoom <= COUNTRY_ZOOMS.max;
    const entries = [...this.places, ...(countriesShown ? this.countries : [])];
    for (const e of this.countries) if (!countriesShown) e.el.hidden = true;
    // Show every label not yet measured, then read them all: one layout, not one per label.
    const unmeasured = entries.filter((e) => !e.size);
    for (const e of unmeasured) e.el.hidden = false;
    for (const e of unmeasured) {
      const w = e.el.offsetWidth;
      // Not laid out yet (the map is hidden): try again on the next resize.
      if (w > 0) e.size = { w, h: e.el.offsetHeight };
    }
    const topLeft = map.containerPointToLayerPoint([0, 0]);
    const size = map.getSize();
    const view: Box = { x: topLeft.x, y: topLeft.y, w: size.x, h: size.y };
    const requests: LabelRequest[] = [];
    const byId = new Map<string, Entry>();
    for (const e of entries) {
      if (!e.size) continue;
      const p = map.latLngToLayerPoint([e.label.lat, e.label.lon]);
      const id = `${e.kind}:${e.label.id}`;
      byId.set(id, e);
      requests.push({
        id,
        x: p.x,
        y: p.y,
        r: e.label.r ?? 0,
        w: e.size.w,
        h: e.size.h,
        // Every place outranks every country.
        priority: e.kind === 'place' ? 1_000 + e.label.priority : e.label.priority,
        centred: e.kind === 'country',
      });
    }
    const circles: Box[] = this.obstacles.map((o) => {
      const p = map.latLngToLayerPoint([o.lat, o.lon]);
      return { x: p.x - o.r, y: p.y - o.r, w: 2 * o.r, h: 2 * o.r };
    });
    const placed = placeLabels(requests, circles, view);
    for (const [id, at] of placed) {
      const e = byId.get(id);
      if (!e) continue;
      e.el.hidden = at === null;
      if (!at) continue;
      e.el.dataset.side = at.side;
      L.DomUtil.setPosition(e.el, L.point(Math.round(at.box.x), Math.round(at.box.y)));
    }
  }
}
