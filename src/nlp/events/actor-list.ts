/**
 * The actors a trigger can take its sides from: the entities stage's actors, plus countries in
 * subject position and bare force nouns ("Police arrested ..."), minus place descriptors
 * ("the government-held district") and the dateline.
 */
import type { Entity, PlaceMention, Token } from '../../core/document.js';
import type { Span } from '../../core/span.js';
import type { Cues } from './lexicon.js';
import { endOf, firstAbove, firstAtLeast, startOf } from '../../core/search.js';
import { ACTOR_WORD, LETTERS, LOW, SMI, tokenWords, wordHash, type TokenWords } from './token-words.js';

const PREP_OR_DET_BEFORE =
  /(?<![\p{L}])(in|at|near|around|outside|inside|into|of|across|from|to|with|on|by|for|against|toward|towards|between|the)\s+(?:the\s+)?(?:[\p{L}-]+ern\s+)?$/iu;
/** "the government-held district", "rebel-controlled areas": who holds a place, not who acted. */
const HOLDER_AFTER = /^\s*-\s*(held|controlled|run|occupied|besieged|dominated|administered)(?![\p{L}])/iu;
/** "Rebels of the Free Syrian Army": the named group after "of" is who they are. */
const OF_BETWEEN = /^\s+of\s+(?:the\s+)?$/iu;
/** Between a name and its short form in brackets: "Frontier Corps (FC)". */
const ABBREVIATION_BETWEEN = /^\s*\(\s*$/u;

const actorEntity = (body: string, span: Span, canonical: string, name: string, country: string | null): Entity => ({
  start: span.start,
  end: span.end,
  text: body.slice(span.start, span.end),
  type: 'group',
  canonical,
  via: 'rule',
  actor: { name, side: null, country, generic: true },
});

/** "Turkey mounted an incursion": a country or a capital in subject position acts through its forces. */
function countriesAsActors(body: string, places: readonly PlaceMention[], named: readonly Entity[]): Entity[] {
  return places
    .filter(
      (p) =>
        p.countryName !== null &&
        (p.metonymFor !== null || (p.kind === 'country' && p.text.toLowerCase() === p.countryName.toLowerCase())),
    )
    .filter((p) => !named.some((e) => e.start < p.end && p.start < e.end))
    .filter(
      (p) =>
        !PREP_OR_DET_BEFORE.test(body.slice(Math.max(0, p.start - 24), p.start)) &&
        !/^['’]s\b/u.test(body.slice(p.end, p.end + 3)),
    )
    .map((p) => ({
      ...actorEntity(body, p, p.countryName!, `Military Forces of ${p.countryName}`, p.country),
      type: 'place' as const,
      actor: { name: `Military Forces of ${p.countryName}`, side: null, country: p.country, generic: false },
    }));
}

const STATE_FORCE = /^(Police|Military) Forces$/;

/** The ACLED name of a generic actor in a country: "Police Forces of India", "Rioters (India)". */
export function genericActorName(role: string, country: string | null): string {
  if (STATE_FORCE.test(role)) return country ? `${role} of ${country}` : `${role} (country unknown)`;
  return country ? `${role} (${country})` : role;
}

/**
 * "Police arrested two suspects", "unknown assailants shot ...", "a mob torched ...": a bare force
 * noun with no nationality before it stands for the forces of the country the report is about;
 * unnamed attackers and crowds for ACLED's generic actors of that country (without a country named,
 * the name has none).
 */
function unnamedActors(
  body: string,
  lower: string,
  tokens: readonly Token[],
  named: readonly Entity[],
  country: { code: string; name: string } | null,
  cues: Cues,
  words: TokenWords,
): Entity[] {
  const out: Entity[] = [];
  // Plain phrases, looked up by the word a token starts with (keys longest first: the longest wins).
  const byFirst = firstWordIndex(cues.stateForceOf);
  const found: Span[] = [];
  // The tokens' words hashed once for the report (shared with the trigger scan): only those whose
  // word can start a phrase are listed, and none is sliced out.
  for (let w = 0; w < words.token.length; w++) {
    const t = tokens[words.token[w]!]!;
    const h = words.hash[w]!;
    const flags = words.flags[w]!;
    if ((flags & ACTOR_WORD) === 0 || (flags & LETTERS) === 0 || words.runEnd[w] !== t.end) continue;
    const keys = byFirst.keys.get(h & SMI);
    if (!keys) continue;
    for (const { key, first } of keys) {
      if (first !== h) continue;
      const end = t.start + key.length;
      if (!lower.startsWith(key, t.start) || isWordChar(lower.charCodeAt(end))) continue;
      if (found.some((f) => f.start < end && t.start < f.end)) continue;
      found.push({ start: t.start, end });
      break;
    }
  }
  for (const span of found) {
    if (named.some((e) => e.start < span.end + 2 && span.start < e.end + 2)) continue;
    // "Frontier Corps (FC)": a short form in brackets after a name is that name, no other actor.
    if (named.some((e) => e.end <= span.start && ABBREVIATION_BETWEEN.test(body.slice(e.end, span.start)))) continue;
    // "Afghan police", "U.S. soldiers" name another country: the entities stage's business.
    const prev = tokenBefore(tokens, span.start);
    if (prev && (prev.pos === 'PROPN' || prev.pos === 'ADJ') && /^\p{Lu}/u.test(body.slice(prev.start, prev.end)))
      continue;
    const role = cues.stateForceOf.get(lower.slice(span.start, span.end));
    if (!role) continue;
    // "the police training centre", "an army vehicle": a modifier of another noun. Unnamed attackers
    // modify nothing: the tagger's noun after them is their verb ("gunmen shot").
    const following = tokenAfter(tokens, span.end);
    if (
      role !== 'Unidentified Armed Group' &&
      following?.pos === 'NOUN' &&
      body.slice(span.end, following.start).trim() === ''
    )
      continue;
    const name = genericActorName(role, country?.name ?? null);
    out.push(actorEntity(body, span, name, name, country?.code ?? null));
  }
  return out;
}

/**
 * Phrase keys by the hash of their first word cut to 30 bits (a small integer, which a Map looks up
 * without boxing it; each key keeps its full hash, compared before the text), and one byte per low
 * 16 bits of a hash, 1 where some first word has them: most tokens start no phrase, and reading a
 * byte rejects them before the Map.
 */
interface FirstWords {
  readonly keys: Map<number, { readonly key: string; readonly first: number }[]>;
  readonly seen: Uint8Array;
}
const FIRST_WORDS = new WeakMap<ReadonlyMap<string, string>, FirstWords>();

/** Phrase keys by the hash of their first word (lower-case ASCII), longest first; built once per table. */
function firstWordIndex(table: ReadonlyMap<string, string>): FirstWords {
  let index = FIRST_WORDS.get(table);
  if (index) return index;
  index = { keys: new Map(), seen: new Uint8Array(LOW + 1) };
  for (const key of [...table.keys()].sort((a, b) => b.length - a.length)) {
    const h = wordHash(key.split(' ')[0]!);
    const cut = h & SMI;
    (index.keys.get(cut) ?? index.keys.set(cut, []).get(cut)!).push({ key, first: h });
    index.seen[h & LOW] = 1;
  }
  FIRST_WORDS.set(table, index);
  return index;
}

/** The first-word filter of the unnamed actors (see FirstWords), for tokenWords. */
export function unnamedFirstWords(cues: Cues): Uint8Array {
  return firstWordIndex(cues.stateForceOf).seen;
}

/** The unnamed roles a named group's name can modify ("TTP gunmen", "NSCN (K) militants"). */
const UNNAMED = /^(?:Unidentified Armed Group|Rioters|Protesters)(?: \(|$)/;

/** "TTP gunmen", "Maoist cadres": a named group right before an unnamed attacker or crowd is who they are. */
function namedBeforeUnnamed(body: string, e: Entity, next: Entity): boolean {
  const a = e.actor;
  const b = next.actor;
  if (!a || !b || a.generic || UNNAMED.test(a.name) || !UNNAMED.test(b.name)) return false;
  return /^[\s-]{1,2}$/.test(body.slice(e.end, next.start));
}

/** Generic actor + "of the" + named actor collapse into the named one; a named group + unnamed attackers into the group. */
function specific(body: string, actors: Entity[]): Entity[] {
  const out: Entity[] = [];
  for (let i = 0; i < actors.length; i++) {
    const e = actors[i]!;
    const next = actors[i + 1];
    if (next && e.actor?.generic && OF_BETWEEN.test(body.slice(e.end, next.start))) {
      out.push({ ...next, start: e.start, text: body.slice(e.start, next.end) });
      i++;
    } else if (next && namedBeforeUnnamed(body, e, next)) {
      out.push({ ...e, end: next.end, text: body.slice(e.start, next.end) });
      i++;
    } else out.push(e);
  }
  return out;
}

/** The token ending nearest before `pos` (binary search; tokens are in text order). */
function tokenBefore(tokens: readonly Token[], pos: number): Token | undefined {
  const found = tokens[firstAbove(tokens, pos, endOf) - 1];
  return found && pos - found.end <= 2 ? found : undefined;
}

/** Letters and digits (any script) and hyphen continue a word; NaN (out of range) does not. */
function isWordChar(c: number): boolean {
  if (Number.isNaN(c)) return false;
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
}

/** The first token starting at or after `pos`. */
function tokenAfter(tokens: readonly Token[], pos: number): Token | undefined {
  return tokens[firstAtLeast(tokens, pos, startOf)];
}

/**
 * `lower` is `body` lower-cased (same offsets): the scans run case-sensitively on it; `words` its
 * tokens' words (token-words.ts), when the caller has them.
 */
export function actorList(
  body: string,
  lower: string,
  entities: readonly Entity[],
  places: readonly PlaceMention[],
  tokens: readonly Token[],
  dateline: Span | null,
  country: { code: string; name: string } | null,
  cues: Cues,
  words: TokenWords = tokenWords(lower, tokens, null, unnamedFirstWords(cues)),
): Entity[] {
  const named = entities.filter((e) => e.actor !== null);
  const all = [
    ...named,
    ...countriesAsActors(body, places, named),
    ...unnamedActors(body, lower, tokens, named, country, cues, words),
  ]
    .filter((e) => !dateline || e.end <= dateline.start || e.start >= dateline.end)
    .filter((e) => !HOLDER_AFTER.test(body.slice(e.end, e.end + 16)))
    .sort((a, b) => a.start - b.start);
  return specific(body, all);
}
