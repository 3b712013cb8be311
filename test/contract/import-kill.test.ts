/**
 * kill -9 in the middle of `truce import` (ADR 0007): the reopened store is intact (integrity check,
 * every index and trigger of the events table back), holds every batch that committed before the
 * kill and nothing of an unfinished bulk load, and running the import again completes it with no
 * duplicates.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { csvField } from '../../src/services/csv.js';
import { ACLED_COLUMNS, acledDate } from '../../src/services/export.service.js';
import { ImportService } from '../../src/services/import.service.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite.store.js';

const ROWS = 20_000;
const dir = mkdtempSync(join(tmpdir(), 'truce-import-kill-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** An invented ACLED export of `rows` rows (ids FRD1..), every tenth row without coordinates. */
function writeExport(path: string, rows: number): void {
  const lines = [ACLED_COLUMNS.join(',')];
  for (let i = 1; i <= rows; i++) {
    const v: Record<string, string | number> = {
      event_id_cnty: `FRD${i}`,
      event_date: acledDate(`2016-0${1 + (i % 9)}-1${i % 10}`),
      time_precision: 1,
      event_type: 'Battles',
      sub_event_type: 'Armed clash',
      actor1: `Group ${i % 13}`,
      country: 'Freedonia',
      location: `Town ${i % 97}`,
      latitude: i % 10 ? 30 + (i % 80) / 10 : '',
      longitude: i % 10 ? 60 + (i % 70) / 10 : '',
      geo_precision: 1,
      source: 'Invented Wire',
      notes: `On a day, groups fought near town ${i % 97}, "row ${i}".`,
      fatalities: i % 5,
    };
    lines.push(ACLED_COLUMNS.map((c) => csvField(v[c] ?? '')).join(','));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/** Runs the child until it printed `progress` `lines` times (plus a random delay), then SIGKILLs it. */
function importThenKill(db: string, csv: string, mode: 'bulk' | 'batches', lines: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/contract/import-child.ts', db, csv, mode], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let seen = 0;
    let lastRead = 0;
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const m of chunk.matchAll(/progress (\d+)/g)) {
        lastRead = Number(m[1]);
        if (++seen === lines) setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 15));
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(lastRead);
      else reject(new Error(`child exited with ${code} before the kill: ${stderr}`));
    });
  });
}

/** Indexes and triggers of the events table, as a fresh store has them. */
function schema(store: SqliteStore): unknown[] {
  return store.connection
    .prepare(`SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ('events', 'event_geo') ORDER BY type, name`)
    .all();
}

async function check(db: string): Promise<{ events: number; geo: number; schema: unknown[] }> {
  const store = await openSqliteStore({ path: db });
  try {
    assert.equal(store.connection.pragma('integrity_check', { simple: true }), 'ok');
    const n = (sql: string) => (store.connection.prepare(sql).get() as { n: number }).n;
    const geo = n('SELECT count(*) AS n FROM event_geo');
    assert.equal(
      geo,
      n('SELECT count(*) AS n FROM events WHERE latitude IS NOT NULL'),
      'one R*Tree row per located event',
    );
    return { events: await store.countEvents(), geo, schema: schema(store) };
  } finally {
    await store.close();
  }
}

async function finish(db: string, csv: string): Promise<{ new: number; unchanged: number }> {
  const store = await openSqliteStore({ path: db });
  try {
    return await new ImportService(store).importFile('acled', csv);
  } finally {
    await store.close();
  }
}

describe('kill -9 during truce import', { timeout: 240_000 }, () => {
  const csv = join(dir, 'export.csv');
  writeExport(csv, ROWS);
  let fresh: unknown[];

  it('batch transactions: committed batches stay, the rest comes with the next run', async () => {
    const db = join(dir, 'batches.db');
    const store = await openSqliteStore({ path: db });
    fresh = schema(store);
    await store.close();
    const printed = await importThenKill(db, csv, 'batches', 3);
    const after = await check(db);
    assert.deepEqual(after.schema, fresh);
    // Every batch printed had committed; at most the one in flight at the kill committed too.
    assert.ok(after.events >= printed && after.events <= printed + 2000, `${after.events} rows, ${printed} printed`);
    const rest = await finish(db, csv);
    assert.equal(rest.new + rest.unchanged, ROWS);
    assert.equal(rest.unchanged, after.events);
    assert.equal((await check(db)).events, ROWS);
  });

  it('one bulk load: nothing of it stays, the schema is whole, and a second run loads it all', async () => {
    const db = join(dir, 'bulk.db');
    const store = await openSqliteStore({ path: db });
    // Committed before the load: must survive it.
    await store.putImportedEvents([
      {
        event_type: 'Protests',
        sub_event_type: 'Peaceful protest',
        actor1: 'Protesters (Freedonia)',
        assoc_actor_1: null,
        actor2: null,
        assoc_actor_2: null,
        location: 'Capital',
        admin1: null,
        country: 'Freedonia',
        latitude: 31,
        longitude: 61,
        geo_precision: 1,
        event_date: '2015-05-05',
        time_precision: 1,
        fatalities: 0,
        modality: 'asserted',
        source: 'Invented Wire',
        evidence: 'A march.',
        confidence: 1,
        provenance: { kind: 'import', dataset: 'acled', file: 'earlier.csv', row: 1, sourceId: 'EARLIER1' },
      },
    ]);
    await store.close();
    await importThenKill(db, csv, 'bulk', 3);
    const after = await check(db);
    assert.deepEqual(after.schema, fresh, 'indexes and the R*Tree trigger are back');
    assert.equal(after.events, 1, 'only the row committed before the load');
    const rest = await finish(db, csv);
    assert.deepEqual([rest.new, rest.unchanged], [ROWS, 0]);
    assert.equal((await check(db)).events, ROWS + 1);
  });
});
