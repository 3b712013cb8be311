/**
 * The reported clause of an indirect attribution: where it starts after a cue ("said (that) ...",
 * a fronted phrase, an addressee), where it ends (a semicolon, a nested attribution), and the clause
 * before a final cue ("CLAUSE, X said").
 */
import type { QuoteContext } from './context.js';
import { isCueVerb, nounTaggedFinite } from './cue.js';
import { asideBeforeThat, COMPLEMENTIZER, END_PUNCT, newClauseAt } from './object.js';
import { DATE_WORD, isClauseDash, npStartingAt, type TokenRange } from './phrase.js';

const CLAUSE_START = new Set(['DET', 'PRON', 'PROPN', 'NOUN', 'ADJ', 'NUM', 'ADV', 'SCONJ']);
/** Tags opening a phrase fronted inside a reported clause ("that after the talks, ..."). */
const FRONTED = new Set(['ADP', 'SCONJ']);
/** Verbs whose addressee stands between the cue and the clause ("told reporters"). */
const ADDRESSED = new Set(['tell', 'assure', 'warn']);

/** The sentence's token range, cut at the first semicolon after `from`. */
export function clauseEnd(ctx: QuoteContext, from: number, end: number): number {
  for (let k = from; k < end; k++) if (ctx.words[k] === ';') return k;
  return end;
}

/** Token range of the content clause starting at or after t, or null when no clause follows. */
export function clauseAfter(
  ctx: QuoteContext,
  t: number,
  end: number,
  lemma: string,
  intention = false,
): TokenRange | null {
  if (ADDRESSED.has(lemma) && !COMPLEMENTIZER.has(ctx.words[t]!)) {
    const object = npStartingAt(ctx, t, end);
    if (object && object.end - object.start <= 4) t = object.end;
  }
  const first = t;
  // Adverbs, dates and up to two prepositional phrases: "said earlier", "said Tuesday", "said in a
  // statement on Sunday".
  for (let guard = 0; guard < 4 && t < end; guard++) {
    const w = ctx.words[t]!;
    const p = ctx.pos[t];
    // Not an adverb glued to a hyphen: "said first-time offenders ..." opens the clause.
    if (ctx.words[t + 1] === '-' && ctx.tokens[t]!.end === ctx.tokens[t + 1]!.start) break;
    if (ctx.lex.adverbs.has(w) || (p === 'ADV' && !/^(?:how|why|when|where)$/.test(w)) || DATE_WORD.test(w)) {
      t++;
    } else if (p === 'ADP' && !COMPLEMENTIZER.has(w)) {
      const np = npStartingAt(ctx, t + 1, end);
      if (!np) break;
      t = np.end;
    } else break;
  }
  // An aside between the cue and "that": "said, among other things, that", "said — on Twitter — that".
  t = asideBeforeThat(ctx, t, end);
  if (ctx.words[t] === ',') {
    // "..., Kerry said, citing the monitors": a participle cue of its own, not this cue's clause.
    if (nestedAttributionAt(ctx, t, end)) return null;
    t++;
  }
  // An intention's content may be a to-infinitive: "the envoy wants to reopen the road".
  // "plans to be back": "be" is tagged an auxiliary.
  if (intention && ctx.words[t] === 'to' && (ctx.pos[t + 1] === 'VERB' || ctx.pos[t + 1] === 'AUX'))
    return clauseFrom(ctx, t, end, true);
  // "said that would hurt workers": "that" is the clause's subject when a verb follows it.
  const next = ctx.pos[t + 1];
  const complementizer =
    COMPLEMENTIZER.has(ctx.words[t]!) && !(ctx.words[t] === 'that' && (next === 'VERB' || next === 'AUX'));
  const clause = clauseFrom(ctx, complementizer ? t + 1 : t, end);
  if (clause) return clause;
  // "said if elected he would ...": a conditional opening the clause is part of it.
  if (complementizer && ctx.words[t] !== 'that') return clauseFrom(ctx, t, end);
  // "said that after the attacks, the town ...", "said that, while ..., X": a fronted phrase.
  if (complementizer && FRONTED.has(ctx.pos[ctx.words[t + 1] === ',' ? t + 2 : t + 1]!))
    return clauseFrom(ctx, ctx.words[t + 1] === ',' ? t + 2 : t + 1, end, false, true);
  // A word the tagger took for an adverb may open the clause: "said none of the trucks had ...".
  return t > first && ctx.pos[first] === 'ADV' && !ctx.lex.adverbs.has(ctx.words[first]!)
    ? clauseFrom(ctx, first, end)
    : frontedClause(ctx, first, end);
}

/** Longest phrase fronted before a reported clause's comma ("says, win or lose in May, he ..."). */
const MAX_FRONTED = 10;
const FRONT_OPENS = new Set(['ADP', 'SCONJ', 'ADV', 'VERB']);

/**
 * "X says despite the losses, the town will hold", "X says, win or lose, he is staying": a phrase
 * (not a finite verb) fronted up to a comma, then a clause with its subject; the phrase is part of
 * the content.
 */
function frontedClause(ctx: QuoteContext, t: number, end: number): TokenRange | null {
  if (ctx.words[t] === ',') t++;
  const w = ctx.words[t] ?? '';
  if (!FRONT_OPENS.has(ctx.pos[t]!) || (ctx.pos[t] === 'VERB' && /(?:s|ed)$/.test(w)) || ctx.inQuote[t]) return null;
  for (let c = t + 1; c < end && c <= t + MAX_FRONTED; c++) {
    if (ctx.inQuote[c] || ctx.words[c] === ';') return null;
    if (ctx.words[c] !== ',') continue;
    const subject = npStartingAt(ctx, c + 1, end);
    if (!subject || !isVerbAt(ctx, subject.end) || nestedAttributionAt(ctx, c, end)) return null;
    return clauseFrom(ctx, t, end, false, true);
  }
  return null;
}

/** Conjunctions that may open a clause coordinated with the reported one ("..., while X said ..."). */
export const JOINS = new Set(['and', 'but', 'while', 'whereas', 'though', 'although', 'as', 'yet']);

/**
 * True when an attribution of its own starts at token k inside a reported clause: a participle cue
 * ("..., adding that"), or a subject and a cue verb after a comma or conjunction ("..., and Y said").
 * PolNeAR gives each token to one attribution, so the outer content ends there.
 */
export function nestedAttributionAt(ctx: QuoteContext, k: number, end: number): boolean {
  if (ctx.inQuote[k]) return false;
  let j = k;
  if (ctx.words[j] === ',' || isClauseDash(ctx, j)) j++;
  const w = ctx.words[j];
  if (w === undefined || j >= end) return false;
  // "..., adding that" and a list of the speaker's acts: "X suggested ..., called her ... and left".
  if (ctx.lex.verbs.has(w) && j > k && ctx.pos[j] === 'VERB' && (w.endsWith('ing') || w.endsWith('ed'))) return true;
  if (JOINS.has(w)) {
    j++;
    // "... and said that ...": a second cue of the same speaker.
    let v = j;
    while (v < end && (ctx.lex.adverbs.has(ctx.words[v]!) || ctx.pos[v] === 'ADV')) v++;
    if (ctx.lex.verbs.has(ctx.words[v]!) && ctx.pos[v] === 'VERB') return true;
  } else if (j === k) return false;
  // "..., while only 40 percent of traders say ...": an adverb before the subject.
  if (ctx.pos[j] === 'ADV' && ctx.pos[j + 1] !== 'VERB') j++;
  const np = npStartingAt(ctx, j, end);
  if (!np || np.end - np.start > 8) return false;
  let v = np.end;
  while (v < end && (ctx.lex.adverbs.has(ctx.words[v]!) || ctx.pos[v] === 'ADV')) v++;
  return v < end && isCueVerb(ctx, v, false) && ctx.lex.verbClass.get(ctx.words[v]!) !== 'stance';
}

/** A verb or an auxiliary at token k (a module function: tsx names every closure it creates). */
export function isVerbAt(ctx: QuoteContext, k: number): boolean {
  return ctx.pos[k] === 'VERB' || ctx.pos[k] === 'AUX';
}

/** The end of a reported clause [t, e): before the first nested attribution. */
export function cutNested(ctx: QuoteContext, t: number, e: number, skip = 3): number {
  for (let k = t + skip; k < e - 2; k++) {
    const w = ctx.words[k]!;
    if ((w === ',' || JOINS.has(w) || isClauseDash(ctx, k)) && nestedAttributionAt(ctx, k, e)) return k;
  }
  return e;
}

export function clauseFrom(
  ctx: QuoteContext,
  t: number,
  end: number,
  infinitive = false,
  anyStart = false,
): TokenRange | null {
  // A dateline ("ALEPPO, Syria (Agency) -") is not part of what the source said.
  if (t < ctx.contentFloor && ctx.contentFloor < end) t = ctx.contentFloor;
  // An infinitive may be short ("declined to comment and aides said ...").
  let e = infinitive ? infinitiveEnd(ctx, t, end) : cutNested(ctx, t, clauseEnd(ctx, t, end));
  while (e > t && END_PUNCT.has(ctx.words[e - 1]!)) e--;
  const first = ctx.pos[t]!;
  // A gerund ("denied firing on the town"); the lite model tags some as nouns.
  const gerund = (first === 'VERB' || first === 'NOUN') && ctx.words[t]!.endsWith('ing') && ctx.words[t]!.length > 5;
  const opens = anyStart ? first !== 'PUNCT' || ctx.inQuote[t] !== 0 : CLAUSE_START.has(first) || gerund || infinitive;
  // A quote may open a content before its cue only when words of the writer follow it
  // ("“We are alive” at the rally, he said"); a quote alone is the direct finder's.
  const quoteOpens = ctx.inQuote[t] !== 0 && !(anyStart && ctx.inQuote[e - 1] !== ctx.inQuote[t]);
  if (e - t < (infinitive ? 2 : 3) || !opens || quoteOpens) return null;
  let verb = gerund;
  for (let k = t; k < e && !verb; k++) verb = isVerbAt(ctx, k) || nounTaggedFinite(ctx, k);
  return verb ? { start: t, end: e } : null;
}

/**
 * The end of a to-infinitive content: a nested attribution, or a participle after a comma giving
 * the reason ("declined to comment, not wanting to ...").
 */
function infinitiveEnd(ctx: QuoteContext, t: number, end: number): number {
  const e = cutNested(ctx, t, clauseEnd(ctx, t, end), 2);
  for (let k = t + 2; k < e - 1; k++) {
    if (ctx.words[k] !== ',' || ctx.inQuote[k]) continue;
    const v = ctx.words[k + 1] === 'not' ? k + 2 : k + 1;
    if (ctx.pos[v] === 'VERB' && ctx.words[v]!.endsWith('ing')) return k;
  }
  return e;
}

const BEFORE_CUE = new Set([',', '—', '–']);

/** "CLAUSE, X said": the clause from the sentence start to the comma (or dash) before the subject. */
export function clauseBefore(ctx: QuoteContext, start: number, comma: number, lastClause = false): TokenRange | null {
  if (!BEFORE_CUE.has(ctx.words[comma]!)) return null;
  let s = start;
  for (let k = comma - 1; k > start; k--) if (ctx.words[k] === ';') s = k + 1;
  if (lastClause) s = lastClauseStart(ctx, s, comma);
  return clauseFrom(ctx, s, comma, false, true);
}

function hasVerb(ctx: QuoteContext, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isVerbAt(ctx, k)) return true;
  return false;
}

/**
 * The start of the last clause before a final source ("X cites ..., the real figure is lower,
 * according to Y" -> "the real figure is lower"): after the last comma that a new subject and its
 * verb (not joined by "and"), or a relative "which" running to the source, follow.
 */
function lastClauseStart(ctx: QuoteContext, start: number, comma: number): number {
  let last = comma;
  for (let k = comma - 2; k > start; k--) {
    if (ctx.words[k] !== ',' || ctx.inQuote[k]) continue;
    // A relative "which" only when it runs to the source: "the figure, which stood at 263, according to".
    // Clauses joined by ", and" are vouched for together ("X attacked Y, and the fighting lasted all
    // day, according to Z"); a contrast (", but") or a clause with no conjunction starts the last one.
    const cut =
      (ctx.words[k + 1] === 'which' && last === comma) ||
      (ctx.words[k + 1] !== 'and' && newClauseAt(ctx, k + 1, comma));
    // Not after a fronted phrase ("In the south, the shelling stopped"): a clause stands before it.
    if (cut && hasVerb(ctx, start, k)) return k + 1;
    last = k;
  }
  return start;
}
