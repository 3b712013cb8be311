/**
 * ACLED field scoring for one notes text. ACLED may code several events from one text, so each
 * field of our main event is right when it matches that field of ANY gold row for the text.
 */
import { kmBetween } from '../fixture/score.js';

export interface GoldEvent {
  /** Today's event types a prediction may have (an old type can map to two). */
  readonly types: readonly string[];
  readonly subType: string | null;
  readonly actor1: string;
  readonly actor2: string;
  readonly latitude: number;
  readonly longitude: number;
  /** YYYY-MM-DD */
  readonly date: string;
  readonly precision: 1 | 2 | 3;
  readonly fatalities: number;
  /** ACLED's place name (`location` column), admin regions and geo_precision: for error analysis only, never scored. */
  readonly location?: string;
  readonly admin1?: string;
  readonly admin2?: string;
  readonly geoPrecision?: number;
}

export interface PredictedEvent {
  readonly type: string;
  readonly subType: string;
  readonly actor1: string | null;
  readonly actor2: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  /** Representative day YYYY-MM-DD, or null when unresolved. */
  readonly date: string | null;
  readonly fatalities: number | null;
}

export const FIELDS = ['type', 'actor1', 'actor2', 'location', 'fatalities', 'date'] as const;
export type Field = (typeof FIELDS)[number];

/** ACLED's actor names without the "(2014-)" / "(1989-2016)" period suffix, case and accents folded. */
export function actorKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s*\(\d{4}-(\d{4})?\)/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const DAY = 86_400_000;

/** Day precision: the same day; week: within 6 days; month: the same calendar month. */
export function dateWithin(predicted: string, gold: string, precision: 1 | 2 | 3): boolean {
  if (precision === 3) return predicted.slice(0, 7) === gold.slice(0, 7);
  const days = Math.abs(Date.parse(predicted) - Date.parse(gold)) / DAY;
  return days <= (precision === 1 ? 0 : 6);
}

export function fieldMatches(field: Field, gold: GoldEvent, p: PredictedEvent): boolean {
  switch (field) {
    case 'type':
      return gold.types.includes(p.type);
    case 'actor1':
      return p.actor1 !== null && actorKey(p.actor1) === actorKey(gold.actor1);
    case 'actor2':
      // An event with no second actor is right when ACLED has none either.
      return gold.actor2.trim() === ''
        ? p.actor2 === null
        : p.actor2 !== null && actorKey(p.actor2) === actorKey(gold.actor2);
    case 'location':
      return (
        p.latitude !== null &&
        p.longitude !== null &&
        kmBetween(gold.latitude, gold.longitude, p.latitude, p.longitude) <= 25
      );
    case 'fatalities':
      // ACLED codes 0 when no death is reported; our null means the same.
      return (p.fatalities ?? 0) === gold.fatalities;
    case 'date':
      return p.date !== null && dateWithin(p.date, gold.date, gold.precision);
  }
}

/** Per field: does our main event match some gold row of the text? No event = every field wrong. */
export function scoreText(golds: readonly GoldEvent[], p: PredictedEvent | null): Record<Field, boolean> {
  return Object.fromEntries(FIELDS.map((f) => [f, p !== null && golds.some((g) => fieldMatches(f, g, p))])) as Record<
    Field,
    boolean
  >;
}

/** The gold sub-type a text is scored against: ours when ACLED coded it for the text, else the first row's. */
export function goldSubType(golds: readonly GoldEvent[], p: PredictedEvent | null): string {
  const subs = golds.map((g) => g.subType ?? '');
  return p && subs.includes(p.subType) ? p.subType : subs[0]!;
}

/** The last day (Sunday) of the ISO week containing `day`: the publication date relative dates resolve against. */
export function weekEnd(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const toSunday = (7 - d.getUTCDay()) % 7;
  return new Date(d.getTime() + toSunday * DAY).toISOString().slice(0, 10);
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** ACLED's date spellings: "21 March 2020", "2016-07-02", "01-February-2017". Null when unreadable. */
export function parseAcledDate(value: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (iso) return value.trim();
  const m = /^(\d{1,2})[\s-]+([A-Za-z]+)[\s-]+(\d{4})$/.exec(value.trim());
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase());
  if (month < 0) return null;
  return `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}
