/**
 * `truce corroborate` and `truce incidents` end to end on a store built through the Store API with
 * hand-built events (invented incidents), plus the incremental service on re-analysis.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { corroborateAll, corroborateEvents } from '../../src/services/corroborate.service.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite.store.js';
import { event, sample } from '../contract/fixtures.js';
import { runCli } from './cli.js';

const dir = mkdtempSync(join(tmpdir(), 'truce-incidents-'));
const db = join(dir, 'truce.db');
let store: SqliteStore;

// Two outlets report one strike in Aleppo (5 and 9 killed); a third copies the first story;
// a fourth blames the coalition for it; an unrelated clash in Idlib; a hostile-text event in Homs.
const strike = event();
const idlib = event({
  event_type: 'Battles',
  sub_event_type: 'Armed clash',
  location: 'Idlib',
  admin1: 'Idlib',
  latitude: 35.93,
  longitude: 36.63,
  actor1: 'Opposition Rebels (Syria)',
  actor2: 'Military Forces of Syria (2000-2024)',
  fatalities: null,
});
const homs = event({
  location: '=HYPERLINK("x"),"evil"\nline',
  admin1: 'Homs',
  latitude: 34.73,
  longitude: 36.71,
  event_date: '2016-10-02',
  actor1: 'Military Forces of Russia (2000-)',
});

before(async () => {
  store = await openSqliteStore({ path: db });
  const a = await store.putReport(
    ...sample('Jets hit Aleppo\nJets hit a market in Aleppo, killing five.', { events: [strike] }),
  );
  await store.putReport(
    ...sample('Market strike\nNine people died when jets struck a market in Aleppo.', {
      source: 'AFP',
      // The fixture's events cite Reuters; AFP's own reporting cites AFP (ADR 0008: citing Reuters
      // would make it the same source as the Reuters report).
      events: [event({ fatalities: 9, source: 'AFP' })],
    }),
  );
  const copy = await store.putReport(
    ...sample('Jets hit Aleppo (copy)\nJets hit a market in Aleppo, killing five.', {
      source: 'Daily Star',
      events: [event({ fatalities: 6 })],
    }),
  );
  await store.setCanonical(copy.id, a.id);
  await store.putReport(...sample('Idlib clashes\nRebels fought troops near Idlib.', { events: [idlib] }));
  await store.putReport(...sample('Homs strike\nA strike hit Homs.', { source: 'Homs monitor', events: [homs] }));
  await store.close();
});
after(async () => store?.close());

describe('truce corroborate / incidents', () => {
  it('corroborate builds three incidents and is idempotent', () => {
    const r1 = runCli(['corroborate', '--db', db, '--format', 'json']);
    assert.equal(r1.status, 0, r1.stderr);
    assert.deepEqual(JSON.parse(r1.stdout).created, 3);
    const r2 = JSON.parse(runCli(['corroborate', '--db', db, '--format', 'json']).stdout);
    assert.deepEqual([r2.created, r2.updated, r2.deleted, r2.unchanged], [0, 0, 0, 3]);
  });

  it('the Aleppo strike is corroborated by two independent sources (the copy does not count)', () => {
    const r = runCli(['incidents', '--db', db, '--format', 'json', '--near', '36.2,37.13,5']);
    assert.equal(r.status, 0, r.stderr);
    const [inc, ...rest] = JSON.parse(r.stdout);
    assert.equal(rest.length, 0);
    assert.equal(inc.grade, 'corroborated');
    assert.equal(inc.independentSources, 2);
    assert.equal(inc.sources.length, 3);
    assert.deepEqual([inc.fatalitiesLow, inc.fatalitiesBest, inc.fatalitiesHigh], [6, 6, 9]);
  });

  it('filters: type, date range, bbox, grade, actor', () => {
    const ids = (args: string[]) =>
      JSON.parse(runCli(['incidents', '--db', db, '--format', 'json', ...args]).stdout).map(
        (v: { location: string }) => v.location,
      );
    assert.deepEqual(ids(['--type', 'Battles']), ['Idlib']);
    assert.equal(ids(['--from', '2016-10-01', '--to', '2016-10-31']).length, 1);
    assert.deepEqual(ids(['--bbox', '36.5,35.5,36.8,36.1']), ['Idlib']);
    assert.equal(ids(['--grade', 'corroborated']).length, 1);
    assert.equal(ids(['--actor', "Russia' OR 1=1 --"]).length, 0);
  });

  it('geojson is a FeatureCollection with [lon, lat] points', () => {
    const g = JSON.parse(runCli(['incidents', '--db', db, '--format', 'geojson']).stdout);
    assert.equal(g.type, 'FeatureCollection');
    assert.equal(g.features.length, 3);
    const idlibFeature = g.features.find(
      (f: { properties: { location: string } }) => f.properties.location === 'Idlib',
    );
    assert.deepEqual(idlibFeature.geometry, { type: 'Point', coordinates: [36.63, 35.93] });
  });

  it('csv quotes hostile text and defuses formulas', () => {
    const r = runCli(['incidents', '--db', db, '--format', 'csv', '--from', '2016-10-01']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^incident_id,grade,/);
    assert.ok(r.stdout.includes(`"'=HYPERLINK(""x""),""evil""\nline"`), r.stdout);
  });

  it('bad options are errors with a code', () => {
    const r = runCli(['incidents', '--db', db, '--near', '36,37']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /E007/);
    assert.match(runCli(['incidents', '--db', db, '--from', '2016-13-01']).stderr, /E006/);
  });
});

describe('corroborateEvents (incremental)', () => {
  it('a new source joins the incident; re-analysis updates without duplicating', async () => {
    const s = await openSqliteStore({ path: join(dir, 'inc.db') });
    try {
      const one = await s.putReport(...sample('First\nJets hit Aleppo.', { events: [event()] }));
      const firstIds = (await s.listEvents({ reportId: one.id })).map((e) => e.id);
      assert.equal((await corroborateEvents(s, firstIds)).created, 1);
      const two = await s.putReport(
        ...sample('Second\nJets hit Aleppo again.', {
          source: 'AFP',
          events: [event({ fatalities: 8, source: 'AFP' })],
        }),
      );
      const r = await corroborateEvents(
        s,
        (await s.listEvents({ reportId: two.id })).map((e) => e.id),
      );
      assert.deepEqual([r.created, r.updated], [0, 1]);
      const [inc] = await s.listIncidents();
      assert.equal(inc!.grade, 'corroborated');
      // Report 2 re-analysed by a newer pipeline: now it blames the coalition.
      const again = await s.putReport(
        ...sample('Second\nJets hit Aleppo again.', {
          source: 'AFP',
          version: '0.2.0',
          events: [event({ actor1: 'Military Forces of the United States (2017-2021)', source: 'AFP' })],
        }),
      );
      assert.equal(again.status, 'reanalysed');
      await corroborateEvents(
        s,
        (await s.listEvents({ reportId: two.id })).map((e) => e.id),
      );
      const all = await s.listIncidents();
      assert.equal(all.length, 1);
      assert.equal(all[0]!.grade, 'contested');
      assert.equal(all[0]!.eventIds.length, 2);
      assert.deepEqual(await s.incidents.staleIncidentIds(), []);
      const full = await corroborateAll(s);
      assert.deepEqual([full.created, full.updated, full.deleted, full.unchanged], [0, 0, 0, 1]);
      // Re-analysed again with no event at all: the incident falls back to one source.
      await s.putReport(...sample('Second\nJets hit Aleppo again.', { source: 'AFP', version: '0.3.0', events: [] }));
      await corroborateEvents(s, []);
      const last = await s.listIncidents();
      assert.deepEqual([last.length, last[0]!.grade, last[0]!.eventIds], [1, 'single_source', firstIds]);
    } finally {
      await s.close();
    }
  });
});
