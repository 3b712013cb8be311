/**
 * The contract of store.incidents and store.agreements on every backend: incidents as a viewer may
 * see them (only through events of reports they may see, stored figures only when they see every
 * event), the corroboration reads, bulk review states, and uploaded agreements.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { TruceError } from '../../src/core/errors.js';
import type { Store, ViewScope } from '../../src/store/store.js';
import { event, sample } from './fixtures.js';
import type { StoreFactory } from './store.contract.js';

const ALL: ViewScope = { all: true, monitors: true, party: null };
const PUBLIC: ViewScope = { all: false, monitors: false, party: null };
const ANALYST: ViewScope = { all: false, monitors: true, party: null };
const partyOf = (party: string): ViewScope => ({ all: false, monitors: false, party });

export function incidentsContract(name: string, factory: StoreFactory): void {
  describe(`incident and agreement stores: ${name}`, () => {
    let store: Store;
    /** Event ids by the report they come from: public, party-a, monitors, and an imported row. */
    const ev = {} as Record<'pub' | 'secret' | 'mon' | 'imp', number>;
    const inc = {} as Record<'mixed' | 'secretOnly' | 'monImp', number>;

    beforeEach(async () => {
      store = await factory.open();
      const put = async (
        key: 'pub' | 'secret' | 'mon',
        visibility: 'public' | 'monitors' | 'restricted',
        actor: string,
      ) => {
        const [r, a, events] = sample(`${key} report\nJets struck a market.`, {
          events: [event({ actor1: actor, fatalities: key === 'secret' ? 40 : 3 })],
        });
        const id = (await store.putReport({ ...r, visibility }, a, events)).id;
        if (visibility === 'restricted') await store.access.shareReport(id, ['party-a']);
        ev[key] = (await store.listEvents({ reportId: id }))[0]!.id;
      };
      await put('pub', 'public', 'Open Brigade');
      await put('secret', 'restricted', 'Hidden Brigade');
      await put('mon', 'monitors', 'Monitored Brigade');
      await store.putImportedEvents([
        {
          ...event({ actor1: 'Dataset Brigade' }),
          provenance: { kind: 'import', dataset: 'acled', file: 'x.csv', row: 1, sourceId: 'SYR9' },
        },
      ]);
      ev.imp = (await store.listEvents({ actor: 'Dataset' }))[0]!.id;
      const mk = (grade: 'corroborated' | 'confirmed' | 'single_source', eventIds: number[], f: number) =>
        store.putIncident({ grade, fatalitiesLow: 3, fatalitiesBest: f, fatalitiesHigh: f, eventIds });
      inc.mixed = await mk('confirmed', [ev.pub, ev.secret], 40);
      inc.secretOnly = await mk('single_source', [ev.secret], 40);
      inc.monImp = await mk('corroborated', [ev.mon, ev.imp], 3);
    });
    afterEach(() => factory.dispose(store));

    const seen = async (scope: ViewScope, filter = {}) =>
      (await store.incidents.findVisibleIncidents(scope, filter)).map((i) => [i.id, [...i.eventIds], i.whole !== null]);

    it('shows each viewer an incident only through the events they may see', async () => {
      assert.deepEqual(await seen(ALL), [
        [inc.mixed, [ev.pub, ev.secret], true],
        [inc.secretOnly, [ev.secret], true],
        [inc.monImp, [ev.mon, ev.imp], true],
      ]);
      assert.deepEqual(await seen(partyOf('party-a')), [
        [inc.mixed, [ev.pub, ev.secret], true],
        [inc.secretOnly, [ev.secret], true],
        [inc.monImp, [ev.imp], false],
      ]);
      const outsider = [
        [inc.mixed, [ev.pub], false],
        [inc.monImp, [ev.imp], false],
      ];
      assert.deepEqual(await seen(partyOf('party-b')), outsider);
      assert.deepEqual(await seen(PUBLIC), outsider);
      assert.deepEqual(await seen(ANALYST), [
        [inc.mixed, [ev.pub], false],
        [inc.monImp, [ev.mon, ev.imp], true],
      ]);
    });

    it('gives stored figures only to a viewer of every event; a confirmation is kept for all', async () => {
      const [partial] = await store.incidents.findVisibleIncidents(PUBLIC, { limit: 1 });
      assert.equal(partial?.whole, null);
      assert.equal(partial?.confirmed, true);
      const [whole] = await store.incidents.findVisibleIncidents(ALL, { limit: 1 });
      assert.equal(whole?.whole?.grade, 'confirmed');
      assert.equal(whole?.whole?.fatalitiesBest, 40);
      assert.match(whole?.whole?.updatedAt ?? '', /^\d{4}-\d{2}-\d{2}T/);
    });

    it('matches filters only against events the viewer may see', async () => {
      assert.deepEqual(await seen(partyOf('party-b'), { actor: 'hidden' }), []);
      assert.deepEqual(
        (await seen(partyOf('party-a'), { actor: 'hidden' })).map((x) => x[0]),
        [inc.mixed, inc.secretOnly],
      );
      assert.deepEqual(
        (await seen(PUBLIC, { actor: 'open', from: '2016-09-01', to: '2016-09-30' })).map((x) => x[0]),
        [inc.mixed],
      );
      assert.deepEqual(await seen(PUBLIC, { from: '2017-01-01' }), []);
      assert.deepEqual(
        (await seen(ALL, { limit: 2 })).map((x) => x[0]),
        [inc.mixed, inc.secretOnly],
      );
      const near = { lat: 36.2, lon: 37.13, km: 5 };
      assert.equal((await seen(PUBLIC, { near })).length, 2);
      const far = { west: 10, south: 10, east: 11, north: 11 };
      assert.deepEqual(await seen(PUBLIC, { bbox: far }), []);
    });

    it('refuses a grade filter and malformed filters with E007', async () => {
      const isE007 = (e: unknown) => e instanceof TruceError && e.shortCode === 'E007';
      await assert.rejects(store.incidents.findVisibleIncidents(PUBLIC, { grade: 'contested' } as never), isE007);
      await assert.rejects(
        store.incidents.findVisibleIncidents(PUBLIC, { bbox: { west: 0, south: 5, east: 1, north: 1 } }),
        isE007,
      );
      await assert.rejects(store.incidents.findVisibleIncidents(PUBLIC, { limit: 0 }), isE007);
    });

    it('answers one incident per viewer, a hidden one like a missing one', async () => {
      assert.equal(await store.incidents.getVisibleIncident(PUBLIC, inc.secretOnly), null);
      assert.equal(await store.incidents.getVisibleIncident(PUBLIC, 999_999), null);
      assert.deepEqual((await store.incidents.getVisibleIncident(PUBLIC, inc.mixed))?.eventIds, [ev.pub]);
      assert.deepEqual((await store.incidents.getVisibleIncident(partyOf('party-a'), inc.secretOnly))?.eventIds, [
        ev.secret,
      ]);
    });

    it('keeps the whole-record queries corroboration needs', async () => {
      assert.deepEqual(
        (await store.incidents.findIncidents({ grade: 'confirmed' })).map((i) => i.id),
        [inc.mixed],
      );
      assert.deepEqual(
        (await store.incidents.getEvents([ev.imp, ev.pub, 999_999, ev.pub])).map((e) => e.id),
        [ev.pub, ev.imp].sort((a, b) => a - b),
      );
      assert.deepEqual(await store.incidents.incidentIdsOfEvents([ev.secret]), [inc.mixed, inc.secretOnly]);
      assert.deepEqual(await store.incidents.staleIncidentIds(), []);
      const reports = (await store.listEvents({ limit: 10 })).flatMap((e) =>
        e.provenance.kind === 'report' ? [e.provenance.reportId] : [],
      );
      const origins = await store.incidents.reportOrigins(reports);
      assert.deepEqual(
        origins.map((o) => [o.canonicalReportId, o.sourceName]),
        reports.map(() => [null, 'Reuters']),
      );
      assert.deepEqual(await store.incidents.getEvents([]), []);
    });

    it('reads many review states at once', async () => {
      await store.review.setReview(
        {
          subjectKind: 'incident',
          subjectId: String(inc.mixed),
          state: 'under_review',
          updatedBy: null,
          commentId: null,
        },
        'machine',
      );
      await store.review.setReview(
        { subjectKind: 'finding', subjectId: 'a:b:1', state: 'disputed', updatedBy: null, commentId: null },
        'machine',
      );
      const states = await store.incidents.reviewStates('incident', [String(inc.mixed), String(inc.monImp)]);
      assert.deepEqual([...states], [[String(inc.mixed), 'under_review']]);
      assert.deepEqual([...(await store.incidents.reviewStates('finding', ['a:b:1', 'x']))], [['a:b:1', 'disputed']]);
      assert.equal((await store.incidents.reviewStates('finding', [])).size, 0);
    });

    it('stores uploaded agreements, refusing to overwrite unless asked', async () => {
      const a = { id: 'test-truce', title: 'A test truce', text: 'id: test-truce\n', uploadedBy: null };
      assert.equal(await store.agreements.putAgreement(a), 'created');
      assert.equal(await store.agreements.putAgreement({ ...a, title: 'Other' }), 'exists');
      assert.equal((await store.agreements.getAgreement('test-truce'))?.title, 'A test truce');
      assert.equal(
        await store.agreements.putAgreement({ ...a, text: 'id: test-truce\n# v2\n' }, { replace: true }),
        'replaced',
      );
      const got = await store.agreements.getAgreement('test-truce');
      assert.equal(got?.text, 'id: test-truce\n# v2\n');
      assert.match(got?.contentHash ?? '', /^[0-9a-f]{64}$/);
      await store.agreements.putAgreement({ ...a, id: 'a-truce' });
      await store.agreements.putAgreement({ ...a, id: 'a2-truce' });
      assert.deepEqual(
        (await store.agreements.listAgreements()).map((x) => x.id),
        ['a-truce', 'a2-truce', 'test-truce'],
      );
      assert.equal(await store.agreements.getAgreement('missing'), null);
    });
  });
}
