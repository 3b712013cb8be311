/**
 * Watchlists from the outside: following zones (an agreement's zone, a box), actors and incidents,
 * what changed since the last visit (new events, review steps, comments), and that a change to a
 * report the viewer may not see never shows.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { as, startHarness, type Harness, type Session } from './server-harness.js';
import { seedIncident, type Seeded } from './review-fixtures.js';

let h: Harness;
let monitor: Session;
let liaisonA: Session;
let liaisonB: Session;
let watched: Seeded;

/** Eastern Aleppo, inside the agreement's opposition-held zone. */
const SHAAR = { location: 'al-Shaar', admin1: 'Aleppo', latitude: 36.212, longitude: 37.18, event_date: '2016-09-15' };

before(async () => {
  h = await startHarness();
  monitor = await h.user('monitor@example.org', 'monitor');
  liaisonA = await h.user('a@example.org', 'liaison', 'party-a');
  liaisonB = await h.user('b@example.org', 'liaison', 'party-b');
  watched = await seedIncident(h.store, 'Tadef', {
    event: { location: 'Tadef', latitude: 36.35, longitude: 37.53, event_date: '2016-09-20' },
  });
});
after(() => h.close());

const post = (url: string, s: Session | null, payload?: object) =>
  h.app.inject({ method: 'POST', url, headers: as(s), ...(payload ? { payload } : {}) });
const get = (url: string, s: Session | null) => h.app.inject({ method: 'GET', url, headers: as(s) });

/** Waits (asserting nothing about time) until the clock has moved past `iso`. */
async function pastIso(iso: string): Promise<void> {
  while (new Date().toISOString() <= iso) await new Promise((r) => setImmediate(r));
}

/** Marks everything up to now as seen, and lets the clock move on. */
async function visit(s: Session): Promise<void> {
  const changes = (await get('/api/watchlist/changes', s)).json();
  const r = await post('/api/watchlist/seen', s, { at: changes.until });
  assert.equal(r.statusCode, 200, r.body);
  await pastIso(changes.until);
}

describe('watchlist items', () => {
  it('adds (idempotent), lists, removes; checks the value of each kind', async () => {
    const add = (payload: object, s: Session = liaisonA) => post('/api/watchlist', s, payload);
    const zone = await add({ kind: 'zone', value: 'syria-2016-09-arrangement/opposition-held-aleppo' });
    assert.equal(zone.statusCode, 201, zone.body);
    assert.equal(zone.json().label, 'syria-2016-09-arrangement/opposition-held-aleppo');
    assert.equal(
      (await add({ kind: 'zone', value: 'syria-2016-09-arrangement/opposition-held-aleppo' })).statusCode,
      200,
    );
    assert.equal((await add({ kind: 'actor', value: 'Quillwort', label: 'Quillwort group' })).statusCode, 201);
    assert.equal((await add({ kind: 'zone', value: 'bbox:37.5,36.3,37.6,36.4', label: 'Tadef' })).statusCode, 201);
    assert.equal((await add({ kind: 'incident', value: String(watched.incidentId) })).statusCode, 201);
    for (const bad of [
      { kind: 'zone', value: 'syria-2016-09-arrangement/no-such-zone' },
      { kind: 'zone', value: 'bbox:200,0,10,10' },
      { kind: 'zone', value: 'somewhere' },
      { kind: 'colour', value: 'red' },
    ])
      assert.equal((await add(bad)).statusCode, 400, JSON.stringify(bad));
    assert.equal((await add({ kind: 'incident', value: '999999' })).statusCode, 404);
    const list = (await get('/api/watchlist', liaisonA)).json();
    assert.deepEqual(
      list.items.map((w: { kind: string }) => w.kind),
      ['zone', 'actor', 'zone', 'incident'],
    );
    // Someone else's watch cannot be removed (it answers like a missing one).
    assert.equal(
      (await h.app.inject({ method: 'DELETE', url: `/api/watchlist/${zone.json().id}`, headers: as(liaisonB) }))
        .statusCode,
      404,
    );
    const extra = await add({ kind: 'actor', value: 'Nobody' });
    const del = await h.app.inject({
      method: 'DELETE',
      url: `/api/watchlist/${extra.json().id}`,
      headers: as(liaisonA),
    });
    assert.equal(del.statusCode, 204);
    assert.equal((await get('/api/watchlist', liaisonA)).json().total, 4);
    assert.equal((await get('/api/watchlist', null)).statusCode, 401);
    const audit = (await get('/api/audit?action=watch.&limit=500', h.admin)).json();
    assert.deepEqual([...new Set(audit.items.map((e: { action: string }) => e.action))].sort(), [
      'watch.add',
      'watch.remove',
    ]);
  });
});

describe('changes since the last visit', () => {
  it('a first visit shows the last week; after a visit only what is new', async () => {
    const first = (await get('/api/watchlist/changes', liaisonA)).json();
    assert.equal(first.firstVisit, true);
    const ids = first.incidents.map((x: { incidentId: number }) => x.incidentId);
    assert.ok(ids.includes(watched.incidentId), 'stored today, in the watched box and a watched incident');
    await visit(liaisonA);
    const empty = (await get('/api/watchlist/changes', liaisonA)).json();
    assert.equal(empty.firstVisit, false);
    assert.deepEqual([empty.incidents, empty.reviews, empty.comments], [[], [], []]);
  });

  it('new events in a watched zone or with a watched actor; never one the viewer may not see', async () => {
    await visit(liaisonB);
    const inZone = await seedIncident(h.store, 'Shaar', { event: SHAAR });
    const byActor = await seedIncident(h.store, 'Ramouseh', {
      event: {
        actor1: 'Quillwort Brigade',
        location: 'Daraa',
        latitude: 32.62,
        longitude: 36.1,
        event_date: '2016-09-17',
      },
    });
    // Restricted to party B: in the zone and with the actor, yet liaison A must not hear of it.
    await seedIncident(h.store, 'Secretplace', {
      visibility: 'restricted',
      parties: ['party-b'],
      event: { ...SHAAR, location: 'Secretplace', actor1: 'Quillwort Brigade', event_date: '2016-09-19' },
    });
    const c = (await get('/api/watchlist/changes', liaisonA)).json();
    const seen = new Map(
      c.incidents.map((x: { incidentId: number; watches: { kind: string }[] }) => [
        x.incidentId,
        x.watches.map((w) => w.kind).sort(),
      ]),
    );
    assert.deepEqual(seen.get(inZone.incidentId), ['zone']);
    assert.deepEqual(seen.get(byActor.incidentId), ['actor']);
    assert.equal(seen.size, 2, JSON.stringify(c.incidents));
    assert.doesNotMatch(JSON.stringify(c), /Secretplace/);
    // Liaison B follows nothing: nothing shows, though B may see the restricted report.
    assert.deepEqual((await get('/api/watchlist/changes', liaisonB)).json().incidents, []);
  });

  it('review steps and comments on a watched incident', async () => {
    await visit(liaisonA);
    const url = `/api/incidents/${watched.incidentId}`;
    assert.equal((await post(`${url}/review`, monitor, { to: 'under_review', comment: 'Checking' })).statusCode, 201);
    assert.equal((await post(`${url}/comments`, monitor, { text: 'Who else saw it?' })).statusCode, 201);
    const c = (await get('/api/watchlist/changes', liaisonA)).json();
    assert.deepEqual(
      c.reviews.map((r: { incidentId: number; to: string }) => [r.incidentId, r.to]),
      [[watched.incidentId, 'under_review']],
    );
    assert.deepEqual(
      c.comments.map((x: { text: string }) => x.text),
      ['Checking', 'Who else saw it?'],
    );
    assert.equal(c.reviews[0].by.role, 'monitor');
    assert.equal(c.reviews[0].by.email, undefined);
  });

  it('a visit cannot be marked in the future', async () => {
    const r = await post('/api/watchlist/seen', liaisonA, { at: '2999-01-01T00:00:00.000Z' });
    assert.equal(r.statusCode, 400);
  });
});
