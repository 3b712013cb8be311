/**
 * Fatalities by ACLED's rules: the most conservative number of deaths stated for the event;
 * injuries never count; a figure for a whole war or period ("since 2011", "so far this year")
 * is never one event's toll. Vague quantities follow the codebook (cues.yaml `numbers.words`).
 */
import type { Cues } from './lexicon.js';

const QUALIFIER = String.raw`(?:(?:at\s+least|about|around|some|nearly|almost|more\s+than|over|up\s+to|an\s+estimated|as\s+many\s+as|approximately|roughly|fewer\s+than|less\s+than|close\s+to)\s+)?`;
const AUX = String.raw`(?:(?:were|was|have\s+been|has\s+been|had\s+been|are|is|reportedly|were\s+reportedly|also)\s+)*`;

/** Words one of which the verb-first figure pattern (`afterVerb`) needs: tested first, as a cheap guard. */
const KILL_VERB = /kill|execut|massacr|claim|shot|shooting/iu;
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

export function createFatalityMatcher(cues: Cues): FatalityMatcher {
  const num = cues.numberSource;
  const range = String.raw`(?:between\s+)?${QUALIFIER}${num}(?:\s*(?:to|and|or|-|–)\s*${num})?`;
  // "killing at least 12 (people)", "executed 15 civilians", "left 5 dead"
  const afterVerb = new RegExp(
    String.raw`(?<![\p{L}])(?:kill(?:ing|ed|s)?|execut(?:ing|ed)|massacr(?:ing|ed)|claim(?:ing|ed)\s+the\s+lives\s+of|shot\s+dead|shooting\s+dead)\s+${range}(?![\p{L}\p{N}])(?!\s+(?:wounded|injured|hurt))`,
    'giu',
  );
  // "12 people were killed", "between 10 and 15 killed", "two soldiers died", "10 dead"
  const beforeDeath = new RegExp(
    String.raw`(?<![\p{L}\p{N},])${range}\s+(?:(?:[\p{L}-]+\s+){0,2}(?:${cues.victimsSource})\s+)?${AUX}(?:${cues.deathSource})(?![\p{L}])(?!\s+or\s+(?:wounded|injured|hurt))`,
    'giu',
  );
  const tollOf = new RegExp(String.raw`death\s+toll\s+(?:of|at|stood\s+at)\s+${range}`, 'giu');
  // One person: "killed a policeman", "A police official was killed", "a Dalit youth was hacked to death".
  const person = String.raw`(?:a|an|one|1)\s+(?:[\p{L}-]+\s+){0,2}(?:${cues.personSource})(?![\p{L}])`;
  const onePerson = [
    // After the verb any noun will do ("gunned down a Christian priest"): a count would have matched first.
    new RegExp(
      String.raw`(?<![\p{L}])(?:kill(?:ing|ed|s)?|execut(?:ing|ed)|shot\s+dead|gunned\s+down|murder(?:ing|ed))\s+(?:a|an|one|1)\s+(?:[\p{L}-]+\s+){0,2}[\p{L}-]+`,
      'iu',
    ),
    // "1 TTP militant killed": a figure one with a singular noun.
    new RegExp(
      String.raw`(?<![\p{L}\p{N}])(?:1|one)\s+(?:[\p{L}-]+\s+){0,2}(?:${cues.personSource})\s+${AUX}(?:${cues.deathSource})(?![\p{L}])(?!\s+or\s+(?:wounded|injured|hurt))`,
      'iu',
    ),
    // Before it, only a victim: "was killed", "died" ("a suicide bomber killed 13" is the killer).
    new RegExp(
      String.raw`(?<![\p{L}])${person}(?:\s*,[^,]{1,60},)?\s+(?:[\p{L}]+\s+){0,3}?(?:(?:was|has\s+been|had\s+been|got)\s+(?:[\p{L}]+\s+)?(?:${cues.deathSource})|died|succumbed|perished|lost\s+(?:his|her)\s+life)(?![\p{L}])(?!\s+or\s+(?:wounded|injured|hurt))`,
      'iu',
    ),
  ];
  const deathAny = deathWordTest(cues);
  const value = (raw: string | undefined): number | null => {
    if (raw === undefined) return null;
    const key = raw.toLowerCase().replace(/\s+/g, ' ');
    if (/^\d/.test(key)) return Number(key.replace(/,/g, ''));
    return cues.numberWords.get(key) ?? null;
  };
  return {
    cumulative: (text) => cues.cumulative.test(text),
    count(text, notCumulative = false) {
      // Most clauses name no death at all: one cheap test before the three figure patterns.
      if (!deathAny.test(text) || (!notCumulative && cues.cumulative.test(text))) return null;
      let best: number | null = null;
      for (const re of [afterVerb, beforeDeath, tollOf]) {
        // A pattern whose verb or noun is not in the text has nothing to find.
        if ((re === afterVerb && !KILL_VERB.test(text)) || (re === tollOf && !TOLL.test(text))) continue;
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          // The lower bound of a range is the conservative figure.
          const candidates = [value(m[1]), value(m[2])].filter((n): n is number => n !== null);
          if (candidates.length === 0) continue;
          const n = Math.min(...candidates);
          if (best === null || n < best) best = n;
        }
      }
      if (best === null && onePerson.some((re) => re.test(text))) return 1;
      return best;
    },
  };
}
