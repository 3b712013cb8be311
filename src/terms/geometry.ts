/**
 * The little plane geometry a zone check needs, by hand (ADR 0004): signed distance from a point to
 * a polygon's edge, distance to a polyline, great-circle distance. Distances are in metres on a local
 * equirectangular projection around the point, accurate to well under 1% at zone scale (< 200 km).
 */
export type LonLat = readonly [number, number];

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** Great-circle distance in metres (haversine). */
export function haversineM(a: LonLat, b: LonLat): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLon = (b[0] - a[0]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Projects to metres east/north of `origin`. */
function project(origin: LonLat, p: LonLat): [number, number] {
  const k = Math.cos(origin[1] * RAD) * EARTH_RADIUS_M * RAD;
  return [(p[0] - origin[0]) * k, (p[1] - origin[1]) * EARTH_RADIUS_M * RAD];
}

/** Distance in metres from `p` to the segment a-b. */
export function pointToSegmentM(p: LonLat, a: LonLat, b: LonLat): number {
  const [ax, ay] = project(p, a);
  const [bx, by] = project(p, b);
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/** Distance in metres from `p` to a polyline. */
export function pointToLineM(p: LonLat, line: readonly LonLat[]): number {
  let best = Infinity;
  for (let i = 1; i < line.length; i++) best = Math.min(best, pointToSegmentM(p, line[i - 1]!, line[i]!));
  return best;
}

/** Ray casting: is `p` inside the ring (first position = last)? Points on an edge may go either way. */
export function inRing(p: LonLat, ring: readonly LonLat[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** GeoJSON polygon: inside the outer ring and outside every hole. */
export function inPolygon(p: LonLat, rings: readonly (readonly LonLat[])[]): boolean {
  if (!rings[0] || !inRing(p, rings[0])) return false;
  return !rings.slice(1).some((hole) => inRing(p, hole));
}

/** Signed distance in metres to the polygon's boundary: negative inside, positive outside. */
export function signedDistanceToPolygonM(p: LonLat, rings: readonly (readonly LonLat[])[]): number {
  const edge = Math.min(...rings.map((r) => pointToLineM(p, r)));
  return inPolygon(p, rings) ? -edge : edge;
}
