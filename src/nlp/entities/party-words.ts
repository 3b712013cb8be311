/**
 * Words that name each country's own party or group, as "rebels" names each country's armed
 * opposition: bare "Maoists" are India's CPI (Maoist) in an Indian report and a Nepali Maoist party
 * in a Nepali one (data/entities/party-words.yaml). The entities stage reads the word as its
 * default entity; such a mention belongs to no country by itself (it is no cue of the report's
 * country), and the events stage, once the report's country is known, gives it that country's
 * entity.
 */
import type { ActorRef, Entity } from '../../core/document.js';
import { loadDataFile } from '../../core/data-file.js';
import { groupsSchema, partyWordsSchema } from './dictionary.schema.js';

/** The entity a party word stands for in one country. */
export interface LocalEntity {
  readonly type: Entity['type'];
  readonly canonical: string;
  readonly actor: ActorRef | null;
}

interface PartyWord {
  /** The word's forms, lower-cased with single spaces. */
  readonly phrases: ReadonlySet<string>;
  /** ISO code -> the entity the word stands for there. */
  readonly local: ReadonlyMap<string, LocalEntity>;
}

/** Default canonical -> its party word. */
export type PartyWords = ReadonlyMap<string, PartyWord>;

const formOf = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ');

export function loadPartyWords(): PartyWords {
  const groups = new Map(loadDataFile('entities/groups.yaml', groupsSchema).groups.map((g) => [g.canonical, g]));
  const entityOf = (canonical: string): LocalEntity => {
    const g = groups.get(canonical);
    if (!g) throw new Error(`party-words.yaml: "${canonical}" is no canonical name of groups.yaml`);
    const actor = g.actor ? { name: g.actor, side: g.side ?? null, country: g.country ?? null, generic: false } : null;
    return { type: g.type ?? 'group', canonical, actor };
  };
  const out = new Map<string, PartyWord>();
  for (const w of loadDataFile('entities/party-words.yaml', partyWordsSchema).words) {
    const aliases = new Set(groups.get(w.default)?.aliases.map(formOf));
    for (const p of w.phrases)
      if (!aliases.has(formOf(p))) throw new Error(`party-words.yaml: "${p}" is no alias of "${w.default}"`);
    entityOf(w.default);
    out.set(w.default, {
      phrases: new Set(w.phrases.map(formOf)),
      local: new Map(w.countries.map((c) => [c.code, entityOf(c.canonical)])),
    });
  }
  return out;
}

/** A mention by a party word ("Maoists"), not by the group's own name ("CPI (Maoist)"). */
export function isPartyWord(e: Entity, words: PartyWords): boolean {
  return words.get(e.canonical)?.phrases.has(formOf(e.text)) ?? false;
}

/**
 * The entities with each party-word mention read as the entity of `country` (the report's), when
 * the word names one there; the same array when nothing changes. An unknown country keeps the
 * default.
 */
export function localParties(
  entities: readonly Entity[],
  country: string | null,
  words: PartyWords,
): readonly Entity[] {
  if (country === null || words.size === 0) return entities;
  let out: Entity[] | null = null;
  entities.forEach((e, i) => {
    const local = isPartyWord(e, words) ? words.get(e.canonical)!.local.get(country) : undefined;
    if (local) (out ??= [...entities])[i] = { ...e, type: local.type, canonical: local.canonical, actor: local.actor };
  });
  return out ?? entities;
}
