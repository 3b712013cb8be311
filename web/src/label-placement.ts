/**
 * Where the map's labels go: each beside its point (right, left, above, below, then diagonally, in
 * that order of preference), never over another label, nor over an incident's circle when another side is free;
 * labels that fit nowhere are left out (the most important are placed first). Pure: screen
 * coordinates in, boxes out. Tested in label-placement.test.ts.
 */

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export type Side =
  'right' | 'left' | 'top' | 'bottom' | 'top-right' | 'bottom-right' | 'top-left' | 'bottom-left' | 'center';

export interface LabelRequest {
  readonly id: string;
  /** The point labelled, and the radius of what is drawn there (a circle), in pixels. */
  readonly x: number;
  readonly y: number;
  readonly r: number;
  /** The label's size in pixels. */
  readonly w: number;
  readonly h: number;
  /** Higher first. */
  readonly priority: number;
  /** Centred on the point (a country's name) or beside it (a place's). */
  readonly centred?: boolean;
}

export interface Placed {
  readonly side: Side;
  readonly box: Box;
}

/** Space kept between a label and what it must not touch. */
const GAP = 3;

export function overlaps(a: Box, b: Box, margin = 0): boolean {
  return a.x < b.x + b.w + margin && b.x < a.x + a.w + margin && a.y < b.y + b.h + margin && b.y < a.y + a.h + margin;
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Distance from a point to a box (0 inside). */
function distance(x: number, y: number, b: Box): number {
  const dx = Math.max(b.x - x, 0, x - (b.x + b.w));
  const dy = Math.max(b.y - y, 0, y - (b.y + b.h));
  return Math.hypot(dx, dy);
}

/** A label nearer another circle's centre than its own point would seem to name that circle. */
function misleading(box: Box, l: LabelRequest, circles: readonly Box[]): boolean {
  const own = distance(l.x, l.y, box);
  return circles.some((c) => {
    const cx = c.x + c.w / 2;
    const cy = c.y + c.h / 2;
    if (Math.abs(cx - l.x) < 1 && Math.abs(cy - l.y) < 1) return false; // its own circle
    return distance(cx, cy, box) < own;
  });
}

function inside(a: Box, view: Box): boolean {
  return a.x >= view.x && a.y >= view.y && a.x + a.w <= view.x + view.w && a.y + a.h <= view.y + view.h;
}

export function candidates(l: LabelRequest): [Side, Box][] {
  const { x, y, r, w, h } = l;
  if (l.centred) return [['center', { x: x - w / 2, y: y - h / 2, w, h }]];
  const off = r + GAP;
  const d = Math.round(off * 0.7);
  return [
    ['right', { x: x + off, y: y - h / 2, w, h }],
    ['left', { x: x - off - w, y: y - h / 2, w, h }],
    ['top', { x: x - w / 2, y: y - off - h, w, h }],
    ['bottom', { x: x - w / 2, y: y + off, w, h }],
    ['top-right', { x: x + d, y: y - d - h, w, h }],
    ['bottom-right', { x: x + d, y: y + d, w, h }],
    ['top-left', { x: x - d - w, y: y - d - h, w, h }],
    ['bottom-left', { x: x - d - w, y: y + d, w, h }],
  ];
}

/**
 * Places the labels inside `view`. `obstacles` (the incidents' circles, as boxes) are avoided when a
 * side is free of them; a place label may cross a circle rather than vanish, a country's may not.
 * Returns each label's side and box, or null when it is left out.
 */
export function placeLabels(
  labels: readonly LabelRequest[],
  obstacles: readonly Box[],
  view: Box,
): Map<string, Placed | null> {
  const out = new Map<string, Placed | null>();
  const taken: Box[] = [];
  const order = [...labels].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  for (const l of order) {
    const options = candidates(l).filter(
      ([, box]) =>
        inside(box, view) && !taken.some((t) => overlaps(box, t, GAP)) && (l.centred || !misleading(box, l, obstacles)),
    );
    const clear = options.find(([, box]) => !obstacles.some((o) => overlaps(box, o)));
    // No side is clear of circles: the one that covers the least of them.
    const leastCovering = () => {
      let best: [Side, Box] | undefined;
      let bestArea = Infinity;
      for (const option of options) {
        const area = obstacles.reduce((sum, o) => sum + overlapArea(option[1], o), 0);
        if (area < bestArea) [best, bestArea] = [option, area];
      }
      return best;
    };
    const chosen = clear ?? (l.centred ? undefined : leastCovering());
    if (!chosen) {
      out.set(l.id, null);
      continue;
    }
    taken.push(chosen[1]);
    out.set(l.id, { side: chosen[0], box: chosen[1] });
  }
  return out;
}

/** The places to label: one per distinct name and point, the busiest first. Pure. */
export function placeLabelsFor(
  items: readonly {
    readonly location?: string | null;
    readonly latitude: number | null;
    readonly longitude: number | null;
    readonly fatalitiesBest?: number | null;
  }[],
  /** The radius of the circle drawn for an incident (the label keeps clear of the largest). */
  radius: (i: { readonly fatalitiesBest?: number | null }) => number = () => 0,
): { id: string; text: string; lat: number; lon: number; priority: number; r: number }[] {
  const by = new Map<string, { id: string; text: string; lat: number; lon: number; priority: number; r: number }>();
  for (const i of items) {
    const text = i.location?.trim();
    if (!text || typeof i.latitude !== 'number' || typeof i.longitude !== 'number') continue;
    const id = `${text.toLowerCase()}@${i.latitude.toFixed(2)},${i.longitude.toFixed(2)}`;
    const seen = by.get(id);
    // Each incident counts ten, each death one: a place named often outranks one bloody day.
    const weight = 10 + Math.min(50, Math.max(0, i.fatalitiesBest ?? 0));
    const r = radius(i);
    if (seen) {
      seen.priority += weight;
      seen.r = Math.max(seen.r, r);
    } else by.set(id, { id, text, lat: i.latitude, lon: i.longitude, priority: weight, r });
  }
  return [...by.values()].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
}

type Ring = readonly (readonly number[])[];

function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    a += xj * yi - xi * yj;
  }
  return a / 2;
}

function inRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Where a country's name goes: the centroid of its largest polygon's outline ([lon, lat]), or, when
 * that falls outside it (a crescent), the middle of its widest stretch across that latitude.
 */
export function countryLabelPoint(
  geometry: { readonly type: string; readonly coordinates?: unknown } | null | undefined,
): [number, number] | null {
  if (!geometry) return null;
  const polygons =
    geometry.type === 'Polygon'
      ? [geometry.coordinates as Ring[]]
      : geometry.type === 'MultiPolygon'
        ? (geometry.coordinates as Ring[][])
        : [];
  let best: Ring | null = null;
  let bestArea = 0;
  for (const p of polygons) {
    const outer = p[0];
    if (!outer || outer.length < 4) continue;
    const a = Math.abs(ringArea(outer));
    if (a > bestArea) [best, bestArea] = [outer, a];
  }
  if (!best) return null;
  const a = ringArea(best);
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = best.length - 1; i < best.length; j = i++) {
    const [xi, yi] = best[i] as [number, number];
    const [xj, yj] = best[j] as [number, number];
    const f = xj * yi - xi * yj;
    cx += (xi + xj) * f;
    cy += (yi + yj) * f;
  }
  cx /= 6 * a;
  cy /= 6 * a;
  if (inRing(cx, cy, best)) return [cx, cy];
  // The widest run inside the outline along the centroid's latitude.
  const xs: number[] = [];
  for (let i = 0, j = best.length - 1; i < best.length; j = i++) {
    const [xi, yi] = best[i] as [number, number];
    const [xj, yj] = best[j] as [number, number];
    if (yi > cy !== yj > cy) xs.push(((xj - xi) * (cy - yi)) / (yj - yi) + xi);
  }
  xs.sort((p, q) => p - q);
  let mid: number | null = null;
  let widest = 0;
  for (let k = 0; k + 1 < xs.length; k += 2) {
    const w = (xs[k + 1] as number) - (xs[k] as number);
    if (w > widest) [widest, mid] = [w, ((xs[k] as number) + (xs[k + 1] as number)) / 2];
  }
  return mid === null ? null : [mid, cy];
}
