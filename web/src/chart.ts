/** Scales for the hand-drawn SVG charts (pure): days to x bands, counts to heights, axis ticks. */
import { daysBetween, type Day } from './dates.js';
import { niceMax } from './scales.js';

export interface BandScale {
  readonly band: number;
  /** Left edge of a day's band, or null when the day is outside the domain. */
  x(day: Day): number | null;
}

/** Equal bands for every day from `from` to `to` across [x0, x0 + width]; bars leave a gap. */
export function dayBands(from: Day, to: Day, x0: number, width: number): BandScale {
  const n = Math.max(1, daysBetween(from, to) + 1);
  const band = width / n;
  return {
    band,
    x(day: Day) {
      const i = daysBetween(from, day);
      return i < 0 || i >= n ? null : x0 + i * band;
    },
  };
}

export interface LinearScale {
  readonly max: number;
  /** Height in pixels of a value (0..height). */
  h(value: number): number;
  readonly ticks: readonly number[];
}

/** 0..niceMax(max) onto 0..height, with up to 3 integer ticks (0, middle, max). */
export function countScale(max: number, height: number): LinearScale {
  const top = niceMax(max);
  const ticks = top <= 1 ? [0, 1] : top % 2 === 0 ? [0, top / 2, top] : [0, top];
  return { max: top, h: (v) => (Math.max(0, Math.min(v, top)) / top) * height, ticks };
}

/** Which days get an axis label: at most `max` labels, evenly spaced, always the first. */
export function labelEvery(days: number, max: number): number {
  if (days <= max) return 1;
  return Math.ceil(days / Math.max(1, max));
}

export type Column =
  | { readonly kind: 'day'; readonly day: Day }
  | { readonly kind: 'gap'; readonly from: Day; readonly to: Day; readonly days: number };

/**
 * Days as chart columns, with long quiet stretches folded into one "gap" column: a record that spans
 * years but has a few busy weeks stays readable. A run of at least `minGap` days with nothing on them
 * (and not next to a busy day) becomes a gap; shorter runs stay as days.
 */
export function compressDays(days: readonly Day[], busy: ReadonlySet<Day>, minGap = 7, margin = 1): Column[] {
  const keep = days.map((_, i) => {
    for (let j = Math.max(0, i - margin); j <= Math.min(days.length - 1, i + margin); j++)
      if (busy.has(days[j] as Day)) return true;
    return false;
  });
  const out: Column[] = [];
  for (let i = 0; i < days.length;) {
    if (keep[i]) {
      out.push({ kind: 'day', day: days[i] as Day });
      i++;
      continue;
    }
    let j = i;
    while (j < days.length && !keep[j]) j++;
    if (j - i >= minGap) out.push({ kind: 'gap', from: days[i] as Day, to: days[j - 1] as Day, days: j - i });
    else for (let k = i; k < j; k++) out.push({ kind: 'day', day: days[k] as Day });
    i = j;
  }
  return out;
}

/** The column a day falls in (a day inside a gap falls in the gap); -1 when outside. */
export function columnOf(columns: readonly Column[], day: Day): number {
  return columns.findIndex((c) => (c.kind === 'day' ? c.day === day : c.from <= day && day <= c.to));
}
