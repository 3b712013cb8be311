/**
 * The command line's writes are in the audit log too, named `cli:<os user>`: ingest (each report in
 * the transaction that stores it, the quarantine, the corroboration), import (one entry per run),
 * corroborate (in the transaction that rewrites the incidents); `truce audit verify` still holds.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openSqliteStore } from '../../src/store/sqlite/sqlite.store.js';
import { ROOT, runCli } from './cli.js';

let dir: string;
let db: string;
const ACTOR = `cli:${userInfo().username}`;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'truce-cli-audit-'));
  db = join(dir, 'truce.db');
  writeFileSync(join(dir, 'empty.txt'), '');
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function entries(): Promise<{ actor: string; action: string; subject: string }[]> {
  const store = await openSqliteStore({ path: db });
  try {
    return (await store.audit.list({ limit: 500 })).reverse();
  } finally {
    await store.close();
  }
}

describe('CLI writes in the audit log', () => {
  it('ingest, import and corroborate are recorded with the operating-system user', async () => {
    const ingest = runCli([
      'ingest',
      join(ROOT, 'examples/aleppo-air-strikes.txt'),
      join(dir, 'empty.txt'),
      '--db',
      db,
    ]);
    assert.ok(ingest.status === 0 || ingest.status === 1, ingest.stderr);
    const imp = runCli(['import', 'acled', join(ROOT, 'test/fixtures/import/acled-modern.csv'), '--db', db]);
    assert.ok(imp.status === 0 || imp.status === 1, imp.stderr);
    const corro = runCli(['corroborate', '--db', db]);
    assert.equal(corro.status, 0, corro.stderr);
    const log = await entries();
    const actions = log.map((e) => e.action);
    for (const a of ['report.create', 'quarantine.create', 'events.import', 'incidents.corroborate'])
      assert.ok(actions.includes(a), `${a} in ${actions.join(', ')}`);
    assert.ok(
      log.every((e) => e.actor === ACTOR),
      JSON.stringify(log.map((e) => e.actor)),
    );
    assert.equal(log.filter((e) => e.action === 'events.import')[0]?.subject, 'dataset:acled');
    const verify = runCli(['audit', 'verify', '--db', db]);
    assert.equal(verify.status, 0, verify.stderr);
    assert.match(verify.stdout, new RegExp(`audit chain intact: ${log.length} entries`));
  });

  it('ingesting the same report again records nothing new', async () => {
    const before = (await entries()).length;
    runCli(['ingest', join(ROOT, 'examples/aleppo-air-strikes.txt'), '--db', db]);
    assert.equal((await entries()).length, before);
  });
});
