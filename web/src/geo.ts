/**
 * Whether an incident lies in the agreement's area: an admin zone by country (and admin1 when the
 * zone names some), a polygon by its outline, a place by its radius, a route by its buffer. Pure;
 * the server's judgement is the reference, this only narrows what the map shows.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

export interface Located {
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly country?: string | null;
  readonly admin1?: string | null;
}

const R = 6_371_000;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres. */
export function distanceM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const a =
    Math.sin(rad(lat2 - lat1) / 2) ** 2 +
    Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Ray casting over one ring ([lon, lat] positions). */
function inRing(lon: number, lat: number, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(lon: number, lat: number, rings: readonly (readonly Position[])[]): boolean {
  const [outer, ...holes] = rings;
  return !!outer && inRing(lon, lat, outer) && !holes.some((h) => inRing(lon, lat, h));
}

/** Distance in metres from a point to a line (flat-earth projection around the point: fine for km). */
function distanceToLine(lat: number, lon: number, line: readonly Position[]): number {
  const kx = Math.cos(rad(lat)) * (Math.PI / 180) * R;
  const ky = (Math.PI / 180) * R;
  let best = Infinity;
  for (let i = 0; i + 1 < line.length; i++) {
    const [ax, ay] = line[i] as [number, number];
    const [bx, by] = line[i + 1] as [number, number];
    const px = (lon - ax) * kx;
    const py = (lat - ay) * ky;
    const dx = (bx - ax) * kx;
    const dy = (by - ay) * ky;
    const len = dx * dx + dy * dy;
    const t = len === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / len));
    best = Math.min(best, Math.hypot(px - t * dx, py - t * dy));
  }
  return best;
}

const same = (a: string | null | undefined, b: string | null | undefined) =>
  !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

export function inZone(i: Located, f: Feature<Geometry | null, Record<string, unknown> | null>): boolean {
  const p = f.properties ?? {};
  if (p.kind === 'admin' || f.geometry === null) {
    if (typeof p.country !== 'string' || !same(p.country, i.country)) return false;
    const admin1 = Array.isArray(p.admin1)
      ? (p.admin1 as unknown[]).filter((x): x is string => typeof x === 'string')
      : [];
    return admin1.length === 0 || admin1.some((a) => same(a, i.admin1));
  }
  if (i.latitude === null || i.longitude === null) return false;
  const g = f.geometry;
  switch (g.type) {
    case 'Polygon':
      return inPolygon(i.longitude, i.latitude, g.coordinates);
    case 'MultiPolygon':
      return g.coordinates.some((poly) => inPolygon(i.longitude as number, i.latitude as number, poly));
    case 'LineString': {
      const buffer = Number(p.bufferM ?? p.buffer_m ?? 0);
      return distanceToLine(i.latitude, i.longitude, g.coordinates) <= buffer;
    }
    case 'Point': {
      const radius = Number(p.radiusM ?? p.radius_m ?? 0);
      const [lon, lat] = g.coordinates as [number, number];
      return distanceM(i.latitude, i.longitude, lat, lon) <= radius;
    }
    default:
      return false;
  }
}

/** A test for "in any of the zones"; null when there are no zones (then everything counts). */
export function areaTest(zones: FeatureCollection | null | undefined): ((i: Located) => boolean) | null {
  const features = (zones?.features ?? []) as Feature<Geometry | null, Record<string, unknown> | null>[];
  if (features.length === 0) return null;
  return (i) => features.some((f) => inZone(i, f));
}

/** Country names the admin zones cover (to outline them on the base map). */
export function adminCountries(zones: FeatureCollection | null | undefined): string[] {
  return ((zones?.features ?? []) as Feature<Geometry | null, Record<string, unknown> | null>[])
    .map((f) => f.properties ?? {})
    .filter((p) => p.kind === 'admin' && typeof p.country === 'string')
    .map((p) => p.country as string);
}

/** What an incident's place is called: "eastern Aleppo, Aleppo, Syria" (a name said twice is said once). */
export function placeName(i: {
  readonly location?: string | null;
  readonly admin1?: string | null;
  readonly country?: string | null;
}): string | null {
  const parts: string[] = [];
  for (const p of [i.location, i.admin1, i.country]) {
    const t = typeof p === 'string' ? p.trim() : '';
    if (t && !parts.some((q) => q.toLowerCase() === t.toLowerCase())) parts.push(t);
  }
  return parts.length > 0 ? parts.join(', ') : null;
}

/** How far to trust the point (ACLED geo precision): 1 the place itself, 2 near it, 3 the wider area. */
export const GEO_PRECISION_TEXT: Readonly<Record<number, string>> = {
  1: 'at the place',
  2: 'near the place (part of a town or region)',
  3: 'the wider area (province or district)',
};

/** "36.205° N, 37.180° E": the point, for the second line under the place's name. */
export function coordinatesText(lat: number, lon: number): string {
  const ns = lat >= 0 ? 'N' : 'S';
  const ew = lon >= 0 ? 'E' : 'W';
  return `${Math.abs(lat).toFixed(3)}° ${ns}, ${Math.abs(lon).toFixed(3)}° ${ew}`;
}
