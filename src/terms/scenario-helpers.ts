/** Hand-built incidents for the tests: one event per incident unless given more. */
import type { DateRange } from '../core/date.js';
import { eventDateRange } from './facts.js';
import type { AssessableEvent, AssessableIncident, IncidentGrade } from './incident.js';

export type EventSpec = Partial<Omit<AssessableEvent, 'date'>> & {
  day?: string;
  precision?: 1 | 2 | 3;
  date?: DateRange | null;
};

let n = 0;
export function event(spec: EventSpec): AssessableEvent {
  const { day, precision, ...rest } = spec;
  n++;
  return {
    id: `e${n}`,
    event_ids: [`SYR${n}`],
    event_type: 'Explosions/Remote violence',
    sub_event_type: 'Air/drone strike',
    actor1: null,
    assoc_actor_1: null,
    actor2: null,
    assoc_actor_2: null,
    location: null,
    country: 'Syria',
    latitude: null,
    longitude: null,
    geo_precision: 1,
    date: eventDateRange(day ?? '2016-09-14', precision ?? 1),
    fatalities: null,
    modality: 'asserted',
    source: 'Test Wire',
    evidence: 'Warplanes struck the district.',
    ...rest,
  };
}

export function incident(id: string, specs: EventSpec | EventSpec[], grade?: IncidentGrade): AssessableIncident {
  return { id, events: (Array.isArray(specs) ? specs : [specs]).map(event), grade };
}

/** Places used by the scenarios (approximate, invented events). */
export const PLACES = {
  shaar: { location: 'al-Shaar', latitude: 36.212, longitude: 37.18, geo_precision: 1 as const },
  aleppoCentre: { location: 'Aleppo', latitude: 36.2021, longitude: 37.1343, geo_precision: 3 as const },
  idlib: { location: 'Idlib', latitude: 35.93, longitude: 36.63, geo_precision: 3 as const },
  castello: { location: 'Castello Road', latitude: 36.247, longitude: 37.127, geo_precision: 1 as const },
  palmyra: { location: 'Palmyra', latitude: 34.56, longitude: 38.28, geo_precision: 1 as const },
  hama: { location: 'Hama', latitude: 35.13, longitude: 36.75, geo_precision: 1 as const },
};

export const SYRIA = 'Military Forces of Syria (2000-)';
export const RUSSIA = 'Military Forces of Russia (2000-)';
export const REBELS = 'Opposition Rebels (Syria)';
