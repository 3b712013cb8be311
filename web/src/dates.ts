/** Calendar days as ISO strings (YYYY-MM-DD), computed in UTC so a day never shifts with the viewer's zone. */

export type Day = string;

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;

export function isDay(value: unknown): value is Day {
  if (typeof value !== 'string' || !DAY_RE.test(value)) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === value;
}

export function addDays(day: Day, n: number): Day {
  const t = Date.parse(`${day}T00:00:00Z`) + n * MS_PER_DAY;
  return new Date(t).toISOString().slice(0, 10);
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / MS_PER_DAY);
}

/** The day part of an ISO date or date-time ("2016-09-19T10:00Z" -> "2016-09-19"); null when it is none. */
export function toDay(value: string | null | undefined): Day | null {
  if (!value) return null;
  const d = value.slice(0, 10);
  return isDay(d) ? d : null;
}

/** Every day from a to b inclusive (empty when b < a). */
export function dayRange(a: Day, b: Day): Day[] {
  const out: Day[] = [];
  for (let d = a; d <= b; d = addDays(d, 1)) out.push(d);
  return out;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "19 Sep 2016"; the input unchanged when it is not a day. */
export function formatDay(day: string): string {
  if (!isDay(day)) return day;
  const [y, m, d] = day.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

/** A span of days in few words: "12–22 Sep 2016", "30 Aug – 22 Sep 2016", "30 Aug 2016 – 10 Mar 2020". */
export function formatSpan(r: { readonly from: string; readonly to: string } | null | undefined): string {
  if (!r) return '';
  if (r.from === r.to) return formatDay(r.from);
  const [a, b] = [formatDay(r.from), formatDay(r.to)];
  const [ad, am, ay] = a.split(' ');
  const [, bm, by] = b.split(' ');
  if (ay === by && am === bm) return `${ad}–${b}`;
  if (ay === by) return `${ad} ${am} – ${b}`;
  return `${a} – ${b}`;
}

/** "19 Sep" for axis labels. */
export function shortDay(day: Day): string {
  const [, m, d] = day.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]}`;
}

/**
 * A moment to the minute, in UTC (as every date on the dashboard): "28 Nov 2026, 12:35 UTC". The
 * input unchanged when it is not an ISO date-time.
 */
export function formatMoment(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso)) return iso;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const s = new Date(t).toISOString();
  return `${formatDay(s.slice(0, 10))}, ${s.slice(11, 16)} UTC`;
}
