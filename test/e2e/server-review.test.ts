/**
 * Review and comments from the outside: who may move what, the history with comments and a party's
 * evidence, the audit entry of every step, and that an incident a viewer may not see answers like
 * a missing one on every review and comment route.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AuditService } from '../../src/services/audit.service.js';
import { as, startHarness, type Harness, type Session } from './server-harness.js';
import { seedIncident, type Seeded } from './review-fixtures.js';

let h: Harness;
let monitor: Session;
let analyst: Session;
let gov: Session;
let opp: Session;
let open: Seeded;
let hidden: Seeded;
const AG = 'syria-2016-09-arrangement';

before(async () => {
  h = await startHarness();
  monitor = await h.user('monitor@example.org', 'monitor');
  analyst = await h.user('analyst@example.org', 'analyst');
  gov = await h.user('gov@example.org', 'liaison', 'syrian-government');
  opp = await h.user('opp@example.org', 'liaison', 'opposition');
  open = await seedIncident(h.store, 'Kafrnabuda');
  // Restricted to the opposition: the government's liaison must not learn of it.
  hidden = await seedIncident(h.store, 'Latamna', {
    visibility: 'restricted',
    parties: ['opposition'],
    event: { location: 'Idlib', admin1: 'Idlib', latitude: 35.93, longitude: 36.63, event_date: '2016-09-16' },
  });
});
after(() => h.close());

const post = (url: string, s: Session | null, payload: object) =>
  h.app.inject({ method: 'POST', url, headers: as(s), payload });
const get = (url: string, s: Session | null) => h.app.inject({ method: 'GET', url, headers: as(s) });
const audit = async (subject: string) =>
  (await get(`/api/audit?subject=${encodeURIComponent(subject)}`, h.admin)).json().items as {
    action: string;
    before: { state: string };
    after: { state: string; comment: string; grade?: string };
  }[];

describe('incident review', () => {
  it('a monitor moves an incident step by step, each with a comment and an audit entry', async () => {
    const url = `/api/incidents/${open.incidentId}/review`;
    const r1 = await post(url, monitor, { to: 'under_review', comment: 'Checking the second source' });
    assert.equal(r1.statusCode, 201, r1.body);
    assert.equal(r1.json().state, 'under_review');
    const r2 = await post(url, monitor, { to: 'confirmed', comment: 'Two monitors saw it' });
    assert.equal(r2.statusCode, 201, r2.body);
    const history = (await get(url, analyst)).json();
    assert.equal(history.state, 'confirmed');
    assert.deepEqual(
      history.steps.map((s: { from: string; to: string; comment: string }) => [s.from, s.to, s.comment]),
      [
        ['machine', 'under_review', 'Checking the second source'],
        ['under_review', 'confirmed', 'Two monitors saw it'],
      ],
    );
    assert.equal(history.steps[0].by.role, 'monitor');
    assert.equal(history.steps[0].by.email, undefined, 'an analyst does not see who by email');
    const entries = await audit(`incident:${open.incidentId}`);
    assert.deepEqual(
      entries.map((e) => [e.action, e.before.state, e.after.state]),
      [
        ['review.move', 'under_review', 'confirmed'],
        ['review.move', 'machine', 'under_review'],
      ],
    );
    assert.equal(entries[0]?.after.grade, 'confirmed');
    assert.equal((await h.store.getIncident(open.incidentId))?.grade, 'confirmed');
    assert.equal((await new AuditService(h.store).verify()).ok, true);
  });

  it('refuses a move the review states do not allow (E024) and a step without a comment (E007)', async () => {
    const url = `/api/incidents/${open.incidentId}/review`;
    const bad = await post(url, monitor, { to: 'rejected', comment: 'cannot jump' });
    assert.equal(bad.statusCode, 409);
    assert.equal(bad.json().code, 'E024');
    const empty = await post(url, monitor, { to: 'under_review', comment: '   ' });
    assert.equal(empty.statusCode, 400);
    assert.equal(empty.json().code, 'E007');
    const evidence = await post(url, monitor, {
      to: 'under_review',
      comment: 'reopening',
      evidence: { text: 'not a dispute' },
    });
    assert.equal(evidence.statusCode, 400);
  });

  it('leaving confirmed lets the sources grade the incident again', async () => {
    const r = await post(`/api/incidents/${open.incidentId}/review`, monitor, {
      to: 'under_review',
      comment: 'A third source disagrees',
    });
    assert.equal(r.statusCode, 201, r.body);
    assert.equal((await h.store.getIncident(open.incidentId))?.grade, 'single_source');
  });

  it('only monitors and admins move incidents; liaisons, analysts and the public may not', async () => {
    const url = `/api/incidents/${open.incidentId}/review`;
    for (const [who, code] of [
      [gov, 403],
      [analyst, 403],
      [null, 401],
    ] as const) {
      const r = await post(url, who, { to: 'disputed', comment: 'no' });
      assert.equal(r.statusCode, code, r.body);
    }
    assert.equal((await get(url, null)).statusCode, 401);
  });
});

describe('finding review', () => {
  const finding = () => `${AG}:cessation:${open.incidentId}`;

  it('a liaison disputes a finding against their party, with their evidence; it shows in the history', async () => {
    const url = `/api/findings/${finding()}/review`;
    const r = await post(url, gov, {
      to: 'disputed',
      comment: 'Our forces were not in Hama that night',
      evidence: { url: 'https://example.org/statement', text: 'Unit log for 14 September' },
    });
    assert.equal(r.statusCode, 201, r.body);
    const history = (await get(url, monitor)).json();
    assert.equal(history.state, 'disputed');
    assert.deepEqual(history.steps[0].evidence, {
      url: 'https://example.org/statement',
      text: 'Unit log for 14 September',
    });
    assert.equal(history.steps[0].by.partyId, 'syrian-government');
    assert.equal(history.steps[0].by.email, 'gov@example.org', 'a monitor sees who');
    const [entry] = await audit(`finding:${finding()}`);
    assert.equal(entry?.action, 'review.move');
    assert.equal(entry?.after.state, 'disputed');
  });

  it('a liaison may not dispute a finding against another party, nor move it otherwise', async () => {
    const url = `/api/findings/${finding()}/review`;
    const other = await post(url, opp, { to: 'disputed', comment: 'they did it' });
    assert.equal(other.statusCode, 403);
    const confirm = await post(url, gov, { to: 'under_review', comment: 'please look again' });
    assert.equal(confirm.statusCode, 403);
  });

  it('a monitor takes the dispute up; unknown terms and malformed ids are 404', async () => {
    const r = await post(`/api/findings/${finding()}/review`, monitor, {
      to: 'under_review',
      comment: 'Asking both sides',
    });
    assert.equal(r.statusCode, 201, r.body);
    for (const id of [`${AG}:no-such-term:${open.incidentId}`, 'not-a-finding', `${AG}:cessation:999999`]) {
      const x = await get(`/api/findings/${encodeURIComponent(id)}/review`, monitor);
      assert.equal(x.statusCode, 404, id);
    }
  });
});

describe('an incident the viewer may not see', () => {
  it('answers exactly as a missing one on every review and comment route (404 where a role may act)', async () => {
    const routes = (id: number) =>
      [
        ['GET', `/api/incidents/${id}/review`, 404],
        ['POST', `/api/incidents/${id}/review`, 403], // a liaison never moves an incident, seen or not
        ['GET', `/api/incidents/${id}/comments`, 404],
        ['POST', `/api/incidents/${id}/comments`, 404],
        ['GET', `/api/findings/${AG}:cessation:${id}/review`, 404],
        ['POST', `/api/findings/${AG}:cessation:${id}/review`, 404],
      ] as const;
    const hiddenRoutes = routes(hidden.incidentId);
    const missingRoutes = routes(999_999);
    for (const [i, [method, url, status]] of hiddenRoutes.entries()) {
      const payload = url.endsWith('comments') ? { text: 'hello' } : { to: 'disputed', comment: 'hello' };
      const ask = (u: string) =>
        h.app.inject({ method, url: u, headers: as(gov), ...(method === 'POST' ? { payload } : {}) });
      const r = await ask(url);
      const missing = await ask(missingRoutes[i]![1]);
      assert.equal(r.statusCode, status, `${method} ${url}: ${r.body}`);
      assert.equal(missing.statusCode, status);
      const anon = (body: string, id: number) => body.replace(new RegExp(`\\b${id}\\b`, 'g'), 'N');
      assert.equal(anon(r.body, hidden.incidentId), anon(missing.body, 999_999));
      assert.doesNotMatch(r.body, /Latamna|Idlib/);
    }
    // The party it is shared with sees it.
    assert.equal((await get(`/api/incidents/${hidden.incidentId}/comments`, opp)).statusCode, 200);
  });
});

describe('comments', () => {
  it('threads: a reply names its parent; text is kept as written and sent as JSON', async () => {
    const url = `/api/incidents/${open.incidentId}/comments`;
    const hostile = '<img src=x onerror=alert(1)> who was there?';
    const root = await post(url, analyst, { text: hostile });
    assert.equal(root.statusCode, 201, root.body);
    const reply = await post(url, gov, { text: 'Nobody of ours', parentId: root.json().id });
    assert.equal(reply.statusCode, 201, reply.body);
    const list = await get(url, monitor);
    assert.match(list.headers['content-type'] as string, /^application\/json/);
    const items = list.json().items as { id: number; parentId: number | null; text: string; review: boolean }[];
    const mine = items.filter((c) => !c.review);
    assert.deepEqual(
      mine.map((c) => [c.text, c.parentId]),
      [
        [hostile, null],
        ['Nobody of ours', root.json().id],
      ],
    );
    assert.ok(
      items.some((c) => c.review),
      'the review steps are in the thread too',
    );
    const [entry] = await audit(`incident:${open.incidentId}`);
    assert.equal(entry?.action, 'comment.create');
  });

  it('refuses a parent from another incident, an empty and a too long comment, and the public', async () => {
    const other = await seedIncident(h.store, 'Souran', {
      event: { location: 'Daraa', admin1: 'Daraa', latitude: 32.62, longitude: 36.1, event_date: '2016-09-18' },
    });
    const foreign = await post(`/api/incidents/${other.incidentId}/comments`, monitor, { text: 'elsewhere' });
    const url = `/api/incidents/${open.incidentId}/comments`;
    const r = await post(url, monitor, { text: 'answer', parentId: foreign.json().id });
    assert.equal(r.statusCode, 400);
    assert.equal((await post(url, monitor, { text: '' })).statusCode, 400);
    assert.equal((await post(url, monitor, { text: 'x'.repeat(4001) })).statusCode, 400);
    assert.equal((await post(url, null, { text: 'anonymous' })).statusCode, 401);
    assert.equal((await get(url, null)).statusCode, 401);
  });
});

describe('GET /api/audit', () => {
  it('is for admins only, newest first, paged with nextBeforeId, and filters by action prefix', async () => {
    assert.equal((await get('/api/audit', monitor)).statusCode, 403);
    assert.equal((await get('/api/audit', null)).statusCode, 401);
    const first = (await get('/api/audit?limit=3', h.admin)).json();
    assert.equal(first.items.length, 3);
    assert.ok(first.total > 3);
    assert.ok(first.items[0].id > first.items[1].id);
    const next = (await get(`/api/audit?limit=3&beforeId=${first.nextBeforeId}`, h.admin)).json();
    assert.ok(next.items[0].id < first.items[2].id);
    const reviews = (await get('/api/audit?action=review.&limit=500', h.admin)).json();
    assert.ok(reviews.items.length >= 4);
    assert.ok(reviews.items.every((e: { action: string }) => e.action.startsWith('review.')));
    assert.equal(reviews.total, reviews.items.length);
  });
});
