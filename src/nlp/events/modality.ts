/**
 * Modality of an event from the words between its clause's start and its trigger: a deal's
 * "would oblige Russia to prevent bombing" is hypothetical, "will attack" planned, "did not
 * shell" negated, "denied that its forces shelled" denied. Claims are decided by the source.
 */
import type { Modality } from '../../core/taxonomy.js';
import type { Cues } from './lexicon.js';
import { isSpace } from '../../core/chars.js';
import { lowerVariant } from './cue-regex.js';
import { mayMatch, type CueGate } from './cue-gate.js';

export interface ModalityInput {
  /** Text of the trigger's clause before the trigger. */
  readonly clausePrefix: string;
  /** Text of the whole sentence before the trigger. */
  readonly sentencePrefix: string;
  /** True when the source of the event is one of the parties to the conflict. */
  readonly sourceIsParty: boolean;
  /** The sentence says nobody could confirm the account ("a figure officials did not confirm"). */
  readonly unverified?: boolean;
  /** The trigger is a protest word: "marched to protest X" tells a protest that happened. */
  readonly protest?: boolean;
  /**
   * The event is a crowd's (a protest or a riot): its attempt happened ("tried to march to the
   * ministry", "tried to vandalise the office": the protest or riot ACLED codes).
   */
  readonly crowd?: boolean;
  /**
   * The trigger's text: a trigger that is itself a verb in the past after a comma opens the main
   * clause ("Angered by the plan to close the school, parents protested").
   */
  readonly trigger?: string;
  /**
   * `sentencePrefix` lower-cased, when lowering kept its offsets and every test (lowerTestsExact): the
   * cue tests then run case-sensitively on it, which is much faster than case-blind on the text.
   */
  readonly sentencePrefixLc?: string;
  /**
   * With sentencePrefixLc: the report's cue gate, and where the sentence and the clause start and the
   * prefixes end in the body; a cue list is tested only where its anchor words stand.
   */
  readonly gated?: {
    readonly gate: CueGate;
    readonly sentenceStart: number;
    readonly clauseStart: number;
    readonly end: number;
  };
}

/** Whether a cue may match the clause's (or the sentence's) prefix: always, when nothing is gated. */
function may(g: ModalityInput['gated'], re: RegExp, clause: boolean): boolean {
  return g === undefined || mayMatch(g.gate, re, clause ? g.clauseStart : g.sentenceStart, g.end);
}

/** Where the last match of a global regex in the text starts, or -1. */
function lastAt(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let at = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) at = m.index;
  return at;
}

const INFINITIVE = /(?<![\p{L}])to\s+$/iu;
/** A verb in the past before the infinitive: the act it names happened ("gathered", "held a meeting"). */
const PAST_ACT_SOURCE = String.raw`(?<![\p{L}])(?:[\p{L}]+ed|held|went|came|took|sat|stood|met|began|kept|left|gave|made|burnt|burned|shut|set|struck|laid|hit)(?![\p{L}])`;
const PAST_ACT = new RegExp(PAST_ACT_SOURCE, 'iu');
/** "resorted to vandalism", "led to clashes": "to" a preposition before a noun, not an infinitive. */
const PREPOSITION_TO =
  /(?<![\p{L}])(resort(s|ed|ing)?|led|lead(s|ing)?|due|owing|turn(s|ed|ing)?|subjected|came|went)\s+to\s+$/iu;
/**
 * "Urging the government to act, employees staged a demonstration": after a comma, a verb in the past
 * opens the main clause, beyond the reach of the hypothetical words before it.
 */
const MAIN_CLAUSE_AFTER = new RegExp(`,[^,]*?${PAST_ACT_SOURCE}`, 'iu');
const ACHIEVED =
  /(?<![\p{L}])(managed|forced|began|begun|started|went on|able|continued|continues?|sought|tried|attempted|trying|attempting|decided|moved)\s+to\s+$/iu;

/** The last `n` words of a text (read from the start of the n-th word from the end: the rest is never split). */
export function lastWords(text: string, n: number): string {
  // The tail holds at most n words: joining them by single spaces is replacing each gap by one.
  // Most tails are single-spaced already (no white space but a space, no space before another).
  const tail = text.slice(tailStart(text, n)).trim();
  return ODD_GAP.test(tail) ? tail.replace(GAPS, ' ') : tail;
}

/** Where the n-th word from the end starts (0 when the text has fewer words). */
function tailStart(text: string, n: number): number {
  let i = text.length;
  for (let words = 0; words < n; words++) {
    while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
    if (i === 0) return 0;
    while (i > 0 && !isSpace(text.charCodeAt(i - 1))) i--;
  }
  return i;
}

const GAPS = /\s+/g;
/** A gap that is not one space: white space other than a space, or a space and more white space. */
const ODD_GAP = /[^\S ]| \s/;
const MAY = /(?<![\p{L}])May(?![\p{L}])/gu;

/** The text without the word "May" (a month or a name); most texts have none and are returned as they are. */
function withoutMay(text: string): string {
  return text.includes('May') ? text.replace(MAY, '') : text;
}

/** The regexes modalityOf tests: the cues' and this module's, as written (case-blind) or for lower-cased text. */
interface Tests {
  readonly denied: RegExp;
  readonly deniedAll: RegExp;
  readonly claimedAll: RegExp;
  readonly negated: RegExp;
  readonly hypothetical: RegExp;
  readonly hypotheticalAll: RegExp;
  readonly hypotheticalCrowd: RegExp;
  readonly hypotheticalCrowdAll: RegExp;
  readonly mainClauseAfter: RegExp;
  readonly deal: RegExp;
  readonly planned: RegExp;
  readonly infinitive: RegExp;
  readonly achieved: RegExp;
  readonly prepositionTo: RegExp;
  readonly pastAct: RegExp;
  readonly claimed: RegExp;
}

const TESTS = new WeakMap<Cues, { readonly asWritten: Tests; readonly lower: Tests | null }>();

/** The tests as written, and for lower-cased text when every one of them can be (null otherwise); built once per cue set. */
function testsOf(cues: Cues): { readonly asWritten: Tests; readonly lower: Tests | null } {
  let tests = TESTS.get(cues);
  if (!tests) {
    const asWritten: Tests = {
      denied: cues.denied,
      deniedAll: cues.deniedAll,
      claimedAll: cues.claimedAll,
      negated: cues.negated,
      hypothetical: cues.hypothetical,
      hypotheticalAll: cues.hypotheticalAll,
      hypotheticalCrowd: cues.hypotheticalCrowd,
      hypotheticalCrowdAll: cues.hypotheticalCrowdAll,
      mainClauseAfter: MAIN_CLAUSE_AFTER,
      deal: cues.deal,
      planned: cues.planned,
      infinitive: INFINITIVE,
      achieved: ACHIEVED,
      prepositionTo: PREPOSITION_TO,
      pastAct: PAST_ACT,
      claimed: cues.claimed,
    };
    const entries = Object.entries(asWritten).map(([k, re]) => [k, lowerVariant(re)] as const);
    const lower = entries.every(([, re]) => re !== null) ? (Object.fromEntries(entries) as unknown as Tests) : null;
    TESTS.set(cues, (tests = { asWritten, lower }));
  }
  return tests;
}

/**
 * A hypothetical word governs the trigger unless a main clause in the past opens between them, or
 * the trigger is itself that clause's verb ("To press their demands, workers staged a rally").
 * `anchored`: the cue gate lets the hypothetical test run on the clause.
 */
function hypothetical(clause: string, t: Tests, crowd: boolean, trigger: string, anchored: boolean): boolean {
  if (!anchored || !(crowd ? t.hypotheticalCrowd : t.hypothetical).test(clause)) return false;
  if (!clause.includes(',')) return true;
  const at = lastAt(crowd ? t.hypotheticalCrowdAll : t.hypotheticalAll, clause);
  return at < 0 || !t.mainClauseAfter.test(clause.slice(at) + trigger);
}

export function modalityOf(input: ModalityInput, cues: Cues): Modality {
  const tests = testsOf(cues);
  // The lower-cased prefix when given and it has no "May" (which only its capital tells from the modal verb).
  const lc = input.sentencePrefixLc !== undefined && !input.sentencePrefix.includes('May') ? tests.lower : null;
  const t = lc ?? tests.asWritten;
  // "May" capitalised is a month or a name (Theresa May), not the modal verb.
  const clause = lc
    ? input.sentencePrefixLc!.slice(input.sentencePrefixLc!.length - input.clausePrefix.length)
    : withoutMay(input.clausePrefix);
  const sentence = lc ? input.sentencePrefixLc! : withoutMay(input.sentencePrefix);
  // The gate reads the lower-cased body: only for the lower-cased prefix (not the text without "May").
  const g = lc ? input.gated : undefined;
  // "denied firing on the town and accused the army of shelling X": the nearest speech act governs.
  // The plain test first: most sentences deny nothing, and the global scan finds nothing then either.
  const denied = may(g, cues.denied, false) && t.denied.test(sentence) ? lastAt(t.deniedAll, sentence) : -1;
  if (denied >= 0 && denied > lastAt(t.claimedAll, sentence)) return 'denied';
  if (t.negated.test(lastWords(clause, 4))) return 'negated';
  const trigger = input.trigger === undefined ? '' : lc ? input.trigger.toLowerCase() : input.trigger;
  const crowd = input.crowd === true;
  const anchored = may(g, crowd ? cues.hypotheticalCrowd : cues.hypothetical, true);
  if (hypothetical(clause, t, crowd, trigger, anchored) || (may(g, cues.deal, false) && t.deal.test(sentence)))
    return 'hypothetical';
  if (may(g, cues.planned, true) && t.planned.test(clause)) return 'planned';
  // "used the chaos to seize territory": an infinitive tells a purpose, unless it was achieved.
  // "marched in the town to protest X": the march happened, and it is the protest.
  if (
    t.infinitive.test(clause) &&
    !t.achieved.test(clause) &&
    !t.prepositionTo.test(clause) &&
    !(input.protest && t.pastAct.test(clause))
  )
    return 'hypothetical';
  if (input.sourceIsParty || input.unverified || (may(g, cues.claimed, false) && t.claimed.test(sentence)))
    return 'claimed';
  return 'asserted';
}
