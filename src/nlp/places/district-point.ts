/** Where a district with no seat in GeoNames is placed (city-index.ts). */

export interface Point {
  readonly lat: number;
  readonly lng: number;
}

/**
 * The town nearest the mean point of a district's towns: a district whose seat GeoNames lacks (and that
 * has no town of 10,000+) is placed at a real town near its middle, where its seat usually is.
 */
export function centralTown(towns: readonly (readonly [number, number])[] | undefined): Point | undefined {
  if (!towns || towns.length === 0) return undefined;
  let lat = 0;
  let lng = 0;
  for (const [a, b] of towns) [lat, lng] = [lat + a, lng + b];
  [lat, lng] = [lat / towns.length, lng / towns.length];
  let best = towns[0]!;
  let bestD = Infinity;
  for (const t of towns) {
    const d = (t[0] - lat) ** 2 + ((t[1] - lng) * Math.cos((lat * Math.PI) / 180)) ** 2;
    if (d < bestD) [best, bestD] = [t, d];
  }
  return { lat: best[0], lng: best[1] };
}

/** Every town's point by district code (country.admin1.admin2), then each district's central town. */
export class DistrictTowns {
  readonly #towns = new Map<string, [number, number][]>();

  add(code: string, lat: number, lng: number): void {
    const list = this.#towns.get(code);
    if (list) list.push([lat, lng]);
    else this.#towns.set(code, [[lat, lng]]);
  }

  central(code: string): Point | undefined {
    return centralTown(this.#towns.get(code));
  }
}
