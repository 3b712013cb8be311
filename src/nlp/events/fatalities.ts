/**
 * Fatalities by ACLED's rules: the most conservative number of deaths stated for the event;
 * injuries never count; a figure for a whole war or period ("since 2011", "so far this year")
 * is never one event's toll. Vague quantities follow the codebook (cues.yaml `numbers.words`).
 */
import type { Cues } from './lexicon.js';

const QUALIFIER = String.raw`(?:(?:at\s+least|about|around|some|nearly|almost|more\s+than|over|up\s+to|an\s+estimated|as\s+many\s+as|approximately|roughly|fewer\s+than|less\s+than|close\s+to)\s+)?`;
const AUX = String.raw`(?:(?:were|was|have\s+been|has\s+been|had\s+been|are|is|reportedly|reported|allegedly|later|all|also|(?:shot|stabbed|abducted|kidnapped|tortured|beaten|attacked|ambushed|captured|hacked|gunned\s+down)\s+and)\s+)*`;
/** "including 2 commanders", "among them a child": a part of the figure before it, never added to it. */
const SUBSET = /(?:including|among\s+them|among\s+whom|of\s+whom|incl\.)\s+$/iu;
/** Between two figures of one clause: a second source's figure for the same dead ("police said 5 ..., while medics said 7"). */
const OTHER_SOURCE =
  /(?<![\p{L}])(?:said|says|say|reported|according|claim|claimed|claims|sources?|put|puts|estimated|while|whereas|other\s+reports?)(?![\p{L}])/iu;
/** ... unless it says the second figure adds to the first. */
const ADDED = /(?<![\p{L}])(?:also|too|as\s+well|in\s+addition|besides|another|further|more|other)(?![\p{L}])/iu;
/** After a bare "killed": its object follows, so the figure before it counts the killers ("Two gunmen killed a man"). */
const NO_OBJECT = String.raw`(?!\s+(?:a|an|the|his|her|their|\d|one|two|three|four|five|six|seven|eight|nine|ten|at\s+least|several|dozens|scores)(?![\p{L}]))`;
/** Right before a death: the cause of this event, an earlier one ("rioted after a student was killed"). */
const CAUSE =
  /(?<![\p{L}])(?:after|following|over|against|since|before|avenge|mourn(?:ing)?|death\s+of|killing\s+of)\s+(?:the\s+)?$/iu;
/** A figure that is a year ("in 2015 militants ..."), never a toll. */
const YEAR = /^(?:19[5-9]\d|20[0-4]\d)$/u;

/** Words one of which the verb-first figure pattern (`afterVerb`) needs: tested first, as a cheap guard. */
const KILL_VERB = /kill|execut|massacr|claim|shot|gunned|murder/iu;
/** The same for "death toll of N". */
const TOLL = /toll/iu;

/** ACLED's own note of what it coded: "Fatalities coded as 0 (VoJ reported 3)", "Total fatalities coded as 14". */
const CODED = /(?<![\p{L}])(?:total\s+)?fatalities\s+(?:are\s+|were\s+)?coded\s+as\s+(\d+)/iu;
/** "Fatalities split over 3 locations (2)": this event's share. */
const SPLIT = /(?<![\p{L}])fatalities\s+(?:are\s+)?split\s+(?:over|across|between)\s+[^()]{1,60}\((\d+)\)/iu;

/** The fatalities a note says were coded for its event ("Fatalities coded as 0"), or null. */
export function codedFatalities(text: string): number | null {
  const m = CODED.exec(text) ?? SPLIT.exec(text);
  return m ? Number(m[1]) : null;
}

export interface FatalityMatcher {
  /**
   * Deaths stated in `text` (one clause), or null when none or when the figure is cumulative.
   * `notCumulative`: the caller has just seen `cumulative(text)` false, so it is not tested again.
   */
  count(text: string, notCumulative?: boolean): number | null;
  /** True when `text` speaks of a cumulative toll (a war, a period). */
  cumulative(text: string): boolean;
}

/**
 * Whether a text speaks of deaths at all (a death word, "toll", "kill(s)"): only tested, so the death
 * words are grouped by first letter and the word-start look-behind of "kill(s)" is checked after its
 * k; the same test as `${deathSource}|toll|(?<![\p{L}])kills?(?![\p{L}])` (cue-regex.test.ts).
 */
export function deathWordTest(cues: Cues): RegExp {
  return new RegExp(String.raw`${cues.deathAny}|toll|k(?<![\p{L}].)ills?(?![\p{L}])`, 'iu');
}

/**
 * A pattern compiled twice: without the `i` flag for the lower-cased text (case folding makes a
 * unicode regex about twice as slow), and with it for a text whose lower-casing changes its length.
 */
interface Pattern {
  readonly lower: RegExp;
  readonly folded: RegExp;
}
const pattern = (source: string): Pattern => ({ lower: new RegExp(source, 'gu'), folded: new RegExp(source, 'giu') });

/** A list's second group: a separator and a figure (a cheap test before the list patterns). */
const LIST_SEP =
  /(?:,|\sand|\sas\s+well\s+as|\sin\s+addition\s+to)\s+(?:and\s+)?(?:(?:at\s+least|about|around|some|nearly|over|more\s+than|up\s+to)\s+)?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an|his|her|several|dozens|scores|hundreds)\s)/iu;
const ONE = /(?<![\p{L}\p{N}])(?:1|one)\s/iu;
const WAS = /\swas\s/iu;
const DIED = /died|succumbed/iu;
const WAS_WERE = /\s(?:were|have\s+been|had\s+been)\s/iu;
const one = (): number => 1;

export function createFatalityMatcher(cues: Cues): FatalityMatcher {
  // The cue lists are plain words: lower-cased, they match the lower-cased text.
  const num = cues.numberSource.toLowerCase();
  const victims = cues.victimsSource.toLowerCase();
  const persons = cues.personSource.toLowerCase();
  const deathWords = cues.deathSource.toLowerCase();
  const range = String.raw`(?:between\s+)?${QUALIFIER}${num}(?:\s*(?:to|and|or|-|–)\s*${num})?`;
  // One coordinated group of victims: "2 civilians", "4 pro-government militia members", "an Army
  // major", "his brother", "2-5 militants"; its noun is a victims or person noun, or any plural.
  const numNc = `(?:${num.slice(1)}`;
  // A word between a figure and its noun: not a figure, a verb or a preposition of the clause
  // ("A bomb exploded and two people were killed" is two, not one).
  const word = String.raw`(?!(?:were|was|by|after|when|while|with|\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|several|dozens|scores|hundreds)(?![\p{L}]))\s)[\p{L}'’-]+\s+`;
  // (The plural as a look-behind after the whole word: no backtracking through its letters.)
  const noun = String.raw`(?:[\p{L}-]+(?<=s|men|people|police|personnel|children)|${persons})(?![\p{L}])`;
  // One person ("a", "one", "his") takes a singular person noun; a figure, any plural.
  const single = String.raw`(?:a|an|one|1|his|her)\s+(?!dozen|hundred|few)(?:${word}){0,4}?(?:${persons})(?![\p{L}])`;
  const notSingle = String.raw`(?!(?:a|an|one|1)\s+(?!dozen|hundred|few))`;
  const group = String.raw`(?:${single}|${notSingle}(?:between\s+${numNc}\s+and\s+${numNc}|${QUALIFIER}${numNc}(?:\s*(?:-|–|to|or)\s*${numNc})?)\s+(?:${word}){0,4}?${noun})`;
  const sep = String.raw`(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s+in\s+addition\s+to\s+)`;
  const list = String.raw`${group}(?:${sep}${group})+`;
  // A list before the death word: "2 soldiers and 3 militants were killed" (5, ACLED adds the victims).
  const listBefore = pattern(
    String.raw`(?<![\p{L}\p{N},])${list}(?:\s*,?\s*(?:including|among\s+them)\s+[^,;.]{1,60}?,?)?\s+${AUX}(?:${deathWords})(?![\p{L}])${NO_OBJECT}(?!\s+or\s+(?:wounded|injured|hurt))`,
  );
  // ... or after the verb: "killing 3 soldiers and 2 civilians".
  const listAfter = pattern(
    String.raw`(?<![\p{L}])(?:kill(?:ing|ed|s)?|execut(?:ing|ed)|shot\s+dead|shooting\s+dead|gunned\s+down|murder(?:ing|ed))\s+${list}(?!\s+(?:were\s+|was\s+)?(?:wounded|injured|hurt))`,
  );
  const groupStart = new RegExp(
    String.raw`(?<![\p{L}\p{N}])(?:(his|her)\s+(?:${word}){0,4}?(?:${persons})(?![\p{L}])|(?:between\s+)?${QUALIFIER}${num}(?:\s*(?:-|–|to|or|and)\s*${num})?\s+(?:${word}){0,4}?${noun})`,
    'giu',
  );
  // A count before the death word with any noun: "The 2 suspects were shot dead".
  const anyNounBefore = pattern(
    String.raw`(?<![\p{L}\p{N},])${range}\s+(?:${word}){0,3}?[\p{L}'’-]+(?:\s*,?\s*(?:including|among\s+them)\s+[^,;.]{1,60}?,?)?\s+(?:were|have\s+been|had\s+been)\s+${AUX}(?:${deathWords})(?![\p{L}])(?!\s+or\s+(?:wounded|injured|hurt))`,
  );
  // "killing at least 12 (people)", "executed 15 civilians", "left 5 dead"
  const afterVerb = pattern(
    String.raw`(?<![\p{L}])(?:kill(?:ing|ed|s)?|execut(?:ing|ed)|massacr(?:ing|ed)|claim(?:ing|ed)\s+the\s+lives\s+of|shot\s+dead|shooting\s+dead)\s+["“']?${range}(?![\p{L}\p{N}])(?!\s+(?:wounded|injured|hurt))`,
  );
  // "12 people were killed", "between 10 and 15 killed", "two soldiers died", "10 dead"
  const beforeDeath = pattern(
    String.raw`(?<![\p{L}\p{N},])${range}\s+(?:(?:${word}){0,4}?(?:${victims})(?:\s*,?\s*(?:including|among\s+them)\s+[^,;.]{1,60}?,?)?\s+)?${AUX}(?:${deathWords})(?![\p{L}])${NO_OBJECT}(?!\s+or\s+(?:wounded|injured|hurt))`,
  );
  const tollOf = pattern(String.raw`death\s+toll\s+(?:of|at|stood\s+at)\s+${range}`);
  // One person: "killed a policeman", "A police official was killed", "a Dalit youth was hacked to death".
  const person = String.raw`(?:a|an|one|1)\s+(?:[\p{L}-]+\s+){0,2}(?:${persons})(?![\p{L}])`;
  const onePerson = [
    // After the verb any noun will do ("gunned down a Christian priest"): a count would have matched first.
    String.raw`(?<![\p{L}])(?:kill(?:ing|ed|s)?|execut(?:ing|ed)|shot\s+dead|gunned\s+down|murder(?:ing|ed))\s+(?:a|an|one|1)\s+(?:[\p{L}-]+\s+){0,2}[\p{L}-]+`,
    // "1 TTP militant killed", "1 religious scholar and teacher was killed": a figure one with any noun.
    String.raw`(?<![\p{L}\p{N}])(?:1|one)\s+(?:[\p{L}-]+\s+){0,2}(?:${persons})\s+${AUX}(?:${deathWords})(?![\p{L}])(?!\s+or\s+(?:wounded|injured|hurt))`,
    String.raw`(?<![\p{L}\p{N}])(?:1|one)\s+(?:[\p{L}'’-]+\s+){1,5}?(?:was|has\s+been|had\s+been)\s+${AUX}(?:${deathWords})(?![\p{L}])(?!\s+or\s+(?:wounded|injured|hurt))`,
    // Before it, only a victim: "was killed", "died" ("a suicide bomber killed 13" is the killer).
    String.raw`(?<![\p{L}])${person}(?:\s*,[^,]{1,60},)?\s+(?:(?!(?:who|whom|whose|which|that|after)\s)[\p{L}]+\s+){0,5}?(?:(?:was|has\s+been|had\s+been|got)\s+${AUX}(?:[\p{L}]+\s+)?(?:${deathWords})|died|succumbed|perished|lost\s+(?:his|her)\s+life)(?![\p{L}])(?!\s+or\s+(?:wounded|injured|hurt))`,
    // A singular subject however long ("A self-styled commander of the X front was killed in ..."):
    // "a/an" or "the" + noun ... "was killed"; a person noun ... "later died".
    String.raw`(?<![\p{L}])(?:a|an|the)\s+(?:(?!\s(?:who|whom|whose|which|that|after|following|when|as|but)\s)[^.;"“]){1,90}?\s+was\s+${AUX}(?:[\p{L}]+\s+)?(?:${deathWords})(?![\p{L}])(?!\s+or\s+(?:wounded|injured|hurt))`,
    String.raw`(?<![\p{L}])(?:a|an)\s+(?:[\p{L}-]+\s+){0,2}(?:${persons})(?![\p{L}])(?:(?!\s(?:after|following|who|whom|whose|which|that)\s)[^.;"“]){1,110}?\s+(?:later\s+)?(?:died|succumbed)(?![\p{L}])`,
    // "killing the driver", "shot and killed the leader of ...": one person after the verb.
    String.raw`(?<![\p{L}])(?:killing|killed|murdered|executed|shot\s+dead|gunned\s+down)\s+the\s+(?:[\p{L}'’-]+\s+){0,2}(?:${persons})(?![\p{L}])`,
  ].map(pattern);
  // "killed soldier Rashid Khan": a verb in the past, a person noun and a capitalised name (case-sensitive).
  const namedPerson = new RegExp(
    String.raw`(?<![\p{L}])(?:killed|executed|shot\s+dead|gunned\s+down|murdered)\s+(?:(?!of\s|the\s)[\p{Ll}-]+\s+){0,2}(?:${persons})\s+\p{Lu}\p{Ll}`,
    'gu',
  );
  const deathAny = deathWordTest(cues);
  const value = (raw: string | undefined): number | null => {
    if (raw === undefined) return null;
    const key = raw.toLowerCase().replace(/\s+/g, ' ');
    if (/^\d/.test(key)) return Number(key.replace(/,/g, ''));
    return cues.numberWords.get(key) ?? null;
  };
  /** A figure's value; a year is none. */
  const figure = (raw: string | undefined): number | null => (raw === undefined || YEAR.test(raw) ? null : value(raw));
  /** The conservative figure of one match: the lower bound of a range. */
  const lowest = (m: RegExpExecArray): number | null => {
    const a = figure(m[1]);
    const b = figure(m[2]);
    return a === null ? b : b === null ? a : Math.min(a, b);
  };
  /** The sum of a list's groups ("2 civilians and 6 militants" = 8; "his brother" = 1). */
  const listSum = (list: string): number | null => {
    let sum = 0;
    groupStart.lastIndex = 0;
    for (let g = groupStart.exec(list); g; g = groupStart.exec(list)) {
      const a = figure(g[2]);
      const b = figure(g[3]);
      const n = g[1] !== undefined ? 1 : a === null ? b : b === null ? a : Math.min(a, b);
      if (n === null) return null;
      sum += n;
    }
    return sum > 0 ? sum : null;
  };
  interface Hit {
    readonly start: number;
    readonly end: number;
    readonly n: number;
  }
  return {
    cumulative: (text) => cues.cumulative.test(text),
    count(text, notCumulative = false) {
      // Most clauses name no death at all: one cheap test before the figure patterns.
      if (!deathAny.test(text) || (!notCumulative && cues.cumulative.test(text))) return null;
      const hits: Hit[] = [];
      const lower = text.toLowerCase();
      const folded = lower.length !== text.length;
      const subject = folded ? text : lower;
      const take = (p: Pattern | RegExp, valueOf: (m: RegExpExecArray) => number | null): void => {
        const re = p instanceof RegExp ? p : folded ? p.folded : p.lower;
        const on = p instanceof RegExp ? text : subject;
        re.lastIndex = 0;
        for (let m = re.exec(on); m; m = re.exec(on)) {
          const start = m.index;
          const end = start + m[0].length;
          if (end === start) re.lastIndex++;
          // A part of a figure already taken ("including 2 commanders") or the same words again.
          const before = on.slice(Math.max(0, start - 20), start);
          if (SUBSET.test(before) || CAUSE.test(before)) continue;
          if (hits.some((h) => start < h.end && h.start < end)) continue;
          const n = valueOf(m);
          if (n !== null) hits.push({ start, end, n });
        }
      };
      const kill = KILL_VERB.test(text);
      if (LIST_SEP.test(subject)) {
        take(listBefore, (m) => listSum(m[0]));
        if (kill) take(listAfter, (m) => listSum(m[0]));
      }
      if (kill) take(afterVerb, lowest);
      take(beforeDeath, lowest);
      if (WAS_WERE.test(subject)) take(anyNounBefore, lowest);
      if (TOLL.test(text)) take(tollOf, lowest);
      // One person each (the patterns in the order of onePerson), each behind its own cheap test.
      if (kill) take(onePerson[0]!, one);
      if (ONE.test(subject)) {
        take(onePerson[1]!, one);
        take(onePerson[2]!, one);
      }
      take(onePerson[3]!, one);
      if (WAS.test(subject)) take(onePerson[4]!, one);
      if (DIED.test(subject)) take(onePerson[5]!, one);
      if (kill) {
        take(onePerson[6]!, one);
        take(namedPerson, one);
      }
      if (hits.length === 0) return null;
      // Victims told apart add up (ACLED sums them); a second source's figure for the same dead
      // ("police said 5, medics 7") is an alternative, and the lower one stands.
      hits.sort((a, b) => a.start - b.start);
      let total = hits[0]!.n;
      for (let i = 1; i < hits.length; i++) {
        const gap = subject.slice(hits[i - 1]!.end, hits[i]!.start);
        const alternative =
          OTHER_SOURCE.test(gap) && !ADDED.test(`${gap} ${subject.slice(hits[i]!.start, hits[i]!.end)}`);
        total = alternative ? Math.min(total, hits[i]!.n) : total + hits[i]!.n;
      }
      return total;
    },
  };
}
