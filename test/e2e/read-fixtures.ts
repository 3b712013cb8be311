/**
 * Invented reports for the read-side API tests (incidents, findings, compliance, exports), stored
 * through the Store API and joined into incidents as ingest would. Places are real; events invented.
 *
 * Public: a government air strike on a market in eastern Aleppo (14 Sep 2016) and a rebel attack
 * near Hama (15 Sep). Restricted to the opposition: a second account of the Aleppo strike with a far
 * higher toll (it joins the public incident), and a shelling nobody else reported (17 Sep). Monitors
 * only: a clash in Daraa (16 Sep). Each protected report carries its own secret word.
 */
import type { AnalysisEvent } from '../../src/core/analysis.js';
import { corroborateAll } from '../../src/services/corroborate.service.js';
import type { Store, Visibility } from '../../src/store/store.js';
import { event, sample } from '../contract/fixtures.js';

export const GOV = 'Military Forces of Syria (2000-)';
export const OPPOSITION = 'opposition';
export const GOVERNMENT = 'syrian-government';
export const AGREEMENT = 'syria-2016-09-arrangement';
/** Words that appear only in the opposition's restricted reports, and in the monitors-only one. */
export const SECRETS = ['Nightjar', 'Sorrelbank', 'Quiet Network'] as const;
export const MONITORS_SECRET = 'Marblefin';

export const strike = event({
  actor1: GOV,
  location: 'al-Shaar',
  admin1: 'Aleppo',
  latitude: 36.212,
  longitude: 37.18,
  event_date: '2016-09-14',
  fatalities: 2,
  source: 'Open Wire',
  evidence: 'Jets struck the al-Shaar market on Wednesday, killing two people.',
});

const attack = event({
  event_type: 'Battles',
  sub_event_type: 'Armed clash',
  actor1: 'Opposition Rebels (Syria)',
  actor2: GOV,
  location: 'Hama',
  admin1: 'Hama',
  latitude: 35.13,
  longitude: 36.75,
  event_date: '2016-09-15',
  fatalities: 4,
  source: 'Open Wire',
  evidence: 'Rebels attacked an army post near Hama on Thursday.',
});

const secretStrike = event({
  ...strike,
  // A day later and with an associate of its own: filters on either must not find the incident for outsiders.
  event_date: '2016-09-15',
  assoc_actor_1: 'Nightjar Squadron',
  fatalities: 30,
  source: 'Quiet Network',
  evidence: 'Nightjar observers counted thirty dead at the al-Shaar market.',
});

const secretShelling = event({
  sub_event_type: 'Shelling/artillery/missile attack',
  actor1: GOV,
  location: 'Sorrelbank',
  admin1: 'Idlib',
  latitude: 35.93,
  longitude: 36.63,
  event_date: '2016-09-17',
  fatalities: 6,
  source: 'Quiet Network',
  evidence: 'Nightjar observers saw shells fall on Sorrelbank.',
});

const monitorsClash = event({
  event_type: 'Battles',
  sub_event_type: 'Armed clash',
  actor1: 'Opposition Rebels (Syria)',
  actor2: GOV,
  location: 'Daraa',
  admin1: 'Daraa',
  latitude: 32.62,
  longitude: 36.1,
  event_date: '2016-09-16',
  fatalities: 1,
  source: 'Marblefin Desk',
  evidence: 'A Marblefin patrol reported a clash in Daraa.',
});

interface Seed {
  readonly key: string;
  readonly text: string;
  readonly source: string;
  readonly visibility: Visibility;
  readonly parties: readonly string[];
  readonly events: AnalysisEvent[];
}

const spanned = (e: AnalysisEvent, body: string): AnalysisEvent => {
  const start = body.indexOf(e.evidence);
  return { ...e, start, end: start + e.evidence.length };
};

/** In insertion order: the public reports first, so their ids are the same with or without the rest. */
export const PUBLIC_SEEDS: readonly Seed[] = [
  { key: 'strike', text: 'Market hit', source: 'Open Wire', visibility: 'public', parties: [], events: [strike] },
  { key: 'attack', text: 'Post attacked', source: 'Open Wire', visibility: 'public', parties: [], events: [attack] },
];
export const PROTECTED_SEEDS: readonly Seed[] = [
  {
    key: 'secretStrike',
    text: 'Toll at the market',
    source: 'Quiet Network',
    visibility: 'restricted',
    parties: [OPPOSITION],
    events: [secretStrike],
  },
  {
    key: 'secretShelling',
    text: 'Shells at night',
    source: 'Quiet Network',
    visibility: 'restricted',
    parties: [OPPOSITION],
    events: [secretShelling],
  },
  {
    key: 'monitorsClash',
    text: 'Patrol note',
    source: 'Marblefin Desk',
    visibility: 'monitors',
    parties: [],
    events: [monitorsClash],
  },
];

/** Stores the reports (each body holds its events' evidence sentences) and corroborates them. */
export async function seed(store: Store, seeds: readonly Seed[]): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  for (const s of seeds) {
    const body = `Filed from the region.\n${s.events.map((e) => e.evidence).join(' ')}\nEnd of note.`;
    const [report, analysis] = sample(`${s.text}\n${body}`, { source: s.source });
    const events = s.events.map((e) => spanned(e, body));
    const put = await store.putReport(
      { ...report, visibility: s.visibility },
      { ...analysis, analysis: { ...analysis.analysis, events } },
      events,
    );
    await store.access.shareReport(put.id, s.parties);
    ids[s.key] = put.id;
  }
  await corroborateAll(store);
  return ids;
}
