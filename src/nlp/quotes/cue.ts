/** Recognises speech cues: single reporting verbs and the multi-word phrases of cues.yaml. */
import type { PhraseHitLike, QuoteContext } from './context.js';
import { tokenAt } from './context.js';
import type { CueClass, PhraseCue } from './lexicon.js';
import { WORD_TRIGGER, WORD_VERB } from './lexicon.js';

const BE = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being', "'s", '’s']);

export type PhraseHit = PhraseHitLike;

/**
 * True when token t is a reporting verb used as one: tagged a verb, not "the said", not passive
 * ("was told"), not negated ("did not say", "declined to say").
 */
export function isCueVerb(ctx: QuoteContext, t: number, speechOnly = true): boolean {
  if (!(ctx.flags[t]! & WORD_VERB) || ctx.inQuote[t]) return false;
  const w = ctx.words[t]!;
  // Beliefs and intentions ("X thinks", "X wants") introduce reported content, never a direct quote.
  if (speechOnly && ctx.lex.verbClass.get(w) !== 'speech') return false;
  const prev = ctx.words[t - 1] ?? '';
  // The lite model sometimes tags a reporting verb as an adjective ("alleged"); "that" after it settles it.
  if (ctx.pos[t] !== 'VERB' && !(ctx.pos[t] === 'ADJ' && ctx.words[t + 1] === 'that') && !nounTaggedVerb(ctx, t))
    return false;
  // "was told" is passive, "is describing" progressive (a cue); "value-added" is a compound.
  if (
    (BE.has(prev) && !w.endsWith('ing')) ||
    ctx.pos[t - 1] === 'DET' ||
    (prev === '-' && ctx.tokens[t - 1]!.end === ctx.tokens[t]!.start)
  )
    return false;
  // A negated belief, intention or stance is still a position in PolNeAR's sense ("did not mention
  // the plan", "hasn't backed her"); a negated report is no report ("did not say whether ..."), and
  // "declined to" or "refused to" cancel any cue.
  const negator = ctx.lex.negators.has(prev) ? prev : (ctx.words[t - 2] ?? '');
  if (
    ctx.lex.negators.has(negator) &&
    (speechOnly || !NEGATABLE.has(negator) || (classOf(ctx, t) === 'speech' && !negatedObject(ctx, t)))
  )
    return false;
  // "to say" is speech only inside a phrase such as "emerged to say" (cues.yaml), or after a verb
  // that leaves the cue its subject ("tried to portray", "continues to insist").
  if (prev === 'to') return ctx.lex.catenatives.has(ctx.words[t - 2] ?? '') && ctx.pos[t - 2] === 'VERB';
  return true;
}

/**
 * A negated speech verb whose content is its object, which PolNeAR counts ("did not mention the
 * shelling", "did not disclose the figure"); not a negated report of a clause ("did not say
 * whether ...", "never said that ..."), which reports nothing.
 */
function negatedObject(ctx: QuoteContext, t: number): boolean {
  const next = ctx.words[t + 1] ?? '';
  return ctx.lex.takesObject.has(ctx.words[t]!) && next !== 'that' && next !== 'whether' && next !== 'if';
}

/** Negators an indirect cue may follow (not "declined" or "refused": "refused to back" is no backing). */
const NEGATABLE = new Set(['not', "n't", 'n’t', 'never']);

const OBJECT_START = new Set(['DET', 'PROPN', 'PRON', 'NUM']);

/**
 * The lite model tags a present-tense cue after a plural subject as a noun ("polls show Kerry
 * ahead", "most voters support the plan"): a plural noun before it and an object or "that" after.
 */
function nounTaggedVerb(ctx: QuoteContext, t: number): boolean {
  if (ctx.pos[t] !== 'NOUN') return false;
  const prev = ctx.words[t - 1] ?? '';
  const before = ctx.pos[t - 1];
  // A count is plural too: "4 in 10 say", "53 percent say".
  const count = before === 'NUM' || prev === 'percent';
  const next = ctx.words[t + 1];
  // A singular subject before a present-tense cue: "the candidate plans to return", "the ministry
  // claims that ...".
  const singular =
    (before === 'NOUN' || before === 'PROPN') &&
    ctx.words[t]!.endsWith('s') &&
    (next === 'that' || (next === 'to' && (ctx.pos[t + 2] === 'VERB' || ctx.pos[t + 2] === 'AUX')));
  if (singular) return true;
  const objectNext = OBJECT_START.has(ctx.pos[t + 1] ?? '') || next === 'that' || isGerund(ctx, t + 1);
  // "voters who support the plan": after a relative "who" the word is the verb.
  if (prev === 'who' && objectNext) return true;
  if (!count && (!(before === 'NOUN' || before === 'PROPN') || !prev.endsWith('s') || prev.endsWith('ss')))
    return false;
  // "..., campaign records show.": a final cue after its clause.
  return objectNext || (next === '.' && !count);
}

/** A gerund at k ("support reforming the council"), tagged as a verb. */
function isGerund(ctx: QuoteContext, k: number): boolean {
  const w = ctx.words[k] ?? '';
  return ctx.pos[k] === 'VERB' && w.endsWith('ing') && w.length > 5;
}

/**
 * A present-tense verb the tagger read as a noun after its subject ("each year yields a bump"): a
 * noun in -s after a singular noun, before a determiner or number.
 */
export function nounTaggedFinite(ctx: QuoteContext, k: number): boolean {
  if (ctx.pos[k] !== 'NOUN' || ctx.pos[k - 1] !== 'NOUN') return false;
  const w = ctx.words[k]!;
  const prev = ctx.words[k - 1]!;
  if (!w.endsWith('s') || w.endsWith('ss') || (prev.endsWith('s') && !prev.endsWith('ss'))) return false;
  const next = ctx.pos[k + 1];
  return next === 'DET' || next === 'NUM';
}

export function classOf(ctx: QuoteContext, t: number): CueClass {
  return ctx.lex.verbClass.get(ctx.words[t]!) ?? 'speech';
}

export function lemmaOf(ctx: QuoteContext, t: number): string {
  return ctx.lex.verbs.get(ctx.words[t]!) ?? '';
}

/** Phrase cues in the sentence, as token ranges, in text order. */
export function phrasesIn(ctx: QuoteContext, sentence: number): readonly PhraseHit[] {
  if (ctx.phraseCache.size === 0) indexPhrases(ctx);
  return ctx.phraseCache.get(sentence) ?? NONE;
}

const NONE: readonly PhraseHit[] = [];

/** Files a match of phrase `p` under its sentence (a module function: tsx names every closure it creates). */
function addPhrase(ctx: QuoteContext, p: PhraseCue, m: RegExpExecArray): void {
  const cache = ctx.phraseCache;
  // A look-behind group `lead` holds the phrase's words before the literal the pattern starts at.
  const lead = m.groups?.lead;
  const start = tokenAt(ctx, lead === undefined ? m.index : m.index - lead.length);
  const end = tokenAt(ctx, m.index + m[0].length);
  const sentence = ctx.sentenceOf[start] ?? -1;
  if (sentence < 0 || ctx.inQuote[start]) return;
  const list = (cache.get(sentence) as PhraseHit[] | undefined) ?? [];
  list.push({ id: p.id, speaker: p.speaker, content: p.content, source: p.source, nested: p.nested, start, end });
  cache.set(sentence, list);
}

const byStart = (a: PhraseHit, b: PhraseHit): number => a.start - b.start;

/** One pass of each phrase pattern over the whole body, grouped by sentence. */
function indexPhrases(ctx: QuoteContext): void {
  const cache = ctx.phraseCache;
  cache.set(-1, NONE); // marks the index as built
  for (const p of ctx.lex.phrases) {
    if (p.anchored) continue;
    p.re.lastIndex = 0;
    for (let m = p.re.exec(ctx.body); m; m = p.re.exec(ctx.body)) addPhrase(ctx, p, m);
  }
  // Anchored phrases: tried only at the tokens that may start them, one pass over the words.
  const triggers = ctx.lex.phraseTriggers;
  if (triggers.size > 0) {
    const { words, tokens, body } = ctx;
    const flags = ctx.flags;
    for (let t = 0; t < words.length; t++) {
      if (!(flags[t]! & WORD_TRIGGER)) continue;
      const list = triggers.get(words[t]!);
      if (list === undefined) continue;
      for (const p of list) {
        p.re.lastIndex = tokens[t]!.start;
        const m = p.re.exec(body);
        if (m) addPhrase(ctx, p, m);
      }
    }
  }
  for (const list of cache.values()) (list as PhraseHit[]).sort(byStart);
}
