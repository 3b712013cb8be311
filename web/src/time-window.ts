/**
 * The map's time window: the last 24 hours, 7 or 30 days, or everything, ending on a chosen day.
 * "Last" is relative to the latest incident, not to today: the demo's record is from 2016.
 */
import { addDays, daysBetween, isDay, type Day } from './dates.js';

export const WINDOWS = ['1d', '7d', '30d', 'all'] as const;
export type Window = (typeof WINDOWS)[number];

export const WINDOW_LABELS: Readonly<Record<Window, string>> = {
  '1d': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  all: 'All days',
};

const WINDOW_DAYS: Readonly<Record<Exclude<Window, 'all'>, number>> = { '1d': 1, '7d': 7, '30d': 30 };

export interface DayRangeSpan {
  readonly from: Day;
  readonly to: Day;
}

/**
 * The span of days the record covers: earliest to latest start. An incident known only to the month
 * does not stretch the record to the month's end: "the last 24 hours" end on the latest incident.
 */
export function extent(dates: readonly { start: string | null; end: string | null }[]): DayRangeSpan | null {
  let from: Day | null = null;
  let to: Day | null = null;
  for (const d of dates) {
    const s = d.start?.slice(0, 10);
    if (!s || !isDay(s)) continue;
    if (from === null || s < from) from = s;
    if (to === null || s > to) to = s;
  }
  return from && to ? { from, to } : null;
}

/**
 * The days shown: `win` days ending on `end` (default: the record's last day), never outside the record.
 * "1d" is the end day alone: dates are known to the day at best.
 */
export function windowRange(record: DayRangeSpan, win: Window, end?: Day | null): DayRangeSpan {
  const to = end && isDay(end) ? clampDay(end, record) : record.to;
  if (win === 'all') return { from: record.from, to };
  const from = addDays(to, 1 - WINDOW_DAYS[win]);
  return { from: from < record.from ? record.from : from, to };
}

/** What an agreement says of its time: it starts (local time, "2016-09-12T19:00") and may end. */
export interface AgreementTime {
  readonly from: string;
  readonly to?: string | null;
}

/**
 * An open-ended agreement's period runs while its incidents continue: it ends with the last incident
 * before the record falls silent for longer than this (the demo's 2016 truce is followed by
 * incidents years later, which would squeeze its fortnight to a sliver of the slider).
 */
export const QUIET_DAYS_ENDING_A_PERIOD = 30;

/**
 * The agreement's period: its start to its end; when no end was agreed, its start to the last
 * incident of the run that follows it (see QUIET_DAYS_ENDING_A_PERIOD), or its start alone.
 * `days` are the incidents' first days, in any order. Null when the start is not a date.
 */
export function agreementPeriod(time: AgreementTime | null | undefined, days: readonly string[]): DayRangeSpan | null {
  const from = time?.from?.slice(0, 10);
  if (!from || !isDay(from)) return null;
  const end = time?.to?.slice(0, 10);
  if (end && isDay(end)) return { from, to: end < from ? from : end };
  let to: Day = from;
  const after = [...new Set(days.map((d) => d.slice(0, 10)))].filter((d) => isDay(d) && d >= from).sort();
  for (const d of after) {
    if (daysBetween(to, d) > QUIET_DAYS_ENDING_A_PERIOD) break;
    to = d;
  }
  return { from, to };
}

export function clampDay(day: Day, record: DayRangeSpan): Day {
  if (day < record.from) return record.from;
  if (day > record.to) return record.to;
  return day;
}

/** Slider position (0 = first day) <-> day. */
export function dayToIndex(day: Day, record: DayRangeSpan): number {
  return daysBetween(record.from, clampDay(day, record));
}

export function indexToDay(index: number, record: DayRangeSpan): Day {
  const last = daysBetween(record.from, record.to);
  return addDays(record.from, Math.max(0, Math.min(last, Math.round(index))));
}

/** Whether an incident dated [start, end] (a range when the day is not known) touches the window. */
export function overlaps(date: { start: string | null; end: string | null }, range: DayRangeSpan): boolean {
  const s = date.start?.slice(0, 10);
  if (!s || !isDay(s)) return false;
  const e = date.end?.slice(0, 10);
  const end = e && isDay(e) ? e : s;
  return s <= range.to && end >= range.from;
}
