/**
 * Indirect speech: "X said (that) CLAUSE", "X told reporters CLAUSE", "CLAUSE, X said",
 * "according to X, CLAUSE", "X emerged to say CLAUSE". The content is the reported clause, up to
 * the sentence end or a semicolon. A cue already used by a direct quote is not read again.
 */
import type { QuoteContext } from './context.js';
import { tokenAt } from './context.js';
import { classOf, isCueVerb, lemmaOf, phrasesIn, type PhraseHit } from './cue.js';
import type { Candidate } from './candidate.js';
import {
  candidate,
  COMPLEMENTIZER,
  END_PUNCT,
  namesSpeaker,
  objectAfter,
  participleSubject,
  quotedObject,
} from './object.js';
import type { TokenRange } from './phrase.js';
import { nounCue, passiveCue } from './noun.js';
import { dropInner, inRelative, relativeEnd, restrictiveEnd } from './relative.js';
import { WORD_NOUN, WORD_VERB } from './lexicon.js';
import {
  clauseAfter,
  clauseBefore,
  clauseEnd,
  clauseFrom,
  cutNested,
  isVerbAt,
  JOINS,
  nestedAttributionAt,
} from './clause.js';
import {
  coordinatedSubject,
  holdsName,
  isParticiple,
  isPronoun,
  npStartingAt,
  subjectBefore,
  subjectFloor,
  cutInParenthesis,
} from './phrase.js';

/** Longest source phrase read between "according to" and its comma. */
const MAX_SOURCE = 24;

/** The first comma after `from` (within MAX_SOURCE tokens and the sentence), or -1. */
function commaAfter(ctx: QuoteContext, from: number, end: number): number {
  for (let k = from; k < end && k < from + MAX_SOURCE; k++) {
    if (ctx.words[k] === ',') return k;
    if (ctx.inQuote[k]) return -1;
  }
  return -1;
}

/** The tokens [from, to) as a source when they hold a noun (the tagger may miss its first word). */
function nominalRange(ctx: QuoteContext, from: number, to: number): TokenRange | null {
  for (let k = from; k < to; k++) if (ctx.pos[k] === 'NOUN' || ctx.pos[k] === 'PROPN') return { start: from, end: to };
  return null;
}

function fromPhrase(ctx: QuoteContext, s: number, hit: PhraseHit, consumed: Uint8Array): Candidate | null {
  const { tokenStart: start, tokenEnd: end } = ctx.layer.sentences[s]!;
  const cue = { start: hit.start, end: hit.end };
  if (hit.content === 'to-comma') {
    // "Asked whether the road was open, the governor said ...": the question, up to its comma.
    let t = hit.end;
    const by = ctx.words[t] === 'by' ? npStartingAt(ctx, t + 1, end) : null;
    if (by) t = by.end;
    let comma = t;
    while (comma < end && ctx.words[comma] !== ',' && !ctx.inQuote[comma]) comma++;
    if (ctx.words[comma] !== ',' || comma - t < 2) return null;
    return candidate(ctx, { start: t, end: comma }, cue, by, s);
  }
  if (hit.speaker === 'none') {
    // "The talks appear to have stalled": no source; the content is the subject and what follows.
    const subject = subjectBefore(ctx, hit.start, start);
    const from = subject ? subject.start : start;
    let e = cutNested(ctx, hit.end, clauseEnd(ctx, hit.end, end));
    while (e > hit.end && END_PUNCT.has(ctx.words[e - 1]!)) e--;
    if (e - hit.end < 2 || ctx.inQuote[from]) return null;
    return candidate(ctx, { start: from, end: e }, cue, null, s);
  }
  if (hit.speaker === 'before') {
    const subject = subjectBefore(ctx, hit.start, start);
    let t = hit.end;
    if (ctx.words[t] === ',') t++;
    const that = ctx.words[t] === 'that' || ctx.words[hit.end - 1] === 'that';
    if (ctx.words[t] === 'that') t++;
    // A light-verb or prepositional cue takes its object unless a clause follows "that" ("voiced
    // concern about the talks", "spoke about the siege", "made the case that ...").
    const content =
      hit.content === 'or-object' && !that
        ? (objectAfter(ctx, t, end) ?? clauseFrom(ctx, t, end))
        : clauseFrom(ctx, t, end);
    return subject && content ? candidate(ctx, content, cue, subject, s) : null;
  }
  // "according to X, CLAUSE" or "CLAUSE, according to X".
  if (hit.start <= start + 1) {
    // The source runs to the first comma: "According to early results of polls for the agency, ...".
    const comma = commaAfter(ctx, hit.end, end);
    const subject = npStartingAt(ctx, hit.end, comma < 0 ? end : comma) ?? nominalRange(ctx, hit.end, comma);
    if (!subject || (hit.source === 'named' && (comma < 0 || !namesSpeaker(ctx, subject)))) return null;
    const content = clauseFrom(ctx, comma < 0 ? subject.end : comma + 1, end);
    if (!content) return null;
    // "In a statement, X said ...": the inner attribution is read; a poll or a cited source keeps the
    // whole clause (`nested: outer`: "According to the report, officials said ...").
    if (nestedAttributionAt(ctx, content.start - 1, end)) {
      if (hit.nested !== 'outer') return null;
      for (let k = content.start; k < content.end; k++) if (ctx.flags[k]! & WORD_VERB) consumed[k] = 1;
    }
    // The holder of a view ("For X, ...") is no antecedent for a later "he said".
    const c = candidate(ctx, content, cue, subject, s);
    return hit.source === 'named' ? { ...c, aside: true } : c;
  }
  if (hit.content === 'preceding') {
    // "X leads in the latest poll": the clause before the cue ("in the latest poll"), which holds the poll.
    const source = npStartingAt(ctx, hit.start + 1, end);
    let from = start;
    for (let k = hit.start - 1; k > start; k--) if (ctx.words[k] === ';' || ctx.words[k] === ',') from = k + 1;
    const content = source ? clauseFrom(ctx, from, hit.start) : null;
    // A poll is no antecedent for a later "he said" or "they said".
    return content ? { ...candidate(ctx, content, cue, source, s), aside: true } : null;
  }
  const comma = commaAfter(ctx, hit.end, end);
  let stop = comma < 0 ? end : comma;
  while (stop > hit.end && ctx.pos[stop - 1] === 'PUNCT' && !ctx.inQuote[stop - 1]) stop--;
  const subject = npStartingAt(ctx, hit.end, stop) ?? nominalRange(ctx, hit.end, stop);
  if (!subject) return null;
  // "Fundraising, according to the campaign, has surged": the sentence around the cue.
  // Only when the predicate resumes after the source ("..., has surged"), not a relative clause.
  if (
    comma >= 0 &&
    ctx.words[hit.start - 1] === ',' &&
    (isVerbAt(ctx, comma + 1) || (ctx.pos[comma + 1] === 'ADV' && isVerbAt(ctx, comma + 2)))
  ) {
    const around = parenthetical(ctx, start, comma + 1, end, cue, subject, s);
    if (around) return around;
  }
  const content = clauseBefore(ctx, start, hit.start - 1, true);
  return content ? candidate(ctx, content, cue, subject, s) : null;
}

/** Longest subject of a cue whose clause has a gap ("that he said defied", "the envoy said would"). */
const MAX_GAP_SUBJECT = 3;

/**
 * "a finish that he said defied expectations", "a plan the envoy said would fail": the reported
 * clause's subject is the phrase the cue's clause modifies, so a verb follows the cue at once; the
 * content is that predicate.
 */
function gapClause(ctx: QuoteContext, t: number, end: number, subject: TokenRange): TokenRange | null {
  const next = ctx.pos[t + 1];
  if ((next !== 'AUX' && next !== 'VERB') || classOf(ctx, t) !== 'speech') return null;
  if (subject.end - subject.start > MAX_GAP_SUBJECT || ctx.inQuote[t + 1]) return null;
  let e = cutNested(ctx, t + 1, clauseEnd(ctx, t + 1, end));
  while (e > t + 1 && END_PUNCT.has(ctx.words[e - 1]!)) e--;
  return e - t > 2 ? { start: t + 1, end: e } : null;
}

/** A gap cue inside a content found before ("he is tied, in a finish that he said defied ..."). */
function innerGap(ctx: QuoteContext, s: number, from: number, to: number): Candidate | null {
  const start = ctx.layer.sentences[s]!.tokenStart;
  for (let k = from; k < to; k++) {
    if (!(ctx.flags[k]! & WORD_VERB) || !isCueVerb(ctx, k, true)) continue;
    const next = ctx.pos[k + 1];
    if (next !== 'AUX' && next !== 'VERB') continue;
    const subject = subjectBefore(ctx, k, Math.max(start, from));
    const gap = subject && gapClause(ctx, k, ctx.layer.sentences[s]!.tokenEnd, subject);
    if (gap) return candidate(ctx, gap, { start: k, end: k + 1 }, subject, s);
  }
  return null;
}

function fromVerb(ctx: QuoteContext, s: number, t: number): Candidate | null {
  const { tokenStart: start, tokenEnd: end } = ctx.layer.sentences[s]!;
  // A cue opening its sentence may have its subject in the piece the splitter cut off before it.
  const from = t === start || cutInParenthesis(ctx, s) ? subjectFloor(ctx, s) : start;
  const cue = { start: t, end: t + 1 };
  const cueClass = classOf(ctx, t);
  const word = ctx.words[t]!;
  if (cueClass === 'stance') {
    const subject = isParticiple(ctx, t)
      ? participleSubject(ctx, s, t)
      : (subjectBefore(ctx, t, from) ?? coordinatedSubject(ctx, s, t));
    if (!subject || (ctx.lex.namedSubject.has(word) && !namesSpeaker(ctx, subject))) return null;
    // "The survey shows that ...": a clause after all.
    const object = COMPLEMENTIZER.has(ctx.words[t + 1]!)
      ? clauseAfter(ctx, t + 1, end, lemmaOf(ctx, t))
      : objectAfter(ctx, t + 1, end);
    if (object) return candidate(ctx, restrictiveEnd(ctx, t, object), cue, subject, s);
    // "CLAUSE, the records show."
    const before = restIsFrame(ctx, t + 1, end) ? clauseBefore(ctx, start, subject.start - 1) : null;
    return before ? candidate(ctx, before, cue, subject, s) : null;
  }
  const intention = cueClass === 'intention' || ctx.lex.takesInfinitive.has(word);
  // Not "declined to be named": a refusal's infinitive is an act.
  if (ctx.lex.infinitiveOnly.has(word) && !(ctx.words[t + 1] === 'to' && ctx.pos[t + 2] === 'VERB')) return null;
  if (isParticiple(ctx, t)) {
    const after = clauseAfter(ctx, t + 1, end, lemmaOf(ctx, t), intention);
    return after ? candidate(ctx, after, cue, participleSubject(ctx, s, t), s) : null;
  }
  // "CLAUSE, said X, an analyst at ...": a named source right after a cue that follows a comma.
  if (ctx.words[t - 1] === ',' && !ctx.inQuote[t - 1] && cueClass === 'speech') {
    const post = npStartingAt(ctx, t + 1, end);
    const after = post ? ctx.words[post.end] : undefined;
    if (
      post &&
      !isPronoun(ctx, post.start) &&
      holdsName(ctx, post) &&
      (after === ',' || after === '.' || post.end === end)
    ) {
      const before = clauseBefore(ctx, start, t - 1);
      if (before) return candidate(ctx, before, cue, post, s);
    }
  }
  const subject = subjectBefore(ctx, t, from) ?? coordinatedSubject(ctx, s, t);
  if (subject) {
    const gap = gapClause(ctx, t, end, subject);
    if (gap) return candidate(ctx, gap, cue, subject, s);
    const after = clauseAfter(ctx, t + 1, end, lemmaOf(ctx, t), intention);
    if (after) return candidate(ctx, inRelative(ctx, t, subject) ? relativeEnd(ctx, after) : after, cue, subject, s);
    // "The ministry announced a ceasefire": the object is what was said.
    const object = ctx.lex.takesObject.has(word) ? objectAfter(ctx, t + 1, end) : null;
    if (object) return candidate(ctx, object, cue, subject, s);
    if (restIsFrame(ctx, t + 1, end)) {
      const before = clauseBefore(ctx, start, subject.start - 1);
      return before ? candidate(ctx, before, cue, subject, s) : null;
    }
    // "The road, he said, is still closed": the content is the sentence around the parenthetical cue.
    if (ctx.words[t + 1] !== ',' || ctx.words[subject.start - 1] !== ',') return null;
    // "The truce held, residents said, and shops opened": a new clause after the cue is not theirs,
    // nor a participle cue of its own ("..., citing the calm").
    if (JOINS.has(ctx.words[t + 2]!) || nestedAttributionAt(ctx, t + 1, end)) {
      const before = clauseBefore(ctx, start, subject.start - 1);
      if (before) return candidate(ctx, before, cue, subject, s);
      // "Instead, she said, her boss told her ...": with no clause before the cue, the attribution
      // after it is what the source reported (PolNeAR gives the outer source the whole content).
      if (JOINS.has(ctx.words[t + 2]!)) return null;
    }
    return parenthetical(ctx, start, t + 2, end, cue, subject, s);
  }
  // "CLAUSE, said X."
  const post = npStartingAt(ctx, t + 1, end);
  // "said Carson had been led astray" is a clause whose subject the reader missed, not "said X".
  if (!post || isPronoun(ctx, post.start) || ctx.pos[post.end] === 'VERB' || ctx.pos[post.end] === 'AUX') return null;
  const before = clauseBefore(ctx, start, t - 1);
  return before ? candidate(ctx, before, cue, post, s) : null;
}

/** The content around a parenthetical cue: from the clause before it to the end of the one after. */
function parenthetical(
  ctx: QuoteContext,
  start: number,
  from: number,
  end: number,
  cue: TokenRange,
  subject: TokenRange,
  s: number,
): Candidate | null {
  let e = cutNested(ctx, from, clauseEnd(ctx, from, end));
  while (e > from && END_PUNCT.has(ctx.words[e - 1]!)) e--;
  let verb = false;
  for (let k = from; k < e && !verb; k++) verb = ctx.pos[k] === 'VERB' || ctx.pos[k] === 'AUX';
  if (start < ctx.contentFloor && ctx.contentFloor < from) start = ctx.contentFloor;
  for (let k = from - 1; k > start; k--) if (ctx.words[k] === ';') start = k + 1;
  while (start < from && ctx.pos[start] === 'PUNCT' && !ctx.inQuote[start]) start++;
  if (!verb || ctx.inQuote[from] || ctx.inQuote[start] || ctx.words[start] === ',') return null;
  return candidate(ctx, { start, end: e }, cue, subject, s);
}

/** After a final cue only adverbs and short phrases may follow ("..., he said on Sunday."). */
function restIsFrame(ctx: QuoteContext, t: number, end: number): boolean {
  for (let k = t; k < end; k++) {
    const p = ctx.pos[k];
    // "..., X said Tuesday, noting that ...": a participle cue of its own ends the frame.
    if (ctx.words[k] === ',' && k > t && nestedAttributionAt(ctx, k, end)) return true;
    if (p === 'VERB' || p === 'AUX' || ctx.inQuote[k]) return false;
  }
  return true;
}

/** Longest name read as the speaker of a headline claim. */
const MAX_HEADLINE_SPEAKER = 6;

/** A headline-style claim, "Name: CLAUSE" ("Ministry: the crossing will reopen on Monday"). */
function headlineClaim(ctx: QuoteContext, s: number): Candidate | null {
  const { tokenStart: start, tokenEnd: end } = ctx.layer.sentences[s]!;
  const subject = npStartingAt(ctx, start, Math.min(end, start + MAX_HEADLINE_SPEAKER + 1));
  if (!subject || ctx.words[subject.end] !== ':' || subject.end - subject.start > MAX_HEADLINE_SPEAKER) return null;
  let named = holdsName(ctx, subject);
  for (let k = subject.start; k < subject.end && !named; k++) named = ctx.pos[k] === 'PROPN';
  if (!named) return null;
  const content = clauseFrom(ctx, subject.end + 1, end) ?? headlineWords(ctx, subject, end);
  return content ? candidate(ctx, content, { start: subject.end, end: subject.end + 1 }, subject, s) : null;
}

/** A verbless title-cased claim after a named source ("Envoy: Truce Plan Unworkable"). */
function headlineWords(ctx: QuoteContext, subject: TokenRange, end: number): TokenRange | null {
  if (!holdsName(ctx, subject)) return null;
  const t = subject.end + 1;
  let e = end;
  while (e > t && ctx.pos[e - 1] === 'PUNCT' && !ctx.inQuote[e - 1]) e--;
  let capitals = 0;
  let words = 0;
  for (let k = t; k < e; k++) {
    if (ctx.pos[k] === 'PUNCT') continue;
    words++;
    const c = ctx.body.charCodeAt(ctx.tokens[k]!.start);
    if (c >= 65 && c <= 90) capitals++;
  }
  return words >= 3 && capitals * 2 > words ? { start: t, end: e } : null;
}

export function findIndirect(ctx: QuoteContext, consumed: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  const sentences = ctx.layer.sentences;
  const quoted = ctx.quoted;
  let nextQuote = 0;
  for (let s = 0; s < sentences.length; s++) {
    const { tokenStart, tokenEnd } = sentences[s]!;
    if (ctx.words[tokenStart + 1] === ':' || ctx.words[tokenStart + 2] === ':' || ctx.words[tokenStart + 3] === ':') {
      const claim = consumed[tokenStart] ? null : headlineClaim(ctx, s);
      if (claim) out.push(claim);
    }
    const first = out.length;
    const phrases = phrasesIn(ctx, s);
    for (const hit of phrases) {
      if (consumed[hit.start] || hit.speaker === 'none') continue;
      const c = fromPhrase(ctx, s, hit, consumed);
      for (let k = hit.start; k < hit.end; k++) consumed[k] = 1;
      if (c) out.push(c);
    }
    // Verbs whose object quotes words are looked for only in sentences where a quotation opens.
    const sentenceEnd = ctx.tokens[tokenEnd - 1]!.end;
    while (nextQuote < quoted.length && quoted[nextQuote]!.open < ctx.tokens[tokenStart]!.start) nextQuote++;
    const quoting = nextQuote < quoted.length && quoted[nextQuote]!.open < sentenceEnd;
    for (let t = tokenStart; t < tokenEnd; t++) {
      if (consumed[t]) continue;
      const flags = ctx.flags[t]!;
      const c = isCueVerb(ctx, t, false)
        ? fromVerb(ctx, s, t)
        : flags & WORD_NOUN
          ? nounCue(ctx, s, t, clauseFrom)
          : flags & WORD_VERB && ctx.words[t + 1] === 'by'
            ? passiveCue(ctx, s, t)
            : quoting && !(flags & WORD_VERB)
              ? quotedObject(ctx, s, t)
              : null;
      if (!c) continue;
      consumed[t] = 1;
      out.push(c);
      // A cue inside a reported clause belongs to it ("X said Y had told him ..."), not a new quote,
      // unless it reports a piece of it ("... a finish that he said defied expectations").
      if (c.content.end > ctx.tokens[t]!.end) {
        const next = tokenAt(ctx, c.content.end);
        const inner = innerGap(ctx, s, t + 2, next);
        if (inner) out.push(inner);
        t = next - 1;
      }
    }
    dropInner(ctx, out, first);
    // Speakerless cues ("appears to") only where no attribution of this sentence holds them.
    for (const hit of phrases) {
      if (hit.speaker !== 'none' || consumed[hit.start]) continue;
      const at = ctx.tokens[hit.start]!.start;
      let inside = false;
      for (let i = first; i < out.length && !inside; i++)
        inside = out[i]!.content.start <= at && at < out[i]!.content.end;
      const c = inside ? null : fromPhrase(ctx, s, hit, consumed);
      if (c) out.push(c);
    }
  }
  return out;
}
