/**
 * Cue nouns: a position or utterance named by a noun whose holder is its possessor, "her criticism
 * of the plan", "the envoy's claim that the road was open", "his plan to reopen the crossing". The
 * speaker is the possessor (a possessive pronoun or a phrase before 's), the content the clause
 * after "that", the to-infinitive, or the object of the preposition the noun takes.
 */
import type { QuoteContext } from './context.js';
import type { Candidate } from './candidate.js';
import { candidate, objectAfter } from './object.js';
import type { TokenRange } from './phrase.js';
import { npEndingAt, npStartingAt } from './phrase.js';

/** Reads a content clause in [from, end), or null (indirect.ts's clauseFrom). */
export type ClauseReader = (ctx: QuoteContext, from: number, end: number) => TokenRange | null;

const APOSTROPHE_S = new Set(["'s", '’s', "'", '’']);
/** Prepositions a cue noun takes before its content ("support for", "criticism of"). */
const NOUN_LINKS = new Set(['for', 'of', 'about', 'on', 'over', 'against', 'toward', 'towards', 'with']);
/** Words that may stand between the possessor and the noun ("her sharp criticism", "his own plan"). */
const MAX_MODIFIERS = 2;

/** The possessor before the cue noun at t: "his", "the envoy's"; null when there is none. */
function possessorBefore(ctx: QuoteContext, t: number, lo: number): TokenRange | null {
  let j = t - 1;
  for (let n = 0; n < MAX_MODIFIERS && j >= lo && (ctx.pos[j] === 'ADJ' || ctx.pos[j] === 'ADV'); n++) j--;
  if (j < lo || ctx.inQuote[j]) return null;
  const w = ctx.words[j]!;
  if (ctx.lex.possessivePronouns.has(w)) return { start: j, end: j + 1 };
  if (!APOSTROPHE_S.has(w) || j - 1 < lo) return null;
  const owner = npEndingAt(ctx, j - 1, lo);
  // A speaker holds a name, a role or an institution ("the ministry's denial"), not a thing.
  if (!owner) return null;
  let speaks = false;
  for (let k = owner.start; k < owner.end && !speaks; k++) {
    const e = ctx.entityOf[k]!;
    speaks =
      (e >= 0 && ctx.entities[e]!.type !== 'place') ||
      ctx.lex.roles.has(ctx.words[k]!) ||
      ctx.lex.institutions.has(ctx.words[k]!);
  }
  return speaks ? owner : null;
}

/** The content after a cue noun: "that CLAUSE", "to VERB ...", or "PREP NP". */
function contentAfter(ctx: QuoteContext, t: number, end: number, clause: ClauseReader) {
  const w = ctx.words[t];
  if (w === 'that') return clause(ctx, t + 1, end);
  if (w === 'to' && ctx.pos[t + 1] === 'VERB') return infinitive(ctx, t, end);
  if (w !== undefined && NOUN_LINKS.has(w)) return objectAfter(ctx, t + 1, predicateAt(ctx, t + 2, end));
  return null;
}

/**
 * Where the sentence's predicate resumes after the noun phrase that holds the cue noun ("her
 * criticism of the plan | was sharp"): the first auxiliary, or a finite verb after a noun.
 */
function predicateAt(ctx: QuoteContext, from: number, end: number): number {
  for (let k = from; k < end; k++) {
    const p = ctx.pos[k];
    if (ctx.inQuote[k]) continue;
    if (p === 'AUX' || ctx.words[k] === ',') return k;
    const prev = ctx.pos[k - 1];
    if (p === 'VERB' && !ctx.words[k]!.endsWith('ing') && (prev === 'NOUN' || prev === 'PROPN')) return k;
  }
  return end;
}

/** "to VERB ..." up to a comma, a semicolon or the sentence end. */
function infinitive(ctx: QuoteContext, t: number, end: number): TokenRange | null {
  let e = t + 2;
  while (e < end && ctx.words[e] !== ',' && ctx.words[e] !== ';' && ctx.words[e] !== '.' && !ctx.inQuote[e]) e++;
  return e - t >= 3 ? { start: t, end: e } : null;
}

/** A cue-noun attribution at token t of sentence s, or null. */
export function nounCue(ctx: QuoteContext, s: number, t: number, clause: ClauseReader): Candidate | null {
  if (!ctx.lex.nouns.has(ctx.words[t]!) || ctx.inQuote[t] || ctx.pos[t] === 'VERB') return null;
  const { tokenStart: start, tokenEnd: end } = ctx.layer.sentences[s]!;
  const subject = possessorBefore(ctx, t, start);
  if (!subject) return null;
  const content = contentAfter(ctx, t + 1, end, clause);
  // A possessor is no antecedent for a later "he said" (the history holds speakers of sentences).
  return content ? { ...candidate(ctx, content, { start: t, end: t + 1 }, subject, s), aside: true } : null;
}

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

/**
 * A passive cue with its source after "by": "the plan was criticised by the envoy", "the truce was
 * welcomed by both sides". The content is the subject before "be", the source the agent.
 */
export function passiveCue(ctx: QuoteContext, s: number, t: number): Candidate | null {
  const w = ctx.words[t]!;
  if (ctx.words[t + 1] !== 'by' || !w.endsWith('ed') || ctx.inQuote[t] || !ctx.lex.verbs.has(w)) return null;
  const cls = ctx.lex.verbClass.get(w);
  if (cls !== 'stance' && cls !== 'speech') return null;
  let b = t - 1;
  while (b > 0 && ctx.pos[b] === 'ADV') b--;
  if (!BE.has(ctx.words[b]!)) return null;
  const { tokenStart: start, tokenEnd: end } = ctx.layer.sentences[s]!;
  let c = b - 1;
  while (c >= start && (ctx.lex.adverbs.has(ctx.words[c]!) || ctx.lex.modals.has(ctx.words[c]!))) c--;
  const content = npEndingAt(ctx, c, start);
  const agent = npStartingAt(ctx, t + 2, end);
  if (!content || !agent || !namesSpeakerRange(ctx, agent)) return null;
  return candidate(ctx, content, { start: t, end: t + 1 }, agent, s);
}

function namesSpeakerRange(ctx: QuoteContext, r: TokenRange): boolean {
  for (let k = r.start; k < r.end; k++) {
    const e = ctx.entityOf[k]!;
    if ((e >= 0 && ctx.entities[e]!.type !== 'place') || ctx.pos[k] === 'PROPN') return true;
    if (ctx.lex.roles.has(ctx.words[k]!) || ctx.lex.institutions.has(ctx.words[k]!)) return true;
  }
  return false;
}
