/**
 * Names the speaker of a cue from its subject phrase: a person or organisation entity by its
 * canonical name, a pronoun through the people mentioned before it, a description through the
 * organisation it names ("a senior State Department official" -> "U.S. Department of State
 * (unnamed senior official)") or, failing that, as written.
 */
import type { Entity } from '../../core/document.js';
import type { QuoteContext } from './context.js';
import { paragraphOfToken } from './context.js';
import type { TokenRange } from './phrase.js';

export interface Attribution {
  readonly speaker: string | null;
  /** True when the speaker is a person (a pronoun "he" may refer back to it). */
  readonly person: boolean;
  readonly paragraph: number;
  readonly token: number;
}

export interface NamedSpeaker {
  readonly speaker: string | null;
  readonly person: boolean;
}

const UNNAMED = new Set(['unnamed', 'anonymous', 'unidentified']);
const POSSESSIVE = new Set(["'s", '’s', "'", '’']);

function entitiesIn(ctx: QuoteContext, r: TokenRange): Entity[] {
  const out: Entity[] = [];
  let last = -1;
  for (let k = r.start; k < r.end; k++) {
    const e = ctx.entityOf[k]!;
    if (e >= 0 && e !== last) out.push(ctx.entities[e]!);
    last = e;
  }
  return out;
}

/** The person a sentence is about: its first person entity before `before` (subjects come first). */
function firstPersonIn(ctx: QuoteContext, sentence: number, before: number): Entity | null {
  const s = ctx.layer.sentences[sentence]!;
  for (let k = s.tokenStart; k < Math.min(s.tokenEnd, before); k++) {
    const e = ctx.entityOf[k]!;
    if (e >= 0 && ctx.entities[e]!.type === 'person' && !ctx.inQuote[k]) return ctx.entities[e]!;
  }
  return null;
}

/** Most recent sentence of `paragraph` (before token `before`) that names a person: its subject. */
function personInParagraph(ctx: QuoteContext, paragraph: number, before: number): Entity | null {
  const sentences = ctx.layer.sentences;
  let s = before < ctx.tokens.length ? ctx.sentenceOf[before]! : sentences.length - 1;
  while (s >= 0 && sentences[s]!.paragraph > paragraph) s--;
  for (; s >= 0 && sentences[s]!.paragraph === paragraph; s--) {
    const found = firstPersonIn(ctx, s, before);
    if (found) return found;
  }
  return null;
}

function lastAttribution(history: readonly Attribution[], paragraph: number, person: boolean): Attribution | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const a = history[i]!;
    if (a.paragraph < paragraph) return null;
    if (a.paragraph === paragraph && a.speaker && (!person || a.person)) return a;
  }
  return null;
}

/** "he"/"she": the last person speaker or person subject, in this paragraph, else the previous one. */
function resolvePersonPronoun(ctx: QuoteContext, t: number, history: readonly Attribution[]): NamedSpeaker {
  const para = paragraphOfToken(ctx, t);
  for (const p of [para, para - 1]) {
    if (p < 0) break;
    const spoke = lastAttribution(history, p, true);
    if (spoke) return { speaker: spoke.speaker, person: true };
    const named = personInParagraph(ctx, p, p === para ? t : ctx.tokens.length);
    if (named) return { speaker: named.canonical, person: true };
  }
  return { speaker: null, person: true };
}

/**
 * "it", "they": the previous attribution's speaker in this or the previous paragraph; else, for
 * "they", the last group or organisation named in this paragraph or the one before.
 */
function resolveOtherPronoun(ctx: QuoteContext, t: number, history: readonly Attribution[]): NamedSpeaker {
  const para = paragraphOfToken(ctx, t);
  const last = history[history.length - 1];
  if (last && last.speaker && last.paragraph >= para - 1) return { speaker: last.speaker, person: last.person };
  if (ctx.words[t] === 'they' || ctx.words[t] === 'their') {
    const group = lastGroupBefore(ctx, t, para - 1);
    if (group) return { speaker: group.canonical, person: false };
  }
  return { speaker: null, person: false };
}

/** The last group or organisation entity before token t, no earlier than paragraph `fromPara`. */
function lastGroupBefore(ctx: QuoteContext, t: number, fromPara: number): Entity | null {
  for (let k = t - 1; k >= 0 && paragraphOfToken(ctx, k) >= fromPara; k--) {
    const e = ctx.entityOf[k]!;
    if (e < 0 || ctx.inQuote[k]) continue;
    const entity = ctx.entities[e]!;
    if (entity.type === 'group' || entity.type === 'organization') return entity;
  }
  return null;
}

/** How far back (in tokens) the author of "the letter" is looked for. */
const AUTHOR_WINDOW = 400;
const AUTHOR_LINK = new Set(['from', 'by']);

/**
 * A document as source ("the letter said"): its author when the text named one before
 * ("a letter from X", "X's letter"), else the document noun alone, without dates or other modifiers.
 */
function documentSpeaker(ctx: QuoteContext, np: TokenRange): NamedSpeaker | null {
  let noun = -1;
  // A document whose phrase names its author ("a report by the UN") is the author's, read as usual.
  for (let k = np.start; k < np.end; k++) if (ctx.entityOf[k]! >= 0) return null;
  for (let k = np.start; k < np.end && noun < 0; k++) if (ctx.lex.documents.has(ctx.words[k]!)) noun = k;
  if (noun < 0) return null;
  const word = ctx.words[noun]!;
  for (let k = np.start - 1; k >= 0 && k > np.start - AUTHOR_WINDOW; k--) {
    if (ctx.words[k] !== word || ctx.inQuote[k]) continue;
    // "a letter from the envoy X" (the author follows) or "X's letter" (the author precedes).
    if (AUTHOR_LINK.has(ctx.words[k + 1]!)) {
      for (let j = k + 2; j < k + 8 && j < np.start; j++) {
        const e = ctx.entityOf[j]!;
        if (e >= 0 && ctx.entities[e]!.type !== 'place') return { speaker: ctx.entities[e]!.canonical, person: false };
      }
    }
    const owner = ctx.entityOf[k - 2] ?? -1;
    if (POSSESSIVE.has(ctx.words[k - 1]!) && owner >= 0 && ctx.entities[owner]!.type !== 'place')
      return { speaker: ctx.entities[owner]!.canonical, person: false };
  }
  return { speaker: word, person: false };
}

/** The last organisation or group before token `t` whose name contains `noun` ("the ministry"). */
function organisationNamed(ctx: QuoteContext, noun: string, t: number): Entity | null {
  const at = ctx.tokens[t]!.start;
  let best: Entity | null = null;
  for (const e of ctx.entities) {
    if (e.start >= at || (e.type !== 'organization' && e.type !== 'group')) continue;
    if (!e.canonical.toLowerCase().includes(noun)) continue;
    if (!best || e.start > best.start) best = e;
  }
  return best;
}

export function nameSpeaker(ctx: QuoteContext, np: TokenRange, history: readonly Attribution[]): NamedSpeaker {
  const { lex, words, body, tokens } = ctx;
  if (np.end - np.start === 1 && ctx.pos[np.start] === 'PRON') {
    const w = words[np.start]!;
    if (lex.personPronouns.has(w) || lex.possessivePerson.has(w)) return resolvePersonPronoun(ctx, np.start, history);
    return resolveOtherPronoun(ctx, np.start, history);
  }
  const document = documentSpeaker(ctx, np);
  if (document) return document;
  const head = np.end - 1;
  const headWord = words[head]!;
  const found = entitiesIn(ctx, np);
  const last = found[found.length - 1];
  if (last && last.type === 'person' && ctx.entityOf[head]! >= 0 && ctx.entities[ctx.entityOf[head]!] === last) {
    return { speaker: last.canonical, person: true };
  }
  let org: Entity | undefined;
  for (let k = found.length - 1; k >= 0 && !org; k--)
    if (found[k]!.type === 'organization' || found[k]!.type === 'group') org = found[k];
  const headIsRole = ctx.entityOf[head]! < 0 && lex.roles.has(headWord);
  if (org && headIsRole) {
    // Keep the description's own words ("senior official"), minus determiners and the names.
    const kept: string[] = [];
    for (let k = np.start; k < np.end; k++) {
      const w = words[k]!;
      if (ctx.entityOf[k]! >= 0 || lex.determiners.has(w) || UNNAMED.has(w) || POSSESSIVE.has(w)) continue;
      if (ctx.pos[k] === 'PROPN') continue;
      kept.push(body.slice(tokens[k]!.start, tokens[k]!.end));
    }
    return { speaker: `${org.canonical} (unnamed ${kept.join(' ')})`, person: false };
  }
  if (org && !headIsRole) return { speaker: org.canonical, person: false };
  if (last && last.type === 'person') return { speaker: `${last.canonical} (${headWord})`, person: false };
  if (lex.institutions.has(headWord) && !found.length) {
    const earlier = organisationNamed(ctx, headWord, np.start);
    if (earlier) return { speaker: earlier.canonical, person: false };
  }
  // A name the entity layer missed reads as a person ("Ahmed Hassan said").
  let allProper = true;
  for (let k = np.start; k < np.end; k++) if (ctx.pos[k] !== 'PROPN') allProper = false;
  return { speaker: body.slice(tokens[np.start]!.start, tokens[head]!.end), person: allProper };
}
