/** The report's country context: its weights, and what the dateline tells (its country, its town). */
import { fold } from './fold.js';
import type { Gazetteer, GazEntry } from './gazetteer.js';
import { BIG } from './rank.js';

// Weights of the evidence that a report is about a country.
export const WEIGHT = { dateline: 5, country: 3, place: 2, demonym: 1 } as const;

export function bump(ctx: Map<string, number>, country: string | null, by: number): void {
  if (country) ctx.set(country, (ctx.get(country) ?? 0) + by);
}

export function datelineCountry(gaz: Gazetteer, place: string | null | undefined): string | null {
  if (!place) return null;
  const parts = place.split(',').map((p) => gaz.byName.get(fold(p))?.[0]);
  const country = parts.find((e) => e?.kind === 'country') ?? parts.find((e) => e && BIG.has(e.source));
  return country?.country ?? null;
}

/** The town of the dateline ("ALEPPO, Syria" -> Aleppo), where unplaced districts of the story lie. */
export function datelineTown(gaz: Gazetteer, place: string | null | undefined): GazEntry | null {
  const first = place?.split(',')[0];
  if (!first) return null;
  const e = gaz.byName.get(fold(first))?.find((x) => x.kind === 'city' && BIG.has(x.source));
  return e ?? null;
}
