/**
 * Day arithmetic for the events stage without parsing Date strings: the merge compares the dates of
 * every pair of candidates and every candidate asks for its report's week, and `new Date(string)`
 * with `toISOString` was a visible part of the stage. Each function equals its core/date.ts reading
 * (days.test.ts); anything but `yyyy-mm-dd` with a year from 100 on, a month 01-12 and a day 01-31
 * is left to core/date.ts.
 */
import { addDays, dayToDate, type IsoDay } from '../../core/date.js';

/** The number written by the ASCII digits `s[from, to)`, or -1 when any is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * `Date.UTC` of the day's digits, `days` later, or NaN when the text is not a plain day. Date.UTC
 * rolls a day past the month's end over as the parser does ("2016-02-30" is 1 March for both).
 */
function utc(day: string, days: number): number {
  if (day.length !== 10 || day.charCodeAt(4) !== 45 || day.charCodeAt(7) !== 45) return NaN;
  const y = digits(day, 0, 4);
  const m = digits(day, 5, 7);
  const d = digits(day, 8, 10);
  return y >= 100 && m >= 1 && m <= 12 && d >= 1 && d <= 31 ? Date.UTC(y, m - 1, d + days) : NaN;
}

/** `dayToDate(day).getTime()`. */
export function dayMs(day: string): number {
  const ms = utc(day, 0);
  return Number.isNaN(ms) ? dayToDate(day as IsoDay).getTime() : ms;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** `addDays(day, days)`: the day `days` later (earlier when negative). */
export function shiftDay(day: IsoDay, days: number): IsoDay {
  const ms = utc(day, days);
  if (!Number.isNaN(ms)) {
    const d = new Date(ms);
    const y = d.getUTCFullYear();
    // toISOString writes years 1000-9999 as four digits; others are left to it.
    if (y >= 1000 && y <= 9999) return `${y}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}` as IsoDay;
  }
  return addDays(day, days);
}
