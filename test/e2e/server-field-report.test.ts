/**
 * A monitor's field report from the outside: JSON and HTML form posts (with CSRF in the form), the
 * taxonomy check, the report written from the fields with exactly one event of provenance kind
 * field_report, corroboration with other events, visibility, and the audit entry.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { as, startHarness, type Harness, type Session } from './server-harness.js';

let h: Harness;
let monitor: Session;
let analyst: Session;
let liaisonA: Session;
let liaisonB: Session;

const FORM = {
  who: { actor1: 'Military Forces of Syria (2000-)', actor2: 'Opposition Rebels (Syria)' },
  what: { eventType: 'Explosions/Remote violence', subEventType: 'Shelling/artillery/missile attack' },
  where: { latitude: 35.15, longitude: 36.76, location: 'Kafr Zita', country: 'Syria', geoPrecision: 1 },
  when: { date: '2016-09-17', precision: 1 },
  fatalities: 2,
  source: 'UN monitor team Hama',
  confidence: 0.8,
  notes: 'Crater seen at the market; two graves dug the same day.',
  visibility: 'monitors',
};

before(async () => {
  h = await startHarness();
  monitor = await h.user('monitor@example.org', 'monitor');
  analyst = await h.user('analyst@example.org', 'analyst');
  liaisonA = await h.user('a@example.org', 'liaison', 'party-a');
  liaisonB = await h.user('b@example.org', 'liaison', 'party-b');
});
after(() => h.close());

const file = (s: Session | null, payload: object) =>
  h.app.inject({ method: 'POST', url: '/api/field-reports', headers: as(s), payload });

/** An HTML form post: flat dotted names, the CSRF token as a field, no x-csrf-token header. */
const formPost = (s: Session, fields: Record<string, string>, url = '/api/field-reports') =>
  h.app.inject({
    method: 'POST',
    url,
    headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    payload: new URLSearchParams(fields).toString(),
  });

const flat = (csrf: string | null, overrides: Record<string, string> = {}) => ({
  ...(csrf === null ? {} : { _csrf: csrf }),
  'who.actor1': 'Military Forces of Syria (2000-)',
  'who.actor2': '',
  'what.eventType': 'Battles',
  'what.subEventType': 'Armed clash',
  'where.latitude': '35.52',
  'where.longitude': '36.85',
  'where.location': 'Morek',
  'where.geoPrecision': '2',
  'when.date': '2016-09-18',
  fatalities: '',
  source: 'Monitor patrol',
  confidence: '0.6',
  notes: '',
  visibility: 'public',
  ...overrides,
});

describe('POST /api/field-reports', () => {
  it('stores a report written from the fields and exactly one field_report event, in an incident', async () => {
    const r = await file(monitor, FORM);
    assert.equal(r.statusCode, 201, r.body);
    const { reportId, eventId, incidentId } = r.json();
    assert.ok(incidentId, 'corroborated into an incident');
    const report = await h.store.getReport(reportId);
    assert.equal(report?.visibility, 'monitors');
    assert.equal(report?.sourceName, 'UN monitor team Hama');
    const stored = await h.store.getAnalysis(reportId);
    assert.equal(stored?.pipelineVersion, 'field-report-1');
    const body = stored!.analysis.report.body;
    assert.match(
      stored!.analysis.report.headline ?? '',
      /^Field report: Shelling\/artillery\/missile attack at Kafr Zita/,
    );
    assert.match(body, /^FIELD REPORT entered by a monitor/);
    assert.match(body, /Notes: Crater seen at the market/);
    const events = await h.store.listEvents({ reportId });
    assert.equal(events.length, 1);
    const [e] = events;
    assert.equal(e?.id, eventId);
    assert.equal(e?.provenance.kind, 'field_report');
    assert.equal(e?.fatalities, 2);
    assert.equal(e?.confidence, 0.8);
    assert.equal(e?.modality, 'asserted');
    if (e?.provenance.kind !== 'field_report') throw new Error('kind');
    assert.equal(body.slice(e.provenance.start, e.provenance.end), e.evidence);
    assert.match(e.evidence, /On 2016-09-17 .*Military Forces of Syria \(2000-\) against Opposition Rebels/);
    const api = await h.app.inject({ method: 'GET', url: `/api/events?limit=100`, headers: as(monitor) });
    const shown = api.json().items.find((x: { id: number }) => x.id === eventId);
    assert.equal(shown.provenance.kind, 'field_report');
    assert.equal(shown.provenance.reportId, reportId);
    const [entry] = await h.store.audit.list({ action: 'field_report.create' });
    assert.equal(entry?.subject, `report:${reportId}`);
  });

  it('is corroborated like any other event: a second source of the same shelling makes one incident', async () => {
    const first = await file(monitor, { ...FORM, when: { date: '2016-09-20' }, source: 'Team North' });
    const second = await file(h.admin, { ...FORM, when: { date: '2016-09-20' }, source: 'Hospital in Hama' });
    assert.equal(second.statusCode, 201, second.body);
    assert.equal(second.json().incidentId, first.json().incidentId);
    const incident = await h.store.getIncident(first.json().incidentId);
    assert.equal(incident?.eventIds.length, 2);
    assert.equal(incident?.grade, 'corroborated');
  });

  it('checks the form against the taxonomy and its ranges (E007 naming the field)', async () => {
    const cases: [object, RegExp][] = [
      [{ ...FORM, what: { eventType: 'Battles', subEventType: 'Air/drone strike' } }, /what\.subEventType/],
      [{ ...FORM, what: { eventType: 'Skirmish', subEventType: 'Armed clash' } }, /what\.eventType/],
      [{ ...FORM, where: { ...FORM.where, latitude: 123 } }, /where\.latitude/],
      [{ ...FORM, where: { ...FORM.where, geoPrecision: 4 } }, /where\.geoPrecision/],
      [{ ...FORM, when: { date: '2016-02-30' } }, /when\.date/],
      [{ ...FORM, confidence: 1.5 }, /confidence/],
      [{ ...FORM, fatalities: -1 }, /fatalities/],
      [{ ...FORM, visibility: 'restricted' }, /parties/],
    ];
    for (const [payload, where] of cases) {
      const r = await file(monitor, payload);
      assert.equal(r.statusCode, 400, r.body);
      assert.equal(r.json().code, 'E007');
      assert.match(r.json().message, where);
    }
  });

  it('is for monitors and admins only', async () => {
    assert.equal((await file(analyst, FORM)).statusCode, 403);
    assert.equal((await file(liaisonA, FORM)).statusCode, 403);
    assert.equal((await file(null, FORM)).statusCode, 401);
  });

  it('a restricted field report is seen by the party it is shared with, and no other', async () => {
    const r = await file(monitor, { ...FORM, visibility: 'restricted', parties: ['party-b'], source: 'Source B' });
    assert.equal(r.statusCode, 201, r.body);
    const { reportId, eventId } = r.json();
    const see = (s: Session) => h.app.inject({ method: 'GET', url: `/api/reports/${reportId}`, headers: as(s) });
    assert.equal((await see(liaisonB)).statusCode, 200);
    assert.equal((await see(liaisonA)).statusCode, 404);
    const events = await h.app.inject({ method: 'GET', url: '/api/events?limit=1000', headers: as(liaisonA) });
    assert.ok(!events.json().items.some((x: { id: number }) => x.id === eventId));
  });
});

describe('the HTML form post', () => {
  it('files with the CSRF token in the form and redirects a browser to the incident', async () => {
    const r = await formPost(monitor, flat(monitor.csrf));
    assert.equal(r.statusCode, 303, r.body);
    assert.match(r.headers.location as string, /^\/#\/incidents\/\d+$/);
    const e = (await h.store.listEvents({ reportId: r.json().reportId }))[0];
    assert.equal(e?.fatalities, null, 'an empty field is no value, not zero');
    assert.equal(e?.geo_precision, 2);
    assert.equal(e?.actor2, null);
  });

  it('refuses a form post without the token, or with another session token (E026), and writes nothing', async () => {
    const before = await h.store.countEvents();
    for (const csrf of [null, 'x'.repeat(64), liaisonA.csrf]) {
      const r = await formPost(monitor, flat(csrf));
      assert.equal(r.statusCode, 403, r.body);
      assert.equal(r.json().code, 'E026');
    }
    assert.equal(await h.store.countEvents(), before);
  });

  it('other routes do not take form bodies at all', async () => {
    const r = await formPost(monitor, { _csrf: monitor.csrf, kind: 'actor', value: 'Brigade' }, '/api/watchlist');
    assert.equal(r.statusCode, 415, r.body);
    assert.deepEqual(
      (await h.app.inject({ method: 'GET', url: '/api/watchlist', headers: as(monitor) })).json().items,
      [],
    );
  });
});
