import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { ACLED_COLUMNS, ExportService, type ExportFormat } from '../../src/services/export.service.js';
import { ImportService } from '../../src/services/import.service.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite.store.js';
import type { EventFilter, Store, StoredEvent } from '../../src/store/store.js';
import { ROOT, runCli } from './cli.js';

const FIX = resolve(ROOT, 'test/fixtures/import');
const dir = mkdtempSync(join(tmpdir(), 'truce-export-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function exportText(store: Store, format: ExportFormat, filter: EventFilter = {}): Promise<string> {
  let text = '';
  for await (const chunk of new ExportService(store).export(format, filter, { written: 0, withoutPlace: 0 }))
    text += chunk;
  return text;
}

/** Fields an ACLED export carries; provenance, modality and confidence are ours. */
function comparable(e: StoredEvent) {
  const fields: Partial<StoredEvent> = { ...e };
  for (const k of ['id', 'provenance', 'modality', 'confidence'] as const) delete fields[k];
  return { sourceId: e.provenance.kind === 'import' ? e.provenance.sourceId : `TRUCE-${e.id}`, ...fields };
}

describe('truce export --format acled', () => {
  it("has the 31 columns of ACLED's current export, in its order", async () => {
    // The header of ACLED's 2020 export (checked against a real file, not copied from it).
    const expected =
      'data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,' +
      'actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,admin3,' +
      'location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3';
    assert.equal(ACLED_COLUMNS.join(','), expected);
    assert.equal(ACLED_COLUMNS.length, 31);
  });

  it('round-trips: importing our own export gives back the same events', async () => {
    const a = await openSqliteStore({ path: ':memory:' });
    for (const f of ['acled-modern.csv', 'acled-old-africa.csv', 'acled-old-asia.csv'])
      await new ImportService(a).importFile('acled', join(FIX, f));
    const csv = await exportText(a, 'acled');
    const file = join(dir, 'roundtrip.csv');
    writeFileSync(file, csv);
    const b = await openSqliteStore({ path: ':memory:' });
    const summary = await new ImportService(b).importFile('acled', file);
    assert.equal(summary.quarantined, 0);
    assert.equal(summary.new, await a.countEvents());
    assert.deepEqual((await b.listEvents()).map(comparable), (await a.listEvents()).map(comparable));
    // And a second time into the first store: every row is already there.
    const again = await new ImportService(a).importFile('acled', file);
    assert.equal(again.new, 0);
    await Promise.all([a.close(), b.close()]);
  });

  it('quotes hostile text so any CSV reader gets it back intact', async () => {
    const store = await openSqliteStore({ path: ':memory:' });
    const hostile = [
      'a "quoted", comma',
      'two\nlines\r\nand CRLF',
      ' leading and trailing ',
      '=1+2,"x"',
      'tab\there; semi',
    ];
    await store.putImportedEvents(
      hostile.map((text, i) => ({
        event_type: 'Battles',
        sub_event_type: 'Armed clash',
        actor1: text,
        assoc_actor_1: null,
        actor2: null,
        assoc_actor_2: null,
        location: text,
        admin1: null,
        country: 'Syria',
        latitude: null,
        longitude: null,
        geo_precision: null,
        event_date: '2016-09-04',
        time_precision: 1,
        fatalities: null,
        modality: 'asserted',
        source: null,
        evidence: text,
        confidence: 1,
        provenance: { kind: 'import', dataset: 'acled', file: 'hand', row: i + 1, sourceId: `H${i}` },
      })),
    );
    const rows = parse(await exportText(store, 'acled'), { columns: true }) as Record<string, string>[];
    assert.deepEqual(
      rows.map((r) => [r.actor1, r.location, r.notes]),
      hostile.map((t) => [t, t, t]),
    );
    await store.close();
  });
});

describe('truce export --format geojson | jsonl, with filters', () => {
  it('writes a FeatureCollection of located events and JSON Lines, filtered by type and box', async () => {
    const store = await openSqliteStore({ path: ':memory:' });
    await new ImportService(store).importFile('acled', join(FIX, 'acled-modern.csv'));
    const geo = JSON.parse(await exportText(store, 'geojson')) as {
      type: string;
      features: { geometry: { coordinates: number[] }; properties: StoredEvent }[];
    };
    assert.equal(geo.type, 'FeatureCollection');
    assert.equal(geo.features.length, 3);
    assert.deepEqual(geo.features[0]!.geometry.coordinates, [37.1343, 36.2021]);
    const lines = (await exportText(store, 'jsonl', { eventType: 'Battles' })).trim().split('\n');
    assert.equal(lines.length, 1);
    assert.equal((JSON.parse(lines[0]!) as StoredEvent).location, 'Aleppo');
    const boxed = await exportText(store, 'jsonl', { bbox: { west: 36, south: 35, east: 37, north: 36 } });
    assert.deepEqual(
      boxed
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as StoredEvent).location),
      ['Khan Shaykhun'],
    );
    await store.close();
  });

  it('the command streams to standard output and checks its filters', () => {
    const db = join(dir, 'cli.db');
    runCli(['import', 'acled', join(FIX, 'acled-modern.csv'), '--db', db]);
    const r = runCli(['export', '--format', 'acled', '--db', db, '--near', '36.2,37.1,50']);
    assert.equal(r.status, 0, r.stderr);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    assert.deepEqual(
      rows.map((x) => [x.event_id_cnty, x.event_date]),
      [['SYR90001', '3 September 2016']],
    );
    const bad = runCli(['export', '--db', db, '--bbox', '1,2,3']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /E007.*--bbox/);
  });
});
