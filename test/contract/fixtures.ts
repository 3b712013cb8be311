/** Hand-built reports, analyses and events for the store contract (invented events, own words). */
import type { Analysis, AnalysisEvent } from '../../src/core/analysis.js';
import type { NewAnalysis, NewReport } from '../../src/store/types.js';

export function event(overrides: Partial<AnalysisEvent> = {}): AnalysisEvent {
  return {
    event_type: 'Explosions/Remote violence',
    sub_event_type: 'Air/drone strike',
    actor1: 'Military Forces of Syria (2000-2024)',
    assoc_actor_1: null,
    actor2: null,
    assoc_actor_2: null,
    location: 'Aleppo',
    admin1: 'Aleppo',
    country: 'Syria',
    latitude: 36.2021,
    longitude: 37.1343,
    geo_precision: 1,
    event_date: '2016-09-12',
    time_precision: 1,
    fatalities: 3,
    modality: 'asserted',
    source: 'Reuters',
    evidence: 'Jets struck a market in Aleppo.',
    start: 0,
    end: 31,
    confidence: 0.8,
    ...overrides,
  };
}

export function analysis(headline: string | null, body: string, events: AnalysisEvent[] = []): Analysis {
  return {
    report: { headline, published: '2016-09-13', dateline: null, body, removed: [] },
    entities: [],
    quotes: [],
    events,
    warnings: [],
  };
}

/** A report with its analysis and events, ready for putReport. */
export function sample(
  raw: string,
  options: { headline?: string | null; version?: string; events?: AnalysisEvent[]; source?: string } = {},
): [NewReport, NewAnalysis, AnalysisEvent[]] {
  const events = options.events ?? [event()];
  const body = raw.replace(/^[^\n]*\n/, '');
  const headline = options.headline === undefined ? (raw.split('\n')[0] ?? null) : options.headline;
  return [
    { raw, mediaType: 'text/plain', sourceName: options.source ?? 'Reuters', published: '2016-09-13' },
    { pipelineVersion: options.version ?? '0.1.0', analysis: analysis(headline, body, events) },
    events,
  ];
}

export function omit<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Omit<T, K> {
  const copy: Partial<T> = { ...value };
  for (const k of keys) delete copy[k];
  return copy as Omit<T, K>;
}
