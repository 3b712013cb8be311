/** Table tests of source identity and independence (ADR 0008), on invented reports. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  clusterEvents,
  gradeIncident,
  independentSources,
  loadIncidentRules,
  maxIndependent,
  provenanceKeys,
  sourceId,
  type IncidentEvent,
} from './index.js';

const rules = loadIncidentRules();
const ids = rules.identities;

describe('sourceId', () => {
  const rows: [string, string, string | null][] = [
    ['an agency by name', 'Reuters', 'reuters'],
    ['another spelling of it', 'Thomson Reuters', 'reuters'],
    ['its domain', 'reuters.com', 'reuters'],
    ['a subdomain', 'uk.reuters.com', 'reuters'],
    ['a URL', 'https://www.reuters.com/article/x-idUSKCN0', 'reuters'],
    ['case, accents and a leading "the"', 'The Associated Press', 'ap'],
    ['a monitor by its short name', 'the Observatory', 'sohr'],
    ['the monitor under a long description', 'British-based Syrian Observatory for Human Rights', 'sohr'],
    ["the monitor's director speaking for it", 'Rami Abdulrahman', 'sohr'],
    ["a party's news agency", 'Amaq News Agency', 'amaq'],
    ['Syrian state TV and SANA are one origin', 'Syrian state television', 'syrian-state-media'],
    ['an unknown name is its own identity', 'Interior Ministry', 'interior ministry'],
    ['an ACLED period suffix is dropped', 'Military Forces of Syria (2000-2024)', 'military forces of syria'],
    ['an unknown domain keeps its host, without www', 'https://www.example.org/news/1', 'example.org'],
    ['plural witnesses name nobody', 'witnesses', null],
    ['nor does a described single source', 'a senior security source', null],
    ['nor officials of a country', 'U.S. officials', null],
    ['nor an unnamed source of an institution', 'Military Forces of Syria (unnamed source)', null],
    ['nor an undetermined monitor', 'monitoring group', null],
    ['nor nothing', '  ', null],
  ];
  for (const [name, raw, expected] of rows) it(name, () => assert.equal(sourceId(raw, ids), expected));
});

let nextId = 1;
/** The same air strike in Aleppo, as some report or dataset row tells it. */
function ev(from: Pick<IncidentEvent, 'sourceKey' | 'outlet' | 'source'>): IncidentEvent {
  const id = nextId++;
  return {
    id,
    documentKey: `doc:${id}`,
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
    evidence: 'Jets hit a market.',
    confidence: 0.8,
    ...from,
  };
}
const report = (story: number, outlet: string | null, source: string | null = null) =>
  ev({ sourceKey: `report:${story}`, outlet, source });
const dataset = (name: string, source: string | null) => ev({ sourceKey: `dataset:${name}`, outlet: null, source });

describe('independentSources', () => {
  const rows: [string, IncidentEvent[], number][] = [
    ['one report', [report(1, 'Reuters')], 1],
    ['a copy and its canonical (one story key)', [report(1, 'Reuters'), report(1, 'example.org')], 1],
    ['two stories of one outlet', [report(1, 'Reuters'), report(2, 'Reuters')], 1],
    ['one outlet under its name and its domain', [report(1, 'Reuters'), report(2, 'uk.reuters.com')], 1],
    ['two outlets reporting on their own', [report(1, 'Reuters'), report(2, 'AFP')], 2],
    [
      'two outlets relaying one monitor',
      [report(1, 'Reuters', 'Syrian Observatory for Human Rights'), report(2, 'AFP', 'the Observatory')],
      1,
    ],
    [
      'two outlets relaying two different origins',
      [report(1, 'Reuters', 'Syrian Observatory for Human Rights'), report(2, 'AFP', 'White Helmets')],
      2,
    ],
    ['an outlet citing the other outlet', [report(1, 'Reuters'), report(2, 'BBC', 'Reuters')], 1],
    [
      'two outlets citing witnesses (not one origin)',
      [report(1, 'Reuters', 'witnesses'), report(2, 'AFP', 'residents')],
      2,
    ],
    [
      'a party claim relayed by two outlets is one claim',
      [report(1, 'Reuters', 'Amaq'), report(2, 'AFP', 'Amaq News Agency')],
      1,
    ],
    ['unknown outlets: each story counts (no evidence they are one)', [report(1, null), report(2, null)], 2],
    [
      'two outlets, two monitors, crossed: the best pairing counts two',
      [
        report(1, 'Reuters', 'Syrian Observatory for Human Rights'),
        report(2, 'Reuters', 'White Helmets'),
        report(3, 'AFP', 'Syrian Observatory for Human Rights'),
        report(4, 'AFP', 'White Helmets'),
      ],
      2,
    ],
    ['an ACLED row coded from the same outlet', [report(1, 'Reuters'), dataset('acled', 'Reuters; SOHR')], 1],
    ['an ACLED row coded from other outlets', [report(1, 'Reuters'), dataset('acled', 'Al Jazeera; SNHR')], 2],
    ['a GDELT row from the same site', [report(1, 'reuters.com'), dataset('gdelt', 'https://www.reuters.com/a')], 1],
    ['two datasets relaying one outlet', [dataset('acled', 'AFP'), dataset('ucdp', 'Agence France-Presse')], 1],
  ];
  for (const [name, events, expected] of rows)
    it(name, () =>
      assert.equal(
        independentSources(events, rules),
        expected,
        JSON.stringify(events.map((e) => provenanceKeys(e, rules))),
      ),
    );
});

describe('gradeIncident with outlets', () => {
  const grade = (events: IncidentEvent[]) => clusterEvents(events, rules).map((c) => gradeIncident(c.events, rules));
  it('two Reuters stories of one strike: one incident, single source, two stories', () => {
    const v = grade([report(1, 'Reuters'), report(2, 'Reuters')]);
    assert.deepEqual(
      v.map((x) => [x.grade, x.sources, x.stories]),
      [['single_source', 1, 2]],
    );
  });
  it('Reuters and AFP each with their own origin: corroborated', () => {
    const v = grade([report(1, 'Reuters', 'White Helmets'), report(2, 'AFP', 'SANA')]);
    assert.deepEqual(
      v.map((x) => [x.grade, x.sources]),
      [['corroborated', 2]],
    );
  });
  it('Reuters and AFP both relaying the Observatory: single source', () => {
    const v = grade([report(1, 'Reuters', 'SOHR'), report(2, 'AFP', 'Syrian Observatory for Human Rights')]);
    assert.deepEqual(
      v.map((x) => [x.grade, x.sources]),
      [['single_source', 1]],
    );
  });
  it('fatalities keep one figure per story, whatever the independence', () => {
    const v = grade([
      { ...report(1, 'Reuters', 'SOHR'), fatalities: 4 },
      { ...report(2, 'AFP', 'SOHR'), fatalities: 9 },
    ]);
    assert.deepEqual([v[0]!.fatalitiesLow, v[0]!.fatalitiesHigh, v[0]!.sources], [4, 9, 1]);
  });
});

describe('maxIndependent', () => {
  /** Every subset, checked: the reference for small inputs. */
  const brute = (sets: string[][]): number => {
    let best = 0;
    for (let mask = 0; mask < 1 << sets.length; mask++) {
      const used = new Set<string>();
      let ok = true;
      let n = 0;
      for (let i = 0; i < sets.length && ok; i++) {
        if (!(mask & (1 << i))) continue;
        if (sets[i]!.some((k) => used.has(k))) ok = false;
        sets[i]!.forEach((k) => used.add(k));
        n++;
      }
      if (ok) best = Math.max(best, n);
    }
    return best;
  };
  it('equals the brute-force maximum on small random key sets', () => {
    const key = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g');
    fc.assert(
      fc.property(fc.array(fc.uniqueArray(key, { minLength: 1, maxLength: 3 }), { maxLength: 9 }), (sets) => {
        assert.equal(maxIndependent(sets), brute(sets));
      }),
      { numRuns: 300 },
    );
  });
});
