/** The report's country as a place and as a name, from the places layer. */
import type { Entity, PlacesLayer, PlaceMention } from '../../core/document.js';
import { countryOfEntities, type CountryData } from '../entities/entity-country.js';
import type { PlaceContext } from './attach.js';

/** The report's main country: its code and name, and the name its parties and organisations tell. */
export interface MainCountry {
  readonly code: string | undefined;
  readonly name: string | undefined;
  /** With no place resolved, the country the names tell (null when places tell it, or nothing does). */
  readonly fallbackName: string | null;
}

/** The places layer's first country, else (no place resolved) the one the parties and organisations named tell. */
export function mainCountryOf(
  places: PlacesLayer,
  named: readonly Entity[],
  countries: CountryData | null,
): MainCountry {
  const fallback = places.countryContext.length === 0 && countries ? countryOfEntities(named, countries) : null;
  const code = places.countryContext[0] ?? fallback?.code;
  const name = places.places.find((p) => p.country === code && p.countryName)?.countryName ?? fallback?.name;
  return { code, name, fallbackName: fallback?.name ?? null };
}

/**
 * The country's name for generic actors: the event's place's country, else the report's first, else
 * `fallback` (the country the caller knows otherwise, e.g. a note's).
 */
export function placeCountryName(
  places: readonly PlaceMention[],
  location: PlaceMention | null,
  context: readonly string[],
  fallback: string | null = null,
): string | null {
  if (location?.countryName) return location.countryName;
  const code = context[0];
  return places.find((p) => p.country === code && p.countryName)?.countryName ?? fallback;
}

/**
 * The report's main country as the place of an event, at ACLED geo precision 3, spanning its first mention
 * (or, when the country is not named, a town of it the events stage could not use, such as one inside a name).
 */
export function countryAsPlace(places: readonly PlaceMention[], code: string | undefined): PlaceMention | null {
  const gaz = places.find((p) => p.kind === 'country' && p.country === code);
  // No country named, but a town of it inside a party's or an office's name ("the Karachi chapter"):
  // the town, as ACLED places such a note, rather than a country without coordinates.
  const town = gaz ? undefined : places.find((p) => p.country === code && p.kind === 'city' && p.latitude !== null);
  if (town) return town;
  const named = gaz ?? places.find((p) => p.country === code && p.countryName);
  if (!named) return null;
  return {
    ...named,
    name: named.countryName!,
    kind: 'country',
    admin1: null,
    latitude: gaz?.latitude ?? null,
    longitude: gaz?.longitude ?? null,
    geoPrecision: 3,
    metonymFor: null,
  };
}

/** What the events stage's unknown-place search reads: the report's country, and the spans a name may not overlap. */
export function placeContextOf(
  country: string | undefined,
  countryName: string | null,
  entities: readonly Entity[],
  places: readonly PlaceMention[],
): PlaceContext {
  return { country: country ?? null, countryName, locative: country !== undefined, taken: [...entities, ...places] };
}
