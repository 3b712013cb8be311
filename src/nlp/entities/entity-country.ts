/**
 * The countries the entities of a report belong to: parties, organisations and armed groups of one
 * country (the entity dictionary's `country`: "BJP" India, "Awami League" Bangladesh, "MQM"
 * Pakistan) and actors by their own country. The places stage weighs them in a report's country
 * context; the events stage names by their vote the generic actors ("Protesters (India)") of a report
 * that names no place it could resolve (placing nothing: an event placed by it has no location).
 */
import { loadDataFile } from '../../core/data-file.js';
import type { Entity } from '../../core/document.js';
import { groupsSchema, organizationsSchema, stateForcesSchema } from './dictionary.schema.js';
import { buildCountries } from './state-forces.js';
import { isPartyWord, loadPartyWords, type PartyWords } from './party-words.js';

export interface CountryData {
  /** Entity canonical name -> ISO 3166-1 alpha-2 code of the country it belongs to. */
  readonly byCanonical: ReadonlyMap<string, string>;
  /** ISO code -> the country's name as ACLED writes it in actor names ("India"). */
  readonly names: ReadonlyMap<string, string>;
  /** Words that name each country's own party or group ("Maoists"): no country of their own. */
  readonly partyWords: PartyWords;
}

export function loadCountryData(): CountryData {
  const byCanonical = new Map<string, string>();
  for (const g of loadDataFile('entities/groups.yaml', groupsSchema).groups)
    if (g.country) byCanonical.set(g.canonical, g.country);
  for (const o of loadDataFile('entities/organizations.yaml', organizationsSchema).organizations)
    if (o.country) byCanonical.set(o.canonical, o.country);
  const names = new Map(
    buildCountries(loadDataFile('entities/state-forces.yaml', stateForcesSchema)).map((c) => [
      c.code,
      c.acledName.replace(/^the /, ''),
    ]),
  );
  return { byCanonical, names, partyWords: loadPartyWords() };
}

/**
 * The country an entity belongs to: an actor's own, else the dictionary's; null when none, and for
 * a party word ("Maoists"), which names a party of whichever country the report is about.
 */
export function entityCountry(e: Entity, data: CountryData): string | null {
  if (isPartyWord(e, data.partyWords)) return null;
  return e.actor?.country ?? data.byCanonical.get(e.canonical) ?? null;
}

/**
 * The one country most of the report's country-bound entities belong to (each distinct entity
 * counts once; actors count by their own country); null on a tie or with none.
 */
export function countryOfEntities(
  entities: readonly Entity[],
  data: CountryData,
): { code: string; name: string } | null {
  const seen = new Set<string>();
  const votes = new Map<string, number>();
  for (const e of entities) {
    if (seen.has(e.canonical)) continue;
    const code = entityCountry(e, data);
    if (code === null) continue;
    seen.add(e.canonical);
    votes.set(code, (votes.get(code) ?? 0) + 1);
  }
  let best: string | null = null;
  let top = 0;
  let tie = false;
  for (const [code, n] of votes) {
    if (n > top) [best, top, tie] = [code, n, false];
    else if (n === top) tie = true;
  }
  const name = best && !tie ? data.names.get(best) : undefined;
  return best && name ? { code: best, name } : null;
}
