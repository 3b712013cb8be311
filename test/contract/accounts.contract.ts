/** Contract of the account, access, audit and review stores: the same tests on every backend. */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { entryHash, GENESIS_HASH } from '../../src/store/audit.store.js';
import type { Store } from '../../src/store/store.js';
import { event, sample } from './fixtures.js';
import type { StoreFactory } from './store.contract.js';

const H = (c: string) => c.repeat(64);
const PUBLIC = { all: false, monitors: false, party: null };

export function accountsContract(name: string, factory: StoreFactory): void {
  describe(`accounts contract: ${name}`, () => {
    let s: Store;
    beforeEach(async () => {
      s = await factory.open();
    });
    afterEach(() => factory.dispose(s));

    it('users, sessions (expiry, revocation) and tokens', async () => {
      const u = await s.accounts.createUser({
        email: 'Ana@Example.org',
        role: 'liaison',
        partyId: 'p1',
        passwordHash: 'x',
      });
      assert.equal((await s.accounts.getUserByEmail('ana@example.org'))?.id, u.id);
      await assert.rejects(
        s.accounts.createUser({ email: 'ana@example.org', role: 'analyst', partyId: null, passwordHash: 'x' }),
      );
      await s.accounts.createSession(H('a'), u.id, '2030-01-01T00:00:00.000Z');
      assert.equal((await s.accounts.sessionUser(H('a'), '2029-01-01T00:00:00.000Z'))?.partyId, 'p1');
      assert.equal(await s.accounts.sessionUser(H('a'), '2031-01-01T00:00:00.000Z'), null);
      await s.accounts.revokeSession(H('a'), '2029-01-01T00:00:00.000Z');
      assert.equal(await s.accounts.sessionUser(H('a'), '2029-01-01T00:00:00.000Z'), null);
      const t = await s.accounts.createToken(H('b'), u.id, 'bot');
      assert.equal((await s.accounts.tokenUser(H('b'), '2029-01-01T00:00:00.000Z'))?.tokenId, t.id);
      assert.equal(await s.accounts.revokeToken(t.id, u.id, '2029-01-01T00:00:00.000Z'), true);
      assert.equal(await s.accounts.tokenUser(H('b'), '2029-01-01T00:00:00.000Z'), null);
    });

    it('a token with an expiry works until then, and not from then on', async () => {
      const u = await s.accounts.createUser({
        email: 'e@example.org',
        role: 'monitor',
        partyId: null,
        passwordHash: 'x',
      });
      const forever = await s.accounts.createToken(H('d'), u.id, 'forever');
      const t = await s.accounts.createToken(H('e'), u.id, 'month', '2030-01-01T00:00:00.000Z');
      assert.equal(forever.expiresAt, null);
      assert.equal(t.expiresAt, '2030-01-01T00:00:00.000Z');
      assert.equal((await s.accounts.tokenUser(H('e'), '2029-12-31T23:59:59.999Z'))?.tokenId, t.id);
      assert.equal(await s.accounts.tokenUser(H('e'), '2030-01-01T00:00:00.000Z'), null, 'expired at its expiry');
      assert.equal(await s.accounts.tokenUser(H('e'), '2031-01-01T00:00:00.000Z'), null);
      assert.equal((await s.accounts.tokenUser(H('d'), '2099-01-01T00:00:00.000Z'))?.tokenId, forever.id);
      // Listed still (the page says "expired"), with its expiry.
      assert.deepEqual(
        (await s.accounts.listTokens(u.id)).map((x) => [x.name, x.expiresAt, x.revokedAt]),
        [
          ['forever', null, null],
          ['month', '2030-01-01T00:00:00.000Z', null],
        ],
      );
    });

    it("a token's last use is recorded at most once a minute", async () => {
      const u = await s.accounts.createUser({
        email: 'l@example.org',
        role: 'analyst',
        partyId: null,
        passwordHash: 'x',
      });
      const t = await s.accounts.createToken(H('f'), u.id, 'bot');
      const lastUse = async () => (await s.accounts.listTokens(u.id))[0]?.lastUsedAt;
      assert.equal(t.lastUsedAt, null);
      assert.equal(await lastUse(), null, 'never used');
      assert.equal((await s.accounts.tokenUser(H('f'), '2029-01-01T12:00:00.000Z'))?.lastUsedAt, null);
      assert.equal(await s.accounts.touchToken(t.id, '2029-01-01T12:00:00.000Z'), true);
      assert.equal(await lastUse(), '2029-01-01T12:00:00.000Z');
      assert.equal(await s.accounts.touchToken(t.id, '2029-01-01T12:00:30.000Z'), false, 'within the minute');
      assert.equal(await s.accounts.touchToken(t.id, '2029-01-01T12:00:59.999Z'), false);
      assert.equal(await lastUse(), '2029-01-01T12:00:00.000Z');
      assert.equal(await s.accounts.touchToken(t.id, '2029-01-01T11:59:00.000Z'), false, 'never moved back');
      assert.equal(await s.accounts.touchToken(t.id, '2029-01-01T12:01:00.000Z'), true, 'a minute on');
      assert.equal(
        (await s.accounts.tokenUser(H('f'), '2029-01-01T12:02:00.000Z'))?.lastUsedAt,
        '2029-01-01T12:01:00.000Z',
      );
      // Racing requests write it once.
      const raced = await Promise.all([
        s.accounts.touchToken(t.id, '2029-01-01T12:05:00.000Z'),
        s.accounts.touchToken(t.id, '2029-01-01T12:05:00.000Z'),
      ]);
      assert.deepEqual(raced.filter(Boolean), [true]);
      assert.equal(
        await s.accounts.touchToken(t.id, '2029-01-01T12:06:00.000Z', 5 * 60_000),
        false,
        'a longer interval',
      );
      // The other columns are untouched.
      const [row] = await s.accounts.listTokens(u.id);
      assert.deepEqual([row?.name, row?.revokedAt, row?.expiresAt], ['bot', null, null]);
    });

    it('an invitation and a reset are consumed once, and not after expiry', async () => {
      await s.accounts.createInvitation(H('c'), {
        email: 'x@example.org',
        role: 'analyst',
        partyId: null,
        invitedBy: null,
        expiresAt: '2030-01-01T00:00:00.000Z',
      });
      assert.equal(await s.accounts.consumeInvitation(H('c'), '2031-01-01T00:00:00.000Z'), null);
      const [a, b] = await Promise.all([
        s.accounts.consumeInvitation(H('c'), '2029-01-01T00:00:00.000Z'),
        s.accounts.consumeInvitation(H('c'), '2029-01-01T00:00:00.000Z'),
      ]);
      assert.equal([a, b].filter((x) => x !== null).length, 1);
      const u = await s.accounts.createUser({
        email: 'r@example.org',
        role: 'analyst',
        partyId: null,
        passwordHash: 'x',
      });
      await s.accounts.createPasswordReset(H('d'), u.id, '2030-01-01T00:00:00.000Z');
      assert.equal(await s.accounts.consumePasswordReset(H('d'), '2029-01-01T00:00:00.000Z'), u.id);
      assert.equal(await s.accounts.consumePasswordReset(H('d'), '2029-01-01T00:00:00.000Z'), null);
    });

    it('concurrent audit appends make one linear, verifiable chain', async () => {
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          s.audit.append({
            actor: 'system',
            action: 'test',
            subject: `x:${i}`,
            after: { i, nested: { b: 1, a: [1, 'two'] } },
          }),
        ),
      );
      let prev = GENESIS_HASH;
      let n = 0;
      for await (const e of s.audit.iterate(5)) {
        assert.equal(e.prevHash, prev);
        assert.equal(entryHash(prev, e), e.hash);
        prev = e.hash;
        n++;
      }
      assert.equal(n, 12);
    });

    it('scoped reads: reports, search, counts and events by visibility and party', async () => {
      const put = async (word: string, visibility: 'public' | 'monitors' | 'restricted', parties: string[]) => {
        const [r, a, e] = sample(`${word} headline\nJets struck ${word} in Aleppo.`, {
          events: [event({ actor1: word })],
        });
        const { id } = await s.putReport({ ...r, visibility }, a, e);
        await s.access.shareReport(id, parties);
        return id;
      };
      const pub = await put('openword', 'public', []);
      const mon = await put('monword', 'monitors', []);
      const ra = await put('aword', 'restricted', ['A']);
      const scopes = {
        public: PUBLIC,
        a: { all: false, monitors: false, party: 'A' },
        b: { all: false, monitors: false, party: 'B' },
        analyst: { all: false, monitors: true, party: null },
        all: { all: true, monitors: true, party: null },
      };
      const want = { public: [pub], a: [pub, ra], b: [pub], analyst: [pub, mon], all: [pub, mon, ra] };
      for (const [k, scope] of Object.entries(scopes)) {
        const ids = (await s.access.listReports(scope)).map((r) => r.id).sort((x, y) => x - y);
        assert.deepEqual(ids, want[k as keyof typeof want], k);
        assert.equal(await s.access.countReports(scope), ids.length);
        assert.equal(await s.access.countReports(scope, { query: 'aword' }), ids.includes(ra) ? 1 : 0);
        assert.equal((await s.access.listReports(scope, { query: 'aword' })).length, ids.includes(ra) ? 1 : 0);
        assert.equal(await s.access.countEvents(scope), ids.length);
        assert.equal(
          (await s.access.listEvents(scope, { actor: 'aword', eventType: 'Explosions/Remote violence' })).length,
          ids.includes(ra) ? 1 : 0,
        );
        assert.equal(await s.access.canSee(ra, scope), ids.includes(ra));
      }
      assert.deepEqual(await s.access.sharedWith(ra), ['A']);
    });

    it('review states move by compare-and-set; comments thread in order', async () => {
      const c = await s.review.addComment('incident', '7', null, 'looks right');
      assert.equal(
        await s.review.setReview(
          { subjectKind: 'incident', subjectId: '7', state: 'under_review', updatedBy: null, commentId: c.id },
          'machine',
        ),
        true,
      );
      assert.equal(
        await s.review.setReview(
          { subjectKind: 'incident', subjectId: '7', state: 'confirmed', updatedBy: null, commentId: null },
          'machine',
        ),
        false,
      );
      assert.equal(
        await s.review.setReview(
          { subjectKind: 'incident', subjectId: '7', state: 'confirmed', updatedBy: null, commentId: null },
          'under_review',
        ),
        true,
      );
      assert.equal((await s.review.getReview('incident', '7'))?.state, 'confirmed');
      await s.review.addComment('incident', '7', null, 'second');
      assert.deepEqual(
        (await s.review.comments('incident', '7')).map((x) => x.body),
        ['looks right', 'second'],
      );
    });
  });
}
