/**
 * A precompiled reader for the commonest date in news sentences, a weekday ("on Monday", "last
 * Friday"), used instead of chrono when nothing else in the sentence could be read as a date.
 * It must give exactly what chrono plus our refiner give, so it declines (null) whenever the
 * sentence holds any word chrono might read or merge; chrono then reads the sentence.
 */
import assert from 'node:assert/strict';
import * as chrono from 'chrono-node';
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
// weekday words in any case (chrono's own list), day words, "ago"-type words, relative modifiers,
// "month" (chrono's end-of-month parser), digits in date shapes, signed numbers and "-a m"-type
// abbreviated durations. Parts of the day ("Tuesday night") are read only by chrono's time parsers,
// which we drop, and after "last"/"this"; the other time units only after a modifier listed here,
// "ago"/"before"/"earlier", or a sign (SIGNED_DURATION below).
// Two regexes tested in turn, the digit shapes first: the same answer as their union, a third faster
// (V8 scans one case-insensitive alternation of words and digit shapes slower than the two apart).
const ELSEWHERE_WORDS = new RegExp(
  [
    '\\b(?:jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december)(?=\\W|$)',
    '\\b(?:sun|sunday|mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|weekends?|weekdays?)(?=\\W|$)',
    '\\b(?:now|today|tonight|tomorrow|overmorrow|tmrw?|yesterday|lastnight|overnight)\\b',
    '\\b(?:ago|before|earlier|after|this|last|past|next)\\b',
    '\\b(?:mos|months?)\\b',
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

// Where a cheap test finds a trigger in the residue, chrono's own pattern for that parser decides: the
// forms that glue a modifier or "ago" to a word ("thisday", "last2 days", "daysago", "Mondaylast
// week"), which ELSEWHERE_WORDS's \b misses.
const CHECKED_PARSERS: readonly (readonly [string, RegExp])[] = [
  ['ENTimeUnitCasualRelativeFormatParser', /(?:this|last|past|next|after)(?=\w)/i],
  ['ENRelativeDateFormatParser', /(?:this|last|past|next)(?=\w)/i],
  ['ENTimeUnitAgoFormatParser', /\w(?:ago|before|earlier)(?=\W|$)/i],
  // A weekday glued to the week it is of ("Mondaythis week"): chrono's weekday pattern takes the week
  // into the match, but WEEKDAY, which needs a non-word character after the name, finds no weekday.
  ['ENWeekdayParser', /(?:this|last|past|next)\s*week/i],
];
type ChronoParser = (typeof chrono.en.casual.parsers)[number];
function chronoPattern(name: string): RegExp {
  const parser = chrono.en.casual.parsers.find((p: ChronoParser) => p.constructor.name === name);
  assert.ok(parser, `chrono has its ${name}`);
  // These parsers' patterns do not read the context.
  return parser.pattern({} as Parameters<ChronoParser['pattern']>[0]);
}
const CHECKS = CHECKED_PARSERS.map(([name, trigger]) => [trigger, chronoPattern(name)] as const);

// A signed duration ("- two days"): chrono's pattern tried only where a sign follows a non-word
// character or the start (its left boundary is (\W|^)), anchored there.
const SIGN = /[+-]/g;
const signed = chronoPattern('ENTimeUnitCasualRelativeFormatParser');
const SIGNED_DURATION = new RegExp(signed.source, `${signed.flags}y`);
const WORD_CHAR = /\w/;

function hasSignedDuration(residue: string): boolean {
  SIGN.lastIndex = 0;
  for (let m = SIGN.exec(residue); m; m = SIGN.exec(residue)) {
    if (m.index > 0 && WORD_CHAR.test(residue[m.index - 1]!)) continue;
    SIGNED_DURATION.lastIndex = Math.max(0, m.index - 1);
    if (SIGNED_DURATION.test(residue)) return true;
  }
  return false;
}

// Two weekdays joined like this may be merged by chrono into a range ("Monday to Friday").
// (chrono takes a comma or parenthesis on either side into the weekday's match, so they join too.)
const MERGING_GAP = /^[\s,\-–.:∙()（）]*(?:to|until|through|till|at|on|of|and|or|T)?[\s,\-–.:∙()（）]*$/i;

// After the weekday: a comma/paren chrono would take, then a time zone, an offset or a number.
const RISKY_AFTER = /^\s*[,)）]?\s*(?:,?\s*\(?[A-Z]{2,4}\)?(?=\W|$)|(?:\(?(?:GMT|UTC)\s?)?[+-]\s*\d|\d)/;
// Before it: a comma or parenthesis that chrono's pattern takes into the match, which its left boundary
// (\W|^) allows after a non-word character, at the start, or right after the previous match.
const RISKY_BEFORE = /(?:^|\W)[,(（]\s*$/;
const PUNCTUATION_BEFORE = /[,(（]\s*$/;
const NO_WORD = /^\W*$/;
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
        const head = text.slice(last, m.index);
        if (RISKY_BEFORE.test(text.slice(0, m.index)) || RISKY_AFTER.test(text.slice(m.index + m[0].length)))
          return null;
        if (spans.length && PUNCTUATION_BEFORE.test(head) && NO_WORD.test(head)) return null;
        if (spans.length && MERGING_GAP.test(head)) return null;
        residue += head + ' ';
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
      if (hasSignedDuration(residue)) return null;
      for (const [trigger, pattern] of CHECKS) if (trigger.test(residue) && pattern.test(residue)) return null;
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
