/** Contract of comment threads, review move history and watchlists: the same tests on every backend. */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Store, ViewScope } from '../../src/store/store.js';
import { event, sample } from './fixtures.js';
import type { StoreFactory } from './store.contract.js';

const ALL: ViewScope = { all: true, monitors: true, party: null };
const PARTY_A: ViewScope = { all: false, monitors: false, party: 'A' };
const PARTY_B: ViewScope = { all: false, monitors: false, party: 'B' };
const EPOCH = '1970-01-01T00:00:00.000Z';

/** Waits (without asserting anything about time) until the clock has passed `iso`. */
async function after(iso: string): Promise<void> {
  while (new Date().toISOString() <= iso) await new Promise((r) => setImmediate(r));
}

export function reviewWatchlistContract(name: string, factory: StoreFactory): void {
  describe(`review and watchlist contract: ${name}`, () => {
    let s: Store;
    let user: number;
    beforeEach(async () => {
      s = await factory.open();
      user = (
        await s.accounts.createUser({ email: 'w@example.org', role: 'analyst', partyId: null, passwordHash: 'x' })
      ).id;
    });
    afterEach(() => factory.dispose(s));

    it('comments thread by parent; later comments are found by time', async () => {
      const root = await s.review.addComment('incident', '4', user, 'first');
      const reply = await s.review.addComment('incident', '4', null, 'answer', root.id);
      assert.equal(reply.parentId, root.id);
      assert.equal((await s.review.getComment(root.id))?.parentId, null);
      assert.equal(await s.review.getComment(999_999), null);
      await after(reply.createdAt);
      await s.review.addComment('incident', '5', user, 'elsewhere');
      await s.review.addComment('incident', '4', user, 'late');
      assert.deepEqual(
        (await s.review.commentsSince('incident', ['4'], reply.createdAt)).map((c) => c.body),
        ['late'],
      );
      assert.deepEqual(
        (await s.review.commentsSince('incident', ['4', '5'], EPOCH)).map((c) => c.body),
        ['first', 'answer', 'elsewhere', 'late'],
      );
      assert.deepEqual(await s.review.commentsSince('incident', [], EPOCH), []);
    });

    it('review moves keep their history, evidence and incident', async () => {
      const c = await s.review.addComment('finding', 'ag:t1:9', user, 'not us');
      const m1 = await s.review.addMove({
        subjectKind: 'finding',
        subjectId: 'ag:t1:9',
        incidentId: 9,
        from: 'machine',
        to: 'disputed',
        userId: user,
        commentId: c.id,
        evidence: { url: 'https://example.org/proof', text: null },
      });
      await s.review.addMove({
        subjectKind: 'incident',
        subjectId: '9',
        incidentId: 9,
        from: 'machine',
        to: 'under_review',
        userId: null,
        commentId: null,
        evidence: null,
      });
      await s.review.addMove({
        subjectKind: 'incident',
        subjectId: '10',
        incidentId: 10,
        from: 'machine',
        to: 'under_review',
        userId: null,
        commentId: null,
        evidence: null,
      });
      const history = await s.review.moves('finding', 'ag:t1:9');
      assert.equal(history.length, 1);
      assert.deepEqual(history[0]?.evidence, { url: 'https://example.org/proof', text: null });
      assert.equal(history[0]?.from, 'machine');
      assert.equal(history[0]?.to, 'disputed');
      assert.deepEqual(
        (await s.review.movesSince([9], EPOCH)).map((m) => m.subjectId),
        ['ag:t1:9', '9'],
      );
      assert.equal((await s.review.movesSince([9], m1.at)).length <= 1, true);
      assert.deepEqual(await s.review.movesSince([], EPOCH), []);
    });

    it('a watchlist is per user: add is idempotent, remove only touches your own', async () => {
      const other = (
        await s.accounts.createUser({ email: 'o@example.org', role: 'analyst', partyId: null, passwordHash: 'x' })
      ).id;
      const a = await s.watchlist.add(user, 'actor', 'Brigade', 'Brigade');
      assert.equal(a.created, true);
      const again = await s.watchlist.add(user, 'actor', 'Brigade', 'another label');
      assert.equal(again.created, false);
      assert.equal(again.watch.id, a.watch.id);
      await s.watchlist.add(user, 'zone', 'bbox:37,36,38,37', 'Aleppo box');
      await s.watchlist.add(other, 'incident', '3', 'incident 3');
      assert.deepEqual(
        (await s.watchlist.list(user)).map((w) => w.kind),
        ['actor', 'zone'],
      );
      assert.equal(await s.watchlist.get(other, a.watch.id), null);
      assert.equal(await s.watchlist.remove(other, a.watch.id), false);
      assert.equal(await s.watchlist.remove(user, a.watch.id), true);
      assert.equal((await s.watchlist.list(user)).length, 1);
      assert.equal(await s.watchlist.lastSeen(user), null);
      await s.watchlist.markSeen(user, '2030-01-01T00:00:00.000Z');
      await s.watchlist.markSeen(user, '2030-01-02T00:00:00.000Z');
      assert.equal(await s.watchlist.lastSeen(user), '2030-01-02T00:00:00.000Z');
    });

    it('events stored since a time, only as the scope may see them, with their incident', async () => {
      const put = async (word: string, visibility: 'public' | 'restricted', parties: string[]) => {
        const [report, analysis, events] = sample(`${word}\nJets struck ${word} in Aleppo.`, {
          events: [event({ actor1: `${word} Brigade` })],
        });
        const r = await s.putReport({ ...report, visibility }, analysis, events);
        await s.access.shareReport(r.id, parties);
        return r.id;
      };
      const old = await put('Oldword', 'public', []);
      const since = (await s.getReport(old))!.ingestedAt;
      await after(since);
      const pub = await put('Pubword', 'public', []);
      await put('Aword', 'restricted', ['A']);
      const [pubEvent] = await s.listEvents({ reportId: pub });
      const incident = await s.putIncident({
        grade: 'single_source',
        fatalitiesLow: 3,
        fatalitiesBest: 3,
        fatalitiesHigh: 3,
        eventIds: [pubEvent!.id],
      });
      const actors = async (scope: ViewScope) =>
        (await s.watchlist.eventsStoredSince(scope, since)).map((x) => x.event.actor1);
      assert.deepEqual(await actors(ALL), ['Pubword Brigade', 'Aword Brigade']);
      assert.deepEqual(await actors(PARTY_A), ['Pubword Brigade', 'Aword Brigade']);
      assert.deepEqual(await actors(PARTY_B), ['Pubword Brigade']);
      const [first] = await s.watchlist.eventsStoredSince(PARTY_B, since);
      assert.equal(first?.incidentId, incident);
      assert.equal((await s.watchlist.eventsStoredSince(ALL, EPOCH)).length, 3);
    });
  });
}
