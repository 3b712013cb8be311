/**
 * Fatalities by ACLED's rules: the most conservative number of deaths stated for the event;
 * injuries never count; a figure for a whole war or period ("since 2011", "so far this year")
 * is never one event's toll. Vague quantities follow the codebook (cues.yaml `numbers.words`).
 */
import { lowerTestsExact, lowerVariant } from './cue-regex.js';
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
const KILL_VERB = /kill|execut|massacr|claim|shot|shoot|gunned|guns?\s+down|murder|assassin|lynch|tortur/iu;
/** The same for "resulted in the death of N". */
const DEATH_OF = /deaths?\s+of/u;
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
   * `lower`: `text.toLowerCase()`, when the caller has it (a slice of its lower-cased body, see
   * slicesLowerExact), so it is not lower-cased again.
   */
  count(text: string, notCumulative?: boolean, lower?: string): number | null;
  /** True when `text` speaks of a cumulative toll (a war, a period). */
  cumulative(text: string): boolean;
}

/**
 * Whether a text speaks of deaths at all (a death word, "toll", "kill(s)"): only tested, so the death
 * words are grouped by first letter and the word-start look-behind of "kill(s)" is checked after its
 * k; the same test as `${deathSource}|toll|death|(?<![\p{L}])kills?(?![\p{L}])` (cue-regex.test.ts).
 */
export function deathWordTest(cues: Cues): RegExp {
  return new RegExp(String.raw`${cues.deathAny}|toll|death|k(?<![\p{L}].)ills?(?![\p{L}])`, 'iu');
}

/** deathWordTest lower-cased and case-sensitive: the same test on `text.toLowerCase()` when lowerTestsExact. */
export function deathWordTestLc(cues: Cues): RegExp {
  return new RegExp(String.raw`${cues.deathAnyLc}|toll|death|k(?<![\p{L}].)ills?(?![\p{L}])`, 'u');
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
const sticky = (source: string): Pattern => ({ lower: new RegExp(source, 'uy'), folded: new RegExp(source, 'iuy') });

/** A list's second group: a separator and a figure (a cheap test before the list patterns). */
const LIST_SEP =
  /(?:,|\sand|\sas\s+well\s+as|\sin\s+addition\s+to)\s+(?:and\s+)?(?:(?:at\s+least|about|around|some|nearly|over|more\s+than|up\s+to)\s+)?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an|his|her|several|dozens|scores|hundreds)\s)/iu;
/** A separator between two groups of a list, at the end of a text or at a position. */
const SEP_END = /(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s+in\s+addition\s+to\s+)$/u;
const SEP_AT = /(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s+in\s+addition\s+to\s+)/uy;
/** "..., including 2 commanders," between a list and its death word. */
const INCL_END = /\s*,?\s*(?:including|among\s+them)\s+[^,;.]{1,60}?,?$/u;
/** After a list that follows the verb: its last group is the wounded. */
const INJURED_NEXT = /^\s+(?:were\s+|was\s+)?(?:wounded|injured|hurt)/u;
const ONE = /(?<![\p{L}\p{N}])(?:1|one)\s/iu;
const WAS = /\s(?:was|is)\s/iu;
const DIED = /died|succumbed/iu;
const WAS_WERE = /\s(?:were|have\s+been|had\s+been)\s/iu;
/**
 * One person who died of an attack told before ("who was shot on Monday succumbed to his injuries",
 * "He died in hospital", "a suicide bomber blew himself up"): a singular pronoun makes it one death,
 * whatever the length of the subject (ACLED counts the bomber among the dead).
 */
const ONE_DIED = [
  /(?<![\p{L}])(?:succumbed|died|later\s+died)\s+(?:later\s+)?(?:to|of|from)\s+(?:his|her)\s+(?:[\p{L}]+\s+)?(?:injuries|wounds)(?![\p{L}])/giu,
  /(?<![\p{L}])(?:he|she)\s+(?:later\s+|also\s+|subsequently\s+)?(?:died|succumbed)(?![\p{L}])/giu,
  /(?<![\p{L}])(?:blew|blowing|blows)\s+(?:himself|herself)\s+up(?![\p{L}])/giu,
];
const ALONG = /along\s+with/iu;
const ONE_DIED_TEST = /succumb|died|himself|herself/iu;
const one = (): number => 1;

/**
 * `re.test(text)` for a case-blind guard, run as its lower-case variant on `lower` (`text` lower-cased,
 * or null when lowerTestsExact fails for it) where it has one: the same test, and much faster in V8.
 */
function guard(re: RegExp, text: string, lower: string | null): boolean {
  const lc = lower === null ? null : lowerVariant(re);
  return lc ? lc.test(lower!) : re.test(text);
}

interface Hit {
  readonly start: number;
  readonly end: number;
  readonly n: number;
}
/** Whether [start, end) overlaps a hit already taken. */
function overlaps(hits: readonly Hit[], start: number, end: number): boolean {
  for (const h of hits) if (start < h.end && h.start < end) return true;
  return false;
}

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
  // "TTP/LeI militants": two groups' names joined by a slash are one word.
  const word = String.raw`(?!(?:were|was|by|after|when|while|with|\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|several|dozens|scores|hundreds)(?![\p{L}]))\s)[\p{L}'’/-]+\s+`;
  // Inside a group of a list, a word is not one that starts the next group ("and", "his", "a").
  const listWord = String.raw`(?!(?:and|or|a|an|his|her)\s)${word}`;
  // One group of victims in a list: one person ("a", "one", "his") with a singular person noun, or
  // a figure with any plural ("2-5 militants", "4 pro-government militia members"). Lists are read
  // group by group in code with these small patterns (one large list pattern was recompiled by V8
  // whenever its code had been flushed, and cost the events stage a fifth of its time).
  const notSingle = String.raw`(?!(?:a|an|one|1)\s+(?!dozen|hundred|few))`;
  const groupSource = String.raw`(?:(a|an|one|1|his|her)\s+(?!dozen|hundred|few)(?:${listWord}){0,4}?(?:${persons})|${notSingle}(?:between\s+)?${QUALIFIER}(${numNc})(?:\s*(?:-|–|to|or|and)\s*(\d+|\p{L}+))?\s+(?:${listWord}){0,4}?[\p{L}-]+(?<=s|men|people|police|personnel|children))(?![\p{L}])`;
  // Read backwards from a death word ("2 soldiers and 3 militants were killed") ...
  const groupEnd = pattern(String.raw`(?<![\p{L}\p{N},])${groupSource}$`);
  const deathNext = pattern(
    String.raw`\s+${AUX}(?:${deathWords})(?![\p{L}])${NO_OBJECT}(?!\s+or\s+(?:wounded|injured|hurt))`,
  );
  // ... or forwards after the verb ("killing 3 soldiers and 2 civilians").
  const groupAt = sticky(groupSource);
  const listVerb = pattern(
    String.raw`(?<![\p{L}])(?:kill(?:ing|ed|s)?|execut(?:ing|ed)|shot\s+dead|shooting\s+dead|gunned\s+down|murder(?:ing|ed))\s+`,
  );
  // A count before the death word with any noun: "The 2 suspects were shot dead".
  const anyNounBefore = pattern(
    String.raw`(?<![\p{L}\p{N},])${range}\s+(?:${word}){0,3}?[\p{L}'’-]+(?:\s*,?\s*(?:including|among\s+them)\s+[^,;.]{1,60}?,?)?\s+(?:were|have\s+been|had\s+been)\s+${AUX}(?:${deathWords})(?![\p{L}])(?!\s+or\s+(?:wounded|injured|hurt))`,
  );
  // "killing at least 12 (people)", "executed 15 civilians", "left 5 dead"
  const afterVerb = pattern(
    String.raw`(?<![\p{L}])(?:kill(?:ing|ed|s)?|execut(?:ing|ed)|massacr(?:ing|ed)|claim(?:ing|ed)\s+the\s+lives\s+of|shot\s+dead|shooting\s+dead|gun(?:ned|s)?\s+down|murder(?:ing|ed))\s+["“']?${range}(?![\p{L}\p{N}])(?!\s+(?:wounded|injured|hurt))`,
  );
  // "12 people were killed", "between 10 and 15 killed", "two soldiers died", "10 dead"
  const beforeDeath = pattern(
    String.raw`(?<![\p{L}\p{N},])${range}\s+(?:(?:${word}){0,4}?(?:${victims})(?:\s*,?\s*(?:including|among\s+them)\s+[^,;.]{1,60}?,?)?\s+)?${AUX}(?:${deathWords})(?![\p{L}])${NO_OBJECT}(?!\s+or\s+(?:wounded|injured|hurt))`,
  );
  // "A commander was killed along with three of his aides": the figure after "along with" adds to the dead.
  const alongWith = pattern(
    String.raw`(?<![\p{L}])(?:killed|dead|died|murdered|slain|executed|martyred|shot\s+dead|gunned\s+down)\s+(?:[\p{L}]+\s+){0,2}?along\s+with\s+(?:his\s+|her\s+)?${range}(?![\p{L}\p{N}])`,
  );
  // "5 militants belonging to the TTP were killed", "Three members of a peace committee were killed": the
  // victims' noun with a modifier after it (a few words, no clause: no comma, relative or conjunction
  // of time) before a plural passive death.
  const modifiedBefore = pattern(
    String.raw`(?<![\p{L}\p{N},])${range}\s+(?:${word}){0,3}?(?:${victims})\s+(?:belonging\s+to|suspected\s+to\s+belong\s+to|affiliated\s+(?:with|to)|linked\s+(?:with|to)|associated\s+with|aligned\s+with|from|of)\s+(?:(?!\s(?:when|after|as|while|who|whom|which|that|where|but|because)\s)[^,;.]){1,60}?(?:\s*,\s*(?:including|among\s+them)\s+[^,;.]{1,60}?)?\s*,?\s+(?:were|have\s+been|had\s+been)\s+${AUX}(?:${deathWords})(?![\p{L}])(?!\s+or\s+(?:wounded|injured|hurt))`,
  );
  // "an attack resulting in the death of two policemen", "the blast led to the death of a councillor";
  // not in a relative clause ("protested against the attack that resulted in the death of 60": its cause).
  const deathOf = pattern(
    String.raw`(?<![\p{L}])(?<!(?:that|which|who)\s+(?:[\p{L}'’-]+\s+){0,2})(?:result(?:ed|ing|s)?\s+in|led\s+to|leading\s+to|caus(?:ed|ing|es))\s+(?:the\s+)?deaths?\s+of\s+(?:(a|an|one)\s+(?!\d|dozen|hundred|few)|${range}(?![\p{L}\p{N}]))`,
  );
  const tollOf = pattern(String.raw`death\s+toll\s+(?:of|at|stood\s+at)\s+${range}`);
  // One person: "killed a policeman", "A police official was killed", "a Dalit youth was hacked to death".
  const person = String.raw`(?:a|an|one|1|another)\s+(?:[\p{L}-]+\s+){0,2}(?:${persons})(?![\p{L}])`;
  const onePerson = [
    // After the verb any noun will do ("gunned down a Christian priest"): a count would have matched first.
    String.raw`(?<![\p{L}])(?:kill(?:ing|ed|s)?|execut(?:ing|ed)|shot\s+dead|gunned\s+down|murder(?:ing|ed)|assassinat(?:e|es|ed|ing)|lynch(?:ed|ing)|tortured\s+to\s+death)\s+(?:a|an|one|1)\s+(?:[\p{L}-]+\s+){0,2}[\p{L}-]+`,
    // "1 TTP militant killed", "1 religious scholar and teacher was killed": a figure one with any noun.
    String.raw`(?<![\p{L}\p{N}])(?:1|one)\s+(?:[\p{L}-]+\s+){0,2}(?:${persons})\s+${AUX}(?:${deathWords})(?![\p{L}])(?!\s+or\s+(?:wounded|injured|hurt))`,
    String.raw`(?<![\p{L}\p{N}])(?:1|one)\s+(?:[\p{L}'’-]+\s+){1,5}?(?:was|has\s+been|had\s+been)\s+${AUX}(?:${deathWords})(?![\p{L}])(?!\s+or\s+(?:wounded|injured|hurt))`,
    // Before it, only a victim: "was killed", "died" ("a suicide bomber killed 13" is the killer).
    String.raw`(?<![\p{L}])${person}(?:\s*,[^,]{1,60},)?\s+(?:(?!(?:who|whom|whose|which|that|after)\s)[\p{L}]+\s+){0,5}?(?:(?:was|is|has\s+been|had\s+been|got)\s+${AUX}(?:[\p{L}]+\s+)?(?:${deathWords})|died|succumbed|perished|lost\s+(?:his|her)\s+life)(?![\p{L}])(?!\s+or\s+(?:wounded|injured|hurt))`,
    // A singular subject however long ("A self-styled commander of the X front was killed in ..."):
    // "a/an" or "the" + noun ... "was killed"; a person noun ... "later died".
    String.raw`(?<![\p{L}])(?:a|an|the)\s+(?:(?!\s(?:who|whom|whose|which|that|after|following|when|as|but)\s)[^.;"“]){1,90}?\s+was\s+${AUX}(?:[\p{L}]+\s+)?(?:${deathWords})(?![\p{L}])(?!\s+or\s+(?:wounded|injured|hurt))`,
    String.raw`(?<![\p{L}])(?:a|an)\s+(?:[\p{L}-]+\s+){0,2}(?:${persons})(?![\p{L}])(?:(?!\s(?:after|following|who|whom|whose|which|that)\s)[^.;"“]){1,110}?\s+(?:later\s+)?(?:died|succumbed)(?![\p{L}])`,
    // "shoot the driver dead", "shot a police official, DSP X, dead": one person between the verb and "dead".
    String.raw`(?<![\p{L}])(?:shot|shoot|shoots|shooting|chopped|hacked|stabbed|beat|beaten)\s+(?:a|an|the)\s+(?!(?:\d|two|three|four|five|six|seven|eight|nine|ten|several|many)[\s\p{L}])[^.;]{1,50}?(?<![^s]s|men|people|children|police|personnel)\s+(?:dead|to\s+death)(?![\p{L}])`,
    // "killing the driver", "shot and killed the leader of ...": one person after the verb.
    String.raw`(?<![\p{L}])(?:killing|killed|murdered|executed|shot\s+dead|gunned\s+down)\s+the\s+(?:[\p{L}'’-]+\s+){0,2}(?:${persons})(?![\p{L}])`,
    // "Activist X was gunned down", "SHO X of the city police was shot dead": a singular subject with no
    // article (a name, a title), unless negated ("no civilian was killed") or told as a cause.
    String.raw`(?<![\p{L}])(?<!(?:no|not|after|following|over|against|since|before|avenge|mourn[\p{L}]*|death\s+of|killing\s+of)\s+(?:[\p{L}.'’-]+\s+){0,4})(?!(?:who|whom|which|that|nobody|none|one|it|this|no|there|he|she)\s)[\p{L}.'’-]+\s+was\s+${AUX}(?:${deathWords})(?![\p{L}])(?!\s+or\s+(?:wounded|injured|hurt))`,
  ].map(pattern);
  // "killed soldier Rashid Khan": a verb in the past, a person noun and a capitalised name (case-sensitive).
  const namedPerson = new RegExp(
    String.raw`(?<![\p{L}])(?:killed|executed|shot\s+dead|gunned\s+down|murdered)\s+(?:(?!of\s|the\s)[\p{Ll}-]+\s+){0,2}(?:${persons})\s+\p{Lu}\p{Ll}`,
    'gu',
  );
  const deathAny = deathWordTest(cues);
  const deathAnyLc = deathWordTestLc(cues);
  const value = (raw: string | undefined): number | null => {
    if (raw === undefined) return null;
    const key = raw.toLowerCase().replace(/\s+/g, ' ');
    if (/^\d/.test(key)) return Number(key.replace(/,/g, ''));
    return cues.numberWords.get(key) ?? null;
  };
  /** A figure's value; a year is none. */
  const figure = (raw: string | undefined): number | null => (raw === undefined || YEAR.test(raw) ? null : value(raw));
  /** The conservative figure of one match: the lower bound of a range. */
  const lowerOf = (rawA: string | undefined, rawB: string | undefined): number | null => {
    const a = figure(rawA);
    const b = figure(rawB);
    return a === null ? b : b === null ? a : Math.min(a, b);
  };
  const lowest = (m: RegExpExecArray): number | null => lowerOf(m[1], m[2]);
  /** A group's figure: one person, or the lower bound of a range. */
  const groupValue = (m: RegExpExecArray): number | null => {
    if (m[1] !== undefined) return 1;
    const a = figure(m[2]);
    const b = figure(m[3]);
    return a === null ? b : b === null ? a : Math.min(a, b);
  };
  // One count's state, read by take and push (made once here, not as closures on every call).
  let hits: Hit[] = [];
  let text0 = '';
  let subject0 = '';
  // The lower-cased text when lowerTestsExact holds for it (then it is also subject0), else null.
  let lower0: string | null = null;
  let folded = false;
  const pick = (p: Pattern): RegExp => (folded ? p.folded : p.lower);
  const take = (p: Pattern | RegExp, valueOf: (m: RegExpExecArray) => number | null): void => {
    const re = p instanceof RegExp ? p : folded ? p.folded : p.lower;
    const on = p instanceof RegExp ? text0 : subject0;
    re.lastIndex = 0;
    for (let m = re.exec(on); m; m = re.exec(on)) {
      const start = m.index;
      const end = start + m[0].length;
      if (end === start) re.lastIndex++;
      // A part of a figure already taken ("including 2 commanders") or the same words again.
      const before = on.slice(Math.max(0, start - 20), start);
      if (SUBSET.test(before) || CAUSE.test(before)) continue;
      if (overlaps(hits, start, end)) continue;
      const n = valueOf(m);
      if (n !== null) hits.push({ start, end, n });
    }
  };
  /** The figure of "killed along with N", 0 when none. */
  const along = (): number => {
    if (!guard(ALONG, subject0, lower0)) return 0;
    const re = pick(alongWith);
    re.lastIndex = 0;
    const m = re.exec(subject0);
    return m ? (lowest(m) ?? 0) : 0;
  };
  const push = (start: number, end: number, n: number): void => {
    const before = subject0.slice(Math.max(0, start - 20), start);
    if (SUBSET.test(before) || CAUSE.test(before)) return;
    if (!overlaps(hits, start, end)) hits.push({ start, end, n });
  };
  return {
    cumulative: (text) => cues.cumulative.test(text),
    count(text, notCumulative = false, lowered?: string) {
      // Most clauses name no death at all: one cheap test before the figure patterns, case-sensitive on
      // the lower-cased text where that is the same test (a case-blind unicode regex is about twice as slow).
      const lower = lowered ?? text.toLowerCase();
      const exact = lowerTestsExact(text, lower);
      if (exact) {
        if (!deathAnyLc.test(lower) || (!notCumulative && cues.cumulativeLc.test(lower))) return null;
      } else if (!deathAny.test(text) || (!notCumulative && cues.cumulative.test(text))) return null;
      hits = [];
      text0 = text;
      folded = lower.length !== text.length;
      const subject = folded ? text : lower;
      subject0 = subject;
      // The guards below are case-blind: run case-sensitively on the lower-cased text where that is the same test.
      lower0 = exact ? lower : null;
      const kill = guard(KILL_VERB, text, lower0);
      if (guard(LIST_SEP, subject, lower0)) {
        // Lists first: "2 soldiers and 3 militants were killed" is 5 (ACLED adds the victims up).
        const death = pick(deathNext);
        const back = pick(groupEnd);
        death.lastIndex = 0;
        for (let d = death.exec(subject); d; d = death.exec(subject)) {
          const base = Math.max(0, d.index - 160);
          let window = subject.slice(base, d.index);
          const incl = INCL_END.exec(window);
          if (incl) window = window.slice(0, incl.index);
          let sum = 0;
          let groups = 0;
          let start = -1;
          for (let end = window.length; ;) {
            back.lastIndex = 0;
            const m = back.exec(window.slice(0, end));
            const n = m ? groupValue(m) : null;
            if (!m || n === null) break;
            sum += n;
            groups++;
            start = m.index;
            const sep = SEP_END.exec(window.slice(0, m.index));
            if (!sep) break;
            end = sep.index;
          }
          if (groups >= 2) push(base + start, d.index + d[0].length, sum);
        }
        if (kill) {
          const verb = pick(listVerb);
          const at = pick(groupAt);
          verb.lastIndex = 0;
          for (let v = verb.exec(subject); v; v = verb.exec(subject)) {
            const found: { end: number; n: number }[] = [];
            for (let pos = v.index + v[0].length; ;) {
              at.lastIndex = pos;
              const m = at.exec(subject);
              const n = m ? groupValue(m) : null;
              if (!m || n === null) break;
              found.push({ end: pos + m[0].length, n });
              SEP_AT.lastIndex = pos + m[0].length;
              const sep = SEP_AT.exec(subject);
              if (!sep) break;
              pos = SEP_AT.lastIndex;
            }
            // "killing 3 soldiers, and 2 civilians were injured": the last group is the injured.
            if (found.length > 0 && INJURED_NEXT.test(subject.slice(found[found.length - 1]!.end))) found.pop();
            if (found.length >= 2)
              push(
                v.index,
                found[found.length - 1]!.end,
                found.reduce((t, g) => t + g.n, 0),
              );
          }
        }
      }
      if (kill) take(afterVerb, lowest);
      take(beforeDeath, lowest);
      if (WAS_WERE.test(subject)) take(anyNounBefore, lowest);
      if (guard(TOLL, text, lower0)) take(tollOf, lowest);
      if (WAS_WERE.test(subject)) take(modifiedBefore, lowest);
      if (DEATH_OF.test(subject)) take(deathOf, (m) => (m[1] !== undefined ? 1 : lowerOf(m[2], m[3])));
      // One person, only when no figure was found (as a figure's victims are mostly counted in it); the
      // patterns in the order of onePerson, each behind its own cheap test, the first that matches.
      if (hits.length === 0) {
        const one1 = guard(ONE, subject, lower0);
        const oneDied = guard(ONE_DIED_TEST, subject, lower0);
        const tries: [Pattern | RegExp, boolean][] = [
          [onePerson[0]!, kill],
          [onePerson[1]!, one1],
          [onePerson[2]!, one1],
          [onePerson[3]!, true],
          [onePerson[4]!, guard(WAS, subject, lower0)],
          [onePerson[5]!, guard(DIED, subject, lower0)],
          [onePerson[6]!, kill],
          [onePerson[7]!, kill],
          [onePerson[8]!, guard(WAS, subject, lower0)],
          [namedPerson, kill],
          [ONE_DIED[0]!, oneDied],
          [ONE_DIED[1]!, oneDied],
          [ONE_DIED[2]!, oneDied],
        ];
        for (const [p, worth] of tries) {
          if (!worth) continue;
          take(p, one);
          if (hits.length > 0) return 1 + along();
        }
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
      return total + along();
    },
  };
}
