/**
 * How an incident looks on the map: fill colour by event type (Okabe-Ito, safe for the common
 * colour-vision deficiencies), outline by review state (dash pattern and weight, so it does not rely
 * on colour), radius by fatalities (area grows with deaths, capped so a massacre does not hide a town).
 */
import { EVENT_TYPES, REVIEW_STATES, type EventType, type ReviewState } from './vocab.js';

export const TYPE_COLOURS: Readonly<Record<EventType, string>> = {
  Battles: '#D55E00',
  'Explosions/Remote violence': '#7B2D8E',
  'Violence against civilians': '#E69F00',
  Protests: '#009E73',
  Riots: '#56B4E9',
  'Strategic developments': '#0072B2',
};
export const OTHER_COLOUR = '#6B6B6B';

export function typeColour(type: string | null | undefined): string {
  return type && Object.hasOwn(TYPE_COLOURS, type) ? TYPE_COLOURS[type as EventType] : OTHER_COLOUR;
}

export interface RingStyle {
  readonly color: string;
  readonly weight: number;
  /** SVG stroke-dasharray; null = solid. */
  readonly dashArray: string | null;
  readonly fillOpacity: number;
}

export const REVIEW_RINGS: Readonly<Record<ReviewState, RingStyle>> = {
  machine: { color: '#333333', weight: 1.5, dashArray: '2 3', fillOpacity: 0.7 },
  under_review: { color: '#111111', weight: 2.5, dashArray: '6 3', fillOpacity: 0.75 },
  confirmed: { color: '#000000', weight: 3, dashArray: null, fillOpacity: 0.85 },
  disputed: { color: '#B00020', weight: 3, dashArray: '1 3', fillOpacity: 0.75 },
  rejected: { color: '#777777', weight: 1, dashArray: null, fillOpacity: 0.2 },
};

export function ringStyle(state: string | null | undefined): RingStyle {
  return state && Object.hasOwn(REVIEW_RINGS, state) ? REVIEW_RINGS[state as ReviewState] : REVIEW_RINGS.machine;
}

export const MIN_RADIUS = 5;
export const MAX_RADIUS = 26;

/** Marker radius in pixels: MIN_RADIUS for none or unknown, area proportional to deaths, capped. */
export function fatalityRadius(fatalities: number | null | undefined): number {
  if (fatalities === null || fatalities === undefined || !Number.isFinite(fatalities) || fatalities <= 0)
    return MIN_RADIUS;
  return Math.min(MAX_RADIUS, MIN_RADIUS + 2.5 * Math.sqrt(fatalities));
}

/** Sample sizes for the legend. */
export const LEGEND_FATALITIES = [0, 5, 25, 100] as const;

export const LEGEND_TYPES: readonly { label: string; colour: string }[] = [
  ...EVENT_TYPES.map((t) => ({ label: t, colour: TYPE_COLOURS[t] })),
  { label: 'Other', colour: OTHER_COLOUR },
];

export const LEGEND_REVIEW: readonly { state: ReviewState; ring: RingStyle }[] = REVIEW_STATES.map((state) => ({
  state,
  ring: REVIEW_RINGS[state],
}));

/** Per-party colours for charts, in agreement order (Okabe-Ito again, black last). */
const PARTY_PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];

export function partyColour(index: number): string {
  return PARTY_PALETTE[((index % PARTY_PALETTE.length) + PARTY_PALETTE.length) % PARTY_PALETTE.length] as string;
}

/** "Nice" upper bound for a chart axis: 1, 2, 5, 10, 20, 50 ... at least the maximum. */
export function niceMax(max: number): number {
  if (!Number.isFinite(max) || max <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}
