/**
 * Turns one chrono reading into a date range with an ACLED time precision, relative to the
 * publication day. chrono finds the expression and its components; the news conventions are ours:
 * a bare month or weekday lies in the past unless the clause is future, a week is a calendar week.
 */
import type { Components as ParsedComponents } from './fast.js';
import type { DateRange, IsoDay, TimePrecision } from '../../core/date.js';

const DAY_MS = 86_400_000;

/** A day as a count of days since 1970-01-01 (UTC), so arithmetic is plain addition. */
type DayNumber = number;

export interface Reading {
  /** chrono's matched text. */
  readonly text: string;
  readonly start: ParsedComponents;
  readonly end?: ParsedComponents | undefined;
}

export interface Resolution {
  /** Null when the date is relative and there is no publication day. */
  readonly range: DateRange | null;
  /** True when the text does not state the year, so the publication day was needed. */
  readonly relative: boolean;
}

export interface YearHint {
  readonly year: number;
  readonly month: number;
  /** True when the year itself was counted from publication ("in February last year"). */
  readonly relative: boolean;
}

export interface ResolveOptions {
  readonly published: IsoDay | null;
  /** Whether the clause speaks of the future; asked only when a bare month, weekday or yearless day needs it. */
  readonly future: () => boolean;
  readonly futureToleranceDays: number;
  /** The word just before the mention, lower case ("last" in "last July", which chrono leaves out). */
  readonly wordBefore?: string | undefined;
  /** The year stated by the next date in a pair ("between September and December 2014"). */
  readonly yearHint?: YearHint | undefined;
}

interface Range {
  readonly first: DayNumber;
  readonly last: DayNumber;
  readonly precision: TimePrecision;
}

const EXPLICIT_YEAR = /\b(?:1[89]\d\d|20\d\d)\b|'\d\d\b/;

function dayNumber(year: number, month1: number, day: number): DayNumber | null {
  const ms = Date.UTC(year, month1 - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month1 - 1 || d.getUTCDate() !== day) return null;
  return Math.round(ms / DAY_MS);
}

/** YYYY-MM-DD of a day number by integer arithmetic (H. Hinnant's civil_from_days): Date.toISOString was 4% of the stage. */
export function toIso(day: DayNumber): IsoDay {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}` as IsoDay;
}

// The publication day of the report being read, parsed once rather than once per date (Date.parse
// was 3% of the stage).
let lastIso: IsoDay | null = null;
let lastDay: DayNumber = 0;

function fromIso(day: IsoDay): DayNumber {
  if (day !== lastIso) {
    lastDay = Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
    lastIso = day;
  }
  return lastDay;
}

/** 0 = Sunday, as chrono and Date count weekdays. */
function weekdayOf(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

function monthOf(year: number, month1: number): Range {
  const first = Math.round(Date.UTC(year, month1 - 1, 1) / DAY_MS);
  const last = Math.round(Date.UTC(year, month1, 0) / DAY_MS);
  return { first, last, precision: 3 };
}

/** Precision that an explicit span of days earns: a day, within a week, or about a month. */
function precisionOfWidth(first: DayNumber, last: DayNumber): TimePrecision {
  const width = last - first;
  return width <= 0 ? 1 : width <= 6 ? 2 : 3;
}

function span(first: DayNumber, last: DayNumber): Range | null {
  // A run longer than a month is not an event date ACLED can code.
  return last - first > 31 ? null : { first, last, precision: precisionOfWidth(first, last) };
}

/** The day chrono computed for the components (known or implied from the reference). */
function chronoDay(c: ParsedComponents): DayNumber | null {
  return dayNumber(c.get('year') ?? NaN, c.get('month') ?? NaN, c.get('day') ?? NaN);
}

/** A day and month with no year: nearest in the past, or the next one for a future clause. */
function yearlessDay(month: number, day: number, pub: DayNumber, future: boolean, tolerance: number): DayNumber | null {
  const year = new Date(pub * DAY_MS).getUTCFullYear();
  const candidates = [year - 1, year, year + 1]
    .map((y) => dayNumber(y, month, day))
    .filter((d): d is number => d !== null);
  const chosen = future ? candidates.find((d) => d >= pub) : candidates.filter((d) => d <= pub + tolerance).pop();
  return chosen ?? null;
}

function resolvePoint(
  text: string,
  c: ParsedComponents,
  pub: DayNumber | null,
  opts: ResolveOptions,
): Resolution | Range | null {
  const t = text.toLowerCase();
  const hint = opts.yearHint;
  const explicitYear = EXPLICIT_YEAR.test(t) && c.isCertain('year');
  const relative = !explicitYear && (!hint || hint.relative);
  if (relative && pub === null) return { range: null, relative: true };
  // chrono's day is computed only where a branch reads it (a Date and its getters each time).
  if (/\bweeks?\b/.test(t)) {
    const d = chronoDay(c);
    if (d === null || pub === null) return null;
    if (/\bago\b/.test(t)) return { first: d - 3, last: d + 3, precision: 2 };
    if (/\b(?:past|last)\s+\S+\s+weeks\b/.test(t)) return span(d, pub);
    // A calendar week, Monday to Sunday; chrono puts "this week" on its first day, so count from publication.
    const base = /\bthis\b/.test(t)
      ? pub
      : /\b(?:last|past|previous)\b/.test(t)
        ? pub - 7
        : /\b(?:next|coming)\b/.test(t)
          ? pub + 7
          : d;
    const monday = base - ((weekdayOf(base) + 6) % 7);
    return { first: monday, last: monday + 6, precision: 2 };
  }
  if (/\bweekend\b/.test(t)) return weekend(t, pub!, opts);
  if (/\b(?:past|last)\s+(?:\S+\s+){0,2}(?:hours|hrs|days|months)\b/.test(t)) {
    const d = chronoDay(c);
    return d === null || pub === null ? null : span(d, pub);
  }
  if (/\bmonths?\b/.test(t)) return monthOf(c.get('year')!, c.get('month')!);
  const month = c.isCertain('month') ? c.get('month')! : null;
  if (c.isCertain('day') && month !== null) {
    const d = chronoDay(c);
    if (explicitYear) return d === null ? null : { first: d, last: d, precision: 1 };
    if (c.isCertain('year')) return d === null ? null : { first: d, last: d, precision: 1 }; // yesterday, 3 days ago
    const day = yearlessDay(month, c.get('day')!, pub!, opts.future(), opts.futureToleranceDays);
    return day === null ? null : { first: day, last: day, precision: 1 };
  }
  if (month !== null) {
    if (explicitYear) return monthOf(c.get('year')!, month);
    if (hint) return monthOf(month <= hint.month ? hint.year : hint.year - 1, month);
    const pubDate = new Date(pub! * DAY_MS);
    const [py, pm] = [pubDate.getUTCFullYear(), pubDate.getUTCMonth() + 1];
    const before = opts.wordBefore;
    // "last July" is before this month even in July; "next January" after it.
    if (before === 'last') return monthOf(month < pm ? py : py - 1, month);
    if (before === 'next') return monthOf(month > pm ? py : py + 1, month);
    const year = opts.future() ? (month >= pm ? py : py + 1) : month <= pm ? py : py - 1;
    return monthOf(year, month);
  }
  if (c.isCertain('weekday')) {
    const wd = c.get('weekday')!;
    const back = (weekdayOf(pub!) - wd + 7) % 7;
    const ahead = (wd - weekdayOf(pub!) + 7) % 7;
    if (/\blast\b/.test(t)) return dayOf(pub! - (back || 7));
    if (/\bnext\b/.test(t)) return dayOf(pub! + (ahead || 7));
    return dayOf(opts.future() ? pub! + ahead : pub! - back);
  }
  return null;
}

/** Saturday and Sunday: the weekend of publication, else the last one unless the clause is future. */
function weekend(t: string, pub: DayNumber, opts: ResolveOptions): Range {
  const wd = weekdayOf(pub);
  const saturday = pub - ((wd + 1) % 7); // the Saturday on or before publication
  const current = wd === 6 || wd === 0;
  let first: DayNumber;
  if (/\b(?:last|past|previous)\b/.test(t)) first = current ? saturday - 7 : saturday;
  else if (/\b(?:next|coming)\b/.test(t)) first = saturday + 7;
  else first = current ? saturday : opts.future() ? saturday + 7 : saturday;
  return { first, last: first + 1, precision: 2 };
}

function dayOf(d: DayNumber): Range {
  return { first: d, last: d, precision: 1 };
}

function isRange(x: Resolution | Range): x is Range {
  return 'first' in x;
}

/** Resolves a chrono reading; null when it is not a date an event can carry (a year, a duration). */
export function resolveReading(reading: Reading, opts: ResolveOptions): Resolution | null {
  const pub = opts.published === null ? null : fromIso(opts.published);
  const relative =
    !(EXPLICIT_YEAR.test(reading.text) && reading.start.isCertain('year')) &&
    (!opts.yearHint || opts.yearHint.relative);
  const start = resolvePoint(reading.text, reading.start, pub, opts);
  if (start === null) return null;
  if (!isRange(start)) return start;
  let range: Range = start;
  const end = reading.end ? resolvePoint(reading.text, reading.end, pub, opts) : null;
  if (end && isRange(end) && end.last >= start.first) {
    range = {
      first: start.first,
      last: end.last,
      precision: Math.max(start.precision, precisionOfWidth(start.first, end.last)) as TimePrecision,
    };
  }
  return { range: { first: toIso(range.first), last: toIso(range.last), precision: range.precision }, relative };
}
