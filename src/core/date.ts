/**
 * Dates are ranges with a precision, never bare strings (ACLED time_precision codes):
 * 1 = the day is known, 2 = known to within a week, 3 = known only to the month.
 */
export type TimePrecision = 1 | 2 | 3;

/** An ISO calendar day, `YYYY-MM-DD`; construct with {@link isoDay}. */
export type IsoDay = string & { readonly __isoDay: unique symbol };

export interface DateRange {
  /** First day the event may have happened on. */
  readonly first: IsoDay;
  /** Last day the event may have happened on (inclusive). */
  readonly last: IsoDay;
  readonly precision: TimePrecision;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses and checks a `YYYY-MM-DD` string; returns null when it is not a real calendar day. */
export function parseIsoDay(value: string): IsoDay | null {
  const m = ISO_DAY.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return value as IsoDay;
}

export function isoDay(date: Date): IsoDay {
  return date.toISOString().slice(0, 10) as IsoDay;
}

export function dayToDate(day: IsoDay): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function addDays(day: IsoDay, days: number): IsoDay {
  const d = dayToDate(day);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDay(d);
}

export function dayRange(day: IsoDay): DateRange {
  return { first: day, last: day, precision: 1 };
}

/** The whole calendar month containing `day`, at precision 3. */
export function monthRange(year: number, month1: number): DateRange {
  const first = isoDay(new Date(Date.UTC(year, month1 - 1, 1)));
  const last = isoDay(new Date(Date.UTC(year, month1, 0)));
  return { first, last, precision: 3 };
}

/** The representative day ACLED would code: the day itself, or the first day of a week or month. */
export function representativeDay(range: DateRange): IsoDay {
  return range.first;
}
