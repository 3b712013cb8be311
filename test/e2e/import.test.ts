import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { ImportService } from '../../src/services/import.service.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite.store.js';
import type { StoredEvent } from '../../src/store/store.js';
import { ROOT, runCli } from './cli.js';

const FIX = resolve(ROOT, 'test/fixtures/import');
const dir = mkdtempSync(join(tmpdir(), 'truce-import-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function importInto(dataset: string, file: string) {
  const store = await openSqliteStore({ path: ':memory:' });
  const summary = await new ImportService(store).importFile(dataset, join(FIX, file));
  const events = await store.listEvents();
  const quarantine = await store.listQuarantine();
  return { store, summary, events, quarantine };
}

const bySource = (events: StoredEvent[]) =>
  new Map(events.map((e) => [e.provenance.kind === 'import' ? e.provenance.sourceId : '', e]));

describe('truce import acled', () => {
  it("today's schema: rows mapped, bad rows quarantined with row, line and reason, batch goes on", async () => {
    const { store, summary, events, quarantine } = await importInto('acled', 'acled-modern.csv');
    assert.deepEqual(summary, { read: 6, new: 3, unchanged: 0, skipped: 0, quarantined: 3, failed: 0 });
    const e = bySource(events);
    const strike = e.get('SYR90002')!;
    assert.equal(strike.event_type, 'Explosions/Remote violence');
    assert.equal(strike.sub_event_type, 'Air/drone strike');
    assert.equal(strike.event_date, '2016-09-04');
    assert.equal(strike.time_precision, 2);
    assert.equal(strike.geo_precision, 2);
    assert.equal(strike.latitude, 35.441);
    assert.equal(
      strike.evidence,
      'Invented: an air strike hit a market, "local sources" said; figures, as usual, vary.',
    );
    assert.deepEqual(strike.provenance, {
      kind: 'import',
      dataset: 'acled',
      file: join(FIX, 'acled-modern.csv'),
      row: 2,
      sourceId: 'SYR90002',
    });
    const reasons = quarantine.map((q) => `${q.what.replace(/^.*\//, '')}: ${q.reason}`);
    assert.deepEqual(reasons, [
      'acled-modern.csv row 3 (line 4): event_date "31 February 2016" is not a date',
      'acled-modern.csv row 4 (line 5): sub_event_type "Air/drone strike" is not a sub-type of Battles',
      'acled-modern.csv row 5 (line 6): latitude "95.5" is not in -90..90',
    ]);
    // Idempotent on (dataset, event_id_cnty): a second import stores nothing new.
    const again = await new ImportService(store).importFile('acled', join(FIX, 'acled-modern.csv'));
    assert.equal(again.new, 0);
    assert.equal(again.unchanged, 3);
    assert.equal(await store.countEvents(), 3);
    await store.close();
  });

  it('the pre-2019 schema: old types mapped to the six (data/import), ally actors, index column', async () => {
    const { store, summary, events, quarantine } = await importInto('acled', 'acled-old-africa.csv');
    assert.equal(summary.new, 4);
    assert.equal(summary.quarantined, 1);
    assert.match(quarantine[0]!.reason, /neither today's nor a known old type/);
    const e = bySource(events);
    assert.equal(e.get('1LBY')!.event_type, 'Riots', 'inter1 5 = rioters');
    assert.equal(e.get('2LBY')!.event_type, 'Protests', 'inter1 6 = protesters');
    assert.equal(e.get('3LBY')!.event_type, 'Violence against civilians', 'old spelling with capitals');
    assert.equal(e.get('3LBY')!.sub_event_type, '', 'no guess of the sub-type');
    const taken = e.get('4LBY')!;
    assert.deepEqual([taken.event_type, taken.sub_event_type], ['Battles', 'Non-state actor overtakes territory']);
    assert.equal(taken.assoc_actor_1, 'Militia X');
    assert.equal(taken.fatalities, 12);
    await store.close();
  });

  it('the old upper-case Asia schema: 01-January-2015 dates, multi-line notes, swapped id columns', async () => {
    const { store, summary, events } = await importInto('acled', 'acled-old-asia.csv');
    assert.equal(summary.new, 2);
    const e = bySource(events);
    assert.equal(e.get('1PAK')!.event_type, 'Explosions/Remote violence');
    assert.equal(e.get('1PAK')!.event_date, '2015-01-02');
    assert.equal(e.get('1PAK')!.evidence, 'Invented: a roadside device went off,\ninjuring two.');
    assert.equal(e.get('2PAK')!.sub_event_type, 'Armed clash');
    await store.close();
  });
});

describe('truce import ucdp', () => {
  it('maps violence types, sides, and UCDP precision codes to ACLED precision', async () => {
    const { store, summary, events, quarantine } = await importInto('ucdp', 'ucdp-ged.csv');
    assert.deepEqual([summary.new, summary.quarantined], [2, 1]);
    assert.match(quarantine[0]!.reason, /type_of_violence "9"/);
    const e = bySource(events);
    const clash = e.get('900001')!;
    assert.deepEqual(
      [
        clash.event_type,
        clash.actor1,
        clash.actor2,
        clash.geo_precision,
        clash.time_precision,
        clash.fatalities,
        clash.admin1,
      ],
      ['Battles', 'Government of Syria', 'Syrian insurgents', 1, 1, 5, 'Aleppo'],
    );
    assert.match(clash.evidence, /deaths low 4, best 5, high 8/);
    const onesided = e.get('900002')!;
    assert.deepEqual(
      [onesided.event_type, onesided.geo_precision, onesided.time_precision, onesided.event_date],
      ['Violence against civilians', 3, 3, '2016-09-01'],
    );
    await store.close();
  });
});

describe('truce import gdelt', () => {
  it('reads 61 tab-separated columns, maps CAMEO 14/18/19/20, skips other roots, quarantines short rows', async () => {
    const { store, summary, events, quarantine } = await importInto('gdelt', 'gdelt.export.CSV');
    assert.deepEqual(summary, { read: 5, new: 3, unchanged: 0, skipped: 1, quarantined: 1, failed: 0 });
    assert.match(quarantine[0]!.reason, /has 5 columns/);
    const e = bySource(events);
    const air = e.get('700000001')!;
    assert.deepEqual(
      [air.event_type, air.sub_event_type, air.location, air.admin1, air.country, air.geo_precision, air.confidence],
      ['Explosions/Remote violence', 'Air/drone strike', 'Aleppo', 'Halab', 'Syria', 1, 0.5],
    );
    assert.equal(e.get('700000002')!.event_type, 'Riots');
    assert.equal(e.get('700000004')!.sub_event_type, 'Abduction/forced disappearance');
    await store.close();
  });
});

describe('truce import (command line)', () => {
  it('prints a JSON summary and exits 1 when rows were quarantined; truce quarantine lists them', () => {
    const db = join(dir, 'cli.db');
    const r = runCli(['import', 'acled', join(FIX, 'acled-modern.csv'), '--db', db, '--format', 'json']);
    assert.equal(r.status, 1, r.stderr);
    const summary = JSON.parse(r.stdout) as Record<string, number>;
    assert.equal(summary.new, 3);
    assert.equal(summary.quarantined, 3);
    const q = runCli(['quarantine', '--db', db, '--format', 'json']);
    assert.equal((JSON.parse(q.stdout) as unknown[]).length, 3);
    const missing = runCli(['import', 'acled', join(dir, 'nope.csv'), '--db', db]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /E001/);
  });
});
