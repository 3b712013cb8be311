/**
 * Source protection on the read side, from the outside. Two servers: one holds the public reports
 * only; the other holds them AND reports restricted to the opposition (one adds a far higher toll
 * to a public incident, one is an incident nobody else reported) and a monitors-only report, with
 * review states on the hidden incident. For the government's liaison and for the public, every read
 * route (list, page, counts, GeoJSON, CSV, findings, compliance, timeline, exports) must answer the
 * two servers byte for byte alike: nothing they receive depends on what they may not see.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { as, startHarness, type Harness, type Session } from './server-harness.js';
import {
  AGREEMENT,
  GOVERNMENT,
  MONITORS_SECRET,
  OPPOSITION,
  PROTECTED_SEEDS,
  PUBLIC_SEEDS,
  SECRETS,
  seed,
} from './read-fixtures.js';

let full: Harness;
let control: Harness;
const who = {} as Record<'gov' | 'opp' | 'monitor', { full: Session; control: Session }>;
let hiddenIncident: number;

before(async () => {
  [full, control] = await Promise.all([startHarness(), startHarness()]);
  await seed(control.store, PUBLIC_SEEDS);
  const ids = await seed(full.store, [...PUBLIC_SEEDS, ...PROTECTED_SEEDS]);
  const shelling = (await full.store.listEvents({ reportId: ids.secretShelling }))[0]!;
  hiddenIncident = (await full.store.incidents.incidentIdsOfEvents([shelling.id]))[0]!;
  // A monitor is reviewing the hidden incident and one of its findings.
  for (const [kind, id] of [
    ['incident', String(hiddenIncident)],
    ['finding', `${AGREEMENT}:cessation:${hiddenIncident}`],
  ] as const)
    await full.store.review.setReview(
      { subjectKind: kind, subjectId: id, state: 'under_review', updatedBy: null, commentId: null },
      'machine',
    );
  for (const [key, role, party] of [
    ['gov', 'liaison', GOVERNMENT],
    ['opp', 'liaison', OPPOSITION],
    ['monitor', 'monitor', undefined],
  ] as const) {
    const email = `${key}@example.org`;
    who[key] = { full: await full.user(email, role, party), control: await control.user(email, role, party) };
  }
});
after(async () => {
  await full?.close();
  await control?.close();
});

const get = (h: Harness, url: string, s: Session | null) => h.app.inject({ method: 'GET', url, headers: as(s) });

const FINDINGS = `/api/agreements/${AGREEMENT}/findings`;
const COMPLIANCE = `/api/agreements/${AGREEMENT}/compliance`;
const URLS = [
  '/api/incidents',
  '/api/incidents?format=geojson',
  '/api/incidents?format=csv',
  `/api/incidents?party=${GOVERNMENT}`,
  `/api/incidents?party=${OPPOSITION}&format=geojson`,
  '/api/incidents?grade=corroborated',
  '/api/incidents?grade=single_source&format=csv',
  '/api/incidents?review=under_review',
  '/api/incidents?review=machine',
  '/api/incidents?actor=Military&from=2016-09-01&to=2016-09-30',
  '/api/incidents?from=2016-09-15&to=2016-09-15&type=Explosions/Remote%20violence',
  '/api/exports?format=jsonl&from=2016-09-15&to=2016-09-15',
  '/api/incidents?near=35.93,36.63,20',
  '/api/incidents?bbox=36,35,37,36.5',
  '/api/incidents?type=Explosions/Remote%20violence',
  '/api/incidents?limit=1&offset=1',
  '/api/incidents/1',
  '/api/incidents/2',
  '/api/incidents/3',
  '/api/incidents/4',
  '/api/incidents/999',
  FINDINGS,
  `${FINDINGS}?party=${GOVERNMENT}`,
  `${FINDINGS}?party=russia&status=violation`,
  `${FINDINGS}?term=cessation&from=2016-09-16&to=2016-09-18`,
  `${FINDINGS}?review=under_review`,
  `${FINDINGS}?status=not_covered&limit=1000`,
  `/api/findings/${AGREEMENT}:cessation:1`,
  `/api/findings/${AGREEMENT}:cessation:3`,
  `/api/findings/${AGREEMENT}:cessation:4`,
  `/api/findings/${AGREEMENT}:cessation:e3`,
  `/api/findings/${AGREEMENT}:cessation:e5`,
  `/api/findings/${AGREEMENT}:aleppo-delivery:term`,
  COMPLIANCE,
  `${COMPLIANCE}?from=2016-09-12&to=2016-09-20`,
  `${COMPLIANCE}?to=2016-09-30`,
  '/api/exports?format=acled',
  '/api/exports?format=geojson',
  '/api/exports?format=jsonl',
  '/api/exports?format=jsonl&actor=Military&near=35.93,36.63,50',
  ...SECRETS.map((w) => `/api/incidents?actor=${encodeURIComponent(w)}`),
  ...SECRETS.map((w) => `/api/exports?format=jsonl&actor=${encodeURIComponent(w)}`),
  '/api/agreements',
];

describe('read routes: what a viewer may not see changes nothing they receive', () => {
  for (const viewer of ['gov', 'public'] as const) {
    it(`${viewer === 'gov' ? "the government's liaison" : 'the public'} gets identical answers from both servers`, async () => {
      for (const url of URLS) {
        const session = (h: 'full' | 'control') => (viewer === 'public' ? null : who[viewer][h]);
        const [a, b] = await Promise.all([get(full, url, session('full')), get(control, url, session('control'))]);
        assert.equal(a.statusCode, b.statusCode, `${viewer} ${url}: status`);
        assert.equal(a.body, b.body, `${viewer} ${url}: body`);
        assert.equal(a.headers['content-type'], b.headers['content-type'], `${viewer} ${url}: type`);
      }
    });

    it(`${viewer}: no answer carries a hidden word, and the hidden incident is missing`, async () => {
      const s = viewer === 'public' ? null : who[viewer].full;
      const bodies = (await Promise.all(URLS.map((u) => get(full, u, s)))).map((r) => r.body).join('\n');
      for (const word of [...SECRETS, MONITORS_SECRET]) assert.ok(!bodies.includes(word), `${viewer} saw ${word}`);
      const page = await get(full, `/api/incidents/${hiddenIncident}`, s);
      assert.equal(page.statusCode, 404);
      assert.equal(page.json().message, `Incident ${hiddenIncident} not found`);
    });
  }
});

describe('read routes: those entitled do see the protected reports (the test is not vacuous)', () => {
  it("the opposition's liaison sees its reports: the higher toll, the second source, the hidden incident", async () => {
    const s = who.opp.full;
    const list = (await get(full, '/api/incidents', s)).json();
    assert.ok(list.items.some((i: { id: number }) => i.id === hiddenIncident));
    const strike = list.items.find((i: { location: string }) => i.location === 'al-Shaar');
    assert.deepEqual(
      [strike.grade, strike.independentSources, strike.fatalitiesLow, strike.fatalitiesHigh, strike.sourceCount],
      ['corroborated', 2, 2, 30, 2],
    );
    const exported = (await get(full, '/api/exports?format=jsonl', s)).body;
    assert.ok(exported.includes('Sorrelbank'));
    assert.ok(!exported.includes(MONITORS_SECRET), 'not the monitors-only report');
    const findings = (await get(full, `${FINDINGS}?party=${GOVERNMENT}`, s)).json();
    assert.ok(findings.items.some((f: { incidentId: number }) => f.incidentId === hiddenIncident));
  });

  it('the government liaison and the public see the shared incident from the public report alone', async () => {
    for (const s of [who.gov.full, null]) {
      const strike = (await get(full, '/api/incidents', s))
        .json()
        .items.find((i: { location: string }) => i.location === 'al-Shaar');
      assert.deepEqual(
        [strike.grade, strike.independentSources, strike.fatalitiesLow, strike.fatalitiesHigh, strike.sourceCount],
        ['single_source', 1, 2, 2, 1],
      );
    }
  });

  it('a monitor sees everything, and the same route counts differ from the public view', async () => {
    const m = (await get(full, COMPLIANCE, who.monitor.full)).json();
    const p = (await get(full, COMPLIANCE, null)).json();
    assert.ok(m.incidentsAssessed > p.incidentsAssessed);
    const day = (b: {
      timeline: { day: string; parties: Record<string, { incidents: number; possible: number }> }[];
    }) => b.timeline.find((d) => d.day === '2016-09-17')?.parties[GOVERNMENT] ?? { incidents: 0, possible: 0 };
    assert.deepEqual(
      day(m),
      { incidents: 1, violations: 0, possible: 1 },
      'the hidden shelling counts for the monitors',
    );
    assert.deepEqual(day(p), { incidents: 0, possible: 0 });
    const exported = (await get(full, '/api/exports?format=acled', who.monitor.full)).body;
    assert.ok(exported.includes(MONITORS_SECRET) && exported.includes('Nightjar'));
  });
});
