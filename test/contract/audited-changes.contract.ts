/**
 * Every state change and its audit entry are one transaction, on every backend: with a store whose
 * audit append fails AFTER writing its entry (a failure after the change), each service call leaves
 * neither the change nor the entry behind, and the chain still verifies.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Principal } from '../../src/auth/principal.js';
import { AccountsService } from '../../src/services/accounts.service.js';
import { AuditService } from '../../src/services/audit.service.js';
import { CommentsService } from '../../src/services/comments.service.js';
import { ReviewService } from '../../src/services/review.service.js';
import { WatchlistService } from '../../src/services/watchlist.service.js';
import type { AuditStore, Store } from '../../src/store/store.js';
import { event, sample } from './fixtures.js';
import type { StoreFactory } from './store.contract.js';

class AfterTheChange extends Error {}

/** The same store, except that appending to the audit log fails once the entry is written. */
function failingAfterAudit(store: Store): Store {
  const audit: AuditStore = {
    ...store.audit,
    append: async (entry) => {
      await store.audit.append(entry);
      throw new AfterTheChange('failure after the change and its entry');
    },
  };
  return new Proxy(store, { get: (target, key) => (key === 'audit' ? audit : Reflect.get(target, key, target)) });
}

const FAST = { N: 1024, r: 8, p: 1 };

export function auditedChangesContract(name: string, factory: StoreFactory): void {
  describe(`audited changes roll back together: ${name}`, () => {
    let s: Store;
    let broken: Store;
    let admin: Principal;
    let monitor: Principal;
    let incidentId: number;
    beforeEach(async () => {
      s = await factory.open();
      broken = failingAfterAudit(s);
      const u = await s.accounts.createUser({
        email: 'm@example.org',
        role: 'monitor',
        partyId: null,
        passwordHash: 'x',
      });
      const a = await s.accounts.createUser({
        email: 'a@example.org',
        role: 'admin',
        partyId: null,
        passwordHash: 'x',
      });
      monitor = { userId: u.id, email: u.email, role: 'monitor', partyId: null, via: 'session' };
      admin = { userId: a.id, email: a.email, role: 'admin', partyId: null, via: 'session' };
      const [report, analysis, events] = sample('Strike\nJets struck a market in Aleppo.', { events: [event()] });
      const put = await s.putReport({ ...report, visibility: 'public' }, analysis, events);
      const [e] = await s.listEvents({ reportId: put.id });
      incidentId = await s.putIncident({
        grade: 'single_source',
        fatalitiesLow: 3,
        fatalitiesBest: 3,
        fatalitiesHigh: 3,
        eventIds: [e!.id],
      });
    });
    afterEach(() => factory.dispose(s));

    const unchanged = async (before: number) => {
      assert.equal(await s.audit.count(), before, 'no audit entry left');
      assert.equal((await new AuditService(s).verify()).ok, true);
    };

    it('a review step: no comment, no state, no history, no grade change', async () => {
      const before = await s.audit.count();
      await assert.rejects(
        new ReviewService(broken).move(monitor, 'incident', String(incidentId), { to: 'under_review', comment: 'x' }),
        AfterTheChange,
      );
      assert.equal(await new ReviewService(s).state('incident', String(incidentId)), 'machine');
      assert.deepEqual(await s.review.comments('incident', String(incidentId)), []);
      assert.deepEqual(await s.review.moves('incident', String(incidentId)), []);
      await unchanged(before);
      // The same step on the working store goes through, and confirming sets the grade with it.
      const ok = new ReviewService(s);
      await ok.move(monitor, 'incident', String(incidentId), { to: 'under_review', comment: 'checking' });
      await assert.rejects(
        new ReviewService(broken).move(monitor, 'incident', String(incidentId), { to: 'confirmed', comment: 'y' }),
        AfterTheChange,
      );
      assert.equal((await s.getIncident(incidentId))?.grade, 'single_source');
      assert.equal(await ok.state('incident', String(incidentId)), 'under_review');
    });

    it('a comment, a watch, a visit', async () => {
      const before = await s.audit.count();
      await assert.rejects(new CommentsService(broken).add(monitor, incidentId, { text: 'hello' }), AfterTheChange);
      assert.deepEqual(await s.review.comments('incident', String(incidentId)), []);
      const watch = new WatchlistService(broken);
      await assert.rejects(watch.add(monitor, { kind: 'actor', value: 'Brigade' }), AfterTheChange);
      assert.deepEqual(await s.watchlist.list(monitor.userId), []);
      await assert.rejects(watch.seen(monitor), AfterTheChange);
      assert.equal(await s.watchlist.lastSeen(monitor.userId), null);
      await unchanged(before);
    });

    it('accounts: an invitation (and its mail), a token, a reset link (and its mail)', async () => {
      const before = await s.audit.count();
      const accounts = new AccountsService(broken, { scrypt: FAST });
      await assert.rejects(accounts.invite(admin, { email: 'new@example.org', role: 'analyst' }), AfterTheChange);
      assert.deepEqual(await s.accounts.listOutbox(), []);
      await assert.rejects(accounts.createToken(admin, 'bot'), AfterTheChange);
      assert.deepEqual(await s.accounts.listTokens(admin.userId), []);
      await assert.rejects(accounts.requestPasswordReset('m@example.org'), AfterTheChange);
      assert.deepEqual(await s.accounts.listOutbox(), [], 'no reset link mailed');
      await unchanged(before);
    });
  });
}
