/**
 * Publication dates as feeds and dumps write them (RFC 822 pubDate, ISO 8601, "2016-01-11 15:34:10"),
 * read as the calendar day the publisher wrote, not shifted to UTC: a 23:30 +0300 story stays on its day.
 */
import { parseIsoDay, type IsoDay } from '../core/date.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ISO_START = /^\s*(\d{4}-\d{2}-\d{2})(?:[T ]|$)/;
const DAY_MONTH_YEAR = /\b(\d{1,2})[\s-]+([A-Za-z]{3,9})[\s-]+(\d{4})\b/;
const MONTH_DAY_YEAR = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/;

function fromParts(year: string, month: string, day: string): IsoDay | null {
  const m = MONTHS.indexOf(month.slice(0, 3).toLowerCase());
  if (m < 0) return null;
  return parseIsoDay(`${year}-${String(m + 1).padStart(2, '0')}-${day.padStart(2, '0')}`);
}

/** The day a date string names, or null when it names none. */
export function publishedDay(value: string | null | undefined): IsoDay | null {
  if (!value) return null;
  const iso = ISO_START.exec(value);
  if (iso) return parseIsoDay(iso[1]!);
  const dmy = DAY_MONTH_YEAR.exec(value);
  if (dmy) return fromParts(dmy[3]!, dmy[2]!, dmy[1]!);
  const mdy = MONTH_DAY_YEAR.exec(value);
  if (mdy) return fromParts(mdy[3]!, mdy[1]!, mdy[2]!);
  return null;
}
