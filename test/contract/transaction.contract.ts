/**
 * Contract of Store.transaction: a change and its audit entry commit together or not at all, on
 * every backend; nested calls are savepoints; other flows never join (or lose writes to) an open
 * transaction; concurrent audited transactions still make one linear chain.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { AuditService } from '../../src/services/audit.service.js';
import type { Store } from '../../src/store/store.js';
import { sample } from './fixtures.js';
import type { StoreFactory } from './store.contract.js';

class Boom extends Error {}

export function transactionContract(name: string, factory: StoreFactory): void {
  describe(`transaction contract: ${name}`, () => {
    let s: Store;
    beforeEach(async () => {
      s = await factory.open();
    });
    afterEach(() => factory.dispose(s));

    const comments = async () => (await s.review.comments('incident', '1')).map((c) => c.body);

    it('commits a change and its audit entry together', async () => {
      const id = await s.transaction(async () => {
        const c = await s.review.addComment('incident', '1', null, 'kept');
        await s.audit.append({ actor: 'system', action: 'comment.create', subject: 'incident:1', after: { id: c.id } });
        return c.id;
      });
      assert.deepEqual(await comments(), ['kept']);
      const [entry] = await s.audit.list();
      assert.deepEqual(entry?.after, { id });
    });

    it('a failure after the change rolls back the change and its audit entry', async () => {
      const [report, analysis, events] = sample('Rolled back\nJets struck a market in Aleppo.');
      await assert.rejects(
        s.transaction(async () => {
          const put = await s.putReport(report, analysis, events);
          await s.access.shareReport(put.id, ['A']);
          await s.review.addComment('incident', '1', null, 'lost');
          await s.audit.append({ actor: 'system', action: 'report.create', subject: `report:${put.id}` });
          throw new Boom('after the change');
        }),
        Boom,
      );
      assert.deepEqual(await comments(), []);
      assert.equal(await s.audit.count(), 0);
      assert.equal(await s.countEvents(), 0);
      assert.equal(await s.access.countReports({ all: true, monitors: true, party: null }), 0);
      assert.equal((await new AuditService(s).verify()).ok, true);
    });

    it('a nested transaction is a savepoint: its failure alone is undone', async () => {
      await s.transaction(async () => {
        await s.review.addComment('incident', '1', null, 'outer');
        await assert.rejects(
          s.transaction(async () => {
            await s.review.addComment('incident', '1', null, 'inner');
            throw new Boom('inner');
          }),
          Boom,
        );
        await s.transaction(async () => {
          await s.review.addComment('incident', '1', null, 'inner kept');
        });
      });
      assert.deepEqual(await comments(), ['outer', 'inner kept']);
    });

    it('a write from another flow never joins an open transaction, nor is lost with it', async () => {
      let inside!: () => void;
      const opened = new Promise<void>((r) => (inside = r));
      let proceed!: () => void;
      const hold = new Promise<void>((r) => (proceed = r));
      const failing = s.transaction(async () => {
        await s.review.addComment('incident', '1', null, 'rolled back');
        inside();
        await hold;
        throw new Boom('rollback');
      });
      await opened;
      const outside = s.review.addComment('incident', '1', null, 'from another flow');
      proceed();
      await assert.rejects(failing, Boom);
      await outside;
      assert.deepEqual(await comments(), ['from another flow']);
    });

    it('concurrent audited transactions make one linear, verifiable chain', async () => {
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          s.transaction(async () => {
            await s.review.addComment('incident', String(i), null, `c${i}`);
            await s.audit.append({ actor: 'system', action: 'comment.create', subject: `incident:${i}` });
          }),
        ),
      );
      const v = await new AuditService(s).verify();
      assert.equal(v.ok, true);
      assert.equal(v.entries, 12);
    });
  });
}
