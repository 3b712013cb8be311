/**
 * Objects of cue verbs and the candidates built from them: a stance's object ("praised the opening
 * of the crossing"), and any verb of a speaker whose object quotes words ("talked up her “plan”").
 */
import type { QuoteContext } from './context.js';
import type { Candidate } from './candidate.js';
import type { TokenRange } from './phrase.js';
import {
  coordinatedSubject,
  holdsName,
  isParticiple,
  isPronoun,
  npStartingAt,
  sentenceSubject,
  subjectBefore,
  subjectFloor,
} from './phrase.js';

/** Words that open a reported clause and are left out of it. */
export const COMPLEMENTIZER = new Set(['that', 'whether', 'if']);
const RELATIVE = new Set(['who', 'which', 'whom', 'whose']);
/** Conjunctions opening a clause that ends a stance's object. */
const SUBORDINATOR = new Set([
  'because',
  'as',
  'after',
  'when',
  'while',
  'since',
  'before',
  'until',
  'although',
  'though',
  'despite',
  'unless',
  'whereas',
]);
export const END_PUNCT = new Set(['.', '!', '?', ';', ':', '”', '"', '’', ',']);

export function candidate(
  ctx: QuoteContext,
  content: TokenRange,
  cue: TokenRange,
  subject: TokenRange | null,
  s: number,
): Candidate {
  const tokens = ctx.tokens;
  return {
    kind: 'indirect',
    content: { start: tokens[content.start]!.start, end: tokens[content.end - 1]!.end },
    paragraph: ctx.layer.sentences[s]!.paragraph,
    order: Math.min(content.start, subject ? subject.start : cue.start),
    cue,
    subject,
    continuation: null,
  };
}

/** Where a stance's object ends: the sentence end, a semicolon, or the next clause ("... and said"). */
function objectEnd(ctx: QuoteContext, from: number, end: number): number {
  for (let k = from; k < end; k++) {
    const w = ctx.words[k]!;
    if (w === ';') return k;
    const next = ctx.pos[k + 1];
    const nextVerb = next === 'VERB' || next === 'AUX' || (next === 'ADV' && ctx.pos[k + 2] === 'VERB');
    if ((ctx.pos[k] === 'CCONJ' || w === ',') && nextVerb) return k;
    if (w === ',' && (ctx.pos[k + 1] === 'SCONJ' || RELATIVE.has(ctx.words[k + 1]!))) return k;
    // "backed the plan, and the envoy said ...": a new clause with its own subject and verb.
    if (k > from && (w === ',' || ctx.pos[k] === 'CCONJ') && newClauseAt(ctx, k + 1, end)) return k;
    // "dismissed the charges by pointing out ...", "..., joking that ...": an adjunct of the act.
    if (k > from && (w === ',' || ctx.pos[k] === 'ADP') && isIngVerb(ctx, k + 1)) return k;
    // "backed Kerry because he ...", "voted to ban it as Congress debated": a subordinate clause
    // gives the reason or the time, not what was said.
    if (k > from && SUBORDINATOR.has(w) && !ctx.inQuote[k] && (w !== 'as' || clauseFollows(ctx, k + 1, end))) return k;
  }
  return end;
}

/** Longest subject read for a new clause inside an object. */
const MAX_NEW_SUBJECT = 8;

/** A subject and a finite verb at k ("the envoy said", "most voters are"), not an -ing adjunct. */
export function newClauseAt(ctx: QuoteContext, k: number, end: number): boolean {
  if (ctx.words[k] === 'and' || ctx.words[k] === 'but') k++;
  const np = npStartingAt(ctx, k, end);
  if (!np || np.end - np.start > MAX_NEW_SUBJECT) return false;
  let v = np.end;
  while (v < end && ctx.pos[v] === 'ADV') v++;
  return (ctx.pos[v] === 'VERB' || ctx.pos[v] === 'AUX') && !isIngVerb(ctx, v) && !ctx.inQuote[v];
}

/** An -ing verb at k ("pointing", "joking"). */
export function isIngVerb(ctx: QuoteContext, k: number): boolean {
  return ctx.pos[k] === 'VERB' && (ctx.words[k] ?? '').endsWith('ing');
}

/** True when a verb follows within a few tokens: "as Congress debated", not "described it as a sham". */
function clauseFollows(ctx: QuoteContext, t: number, end: number): boolean {
  for (let k = t; k < end && k < t + 4; k++) {
    const p = ctx.pos[k];
    if (p === 'VERB' || p === 'AUX') return k > t;
    if (p === 'PUNCT') return false;
  }
  return false;
}

/**
 * A stance's content: its object ("praised the opening of the crossing"), holding a noun; quoted
 * words belong to it ("described the talks as “a step forward”").
 */
export function objectAfter(ctx: QuoteContext, t: number, end: number): TokenRange | null {
  let e = objectEnd(ctx, t, end);
  while (e > t && END_PUNCT.has(ctx.words[e - 1]!)) e--;
  if (e <= t || COMPLEMENTIZER.has(ctx.words[t]!)) return null;
  for (let k = t; k < e; k++) {
    const p = ctx.pos[k];
    if (p === 'NOUN' || p === 'PROPN' || p === 'PRON' || ctx.entityOf[k]! >= 0) return { start: t, end: e };
  }
  return null;
}

/** The subject of a participle cue: the speaker of a cue right before it ("X said, citing"), else the sentence's. */
export function participleSubject(ctx: QuoteContext, s: number, t: number): TokenRange | null {
  // The sentence start, or the previous sentence's when the splitter cut the subject off before an
  // abbreviation ("Sen. X (I-Vt.) | criticized the accord, saying ...").
  const first = ctx.layer.sentences[s]!.tokenStart;
  const start = subjectFloor(ctx, s);
  if (ctx.words[t - 1] === ',') {
    // The cue may stand a short frame back: "X said on Tuesday, noting ...".
    for (let k = t - 2; k > start && k >= t - 2 - MAX_FRAME; k--) {
      const p = ctx.pos[k];
      if (ctx.lex.verbs.has(ctx.words[k]!) && p === 'VERB') {
        const before = subjectBefore(ctx, k, start);
        if (before) return before;
        break;
      }
      if (p === 'VERB' || p === 'AUX' || ctx.words[k] === ',' || ctx.inQuote[k]) break;
    }
  }
  return (
    sentenceSubject(ctx, s, t - 1) ??
    (start < first ? sentenceSubject(ctx, s - 1, first) : null) ??
    (ctx.words[t - 1] === ',' ? mainSubject(ctx, first, t - 1) : null)
  );
}

/**
 * The subject of the first verb before a participle's comma that has a speaking subject, when the
 * sentence opens with more than one frame ("In his first reaction, during an interview, X
 * questioned ..., implying ...", "On Sunday X made ..., writing that ...").
 */
function mainSubject(ctx: QuoteContext, first: number, comma: number): TokenRange | null {
  for (let k = first + 1; k < comma; k++) {
    if (ctx.pos[k] !== 'VERB' || ctx.inQuote[k]) continue;
    const subject = subjectBefore(ctx, k, first);
    if (subject && namesSpeaker(ctx, subject)) return subject;
  }
  return null;
}

/** Longest frame ("on Tuesday in Paris") read back from a participle cue to the cue before it. */
const MAX_FRAME = 5;

/** A subject that can speak: a name, a pronoun, a role, institution or document noun, a proper noun. */
export function namesSpeaker(ctx: QuoteContext, r: TokenRange): boolean {
  if (holdsName(ctx, r) || isPronoun(ctx, r.start)) return true;
  for (let k = r.start; k < r.end; k++) if (ctx.pos[k] === 'PROPN') return true;
  return false;
}

const NOT_QUOTING = new Set([
  'is',
  'was',
  'were',
  'are',
  'be',
  'been',
  'being',
  'has',
  'have',
  'had',
  'do',
  'does',
  'did',
]);

/**
 * Any verb of a speaker whose object quotes words ("She talked up her “50-state strategy”",
 * "The ad targets a “rigged economy”"): the quotation marks say the object is the speaker's wording.
 */
export function quotedObject(ctx: QuoteContext, s: number, t: number): Candidate | null {
  const w = ctx.words[t]!;
  if (ctx.pos[t] !== 'VERB' || ctx.inQuote[t] || NOT_QUOTING.has(w) || ctx.lex.negators.has(ctx.words[t - 1] ?? ''))
    return null;
  const { tokenStart: start, tokenEnd: end } = ctx.layer.sentences[s]!;
  // The cheap test first: a quotation mark right after the verb.
  if (!quotesWording(ctx, { start: t + 1, end })) return null;
  // A gerund or participle only after a comma or a conjunction ("..., calling it “a sham”").
  const participle = w.endsWith('ing');
  if (participle && !isParticiple(ctx, t)) return null;
  // A particle belongs to the verb: "talked up her “plan”".
  const from = PARTICLES.has(ctx.words[t + 1]!) ? t + 2 : t + 1;
  const object = objectAfter(ctx, from, end);
  if (!object || !quotesWording(ctx, object)) return null;
  const subject = participle
    ? participleSubject(ctx, s, t)
    : (subjectBefore(ctx, t, start) ?? coordinatedSubject(ctx, s, t));
  if (!subject || !namesSpeaker(ctx, subject)) return null;
  return { ...candidate(ctx, object, { start: t, end: t + 1 }, subject, s), aside: true };
}

const PARTICLES = new Set(['up', 'out', 'down', 'off', 'back']);
const QUOTE_MARK = new Set(['“', '”', '"', "''", '``', '«', '»']);
/** How far into a verb's object its quotation may open ("called her campaign's plan “a disaster”"). */
const QUOTE_REACH = 6;

/**
 * True when a quotation opens near the start of the range, and not after a colon (“goes further:
 * “...”” introduces a direct quote, which the direct finder attributes).
 */
function quotesWording(ctx: QuoteContext, r: TokenRange): boolean {
  for (let k = r.start; k < r.end && k < r.start + QUOTE_REACH; k++) {
    const w = ctx.words[k]!;
    if (w === ':') return false;
    if (QUOTE_MARK.has(w)) return !modifiesNoun(ctx, k, r.end);
  }
  return false;
}

/**
 * True when a short quotation opening at `open` modifies the noun after it (“Ted Cruz” pins, a
 * “nonprobability” sample): a name or label, not the speaker's wording.
 */
function modifiesNoun(ctx: QuoteContext, open: number, end: number): boolean {
  for (let k = open + 1; k < end && k <= open + 3; k++) {
    if (!QUOTE_MARK.has(ctx.words[k]!)) continue;
    const next = ctx.pos[k + 1];
    return next === 'NOUN' || next === 'PROPN';
  }
  return false;
}

const ASIDE_MARK = new Set([',', '—', '–', '--']);
/** Longest aside read between a cue and "that". */
const MAX_ASIDE = 10;

/** The token after an aside set off by commas or dashes and followed by "that", else t. */
export function asideBeforeThat(ctx: QuoteContext, t: number, end: number): number {
  const open = ctx.words[t]!;
  if (!ASIDE_MARK.has(open)) return t;
  for (let k = t + 2; k < end && k <= t + MAX_ASIDE; k++) {
    const w = ctx.words[k]!;
    if (ctx.inQuote[k] || w === '.' || w === ';') return t;
    if (ASIDE_MARK.has(w) && ctx.words[k + 1] === 'that' && (w === ',' || open !== ',')) return k + 1;
  }
  return t;
}
