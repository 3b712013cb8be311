/**
 * Local times of an agreement ("2016-09-12T19:00" in Asia/Damascus) to instants, and instants back
 * to local calendar days, with the platform's IANA database (Intl), so daylight saving is right.
 */
import { addDays, type IsoDay } from '../core/date.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset of the zone from UTC at `instant`, in milliseconds. */
function offsetMs(timeZone: string, instant: number): number {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" local time in `timeZone` -> epoch milliseconds. */
export function localToInstant(local: string, timeZone: string): number {
  const [day, time = '00:00'] = local.split('T') as [string, string?];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  // Two passes settle the offset even next to a daylight-saving change.
  let guess = naive - offsetMs(timeZone, naive);
  guess = naive - offsetMs(timeZone, guess);
  return guess;
}

/** The local calendar day of an instant. */
export function instantToLocalDay(instant: number, timeZone: string): IsoDay {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}` as IsoDay;
}

/** [start, end) instants of a span of local days, first..last inclusive. */
export function localDaysToInstants(first: IsoDay, last: IsoDay, timeZone: string): [number, number] {
  return [localToInstant(first, timeZone), localToInstant(addDays(last, 1), timeZone)];
}

/** "12 Sep 2016 19:00 (Asia/Damascus)" for explanations. */
export function describeInstant(instant: number, timeZone: string): string {
  const p = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(instant))
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} ${timeZone}`;
}
