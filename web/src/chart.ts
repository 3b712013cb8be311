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
