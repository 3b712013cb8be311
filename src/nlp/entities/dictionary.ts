/**
 * Loads the entity data files once and indexes every alias in one AliasIndex: people,
 * organisations, armed groups, state forces of every country, generic actor phrases,
 * person titles and country cues (names, demonyms, capitals; counted, never emitted).
 */
import type { ActorRef, EntityType } from '../../core/document.js';
import { loadDataFile } from '../../core/data-file.js';
import {
  genericsSchema,
  groupsSchema,
  organizationsSchema,
  peopleSchema,
  recogniserSchema,
  stateForcesSchema,
  type GenericsData,
  type PeopleData,
  type RecogniserData,
  type Role,
} from './dictionary.schema.js';
import { AliasIndex } from './matcher.js';
import { buildCountries, buildStateForces, type CountryInfo, type StateForce } from './state-forces.js';

export interface EntityValue {
  readonly kind: 'entity';
  readonly type: Exclude<EntityType, 'place'>;
  readonly canonical: string;
  readonly actor: ActorRef | null;
  /** Alias valid only after the canonical name was seen in the report ("the Observatory"). */
  readonly afterFull: boolean;
  /** A bare surname ("Kerry"): an earlier full name in the report with that surname wins. */
  readonly surnameOnly: boolean;
}
export interface GenericValue {
  readonly kind: 'generic';
  readonly role: Role;
}
export interface CueValue {
  readonly kind: 'cue';
  readonly country: string;
  /** Demonyms and names can be sponsors or qualifiers ("Turkish-backed", "Syrian rebels"). */
  readonly form: 'name' | 'demonym' | 'capital' | 'place' | 'people';
}
export interface TitleValue {
  readonly kind: 'title';
  /** Capitalised titles ("President") can stand before a lone surname; "official" cannot. */
  readonly strong: boolean;
}
export type DictValue = EntityValue | GenericValue | CueValue | TitleValue;

export interface EntityData {
  readonly index: AliasIndex<DictValue>;
  readonly countries: ReadonlyMap<string, CountryInfo>;
  readonly forces: ReadonlyMap<string, StateForce>;
  readonly generics: GenericsData;
  readonly recogniser: RecogniserData;
}

const PARTICLE_RE = /^(?:al|el|as|ash|ad|ar|az|an)-/i;

/** Surname aliases of a person: the last word, with and without an al-/el- particle. */
export function surnamesOf(person: PeopleData['people'][number]): string[] {
  if (person.surname === false) return [];
  if (person.surname) return person.surname;
  const last = person.name.split(/\s+/).pop()!;
  return PARTICLE_RE.test(last) ? [last, last.replace(PARTICLE_RE, '')] : [last];
}

function entity(
  type: EntityValue['type'],
  canonical: string,
  actor: ActorRef | null,
  extra: Partial<EntityValue> = {},
): EntityValue {
  return { kind: 'entity', type, canonical, actor, afterFull: false, surnameOnly: false, ...extra };
}

export function loadEntityData(): EntityData {
  const index = new AliasIndex<DictValue>();
  const people = loadDataFile('entities/people.yaml', peopleSchema);
  const orgs = loadDataFile('entities/organizations.yaml', organizationsSchema);
  const groups = loadDataFile('entities/groups.yaml', groupsSchema);
  const state = loadDataFile('entities/state-forces.yaml', stateForcesSchema);
  const generics = loadDataFile('entities/generics.yaml', genericsSchema);
  const recogniser = loadDataFile('entities/recogniser.yaml', recogniserSchema);

  // Order matters only for aliases of equal length: curated entries are added first and win.
  const usedSurnames = new Set<string>();
  for (const p of people.people) {
    for (const alias of [p.name, ...p.aliases]) index.add(alias, entity('person', p.name, null));
    for (const s of surnamesOf(p)) {
      const key = s.toLowerCase();
      if (usedSurnames.has(key)) continue;
      usedSurnames.add(key);
      index.add(s, entity('person', p.name, null, { surnameOnly: true }));
    }
  }
  for (const o of orgs.organizations) {
    const actor = o.actor ? { name: o.actor, side: o.side ?? null, country: o.country ?? null, generic: false } : null;
    for (const alias of [o.canonical, ...o.aliases]) index.add(alias, entity('organization', o.canonical, actor));
    for (const alias of o.afterFull ?? [])
      index.add(alias, entity('organization', o.canonical, actor, { afterFull: true }));
  }
  for (const g of groups.groups) {
    const type = g.type ?? 'group';
    const actor = g.actor ? { name: g.actor, side: g.side ?? null, country: g.country ?? null, generic: false } : null;
    for (const alias of [g.canonical, ...g.aliases]) index.add(alias, entity(type, g.canonical, actor));
    for (const alias of g.afterFull ?? []) index.add(alias, entity(type, g.canonical, actor, { afterFull: true }));
  }
  const countryList = buildCountries(state);
  const forces = new Map<string, StateForce>();
  for (const f of buildStateForces(state, countryList)) {
    forces.set(`${f.country.code}:${f.kind}`, f);
    const type = f.kind === 'government' ? 'organization' : 'group';
    for (const alias of f.aliases) index.add(alias, entity(type, f.canonical, f.actor));
  }
  for (const rule of generics.rules) {
    for (const phrase of rule.phrases) index.add(phrase, { kind: 'generic', role: rule.role });
  }
  for (const title of recogniser.titles) index.add(title, { kind: 'title', strong: /^\p{Lu}/u.test(title) });
  for (const c of countryList) {
    for (const n of c.names) index.add(n, { kind: 'cue', country: c.code, form: 'name' });
    for (const d of c.demonyms) index.add(d, { kind: 'cue', country: c.code, form: 'demonym' });
    for (const cap of c.capitals) index.add(cap, { kind: 'cue', country: c.code, form: 'capital' });
    // Plural demonyms ("the Russians", "the Iraqis"): people of the country, a government only as a subject.
    for (const d of c.demonyms) {
      if (/^\p{Lu}\p{Ll}+(?:an|i)$/u.test(d)) index.add(`${d}s`, { kind: 'cue', country: c.code, form: 'people' });
    }
  }
  // Cities and provinces of the conflict countries: where the fighting is tells which war a report is about.
  for (const p of generics.conflictPlaces) {
    for (const name of p.places) index.add(name, { kind: 'cue', country: p.code, form: 'place' });
  }
  return {
    index,
    countries: new Map(countryList.map((c) => [c.code, c])),
    forces,
    generics,
    recogniser,
  };
}
