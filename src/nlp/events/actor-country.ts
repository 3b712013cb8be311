/**
 * ACLED names every generic actor with its country ("Protesters (India)", "Police Forces of
 * Pakistan"). The scan names them from the places stage's country; a generic actor left without
 * one ("Protesters", "Police Forces (country unknown)", "Government (country unknown)" from the
 * entities stage) takes its event's place's country, else the report's, else the country the
 * whole text points to (note-country.ts: W706).
 */
import type { Entity } from '../../core/document.js';
import type { CountryData } from '../entities/entity-country.js';
import { isPartyWord, localParties } from '../entities/party-words.js';
import type { Found } from './found.js';
import type { Lexicon } from './lexicon.js';
import { setField } from './merge.js';
import { noteCountry, type NoteCountryData } from './note-country.js';
export type { NoteCountryData } from './note-country.js';

/** Roles ACLED names "<role> of <Country>"; the others are "<role> (<Country>)". */
const OF_COUNTRY = /^(?:Police Forces|Military Forces|Government)$/;
const UNKNOWN = /^(.+?) \(country unknown\)$/;

const ROLES = new WeakMap<Lexicon, ReadonlySet<string>>();

/** The generic roles the events stage and the entities stage give without a country. */
function genericRoles(lex: Lexicon): ReadonlySet<string> {
  let set = ROLES.get(lex);
  if (set) return set;
  const roles = new Set<string>([
    'Protesters',
    'Rioters',
    'Civilians',
    'Police Forces',
    'Military Forces',
    'Government',
  ]);
  for (const r of lex.rules) for (const a of [r.defaultActor1, r.defaultActor2, r.passiveActor1]) if (a) roles.add(a);
  for (const a of lex.cues.stateForceOf.values()) roles.add(a);
  ROLES.set(lex, (set = roles));
  return set;
}

/** The role of a generic actor named without its country ("Protesters", "Rioters (country unknown)"), else null. */
export function countrylessRole(name: string | null, roles: ReadonlySet<string>): string | null {
  if (name === null) return null;
  if (roles.has(name)) return name;
  const role = UNKNOWN.exec(name)?.[1];
  return role && roles.has(role) ? role : null;
}

/** ACLED's name of a generic role in a country. */
export function inCountry(role: string, country: string): string {
  return OF_COUNTRY.test(role) ? `${role} of ${country}` : `${role} (${country})`;
}

/** Names the country of generic actors left without one, when the text tells it. */
export function nameActorCountries(found: Found, lex: Lexicon, data: NoteCountryData | null): void {
  const roles = genericRoles(lex);
  let fromText: { code: string; name: string } | null | undefined;
  for (const c of found.candidates) {
    const role1 = countrylessRole(c.actor1, roles);
    const role2 = countrylessRole(c.actor2, roles);
    if (!role1 && !role2) continue;
    let country = c.location?.countryName ?? found.countryName;
    if (!country && data) {
      if (fromText === undefined) {
        fromText = noteCountry(found.body, found.lower, found.entities, data);
        if (fromText)
          found.warnings.push(
            `W706 No place resolved: the generic actors' country (${fromText.name}) read from the text's names and words`,
          );
      }
      country = fromText?.name ?? null;
    }
    if (!country) continue;
    if (role1) setField(c, 'actor1', inCountry(role1, country));
    if (role2) setField(c, 'actor2', inCountry(role2, country));
  }
}

/**
 * The entities with each party word ("Maoists") read as the party of the report's country: its
 * places' country, else the country its names and words point to (note-country.ts); an unknown
 * country keeps the word's default entity.
 */
export function localEntities(
  body: string,
  lower: string,
  named: readonly Entity[],
  country: string | null,
  countries: CountryData,
  notes: NoteCountryData | null,
): readonly Entity[] {
  if (!named.some((e) => isPartyWord(e, countries.partyWords))) return named;
  const code = country ?? (notes ? (noteCountry(body, lower, named, notes)?.code ?? null) : null);
  return localParties(named, code, countries.partyWords);
}
