/**
 * Builds documents by hand for the events tests: the upstream layers (entities, places, dates,
 * quotes) are made from small tables of surface strings, never by running the other stages.
 */
import type { ActorRef, CleanLayer, DateMention, Doc, Entity, PlaceMention, Quote } from '../../core/document.js';
import type { DateRange, IsoDay } from '../../core/date.js';
import { textSpan } from '../../core/span.js';
import { readSentences } from '../sentences/sentences.stage.js';

export interface PlaceSpec {
  readonly country: string;
  readonly countryName: string;
  readonly lat: number;
  readonly lon: number;
  readonly kind?: PlaceMention['kind'];
  readonly precision?: 1 | 2 | 3;
  readonly metonymFor?: string;
}

export interface DocSpec {
  readonly published?: string;
  readonly actors?: Readonly<Record<string, Partial<ActorRef> & { name: string }>>;
  readonly others?: Readonly<Record<string, string>>;
  readonly places?: Readonly<Record<string, PlaceSpec>>;
  readonly dates?: Readonly<Record<string, { first: string; last: string; precision: 1 | 2 | 3 }>>;
  readonly quotes?: readonly { text: string; speaker: string }[];
  readonly agency?: string;
}

/** Every non-overlapping occurrence of the table's keys, longest keys first. */
function occurrences(
  body: string,
  keys: readonly string[],
  taken: { start: number; end: number }[],
): { key: string; start: number; end: number }[] {
  const found: { key: string; start: number; end: number }[] = [];
  for (const key of [...keys].sort((a, b) => b.length - a.length)) {
    for (let i = body.indexOf(key); i >= 0; i = body.indexOf(key, i + 1)) {
      const span = { start: i, end: i + key.length };
      if (taken.some((t) => t.start < span.end && span.start < t.end)) continue;
      if (/[\p{L}]/u.test(body[i - 1] ?? '') || /[\p{L}]/u.test(body[span.end] ?? '')) continue;
      taken.push(span);
      found.push({ key, ...span });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

export function buildDoc(body: string, spec: DocSpec = {}): Doc {
  const published = (spec.published ?? null) as IsoDay | null;
  const clean: CleanLayer = {
    body,
    headline: null,
    byline: null,
    published,
    publishedFrom: published ? 'input' : null,
    removed: [],
    offsets: [],
    warnings: [],
    dateline: spec.agency ? { ...textSpan(body, 0, 0), place: null, agency: spec.agency } : null,
  };
  const taken: { start: number; end: number }[] = [];
  const entities: Entity[] = [
    ...occurrences(body, Object.keys(spec.actors ?? {}), taken).map((o) => {
      const a = spec.actors![o.key]!;
      return {
        ...textSpan(body, o.start, o.end),
        type: 'group' as const,
        canonical: a.name,
        via: 'dictionary' as const,
        actor: { name: a.name, side: a.side ?? null, country: a.country ?? null, generic: a.generic ?? false },
      };
    }),
    ...occurrences(body, Object.keys(spec.others ?? {}), taken).map((o) => ({
      ...textSpan(body, o.start, o.end),
      type: 'organization' as const,
      canonical: spec.others![o.key]!,
      via: 'dictionary' as const,
      actor: null,
    })),
  ].sort((a, b) => a.start - b.start);
  const places: PlaceMention[] = occurrences(body, Object.keys(spec.places ?? {}), []).map((o) => {
    const p = spec.places![o.key]!;
    return {
      ...textSpan(body, o.start, o.end),
      name: o.key,
      kind: p.kind ?? 'city',
      country: p.country,
      countryName: p.countryName,
      admin1: null,
      latitude: p.lat,
      longitude: p.lon,
      geoPrecision: p.precision ?? 1,
      metonymFor: p.metonymFor ?? null,
    };
  });
  const dates: DateMention[] = occurrences(body, Object.keys(spec.dates ?? {}), []).map((o) => ({
    ...textSpan(body, o.start, o.end),
    range: spec.dates![o.key]! as DateRange,
    relative: true,
  }));
  const quotes: Quote[] = (spec.quotes ?? []).map((q) => {
    const i = body.indexOf(q.text);
    if (i < 0) throw new Error(`quote not in body: ${q.text}`);
    return {
      ...textSpan(body, i, i + q.text.length),
      kind: 'indirect',
      speaker: q.speaker,
      speakerMention: null,
      cue: null,
    };
  });
  const countryContext = [...new Set(places.map((p) => p.country).filter((c): c is string => c !== null))];
  return {
    input: { raw: body, mediaType: 'text/plain', ...(published ? { published } : {}) },
    clean,
    // Single-sentence examples score low on the English test; the language gate is not under test here.
    sentences: { ...readSentences(body), english: true },
    entities: { entities, warnings: [] },
    places: { places, countryContext, warnings: [] },
    dates: { dates, warnings: [] },
    quotes: { quotes, warnings: [] },
  };
}
