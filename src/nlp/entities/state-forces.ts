/**
 * State forces of every country, generated from the world-countries package with ACLED-style
 * names ("Military Forces of Syria") and aliases built from the templates in state-forces.yaml.
 * Also yields the country cues (names, demonyms, capitals) used for the report's context.
 */
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import type { ActorRef } from '../../core/document.js';
import type { StateForcesData } from './dictionary.schema.js';

// The package is CommonJS with an ES-style default in its types; require() gives the array itself.
const countries = createRequire(import.meta.url)('world-countries') as Country[];

export type ForceKind = 'military' | 'police' | 'government';

export interface CountryInfo {
  readonly code: string;
  /** Name as ACLED writes it inside actor names ("the United States"). */
  readonly acledName: string;
  readonly names: readonly string[];
  readonly demonyms: readonly string[];
  readonly capitals: readonly string[];
  readonly side: string;
}

export interface StateForce {
  readonly kind: ForceKind;
  readonly country: CountryInfo;
  readonly canonical: string;
  readonly actor: ActorRef;
  readonly aliases: readonly string[];
}

function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^the /, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function uniq(xs: readonly string[]): string[] {
  return [...new Set(xs.filter((x) => x.trim().length > 0))];
}

/** Country facts for every country in world-countries, with the overrides applied. */
export function buildCountries(data: StateForcesData): CountryInfo[] {
  return ownForms(rawCountries(data), data);
}

/**
 * Territories share demonyms and names with their state ("American" is also the demonym of
 * Guam): each form goes to one country, one whose override lists it, else a UN member, else the largest.
 */
function ownForms(list: CountryInfo[], data: StateForcesData): CountryInfo[] {
  const overrides = new Map(data.overrides.map((o) => [o.code, o]));
  const facts = new Map(countries.map((c) => [c.cca2, c]));
  const rank = (c: CountryInfo, form: string): number => {
    const o = overrides.get(c.code);
    const listed = [...(o?.countries ?? []), ...(o?.demonyms ?? []), ...(o?.capitals ?? [])].includes(form);
    const f = facts.get(c.code);
    return (listed ? 1e12 : 0) + (f?.unMember ? 1e11 : 0) + (f?.area ?? 0);
  };
  const owner = new Map<string, CountryInfo>();
  for (const c of list) {
    for (const form of [...c.names, ...c.demonyms, ...c.capitals]) {
      const key = form.toLowerCase();
      const current = owner.get(key);
      if (!current || rank(c, form) > rank(current, form)) owner.set(key, c);
    }
  }
  const mine = (c: CountryInfo) => (form: string) => owner.get(form.toLowerCase()) === c;
  return list.map((c) => ({
    ...c,
    names: c.names.filter(mine(c)),
    demonyms: c.demonyms.filter(mine(c)),
    capitals: c.capitals.filter(mine(c)),
  }));
}

function rawCountries(data: StateForcesData): CountryInfo[] {
  const overrides = new Map(data.overrides.map((o) => [o.code, o]));
  return countries.map((c) => {
    const o = overrides.get(c.cca2);
    const common = c.name.common.normalize('NFC');
    const acledName = o?.name ?? common;
    const demonym = c.demonyms?.eng?.m ?? '';
    // Capitals like "Washington D.C." are matched by their first word only through overrides.
    const capitals = o?.capitals ?? c.capital.map((x) => x.replace(/,.*$/, ''));
    return {
      code: c.cca2,
      acledName,
      names: uniq([common, acledName.replace(/^the /, ''), ...(o?.countries ?? [])]),
      demonyms: uniq([demonym, ...(o?.demonyms ?? [])]),
      capitals: uniq(capitals),
      side: o?.side ?? `${slug(acledName)}-government`,
    };
  });
}

function expand(template: string, c: CountryInfo): string[] {
  const slots: Record<string, readonly string[]> = { Country: c.names, Demonym: c.demonyms, Capital: c.capitals };
  let out = [template];
  for (const [slot, values] of Object.entries(slots)) {
    const token = `{${slot}}`;
    out = out.flatMap((t) => (t.includes(token) ? values.map((v) => t.split(token).join(v)) : [t]));
  }
  return out;
}

/** Three state actors (military, police, government) for every country. */
export function buildStateForces(data: StateForcesData, list: readonly CountryInfo[]): StateForce[] {
  const overrides = new Map(data.overrides.map((o) => [o.code, o]));
  const out: StateForce[] = [];
  for (const c of list) {
    for (const kind of ['military', 'police', 'government'] as const) {
      const template = data.templates[kind];
      const canonical = template.canonical.replace('{country}', c.acledName);
      const aliases = uniq([
        canonical,
        ...template.aliases.flatMap((t) => expand(t, c)),
        ...(overrides.get(c.code)?.[kind] ?? []),
      ]);
      out.push({
        kind,
        country: c,
        canonical,
        actor: { name: canonical, side: c.side, country: c.code, generic: false },
        aliases,
      });
    }
  }
  return out;
}
