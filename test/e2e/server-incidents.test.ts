/**
 * GET /api/incidents (JSON, GeoJSON, CSV; filters), GET /api/incidents/:id and GET /api/exports,
 * from the outside, as a monitor who sees every report (the leak test covers other viewers), and
 * bad input answered with the catalogue's code and the name of what is wrong.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { as, startHarness, type Harness, type Session } from './server-harness.js';
import { AGREEMENT, GOVERNMENT, OPPOSITION, PROTECTED_SEEDS, PUBLIC_SEEDS, seed } from './read-fixtures.js';

let h: Harness;
let monitor: Session;
const idOf: Record<string, number> = {};

before(async () => {
  h = await startHarness();
  await seed(h.store, [...PUBLIC_SEEDS, ...PROTECTED_SEEDS]);
  monitor = await h.user('monitor@example.org', 'monitor');
  for (const i of (await get('/api/incidents')).json().items) idOf[i.location] = i.id;
  await h.store.review.setReview(
    { subjectKind: 'incident', subjectId: String(idOf.Hama), state: 'under_review', updatedBy: null, commentId: null },
    'machine',
  );
});
after(() => h.close());

const get = (url: string, s: Session | null = monitor) => h.app.inject({ method: 'GET', url, headers: as(s) });
const locations = async (query: string) =>
  (await get(`/api/incidents?${query}`)).json().items.map((i: { location: string }) => i.location);

describe('GET /api/incidents', () => {
  it('lists incidents newest first, each with its dates, place, grade, fatality range, parties and review', async () => {
    const r = await get('/api/incidents');
    assert.equal(r.statusCode, 200);
    const body = r.json();
    assert.deepEqual(
      body.items.map((i: { location: string }) => i.location),
      ['Sorrelbank', 'Daraa', 'Hama', 'al-Shaar'], // by last day, then the higher id
    );
    assert.deepEqual(
      [body.total, body.limit, body.offset, body.truncated, body.agreementId],
      [4, 100, 0, false, AGREEMENT],
    );
    const strike = body.items.find((i: { location: string }) => i.location === 'al-Shaar');
    assert.deepEqual(strike.date, { start: '2016-09-14', end: '2016-09-15', precision: 1 });
    assert.deepEqual(
      [
        strike.grade,
        strike.independentSources,
        strike.sourceCount,
        strike.fatalitiesLow,
        strike.fatalitiesBest,
        strike.fatalitiesHigh,
      ],
      ['corroborated', 2, 2, 2, 2, 30],
    );
    assert.deepEqual([strike.latitude, strike.longitude, strike.geoPrecision], [36.212, 37.18, 1]);
    assert.deepEqual(
      [strike.eventType, strike.actor1, strike.parties],
      ['Explosions/Remote violence', 'Military Forces of Syria (2000-)', [GOVERNMENT]],
    );
    const hama = body.items.find((i: { location: string }) => i.location === 'Hama');
    assert.deepEqual([hama.parties, hama.reviewState], [[GOVERNMENT, OPPOSITION], 'under_review']);
    assert.equal(strike.reviewState, 'machine');
  });

  // [query, the incidents it must give, by place]
  const FILTERS: [string, string[]][] = [
    ['type=Battles', ['Daraa', 'Hama']],
    ['from=2016-09-16', ['Sorrelbank', 'Daraa']],
    ['to=2016-09-14', ['al-Shaar']],
    ['from=2016-09-15&to=2016-09-15', ['Hama', 'al-Shaar']],
    ['bbox=36.5,35.5,36.8,36.1', ['Sorrelbank']],
    ['near=35.13,36.75,10', ['Hama']],
    ['actor=nightjar', ['al-Shaar']],
    ['actor=Opposition%20Rebels', ['Daraa', 'Hama']],
    ['grade=corroborated', ['al-Shaar']],
    ['grade=single_source', ['Sorrelbank', 'Daraa', 'Hama']],
    [`party=${OPPOSITION}`, ['Daraa', 'Hama']],
    ['party=russia', []],
    ['review=under_review', ['Hama']],
    ['review=machine&type=Battles', ['Daraa']],
    ['limit=2&offset=1', ['Daraa', 'Hama']],
    ["actor=Syria'%20OR%201=1%20--", []],
  ];
  for (const [query, expected] of FILTERS)
    it(`filters: ${query}`, async () => assert.deepEqual(await locations(query), expected));

  it('counts every match, whatever the page', async () => {
    const body = (await get('/api/incidents?limit=1&type=Battles')).json();
    assert.deepEqual([body.items.length, body.total], [1, 2]);
  });

  it('GeoJSON: a FeatureCollection of [lon, lat] points with the item as properties', async () => {
    const r = await get('/api/incidents?format=geojson&type=Battles');
    assert.equal(r.statusCode, 200);
    assert.match(String(r.headers['content-type']), /^application\/geo\+json/);
    const g = r.json();
    assert.deepEqual([g.type, g.total, g.features.length], ['FeatureCollection', 2, 2]);
    const hama = g.features.find((f: { properties: { location: string } }) => f.properties.location === 'Hama');
    assert.deepEqual(hama.geometry, { type: 'Point', coordinates: [36.75, 35.13] });
    assert.deepEqual([hama.id, hama.properties.id, hama.properties.latitude], [idOf.Hama, idOf.Hama, undefined]);
  });

  it('CSV: the columns of truce incidents, then parties and review state', async () => {
    const r = await get('/api/incidents?format=csv&type=Battles');
    assert.match(String(r.headers['content-type']), /^text\/csv/);
    assert.match(String(r.headers['content-disposition']), /attachment; filename="incidents.csv"/);
    const [head, ...rows] = r.body.trimEnd().split('\r\n');
    assert.match(head!, /^incident_id,grade,first_date,.*,contested_because,parties,review_state$/);
    assert.equal(rows.length, 2);
    const hama = rows.find((x) => x.startsWith(`${idOf.Hama},`))!;
    assert.match(hama, new RegExp(`,${GOVERNMENT}; ${OPPOSITION},under_review$`));
  });

  // [query, field the message must name]
  const BAD: [string, RegExp][] = [
    ['bbox=1,2,3', /Invalid value for bbox: expected west,south,east,north/],
    ['bbox=west,south,east,north', /Invalid value for bbox/],
    ['bbox=200,0,201,1', /Invalid value for bbox\.west/],
    ['bbox=0,10,1,5', /Invalid value for bbox: south is north of north/],
    ['near=35,36', /Invalid value for near: expected lat,lon,km/],
    ['near=35,36,-5', /Invalid value for near\.km/],
    ['from=2016-13-01', /Invalid value for from: not a day of the calendar/],
    ['to=yesterday', /Invalid value for to: expected a day YYYY-MM-DD/],
    ['from=2016-09-20&to=2016-09-10', /Invalid value for from\/to: from 2016-09-20 is after to 2016-09-10/],
    ['type=Airstrikes', /Invalid value for type/],
    ['grade=great', /Invalid value for grade/],
    ['review=approved', /Invalid value for review/],
    ['party=nobody', /Invalid value for party: the active agreement syria-2016-09-arrangement has no party "nobody"/],
    ['format=xml', /Invalid value for format/],
    ['limit=0', /Invalid value for limit/],
    ['colour=red', /Unrecognized key/],
  ];
  for (const [query, message] of BAD)
    it(`refuses ${query} with E007 naming it`, async () => {
      const r = await get(`/api/incidents?${query}`);
      assert.equal(r.statusCode, 400, r.body);
      assert.equal(r.json().code, 'E007');
      assert.match(r.json().message, message);
    });
});

describe('GET /api/incidents/:id', () => {
  it('gives the visible events, each source with its report and evidence span, the findings and review', async () => {
    const r = await get(`/api/incidents/${idOf['al-Shaar']}`);
    assert.equal(r.statusCode, 200);
    const d = r.json();
    assert.deepEqual(
      [d.id, d.agreementId, d.review.state, d.events.length],
      [idOf['al-Shaar'], AGREEMENT, 'machine', 2],
    );
    assert.deepEqual(
      d.sources.map((s: { sourceName: string; fatalities: number }) => [s.sourceName, s.fatalities]),
      [
        ['Open Wire', 2],
        ['Quiet Network', 30],
      ],
    );
    for (const s of d.sources) {
      const report = (await get(`/api/reports/${s.report.id}`)).json();
      assert.equal(report.analysis.report.body.slice(s.span.start, s.span.end), s.sentence, 'the span is the sentence');
      assert.equal(s.report.headline, report.analysis.report.headline);
      assert.equal(s.origin, `report:${s.report.id}`);
    }
    const f = d.findings.find((x: { term: string }) => x.term === 'cessation');
    assert.deepEqual(
      [f.id, f.status, f.party, f.answerable, f.incidentId, f.reviewState],
      [`${AGREEMENT}:cessation:${d.id}`, 'violation', GOVERNMENT, 'russia', d.id, 'machine'],
    );
    assert.match(f.explanation, /prohibited by term cessation/);
    assert.ok(d.findings.every((x: { status: string }) => x.status !== 'not_covered'));
  });

  it('answers a missing incident with 404 and a malformed id with 400', async () => {
    const missing = await get('/api/incidents/999999');
    assert.deepEqual(
      [missing.statusCode, missing.json().code, missing.json().message],
      [404, 'E022', 'Incident 999999 not found'],
    );
    const bad = await get('/api/incidents/abc');
    assert.deepEqual([bad.statusCode, bad.json().code], [400, 'E007']);
  });
});

describe('GET /api/exports', () => {
  it('streams ACLED CSV, GeoJSON and JSON Lines of the events, filtered', async () => {
    const acled = await get('/api/exports?format=acled');
    assert.match(String(acled.headers['content-type']), /^text\/csv/);
    assert.match(String(acled.headers['content-disposition']), /filename="events.csv"/);
    const lines = acled.body.trimEnd().split('\n');
    assert.match(lines[0]!, /^data_id,iso,event_id_cnty,/);
    assert.equal(lines.length, 1 + 5);
    const geo = JSON.parse((await get('/api/exports?format=geojson')).body);
    assert.deepEqual([geo.type, geo.features.length], ['FeatureCollection', 5]);
    const jsonl = (await get('/api/exports?format=jsonl&type=Battles')).body
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(jsonl.map((e: { location: string }) => e.location).sort(), ['Daraa', 'Hama']);
  });

  it('refuses a bad filter before it starts to stream', async () => {
    const r = await get('/api/exports?format=jsonl&bbox=0,10,1,5');
    assert.deepEqual([r.statusCode, r.json().code], [400, 'E007']);
    assert.match(r.json().message, /bbox/);
    assert.equal((await get('/api/exports?format=xls')).statusCode, 400);
  });
});
