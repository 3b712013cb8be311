/**
 * The one store contract: every backend (sqlite.test.ts, postgres.test.ts) runs these same tests
 * on a fresh, empty store per test. Events, incidents and queries are in store-events.contract.ts.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { TruceError } from '../../src/core/errors.js';
import { contentHash } from '../../src/store/identity.js';
import type { Store } from '../../src/store/store.js';
import { event, omit, sample } from './fixtures.js';
import { eventContract } from './store-events.contract.js';

export interface StoreFactory {
  /** A fresh, empty, migrated store. */
  open(): Promise<Store>;
  /** Drops whatever open() made (temp file, schema). */
  dispose(store: Store): Promise<void>;
}

const isE = (code: string) => (error: unknown) => error instanceof TruceError && error.shortCode === code;

export function storeContract(name: string, factory: StoreFactory): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory.open();
    });
    afterEach(async () => {
      await factory.dispose(store);
    });
    const s = (): Store => store;

    describe('reports', () => {
      it('stores a report with its analysis and events, and reads them back', async () => {
        const [report, analysis, events] = sample('Strike on Aleppo market\nJets struck a market in Aleppo.', {
          events: [event(), event({ fatalities: null, start: 5, end: 11 })],
        });
        const put = await s().putReport({ ...report, url: 'https://example.org/a' }, analysis, events);
        assert.equal(put.status, 'new');
        const stored = await s().getReport(put.id);
        assert.ok(stored);
        assert.equal(stored.raw, report.raw);
        assert.equal(stored.contentHash, contentHash(report.raw));
        assert.equal(stored.mediaType, 'text/plain');
        assert.equal(stored.url, 'https://example.org/a');
        assert.equal(stored.published, '2016-09-13');
        assert.equal(stored.sourceName, 'Reuters');
        assert.equal(stored.visibility, 'public');
        assert.equal(stored.canonicalReportId, null);
        assert.ok(!Number.isNaN(Date.parse(stored.ingestedAt)));
        const a = await s().getAnalysis(put.id);
        assert.equal(a?.pipelineVersion, '0.1.0');
        assert.deepEqual(a?.analysis, analysis.analysis);
        const stored2 = await s().listEvents({ reportId: put.id });
        assert.equal(stored2.length, 2);
        assert.deepEqual(omit(stored2[1]!, ['id', 'provenance']), omit(events[1]!, ['start', 'end']));
        assert.deepEqual(stored2[1]?.provenance, {
          kind: 'report',
          reportId: put.id,
          pipelineVersion: '0.1.0',
          start: 5,
          end: 11,
        });
        assert.deepEqual(await s().getReportByHash(contentHash(report.raw)), stored);
        assert.equal(await s().getReport(put.id + 1000), null);
      });

      it('is idempotent: the same content twice is one report, whatever the metadata', async () => {
        const [report, analysis, events] = sample('Shelling in Idlib\nShells hit Idlib.');
        const first = await s().putReport(report, analysis, events);
        const again = await s().putReport(
          { ...report, sourceName: 'Other wire', url: 'https://x.test' },
          analysis,
          events,
        );
        assert.deepEqual(again, { id: first.id, status: 'duplicate' });
        assert.equal(await s().countEvents(), 1);
        assert.equal((await s().getReport(first.id))?.sourceName, 'Reuters');
        const other = await s().putReport(...sample('Shelling in Idlib\nShells hit Idlib. Updated.'));
        assert.equal(other.status, 'new');
        assert.notEqual(other.id, first.id);
      });

      it('keeps the newer analysis when an older or equal pipeline version comes again', async () => {
        const raw = 'Clash near Hama\nFighters clashed near Hama.';
        const put = await s().putReport(...sample(raw, { version: '0.10.0' }));
        const older = await s().putReport(...sample(raw, { version: '0.9.9', events: [event(), event()] }));
        assert.equal(older.status, 'duplicate');
        assert.equal((await s().getAnalysis(put.id))?.pipelineVersion, '0.10.0');
        assert.equal(await s().countEvents({ reportId: put.id }), 1);
      });

      it('re-analysis with a newer pipeline version replaces analysis, events and search text', async () => {
        const raw = 'Convoy blocked\nA convoy was stopped at the Castello road.';
        const put = await s().putReport(...sample(raw, { headline: 'Convoy blocked', events: [event(), event()] }));
        const newEvents = [event({ event_type: 'Strategic developments', sub_event_type: 'Other', latitude: 36.25 })];
        const [report, analysis] = sample(raw, { headline: 'Aid convoy halted', version: '0.2.0', events: newEvents });
        const re = await s().putReport(report, analysis, newEvents);
        assert.deepEqual(re, { id: put.id, status: 'reanalysed' });
        const events = await s().listEvents({ reportId: put.id });
        assert.equal(events.length, 1);
        assert.equal(events[0]?.event_type, 'Strategic developments');
        assert.equal(events[0]?.provenance.kind === 'report' && events[0].provenance.pipelineVersion, '0.2.0');
        assert.equal((await s().getAnalysis(put.id))?.pipelineVersion, '0.2.0');
        assert.deepEqual(
          (await s().searchReports('halted')).map((h) => h.id),
          [put.id],
        );
        assert.equal((await s().searchReports('"convoy blocked"')).length, 0);
        assert.equal(await s().countEvents(), 1);
        assert.equal((await s().putReport(report, analysis, newEvents)).status, 'duplicate');
      });

      it('rolls back the whole report when a write fails mid-way', async () => {
        const bad = [event(), event(), event({ latitude: 500 }), event()];
        const [report, analysis] = sample('Doomed report\nThis one fails on its third event.', {
          source: 'Doomed wire',
        });
        await assert.rejects(s().putReport(report, analysis, bad));
        assert.equal(await s().getReportByHash(contentHash(report.raw)), null);
        assert.equal(await s().countEvents(), 0);
        assert.deepEqual(await s().searchReports('doomed'), []);
        assert.deepEqual(await s().listSources(), []);
        const retry = await s().putReport(report, analysis, [event()]);
        assert.equal(retry.status, 'new');
        assert.equal(await s().countEvents(), 1);
      });

      it('a failed re-analysis leaves the previous analysis and events intact', async () => {
        const raw = 'Strike on Douma\nAircraft struck Douma.';
        const put = await s().putReport(...sample(raw, { events: [event(), event()] }));
        const [report, analysis] = sample(raw, { version: '0.3.0' });
        await assert.rejects(s().putReport(report, analysis, [event(), event({ confidence: 7 })]));
        assert.equal((await s().getAnalysis(put.id))?.pipelineVersion, '0.1.0');
        assert.equal(await s().countEvents({ reportId: put.id }), 2);
        assert.equal((await s().searchReports('douma')).length, 1);
      });

      it('rejects bad report input with a catalogued error', async () => {
        const [report, analysis, events] = sample('x\ny');
        await assert.rejects(s().putReport({ ...report, published: '13/09/2016' }, analysis, events), isE('E007'));
        await assert.rejects(s().putReport({ ...report, raw: 'nul\u0000byte' }, analysis, events), isE('E004'));
        await assert.rejects(s().putReport(report, { ...analysis, pipelineVersion: '' }, events), isE('E007'));
      });

      it('links syndicated copies to a canonical report', async () => {
        const a = await s().putReport(...sample('Wire story\nText one.'));
        const b = await s().putReport(...sample('Wire story\nText one, as printed elsewhere.'));
        await s().setCanonical(b.id, a.id);
        assert.equal((await s().getReport(b.id))?.canonicalReportId, a.id);
        await s().setCanonical(b.id, null);
        assert.equal((await s().getReport(b.id))?.canonicalReportId, null);
        await assert.rejects(s().setCanonical(a.id, a.id), isE('E007'));
      });

      it('stores hostile strings and returns them intact', async () => {
        const hostile = [
          `'); DROP TABLE reports; --`,
          `" OR 1=1 --`,
          `Robert'); DELETE FROM events WHERE ('1'='1`,
          `\\'; SELECT pg_sleep(10); --`,
          `50% of _all_ \\ back\\slash $1 ? ?1 :name @x`,
          `<script>alert("x")</script> & &amp;`,
          `Ḥalab حلب 🇸🇾 \u202e rtl \t tab\r\nCRLF`,
        ];
        const raw = hostile.join('\n');
        const ev = event({ actor1: hostile[0]!, evidence: hostile[5]!, location: hostile[6]!, source: hostile[1]! });
        const [report, analysis] = sample(raw, { headline: hostile[2]!, events: [ev] });
        const put = await s().putReport({ ...report, url: hostile[4]!, sourceName: hostile[3]! }, analysis, [ev]);
        const stored = await s().getReport(put.id);
        assert.equal(stored?.raw, raw);
        assert.equal(stored?.url, hostile[4]);
        assert.equal(stored?.sourceName, hostile[3]);
        assert.deepEqual((await s().getAnalysis(put.id))?.analysis, analysis.analysis);
        const [got] = await s().listEvents({ actor: `DROP TABLE` });
        assert.equal(got?.actor1, hostile[0]);
        assert.equal(got?.evidence, hostile[5]);
        assert.equal(got?.location, hostile[6]);
        assert.equal(got?.source, hostile[1]);
        await s().quarantine({ what: hostile[0]!, reason: hostile[1]!, detail: hostile[6]! });
        const [q] = await s().listQuarantine();
        assert.deepEqual([q?.what, q?.reason, q?.detail], [hostile[0], hostile[1], hostile[6]]);
        assert.equal((await s().searchReports('DELETE FROM events')).length, 1);
        assert.equal(await s().countEvents(), 1, 'the tables are still there');
      });
    });

    describe('full-text search', () => {
      beforeEach(async () => {
        await s().putReport(...sample('Aleppo convoy attacked\nAn aid convoy was hit west of Aleppo.'));
        await s().putReport(...sample('Talks in Geneva\nDiplomats met in Geneva about Aleppo.'));
        await s().putReport(...sample('Shelling in Daraa\nShells fell on Daraa overnight; no convoy moved.'));
      });
      const heads = async (q: string) => (await s().searchReports(q)).map((h) => h.headline).sort();

      it('finds words, phrases, prefixes and boolean combinations', async () => {
        assert.deepEqual(await heads('aleppo'), ['Aleppo convoy attacked', 'Talks in Geneva']);
        assert.deepEqual(await heads('aleppo AND convoy'), ['Aleppo convoy attacked']);
        assert.deepEqual(await heads('aleppo convoy'), ['Aleppo convoy attacked']);
        assert.deepEqual(await heads('geneva OR daraa'), ['Shelling in Daraa', 'Talks in Geneva']);
        assert.deepEqual(await heads('convoy NOT aleppo'), ['Shelling in Daraa']);
        assert.deepEqual(await heads('"aid convoy"'), ['Aleppo convoy attacked']);
        assert.deepEqual(await heads('"convoy aid"'), []);
        assert.deepEqual(await heads('dipl*'), ['Talks in Geneva']);
        assert.deepEqual(await heads('(geneva OR daraa) AND NOT shells'), ['Talks in Geneva']);
        assert.deepEqual(await heads('ALEPPO'), ['Aleppo convoy attacked', 'Talks in Geneva']);
      });

      it('ranks a headline match first and fills the hit', async () => {
        const hits = await s().searchReports('aleppo');
        assert.equal(hits[0]?.headline, 'Aleppo convoy attacked');
        assert.equal(hits[0]?.sourceName, 'Reuters');
        assert.equal(hits[0]?.published, '2016-09-13');
        assert.ok(hits[0]!.score >= hits[1]!.score);
        assert.equal((await s().searchReports('aleppo', { limit: 1 })).length, 1);
      });

      it('treats FTS syntax in a query as words, never as operators or column filters', async () => {
        assert.deepEqual(await heads('headline:aleppo'), []);
        assert.deepEqual(await heads('aleppo^ -convoy+'), ['Aleppo convoy attacked']);
        assert.deepEqual(await heads('NEAR(aleppo convoy)'), []);
      });

      it('answers a malformed query with a clear E007 error, not a crash', async () => {
        for (const q of [
          '',
          '   ',
          '"aleppo',
          'NOT aleppo',
          'aleppo AND',
          '(aleppo',
          'aleppo)',
          'OR',
          '***',
          'a OR OR b',
        ]) {
          await assert.rejects(
            s().searchReports(q),
            (e: unknown) => isE('E007')(e) && /search query/.test(String(e)),
            q,
          );
        }
      });
    });

    describe('sources and quarantine', () => {
      it('upserts sources by name and creates them from reports', async () => {
        await s().putReport(...sample('One\nTwo.', { source: 'SANA' }));
        const src = await s().putSource('SANA', 'news', 'https://sana.example');
        await s().putSource('Field team 3', 'monitor');
        const all = await s().listSources();
        assert.deepEqual(
          all.map((x) => [x.name, x.kind, x.url]),
          [
            ['Field team 3', 'monitor', null],
            ['SANA', 'news', 'https://sana.example'],
          ],
        );
        assert.equal(all[1]?.id, src.id);
      });

      it('keeps quarantined items with their reason, in order', async () => {
        const a = await s().quarantine({
          what: 'export.csv row 17',
          reason: 'latitude is not a number',
          detail: 'abc',
        });
        const b = await s().quarantine({ what: 'feed.xml', reason: 'not XML' });
        assert.ok(b > a);
        const list = await s().listQuarantine();
        assert.deepEqual(
          list.map((q) => [q.what, q.reason, q.detail]),
          [
            ['export.csv row 17', 'latitude is not a number', 'abc'],
            ['feed.xml', 'not XML', null],
          ],
        );
        assert.ok(!Number.isNaN(Date.parse(list[0]!.createdAt)));
        assert.equal((await s().listQuarantine({ limit: 1 })).length, 1);
      });
    });

    eventContract(s);
  });
}
