/**
 * A precompiled reader for the commonest date in news sentences, a weekday ("on Monday", "last
 * Friday"), used instead of chrono when nothing else in the sentence could be read as a date.
 * It must give exactly what chrono plus our refiner give, so it declines (null) whenever the
 * sentence holds any word chrono might read or merge; chrono then reads the sentence.
 */
import type { DatesLexicon } from './lexicon.js';
import { wordBefore } from './word-before.js';

/** The part of chrono's ParsedComponents that resolve.ts and the stage read. */
export interface Components {
  get(component: 'year' | 'month' | 'day' | 'weekday'): number | null;
  isCertain(component: 'year' | 'month' | 'day' | 'weekday'): boolean;
}

/** One reading, with its index in the sentence, as the stage gets it from chrono. */
export interface FastReading {
  readonly index: number;
  readonly text: string;
  readonly start: Components;
  readonly end?: undefined;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

// chrono's ENWeekdayParser without its "(", "," prefix and "of last week" postfix, which we decline.
const WEEKDAY = new RegExp(
  `(?<![\\w])((?:on\\s*?)?(?:(?:this|last|past|next)\\s*)?)(${WEEKDAYS.join('|')})(?=\\W|$)`,
  'gi',
);

// Anything else chrono's parsers (ours included) could match, or merge with a weekday: month and
// weekday words in any case (chrono's own list), day words, time units, "ago"-type words, relative
// modifiers, digits in date shapes, signed numbers and "-a m"-type abbreviated durations.
// Two regexes tested in turn, the digit shapes first: the same answer as their union, a third faster
// (V8 scans one case-insensitive alternation of words and digit shapes slower than the two apart).
const ELSEWHERE_WORDS = new RegExp(
  [
    '\\b(?:jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december)(?=\\W|$)',
    '\\b(?:sun|sunday|mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|weekends?|weekdays?)(?=\\W|$)',
    '\\b(?:now|today|tonight|tomorrow|overmorrow|tmrw?|yesterday|night|overnight|morning|afternoon|evening|noon|midnight)\\b',
    '\\b(?:ago|before|earlier|after|this|last|past|next)\\b',
    '\\b(?:secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|fortnights?|mos|months?|qtr|quarters?|yrs?|years?)\\b',
  ].join('|'),
  'i',
);
const ELSEWHERE_DIGITS = new RegExp(
  [
    '\\d\\s*[/.:\\-]\\s*\\d|\\d(?:st|nd|rd|th)\\b|[+\\-]\\s*\\d|\\+|\\b(?:1\\d|20)\\d\\d\\b',
    '-\\s*(?:an?|the)\\s{0,3}(?:s|m|h|d|w|y|mo|mon|mos|hr|hrs|min|mins|sec|yr|qtr)(?=\\W|$)',
  ].join('|'),
  'i',
);

const DAY = /day/i;

// Two weekdays joined like this may be merged by chrono into a range ("Monday to Friday").
const MERGING_GAP = /^[\s,\-–.:∙]*(?:to|until|through|till|at|on|of|and|or|T)?[\s,\-–.:∙]*$/i;

// After the weekday: a comma/paren chrono would take, then a time zone, an offset or a number.
const RISKY_AFTER = /^\s*[,)）]?\s*(?:,?\s*\(?[A-Z]{2,4}\)?(?=\W|$)|(?:\(?(?:GMT|UTC)\s?)?[+-]\s*\d|\d)/;
const RISKY_BEFORE = /[,(（]\s*$/;
const TRAILING_PUNCTUATION = /[\s,;:)]+$/;

function weekdayComponents(weekday: number): Components {
  return {
    get: (c) => (c === 'weekday' ? weekday : null),
    isCertain: (c) => c === 'weekday',
  };
}

const WEEKDAY_COMPONENTS = WEEKDAYS.map((_, i) => weekdayComponents(i));

export interface FastReader {
  /** The readings chrono would give for this sentence, or null when only chrono can say. */
  read(text: string): FastReading[] | null;
}

export function createFastReader(lexicon: DatesLexicon): FastReader {
  const isExcluded = (text: string, start: number, end: number): boolean =>
    lexicon.exclude.some((re) => {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (start < m.index + m[0].length && m.index < end) return true;
        if (m[0].length === 0) re.lastIndex++;
      }
      return false;
    });
  return {
    read(text) {
      // Every weekday name ends in "day": without one, WEEKDAY cannot match (and its scan is costly).
      if (!DAY.test(text)) return null;
      const spans: FastReading[] = [];
      let residue = '';
      let last = 0;
      WEEKDAY.lastIndex = 0;
      for (let m = WEEKDAY.exec(text); m; m = WEEKDAY.exec(text)) {
        const name = m[2]!;
        // A lower-case or shouting weekday is left to chrono (and to its name filters).
        if (name[0] !== name[0]!.toUpperCase() || name.slice(1) !== name.slice(1).toLowerCase()) return null;
        if (RISKY_BEFORE.test(text.slice(0, m.index)) || RISKY_AFTER.test(text.slice(m.index + m[0].length)))
          return null;
        if (spans.length && MERGING_GAP.test(text.slice(last, m.index))) return null;
        residue += text.slice(last, m.index) + ' ';
        last = m.index + m[0].length;
        const reading: FastReading = {
          index: m.index,
          text: m[0].replace(TRAILING_PUNCTUATION, ''),
          start: WEEKDAY_COMPONENTS[WEEKDAYS.indexOf(name[0]!.toUpperCase() + name.slice(1).toLowerCase())]!,
        };
        spans.push(reading);
      }
      if (spans.length === 0) return null;
      residue += text.slice(last);
      if (ELSEWHERE_DIGITS.test(residue) || ELSEWHERE_WORDS.test(residue)) return null;
      // The same "not a date" checks our chrono refiner makes (chrono.ts).
      return spans.filter((r) => {
        if (isExcluded(text, r.index, r.index + r.text.length)) return false;
        if (lexicon.skipText.some((re) => re.test(r.text))) return false;
        if (/^[A-Z]/.test(r.text)) {
          const before = wordBefore(text, r.index);
          if (before && /^[A-Z]/.test(before) && !lexicon.monthPreceders.has(before.toLowerCase())) return false;
        }
        return true;
      });
    },
  };
}
