/**
 * Direct quotes: quoted text with a speech cue just after the closing mark ("..." he said /
 * said Kerry / Kerry, the envoy, told reporters) or just before the opening one (Kerry said: "...").
 * A quote with no cue continues the speaker of the quote before it when it is split by its cue or
 * stands alone in its paragraph.
 */
import type { QuoteContext } from './context.js';
import { tokenAt } from './context.js';
import { isCueVerb, lemmaOf, phrasesIn } from './cue.js';
import type { Candidate } from './candidate.js';
import type { TokenRange } from './phrase.js';
import {
  coordinatedSubject,
  holdsName,
  isParticiple,
  isPronoun,
  npEndingAt,
  npStartingAt,
  sentenceSubject,
  skipParenthesis,
  subjectBefore,
  subjectFloor,
} from './phrase.js';
import type { QuotedSpan } from './marks.js';

interface FoundCue {
  readonly cue: TokenRange;
  readonly subject: TokenRange | null;
}

const STOP = new Set(['.', '!', '?', ';']);
const DASHES = new Set(['—', '―', '–']);
/** How far before an opening mark a cue may stand ("Kerry told reporters on Sunday: "). */
const BEFORE_WINDOW = 8;
const THAT_WINDOW = 14;
const APPOSITION = 16;

/** A phrase cue with its speaker before it that ends at token t ("went on to say", "put it"). */
function phraseEndingAt(ctx: QuoteContext, t: number): TokenRange | null {
  const s = ctx.sentenceOf[t]!;
  if (s < 0) return null;
  // Loops, not find(): these run at many tokens, and tsx names every closure it creates (a defineProperty).
  for (const h of phrasesIn(ctx, s)) if (h.end === t + 1 && h.speaker === 'before') return h;
  return null;
}

function phraseAt(ctx: QuoteContext, t: number, side: 'before' | 'after'): TokenRange | null {
  const s = ctx.sentenceOf[t]!;
  if (s < 0) return null;
  for (const h of phrasesIn(ctx, s)) if (h.start === t && h.speaker === side) return h;
  return null;
}

function skipAdverbsForward(ctx: QuoteContext, j: number, hi: number): number {
  while (
    j < hi &&
    (ctx.lex.adverbs.has(ctx.words[j]!) || (ctx.pos[j] === 'ADV' && !ctx.lex.negators.has(ctx.words[j]!)))
  )
    j++;
  return j;
}

const BE = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being', 'has', 'have', 'had']);

/**
 * True when the verb at `v` ends its clause: no other verb before the next comma or the sentence
 * end ("he mocks.", "she went on, as if ...", "the group wrote in a statement").
 */
function endsClause(ctx: QuoteContext, v: number, hi: number): boolean {
  for (let k = v + 1; k < hi; k++) {
    const w = ctx.words[k]!;
    if (w === ',' || STOP.has(w) || ctx.inQuote[k]) return true;
    if (ctx.pos[k] === 'VERB' || ctx.pos[k] === 'AUX' || ctx.pos[k] === 'SCONJ') return false;
  }
  return true;
}

/** True when `np` can be a speaker: a name, a pronoun, a role or institution noun. */
function canSpeak(ctx: QuoteContext, np: TokenRange): boolean {
  return holdsName(ctx, np) || ctx.pos[np.end - 1] === 'PROPN' || (np.end - np.start === 1 && isPronoun(ctx, np.start));
}

/**
 * Any verb attributes a quote that closes on a comma, "?" or "!" when it ends the clause after a
 * speaker: "“...,” he mocks.", "“...!” beamed Jane Doe." (the speech verbs of cues.yaml aside).
 */
function anyVerbCue(ctx: QuoteContext, v: number, hi: number): boolean {
  const w = ctx.words[v];
  return ctx.pos[v] === 'VERB' && w !== undefined && !BE.has(w) && !ctx.inQuote[v] && endsClause(ctx, v, hi);
}

/** A cue right after the closing mark: `, he said`, `said Kerry`, `according to X`. */
function cueAfter(ctx: QuoteContext, t: number, hi: number, openEnded = false): FoundCue | null {
  // "“...” ― Name": a dash and a name closing the paragraph sign the quote (vox pops, epigraphs).
  if (DASHES.has(ctx.words[t] ?? '')) {
    const np = npStartingAt(ctx, t + 1, hi);
    let e = np ? np.end : t;
    while (e < hi && ctx.pos[e] === 'PUNCT') e++;
    if (np && e >= hi) return { cue: { start: t, end: t + 1 }, subject: np };
  }
  while (t < hi && (ctx.words[t] === ',' || ctx.words[t] === '—')) t++;
  if (t >= hi || ctx.inQuote[t]) return null;
  if (isCueVerb(ctx, t)) {
    // "“...,” adding that ...": a participle takes no subject after it (the caller looks elsewhere).
    const subject = ctx.words[t]!.endsWith('ing') ? null : npStartingAt(ctx, t + 1, hi, true);
    return { cue: { start: t, end: t + 1 }, subject };
  }
  const after = phraseAt(ctx, t, 'after');
  if (after) return { cue: after, subject: npStartingAt(ctx, after.end, hi, true) };
  if (openEnded && anyVerbCue(ctx, t, hi) && ctx.words[t + 1] !== 'by') {
    // "“...!” beamed Jane Doe.": the verb, then the speaker closing the clause.
    const inverted = npStartingAt(ctx, t + 1, hi, true);
    if (inverted && canSpeak(ctx, inverted) && endsClause(ctx, inverted.end - 1, hi))
      return { cue: { start: t, end: t + 1 }, subject: inverted };
  }
  const np = npStartingAt(ctx, t, hi, true);
  if (!np) return null;
  let j = skipParenthesis(ctx, np.end, hi);
  // Up to two appositions: "X, the attorney general of Ohio, one of the states suing, said";
  // an abbreviation's point does not end one ("Jane Doe, R-Ky., said").
  for (let n = 0; n < 2 && ctx.words[j] === ','; n++) {
    let k = j + 1;
    while (
      k < hi &&
      k < j + APPOSITION &&
      ctx.words[k] !== ',' &&
      (!STOP.has(ctx.words[k]!) || (ctx.words[k] === '.' && ctx.words[k + 1] === ','))
    )
      k++;
    if (ctx.words[k] !== ',') return null;
    j = k + 1;
  }
  j = skipAdverbsForward(ctx, j, hi);
  if (j < hi && isCueVerb(ctx, j)) return { cue: { start: j, end: j + 1 }, subject: np };
  const before = j < hi ? phraseAt(ctx, j, 'before') : null;
  if (before) return { cue: before, subject: np };
  return openEnded && j < hi && canSpeak(ctx, np) && anyVerbCue(ctx, j, hi)
    ? { cue: { start: j, end: j + 1 }, subject: np }
    : null;
}

/**
 * A cue right before the opening mark: `Kerry said: "`, `he told reporters on Sunday, "`; after a
 * comma or colon any verb of a speaker is one (`she joked at the rally, "`, `the crowd shouted: "`).
 */
function cueBefore(ctx: QuoteContext, j: number, lo: number): FoundCue | null {
  const marked = ctx.words[j] === ',' || ctx.words[j] === ':';
  // "told reporters outside a polling station in Greenville that “...”": a complementizer lets the
  // cue stand further back.
  const window = ctx.words[j] === 'that' ? THAT_WINDOW : BEFORE_WINDOW;
  while (j >= lo && (ctx.words[j] === ':' || ctx.words[j] === ',' || ctx.words[j] === 'that')) j--;
  // "Name — "quote"": a paragraph that opens with a name and a dash (interviews, vox pops).
  if (j > lo && DASHES.has(ctx.words[j]!)) {
    const np = npEndingAt(ctx, j - 1, lo);
    return np && np.start === lo ? { cue: { start: j, end: j + 1 }, subject: np } : null;
  }
  for (let k = j; k >= lo && k > j - window; k--) {
    if (ctx.inQuote[k] || STOP.has(ctx.words[k]!)) return null;
    // A phrase cue ending here: "He went on to say, “", "As she put it: “".
    const phrase = phraseEndingAt(ctx, k);
    if (phrase) {
      const sentence = ctx.sentenceOf[k]!;
      const s = ctx.layer.sentences[sentence];
      const subject = subjectBefore(ctx, phrase.start, Math.max(lo, s ? s.tokenStart : lo));
      return { cue: phrase, subject: subject ?? coordinatedSubject(ctx, sentence, phrase.start) };
    }
    if (isCueVerb(ctx, k)) {
      const sentence = ctx.sentenceOf[k]!;
      const s = ctx.layer.sentences[sentence];
      const cue = { start: k, end: k + 1 };
      if (isParticiple(ctx, k)) return { cue, subject: sentenceSubject(ctx, sentence, k) };
      const from = Math.max(lo, s ? (k === s.tokenStart ? subjectFloor(ctx, sentence) : s.tokenStart) : lo);
      const subject = subjectBefore(ctx, k, from) ?? coordinatedSubject(ctx, sentence, k);
      // "said Kerry: “": the speaker after the verb, never the addressee of "told".
      return { cue, subject: subject ?? (lemmaOf(ctx, k) === 'tell' ? null : npStartingAt(ctx, k + 1, j + 1)) };
    }
    const p = ctx.pos[k];
    // No object after the verb, only adverbs and prepositional phrases ("joked at the rally, “").
    const next = k === j ? 'PUNCT' : ctx.pos[k + 1];
    if (
      p === 'VERB' &&
      marked &&
      (next === 'PUNCT' || next === 'ADV' || next === 'ADP') &&
      !BE.has(ctx.words[k]!) &&
      ctx.words[k - 1] !== 'to' &&
      !ctx.lex.negators.has(ctx.words[k - 1]!)
    ) {
      const s = ctx.layer.sentences[ctx.sentenceOf[k]!];
      const subject = subjectBefore(ctx, k, Math.max(lo, s ? s.tokenStart : lo));
      return subject && canSpeak(ctx, subject) ? { cue: { start: k, end: k + 1 }, subject } : null;
    }
    // A participle after a determiner modifies a noun ("outside a polling station"): no clause.
    if (p === 'AUX' || (p === 'VERB' && ctx.pos[k - 1] !== 'DET')) return null;
  }
  return null;
}

/**
 * A quote introduced by a colon with no speech verb before it ("The email goes on: “...”",
 * "Jane Doe, a nurse from Idlib, echoed:" closing the paragraph before): the colon's sentence
 * subject is the speaker.
 */
function colonIntro(ctx: QuoteContext, colon: number): FoundCue | null {
  if (ctx.words[colon] !== ':' || ctx.inQuote[colon]) return null;
  const sentence = ctx.sentenceOf[colon]!;
  if (sentence < 0) return null;
  const subject = sentenceSubject(ctx, sentence, colon);
  return subject && holdsName(ctx, subject) ? { cue: { start: colon, end: colon + 1 }, subject } : null;
}

/**
 * True when the cue after a quote that closed its sentence ("...soft.” He says referees ...") opens
 * a new report of its own: its verb is followed by a clause, so it is indirect speech, not this
 * quote's attribution.
 */
function opensReport(ctx: QuoteContext, q: QuotedSpan, found: FoundCue): boolean {
  if (ctx.body[q.content.end - 1] !== '.') return false;
  const s = ctx.layer.sentences[ctx.sentenceOf[found.cue.start]!];
  if (!s) return false;
  let words = 0;
  let verb = false;
  for (let k = found.cue.end; k < s.tokenEnd; k++) {
    if (ctx.pos[k] === 'PUNCT') continue;
    words++;
    if (ctx.pos[k] === 'VERB' || ctx.pos[k] === 'AUX') verb = true;
  }
  return words >= 3 && verb;
}

/** True when the paragraph holds nothing but this quote (and punctuation). */
function standsAlone(ctx: QuoteContext, q: QuotedSpan): boolean {
  const para = ctx.layer.paragraphs[q.paragraph]!;
  const outside = ctx.body.slice(para.start, q.open) + ctx.body.slice(q.close, para.end);
  return !/[\p{L}\p{N}]/u.test(outside);
}

/**
 * The direct candidate of quote `q`, opening at token `openTok`. Written out field by field (a spread
 * followed by more fields is slow in V8), in a module function (tsx names every closure it creates).
 */
function direct(
  q: QuotedSpan,
  openTok: number,
  cue: FoundCue | null,
  continuation: Candidate['continuation'],
): Candidate {
  return {
    kind: 'direct',
    content: q.content,
    paragraph: q.paragraph,
    order: openTok,
    cue: cue ? cue.cue : null,
    subject: cue ? cue.subject : null,
    continuation,
  };
}

export function findDirect(ctx: QuoteContext, consumed: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  const paragraphs = ctx.layer.paragraphs;
  ctx.quoted.forEach((q) => {
    const para = paragraphs[q.paragraph]!;
    const paraFirst = tokenAt(ctx, para.start);
    const paraEnd = tokenAt(ctx, para.end);
    const openTok = tokenAt(ctx, q.open);
    if (q.weak) {
      // A short quote is speech only when it is the whole clause before its cue: "“Never,” he said."
      const sentence = ctx.layer.sentences[ctx.sentenceOf[openTok]!];
      const opensSentence = sentence?.tokenStart === openTok || ctx.words[openTok - 1] === ':';
      const short = opensSentence ? cueAfter(ctx, tokenAt(ctx, q.close), paraEnd) : null;
      if (short && !ctx.lex.determiners.has(ctx.words[short.cue.start]!)) {
        for (let k = short.cue.start; k < short.cue.end; k++) consumed[k] = 1;
        out.push({
          kind: 'direct',
          content: q.content,
          paragraph: q.paragraph,
          order: openTok,
          cue: short.cue,
          subject: short.subject,
          continuation: null,
        });
      }
      return;
    }
    // A quote that closes on a comma, "?" or "!" leaves its clause open for the attribution.
    const openEnded = /[,?!]/.test(ctx.body.slice(q.content.end - 1, q.close));
    let found = cueAfter(ctx, tokenAt(ctx, q.close), paraEnd, openEnded);
    if (found && opensReport(ctx, q, found)) found = null;
    // "She stated, “...,” adding, “...”": a participle after the quote opens the next one; the cue
    // before the quote is this one's, else the participle with the sentence's subject.
    const participle = found && !found.subject && ctx.words[found.cue.start]!.endsWith('ing') ? found : null;
    if (!found || participle) {
      // A paragraph that opens with the quote may be introduced by the previous one ending in ':'.
      let lo = paraFirst;
      let from = openTok - 1;
      if (openTok === paraFirst && q.paragraph > 0 && ctx.words[paraFirst - 1] === ':') {
        lo = tokenAt(ctx, paragraphs[q.paragraph - 1]!.start);
        from = paraFirst - 1;
      }
      found = cueBefore(ctx, from, lo) ?? colonIntro(ctx, from);
      if (!found && participle) {
        const sentence = ctx.sentenceOf[participle.cue.start]!;
        found = { cue: participle.cue, subject: sentenceSubject(ctx, sentence, openTok) };
      }
    }
    if (found) {
      for (let k = found.cue.start; k < found.cue.end; k++) consumed[k] = 1;
      out.push(direct(q, openTok, found, null));
      return;
    }
    const previous = out[out.length - 1];
    if (previous && previous.paragraph === q.paragraph) {
      out.push(direct(q, openTok, null, 'same'));
    } else if (standsAlone(ctx, q)) {
      out.push(direct(q, openTok, null, 'previous'));
    }
  });
  return out;
}
