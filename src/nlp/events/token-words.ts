/**
 * One pass over a report's tokens shared by the trigger scan (scan.ts) and the unnamed-actor walk
 * (actor-list.ts): each token's leading ASCII lower-case letters and digits are hashed once, and only
 * the tokens whose word some trigger or unnamed actor can start with are listed for them, so neither
 * reads every token again and no token is sliced out.
 */
import type { Token } from '../../core/document.js';

/**
 * The listed tokens, in text order (parallel arrays): the token's index, the hash of its run
 * (`h = imul(h, 31) + c | 0`), where the run ends, and its flags.
 */
export interface TokenWords {
  readonly token: number[];
  readonly hash: number[];
  readonly runEnd: number[];
  readonly flags: number[];
}

/** The run did not stop at a non-ASCII character (the trigger scan looks other tokens up by their text). */
export const ASCII_STOP = 1;
/** The run has letters only (no digit). */
export const LETTERS = 2;
/** Some trigger's first word has the low bits of this hash. */
export const TRIGGER_WORD = 4;
/** Some unnamed actor's first word has the low bits of this hash. */
export const ACTOR_WORD = 8;

/** Hashes are cut to 30 bits for Map keys: small integers, which a Map looks up without boxing them. */
export const SMI = 0x3fffffff;
/** The bits of a hash the first-word filters (one byte each) are indexed by. */
export const LOW = 0xffff;
const NONE = new Uint8Array(LOW + 1);

/**
 * The hash tokenWords computes for a token's run, of a whole word (lower-case ASCII letters and
 * digits): the trigger and unnamed-actor indexes hash their first words with it.
 */
export function wordHash(word: string): number {
  let h = 0;
  for (let k = 0; k < word.length; k++) h = (Math.imul(h, 31) + word.charCodeAt(k)) | 0;
  return h;
}
const FILTERS = new WeakMap<Uint8Array, WeakMap<Uint8Array, Uint8Array>>();

/**
 * One byte per low 16 bits of a hash: TRIGGER_WORD where `triggers` has a 1, ACTOR_WORD where
 * `actors` has one (each a first-word filter of 65,536 bytes); built once per pair.
 */
function wordFilter(triggers: Uint8Array, actors: Uint8Array): Uint8Array {
  let byActors = FILTERS.get(triggers);
  if (!byActors) FILTERS.set(triggers, (byActors = new WeakMap()));
  let filter = byActors.get(actors);
  if (!filter) {
    filter = new Uint8Array(LOW + 1);
    for (let i = 0; i <= LOW; i++) filter[i] = (triggers[i] ? TRIGGER_WORD : 0) | (actors[i] ? ACTOR_WORD : 0);
    byActors.set(actors, filter);
  }
  return filter;
}

/**
 * The tokens' words in `lower` (the body lower-cased, same offsets), computed once per report by the
 * caller: the tokens whose run passes either first-word filter (null: none), and every token whose run
 * stops at a non-ASCII character.
 */
export function tokenWords(
  lower: string,
  tokens: readonly Token[],
  triggers: Uint8Array | null,
  actors: Uint8Array | null,
): TokenWords {
  const filter = wordFilter(triggers ?? NONE, actors ?? NONE);
  const words: TokenWords = { token: [], hash: [], runEnd: [], flags: [] };
  for (let ti = 0; ti < tokens.length; ti++) {
    const t = tokens[ti]!;
    let k = t.start;
    let h = 0;
    let flags = ASCII_STOP | LETTERS;
    for (; k < t.end; k++) {
      const c = lower.charCodeAt(k);
      if (c >= 97 && c <= 122) h = (Math.imul(h, 31) + c) | 0;
      else if (c >= 48 && c <= 57) {
        h = (Math.imul(h, 31) + c) | 0;
        flags &= ~LETTERS;
      } else {
        if (c >= 128) flags &= ~ASCII_STOP;
        break;
      }
    }
    if (k > t.start) flags |= filter[h & LOW]!;
    if ((flags & (TRIGGER_WORD | ACTOR_WORD)) === 0 && (flags & ASCII_STOP) !== 0) continue;
    words.token.push(ti);
    words.hash.push(h);
    words.runEnd.push(k);
    words.flags.push(flags);
  }
  return words;
}
