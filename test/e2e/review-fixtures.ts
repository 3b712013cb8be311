/** Incidents made by hand for the review, comment and watchlist tests (invented events, own words). */
import type { AnalysisEvent } from '../../src/core/analysis.js';
import type { Store } from '../../src/store/store.js';
import { event, sample } from '../contract/fixtures.js';

export interface Seeded {
  readonly reportId: number;
  readonly eventId: number;
  readonly incidentId: number;
}

/** A clash between the Syrian army and the opposition in Hama during the September 2016 truce. */
export const CLASH: Partial<AnalysisEvent> = {
  event_type: 'Battles',
  sub_event_type: 'Armed clash',
  actor1: 'Military Forces of Syria (2000-)',
  actor2: 'Opposition Rebels (Syria)',
  location: 'Hama',
  admin1: 'Hama',
  country: 'Syria',
  latitude: 35.13,
  longitude: 36.75,
  event_date: '2016-09-14',
};

/** Stores one report with one event, and that event as an incident of its own. */
export async function seedIncident(
  store: Store,
  word: string,
  options: {
    visibility?: 'public' | 'monitors' | 'restricted';
    parties?: string[];
    event?: Partial<AnalysisEvent>;
  } = {},
): Promise<Seeded> {
  const [report, analysis, events] = sample(`${word} report\nFighting near ${word} went on all night.`, {
    events: [event({ ...CLASH, evidence: `Fighting near ${word}`, ...options.event })],
  });
  const put = await store.putReport({ ...report, visibility: options.visibility ?? 'public' }, analysis, events);
  await store.access.shareReport(put.id, options.parties ?? []);
  const [stored] = await store.listEvents({ reportId: put.id });
  const incidentId = await store.putIncident({
    grade: 'single_source',
    fatalitiesLow: 3,
    fatalitiesBest: 3,
    fatalitiesHigh: 3,
    eventIds: [stored!.id],
  });
  return { reportId: put.id, eventId: stored!.id, incidentId };
}
