/**
 * Our chrono-node configuration: chrono.en's casual parser without the parsers that read times of
 * day or durations ("for three days", "within 48 hours"), plus a refiner that drops what is not a date.
 */
import * as chrono from 'chrono-node';
import type { ParsingResult } from 'chrono-node';
import type { DatesLexicon } from './lexicon.js';
import { wordBefore } from './word-before.js';

type ChronoInstance = InstanceType<typeof chrono.en.Chrono>;
type Refiner = ChronoInstance['refiners'][number];
type Parser = ChronoInstance['parsers'][number];

// Times of day add nothing to a day-precision date; "for/within N days" are durations; "N days later"
// counts from another event of the story, not from publication.
const DROPPED_PARSERS = new Set([
  'ENTimeExpressionParser',
  'ENCasualTimeParser',
  'ENTimeUnitWithinFormatParser',
  'ENTimeUnitLaterFormatParser',
]);

const FULL_MONTH = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;
const TRAILING_PUNCTUATION = /[\s,;:)]+$/;
const MONTH_COMMA_NUMBER = /^([A-Z][a-z]+\.?),\s*\d{1,2}$/;

/** "this morning", "this evening", "overnight": the day of publication, at day precision. */
const thisPartOfDay: Parser = {
  pattern: () => /\b(?:this\s+(?:morning|afternoon|evening)|overnight)\b/i,
  extract: (context) => {
    const ref = context.reference.instant;
    return { year: ref.getUTCFullYear(), month: ref.getUTCMonth() + 1, day: ref.getUTCDate() };
  },
};

/** True when the result names a month without a day or a year ("in July", "May"). */
function isBareMonth(r: ParsingResult): boolean {
  return r.start.isCertain('month') && !r.start.isCertain('day') && !r.start.isCertain('year') && !/\d/.test(r.text);
}

function isBareWeekday(r: ParsingResult): boolean {
  return r.start.isCertain('weekday') && !r.start.isCertain('day') && /^[A-Z]/.test(r.text);
}

function overlapsAny(start: number, end: number, spans: readonly [number, number][]): boolean {
  return spans.some(([s, e]) => start < e && s < end);
}

/** Drops chrono results that are names, verbs, modals or counts rather than dates. */
function notADateFilter(lexicon: DatesLexicon): Refiner {
  return {
    refine(context, results) {
      const excluded: [number, number][] = [];
      for (const re of lexicon.exclude) {
        re.lastIndex = 0;
        for (let m = re.exec(context.text); m; m = re.exec(context.text)) {
          excluded.push([m.index, m.index + m[0].length]);
          if (m[0].length === 0) re.lastIndex++;
        }
      }
      return results.filter((r) => {
        // chrono keeps a trailing comma ("on Sunday,"); spans end on the date's last character.
        r.text = r.text.replace(TRAILING_PUNCTUATION, '');
        // chrono reads "In September, 18 people..." as September 18: keep only the month.
        const monthComma = MONTH_COMMA_NUMBER.exec(r.text);
        if (monthComma && !r.start.isCertain('year')) {
          r.text = monthComma[1]!;
          r.start.delete('day');
          r.end = undefined;
        }
        if (overlapsAny(r.index, r.index + r.text.length, excluded)) return false;
        if (lexicon.skipText.some((re) => re.test(r.text))) return false;
        const s = r.start;
        // A result with no day, weekday, month or relative tag only names a time.
        const hasDate =
          ['day', 'weekday', 'month', 'year'].some((c) => s.isCertain(c as 'day')) ||
          /\b(?:week|month)\b/i.test(r.text);
        if (!hasDate) return false;
        if (isBareMonth(r)) {
          const month = /[A-Za-z]+\.?$/.exec(r.text)?.[0] ?? '';
          // "may", "march" and abbreviations alone are verbs, modals or parts of names ("Mar Elias").
          if (!FULL_MONTH.test(month)) return false;
          const before = wordBefore(context.text, r.index + r.text.length - month.length);
          if (!before || !lexicon.monthPreceders.has(before.toLowerCase())) return false;
        }
        // "Ruby Tuesday", "Bloody Sunday": a bare weekday after a capitalised word that is not a lead-in is a name.
        if (isBareWeekday(r)) {
          const before = wordBefore(context.text, r.index);
          if (before && /^[A-Z]/.test(before) && !lexicon.monthPreceders.has(before.toLowerCase())) return false;
        }
        return true;
      });
    },
  };
}

/**
 * Words or characters every match of a parser's pattern contains, as a regex over the whole text: where
 * it finds nothing, the parser's own (costly) pattern cannot match any part of the text either.
 * "N days ago": the pattern ends with ago/before/earlier before a non-word character or the end, and
 * its scan (numbers as words, repeated units) was half of chrono's time on a report's sentences.
 * "9/2016": a digit, a slash, a digit.
 */
export const PARSER_GUARDS: ReadonlyMap<string, RegExp> = new Map<string, RegExp>([
  ['ENTimeUnitAgoFormatParser', /(?:ago|before|earlier)(?=\W|$)/i],
  ['ENSlashMonthFormatParser', /\d\/\d/],
]);

/** Matches nothing, at once (anchored at the start). */
const NO_MATCH = /^(?!)/;

/**
 * The parser, but with a pattern that fails at once on a text `guard` finds nothing in: chrono runs
 * a parser by exec'ing its pattern over the text, so the results are the same, without the scan.
 */
export function guarded(inner: Parser, guard: RegExp): Parser {
  return {
    pattern: (context) => (guard.test(context.text) ? inner.pattern(context) : NO_MATCH),
    extract: (context, match) => inner.extract(context, match),
  };
}

// chrono's ExtractTimezoneAbbrRefiner reads a 2-4 letter word after each result ("on Monday in") as a
// time zone, and computes the result's date (a fifth of chrono's time) before looking the word up.
const TIMEZONE_NAME_PATTERN = /^\s*,?\s*\(?([A-Z]{2,4})\)?(?=\W|$)/i;
const isTimezone = new Map<string, boolean>();
const ANY_INSTANT = new Date(Date.UTC(2000, 0, 1, 12));

/** True when chrono knows `abbr` (upper case) as a time zone: its own lookup, through a reference. */
function knownTimezone(abbr: string): boolean {
  let known = isTimezone.get(abbr);
  if (known === undefined) {
    known = chrono.ReferenceWithTimezone.fromInput({ instant: ANY_INSTANT, timezone: abbr }).timezoneOffset !== null;
    isTimezone.set(abbr, known);
  }
  return known;
}

/**
 * The refiner, handed only the results followed by a known time zone: it changes nothing else (it
 * returns early when the word is no zone), and each result on its own. With overrides, all of them.
 */
export function timezoneGuarded(inner: Refiner): Refiner {
  return {
    refine(context, results) {
      const overrides = (inner as { timezoneOverrides?: object }).timezoneOverrides;
      if ((overrides && Object.keys(overrides).length) || context.option.timezones)
        return inner.refine(context, results);
      const zoned = results.filter((r) => {
        const m = TIMEZONE_NAME_PATTERN.exec(context.text.substring(r.index + r.text.length));
        return m !== null && knownTimezone(m[1]!.toUpperCase());
      });
      if (zoned.length) inner.refine(context, zoned);
      return results;
    },
  };
}

const SPACE = /\s/;

/**
 * Whether chrono's ENEndOfPeriodRefiner could move the result at `index`: it matches
 * /\b(?:last\s+day|end)\s+of\s+(?:the\s+)?$/i on all the text before it (a scan of the whole
 * prefix for every result), so that text must end with "of" or "the" and then white space.
 */
export function mayEndPeriod(text: string, index: number): boolean {
  let i = index;
  while (i > 0 && SPACE.test(text[i - 1]!)) i--;
  if (i === index || i < 2) return false;
  const tail = text.slice(Math.max(0, i - 3), i).toLowerCase();
  return tail.endsWith('of') || tail === 'the';
}

/** The refiner, handed only the results it could move (it reads and changes each on its own). */
export function endOfPeriodGuarded(inner: Refiner): Refiner {
  return {
    refine(context, results) {
      const movable = results.filter((r) => mayEndPeriod(context.text, r.index));
      if (movable.length) inner.refine(context, movable);
      return results;
    },
  };
}

const GUARDED_REFINERS: ReadonlyMap<string, (inner: Refiner) => Refiner> = new Map([
  ['ExtractTimezoneAbbrRefiner', timezoneGuarded],
  ['ENEndOfPeriodRefiner', endOfPeriodGuarded],
]);

export function createChrono(lexicon: DatesLexicon): ChronoInstance {
  const parser = chrono.en.casual.clone();
  parser.parsers = parser.parsers
    .filter((p) => !DROPPED_PARSERS.has(p.constructor.name))
    .map((p) => {
      const guard = PARSER_GUARDS.get(p.constructor.name);
      return guard ? guarded(p, guard) : p;
    });
  parser.parsers.push(thisPartOfDay);
  parser.refiners = parser.refiners.map((r) => GUARDED_REFINERS.get(r.constructor.name)?.(r) ?? r);
  parser.refiners.push(notADateFilter(lexicon));
  return parser;
}
