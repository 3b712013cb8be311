/** Turns a "near lat/lon/km" filter into a bounding box an index can use, plus the exact test. */
export interface Bbox {
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
}

export const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE_LAT = (Math.PI * EARTH_RADIUS_KM) / 180;

/** Great-circle distance (haversine), the same formula the SQL of both backends uses. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The smallest lat/lon box that holds every point within `km` of the centre. Near a pole the box
 * spans every longitude; across the antimeridian west > east (callers split it in two).
 */
export function bboxAround(lat: number, lon: number, km: number): Bbox {
  const dLat = km / KM_PER_DEGREE_LAT;
  const south = Math.max(-90, lat - dLat);
  const north = Math.min(90, lat + dLat);
  if (south === -90 || north === 90) return { west: -180, south, east: 180, north };
  // Widest longitude reach is at the box's latitude farthest from the equator.
  const cosLat = Math.cos((Math.max(Math.abs(south), Math.abs(north)) * Math.PI) / 180);
  const dLon = km / (KM_PER_DEGREE_LAT * cosLat);
  if (dLon >= 180) return { west: -180, south, east: 180, north };
  const wrap = (x: number): number => (x < -180 ? x + 360 : x > 180 ? x - 360 : x);
  return { west: wrap(lon - dLon), south, east: wrap(lon + dLon), north };
}

/** A box as one or two boxes that do not cross the antimeridian. */
export function splitAntimeridian(box: Bbox): Bbox[] {
  if (box.west <= box.east) return [box];
  return [
    { ...box, east: 180 },
    { ...box, west: -180 },
  ];
}
