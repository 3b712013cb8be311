/**
 * Relative clauses around a cue ("Kerry, who said ..., left") and beliefs or intentions reported
 * inside another attribution's content, for the indirect finder.
 */
import type { QuoteContext } from './context.js';
import type { Candidate } from './candidate.js';
import { classOf } from './cue.js';
import type { TokenRange } from './phrase.js';

/**
 * True when the cue opens a relative clause: "Kerry, who said ..., left", "Kerry, a senator who has
 * refused to ..., said".
 */
export function inRelative(ctx: QuoteContext, t: number, subject: TokenRange): boolean {
  let j = t - 1;
  while (j > subject.end && (ctx.lex.adverbs.has(ctx.words[j]!) || ctx.pos[j] === 'ADV')) j--;
  return (
    (ctx.words[j] === 'who' || ctx.words[j] === 'which') && (ctx.words[j - 1] === ',' || j - 1 === subject.end - 1)
  );
}

/** A content inside a relative clause ends where the main clause resumes: ", left Geneva". */
export function relativeEnd(ctx: QuoteContext, r: TokenRange): TokenRange {
  for (let k = r.start + 2; k < r.end - 1; k++) {
    const next = ctx.pos[k + 1];
    if (ctx.words[k] === ',' && !ctx.inQuote[k] && (next === 'VERB' || next === 'AUX'))
      return { start: r.start, end: k };
  }
  return r;
}

/**
 * An object inside a restrictive relative clause ends where the main clause's verb follows a noun:
 * "farmers who back the council live in the north" -> "the council".
 */
export function restrictiveEnd(ctx: QuoteContext, t: number, r: TokenRange): TokenRange {
  if (ctx.words[t - 1] !== 'who' && ctx.words[t - 1] !== 'that') return r;
  for (let k = r.start + 1; k < r.end; k++) {
    const p = ctx.pos[k - 1];
    if ((ctx.pos[k] === 'VERB' || ctx.pos[k] === 'AUX') && (p === 'NOUN' || p === 'PROPN'))
      return { start: r.start, end: k };
  }
  return r;
}

/**
 * "Y intends to ..., X said": a belief or intention whose cue lies inside another attribution's
 * content is part of what that source reported, not an attribution of its own.
 */
export function dropInner(ctx: QuoteContext, out: Candidate[], first: number): void {
  for (let i = out.length - 1; i >= first; i--) {
    const c = out[i]!;
    if (!c.cue || classOf(ctx, c.cue.start) === 'speech') continue;
    const at = ctx.tokens[c.cue.start]!.start;
    for (let j = first; j < out.length; j++) {
      if (j !== i && out[j]!.content.start <= at && at < out[j]!.content.end) {
        out.splice(i, 1);
        break;
      }
    }
  }
}
