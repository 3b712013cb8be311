/** Table tests of matching, clustering and grading, on hand-built events (invented incidents). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  clusterEvents,
  compareEvents,
  gradeIncident,
  loadIncidentRules,
  sideOf,
  summariseIncident,
  type IncidentEvent,
} from './index.js';

const rules = loadIncidentRules();
let nextId = 1;

/** An air strike in Aleppo city on 2016-09-12, reported by source `report:1`. */
function ev(overrides: Partial<IncidentEvent> = {}): IncidentEvent {
  const id = nextId++;
  return {
    id,
    sourceKey: 'report:1',
    documentKey: `report:${1000 + id}`,
    outlet: null,
    event_type: 'Explosions/Remote violence',
    sub_event_type: 'Air/drone strike',
    actor1: 'Military Forces of Syria (2000-2024)',
    assoc_actor_1: null,
    actor2: 'Civilians (Syria)',
    assoc_actor_2: null,
    location: 'Aleppo',
    admin1: 'Aleppo',
    country: 'Syria',
    latitude: 36.2021,
    longitude: 37.1343,
    geo_precision: 1,
    event_date: '2016-09-12',
    time_precision: 1,
    fatalities: 5,
    modality: 'asserted',
    source: null,
    evidence: 'Jets hit a market.',
    confidence: 0.8,
    ...overrides,
  };
}

describe('compareEvents', () => {
  const rows: [string, Partial<IncidentEvent>, Partial<IncidentEvent>, boolean, RegExp | null][] = [
    ['same strike, two sources', {}, { sourceKey: 'report:2' }, true, null],
    ['sub-types may differ within a type', {}, { sub_event_type: 'Shelling/artillery/missile attack' }, true, null],
    [
      'battle vs armed clash shelling is a documented pair',
      { event_type: 'Battles', sub_event_type: 'Non-state actor overtakes territory' },
      { sub_event_type: 'Shelling/artillery/missile attack' },
      true,
      null,
    ],
    [
      'strike vs attack on civilians is a documented pair',
      {},
      { event_type: 'Violence against civilians', sub_event_type: 'Attack' },
      true,
      null,
    ],
    [
      'protest vs strike never',
      {},
      { event_type: 'Protests', sub_event_type: 'Peaceful protest' },
      false,
      /incompatible types/,
    ],
    [
      'day inside a week-precision range',
      { event_date: '2016-09-14' },
      { event_date: '2016-09-12', time_precision: 2 },
      true,
      null,
    ],
    [
      'day after the week range (beyond slack)',
      { event_date: '2016-09-20' },
      { event_date: '2016-09-12', time_precision: 2 },
      false,
      /dates do not overlap/,
    ],
    [
      'day inside a month-precision range',
      { event_date: '2016-09-29' },
      { event_date: '2016-09-01', time_precision: 3 },
      true,
      null,
    ],
    ['one day apart is within slack', { event_date: '2016-09-13' }, {}, true, null],
    ['three days apart at day precision', { event_date: '2016-09-15' }, {}, false, /dates/],
    ['unknown date never matches', { event_date: null }, {}, false, /unknown/],
    // Aleppo city vs a point 40 km away: too far at precision 1, within 75 km at precision 3.
    ['40 km apart at precision 1', { latitude: 36.56, geo_precision: 1 }, {}, false, /km apart/],
    ['40 km apart, one at precision 3', { latitude: 36.56, geo_precision: 3 }, {}, true, null],
    [
      'different admin1 far away at precision 3',
      { latitude: 35.0, longitude: 36.0, admin1: 'Hama', geo_precision: 3 },
      {},
      false,
      /km apart/,
    ],
    ['same admin1 at precision 3 beyond 75 km', { latitude: 35.6, longitude: 37.9, geo_precision: 3 }, {}, true, null],
    ['no coordinates, same town name', { latitude: null, longitude: null, geo_precision: null }, {}, true, null],
    [
      'placed only in the country: too vague to merge',
      { location: 'Syria', admin1: null, geo_precision: 3 },
      {},
      false,
      /country level/,
    ],
    [
      'no province and no town on either side',
      { location: null, admin1: null, latitude: null, longitude: null },
      { location: null, admin1: null, latitude: null, longitude: null },
      false,
      /country level/,
    ],
    [
      'a battle vs shelling: actor order says nothing, not contested',
      { event_type: 'Battles', sub_event_type: 'Armed clash', actor1: 'Opposition Rebels (Syria)', actor2: null },
      {
        sub_event_type: 'Shelling/artillery/missile attack',
        actor1: 'Military Forces of Turkey (2016-)',
        actor2: 'YPG',
      },
      true,
      null,
    ],
    [
      'no coordinates, other town',
      { latitude: null, longitude: null, location: 'Idlib', admin1: 'Idlib' },
      {},
      false,
      /different places/,
    ],
    ['Russian or Syrian jets: allies, not contested', { actor1: 'Military Forces of Russia (2000-)' }, {}, true, null],
    [
      'Russian vs coalition jets: contested',
      { actor1: 'Military Forces of Russia (2000-)' },
      { actor1: 'Military Forces of the United States (2017-2021)' },
      true,
      /opposite sides/,
    ],
    ['unknown perpetrator agrees with anyone', { actor1: null }, {}, true, null],
    [
      'each side blames the other: contested',
      {
        event_type: 'Explosions/Remote violence',
        actor1: 'Opposition Rebels (Syria)',
        actor2: 'Military Forces of Syria (2000-2024)',
      },
      { actor2: 'Opposition Rebels (Syria)' },
      true,
      /opposite sides/,
    ],
    [
      'different attackers and different targets: two incidents',
      { actor1: 'IS: Islamic State', actor2: 'Opposition Rebels (Syria)' },
      { actor1: 'Military Forces of the United States (2017-2021)', actor2: 'IS: Islamic State' },
      false,
      /different parties/,
    ],
    [
      'clash actors in either order are one clash',
      {
        event_type: 'Battles',
        sub_event_type: 'Armed clash',
        actor1: 'Opposition Rebels (Syria)',
        actor2: 'Military Forces of Syria (2000-2024)',
      },
      { event_type: 'Battles', sub_event_type: 'Armed clash' },
      true,
      null,
    ],
  ];
  for (const [name, a, b, match, detail] of rows)
    it(name, () => {
      const c = compareEvents(ev(a), ev(b), rules);
      assert.equal(c.match, match, JSON.stringify(c));
      if (detail) assert.match(c.match ? (c.contested ?? '') : c.reason, detail);
      else if (c.match) assert.equal(c.contested, null);
    });
});

describe('clusterEvents and gradeIncident', () => {
  const grade = (events: IncidentEvent[]) => clusterEvents(events, rules).map((c) => gradeIncident(c.events, rules));

  it('same strike reported twice by independent sources: one corroborated incident', () => {
    const v = grade([ev({ fatalities: 5 }), ev({ sourceKey: 'report:2', fatalities: 9 })]);
    assert.equal(v.length, 1);
    assert.deepEqual(
      [v[0]!.grade, v[0]!.sources, v[0]!.fatalitiesLow, v[0]!.fatalitiesHigh],
      ['corroborated', 2, 5, 9],
    );
  });
  it('two events of one report are two incidents, however alike', () => {
    assert.equal(grade([ev({ documentKey: 'report:7' }), ev({ documentKey: 'report:7' })]).length, 2);
  });
  it('a copy of a story (same canonical source key) is not corroboration', () => {
    const v = grade([ev(), ev({ sourceKey: 'report:1' })]);
    assert.deepEqual([v.length, v[0]!.grade, v[0]!.sources], [1, 'single_source', 1]);
  });
  it('day vs week precision from two sources: one incident', () => {
    const v = grade([
      ev({ event_date: '2016-09-15' }),
      ev({ sourceKey: 'report:2', event_date: '2016-09-12', time_precision: 2 }),
    ]);
    assert.deepEqual(
      v.map((x) => x.grade),
      ['corroborated'],
    );
  });
  it('geo precision 3 vs 1 within 75 km: one incident; both precise and 40 km apart: two', () => {
    assert.equal(grade([ev(), ev({ sourceKey: 'report:2', latitude: 36.56, geo_precision: 3 })]).length, 1);
    assert.equal(grade([ev(), ev({ sourceKey: 'report:2', latitude: 36.56 })]).length, 2);
  });
  it('opposite perpetrators: one contested incident', () => {
    const v = grade([
      ev({ actor1: 'Military Forces of Russia (2000-)' }),
      ev({ sourceKey: 'report:2', actor1: 'Military Forces of the United States (2017-2021)' }),
    ]);
    assert.deepEqual([v.length, v[0]!.grade], [1, 'contested']);
  });
  it('a denial makes it contested, even from one source', () => {
    const v = grade([ev(), ev({ sourceKey: 'report:1', modality: 'denied', fatalities: null })]);
    assert.deepEqual([v.length, v[0]!.grade], [1, 'contested']);
  });
  it('planned, hypothetical and negated events form no incident', () => {
    assert.equal(
      grade([ev({ modality: 'planned' }), ev({ modality: 'negated' }), ev({ modality: 'hypothetical' })]).length,
      0,
    );
  });
  it('UCDP range: best is the median of one figure per source', () => {
    const v = grade([
      ev({ fatalities: 3 }),
      ev({ fatalities: 4 }),
      ev({ sourceKey: 'report:2', fatalities: 10 }),
      ev({ sourceKey: 'report:3', fatalities: 7 }),
      ev({ sourceKey: 'report:4', fatalities: null }),
    ]);
    assert.deepEqual([v[0]!.fatalitiesLow, v[0]!.fatalitiesBest, v[0]!.fatalitiesHigh, v[0]!.sources], [4, 7, 10, 4]);
  });
  it('complete link: a chain of neighbours does not become one incident', () => {
    // 0, 8 and 16 km north of Aleppo at precision 1: each touches the next, the ends are 16 km apart.
    const chain = [0, 0.072, 0.144].map((d, i) => ev({ sourceKey: `report:${i}`, latitude: 36.2021 + d }));
    assert.equal(clusterEvents(chain, rules).length, 2);
  });
  it('deterministic and incremental: input order does not matter; a new event never moves old ones', () => {
    const events = [
      ev(),
      ev({ sourceKey: 'report:2', event_date: '2016-09-13' }),
      ev({ location: 'Idlib', admin1: 'Idlib', latitude: 35.93, longitude: 36.63 }),
      ev({ sourceKey: 'report:3', latitude: 36.21 }),
    ];
    const ids = (cs: ReturnType<typeof clusterEvents>) => cs.map((c) => c.events.map((e) => e.id));
    const all = ids(clusterEvents(events, rules));
    assert.deepEqual(ids(clusterEvents([...events].reverse(), rules)), all);
    const before = ids(clusterEvents(events.slice(0, 3), rules));
    for (const [i, c] of before.entries()) assert.deepEqual(all[i]!.slice(0, c.length), c);
  });
  it('summary takes the most precise place and the span of days', () => {
    const s = summariseIncident([
      ev({ geo_precision: 3, latitude: 36.3, location: 'Aleppo province' }),
      ev({ event_date: '2016-09-12', time_precision: 2 }),
    ]);
    assert.deepEqual([s.location, s.first, s.last, s.geoPrecision], ['Aleppo', '2016-09-12', '2016-09-18', 1]);
  });
});

describe('sides.yaml', () => {
  it('every side pattern matches its own example', () => {
    for (const s of rules.sides) assert.equal(sideOf(s.example, rules), s.side, s.example);
  });
});
