/**
 * The demo `npm start` opens: the examples stored with their manifest's visibility, incidents and
 * findings made, an admin with a one-time password that must be changed, and nothing doubled when
 * it starts again on the same database.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it, test } from 'node:test';
import { PUBLIC_SCOPE } from '../../src/auth/principal.js';
import { AccountsService } from '../../src/services/accounts.service.js';
import { AnalyzeService } from '../../src/services/analyze.service.js';
import { DemoService, DEMO_MANIFEST, type DemoSummary } from '../../src/services/demo.service.js';
import { loadManifest } from '../../src/services/manifest.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite.store.js';
import { ROOT } from './cli.js';
import { FAST_SCRYPT } from './server-harness.js';

const entries = loadManifest(DEMO_MANIFEST);
const analyze = new AnalyzeService();

describe('demo service', () => {
  let dir: string;
  let store: SqliteStore;
  let first: DemoSummary;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'truce-demo-'));
    store = await openSqliteStore({ path: join(dir, 'demo.db'), synchronous: 'NORMAL' });
    first = await new DemoService(store, { analyze, scrypt: FAST_SCRYPT }).prepare();
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores every example report and makes incidents and findings', () => {
    assert.equal(first.reports.read, entries.length);
    assert.equal(first.reports.new, entries.length);
    assert.equal(first.reports.failed, 0);
    assert.ok(first.incidents.total >= 10, `only ${first.incidents.total} incidents`);
    assert.equal(first.agreement.id, 'syria-2016-09-arrangement');
    assert.ok(first.findings.violations + first.findings.possible > 0);
  });

  it('gives each report the visibility its manifest entry names', async () => {
    const restricted = entries.filter((e) => e.visibility === 'restricted');
    const monitorsOnly = entries.filter((e) => e.visibility === 'monitors');
    assert.ok(restricted.length >= 2 && monitorsOnly.length >= 1, 'the demo shows every kind of visibility');
    const publicIds = new Set((await store.access.listReports(PUBLIC_SCOPE, { limit: 100 })).map((r) => r.id));
    assert.equal(publicIds.size, entries.length - restricted.length - monitorsOnly.length);
    for (const party of new Set(restricted.flatMap((e) => e.parties ?? []))) {
      const seen = await store.access.listReports({ all: false, monitors: false, party }, { limit: 100 });
      const own = restricted.filter((e) => e.parties?.includes(party)).length;
      assert.equal(seen.length, publicIds.size + own, `party ${party} sees public reports and its own`);
    }
  });

  it('makes an admin whose one-time password works once and must be changed', async () => {
    assert.ok(first.admin && !first.admin.reset);
    const accounts = new AccountsService(store, { scrypt: FAST_SCRYPT });
    const signedIn = await accounts.login(first.admin.email, first.admin.password);
    assert.equal(signedIn.user.role, 'admin');
    assert.equal(signedIn.user.mustChangePassword, true);
  });

  it('changes nothing on a second start, and prints no password', async () => {
    const incidents = first.incidents.total;
    const audit = (await store.audit.list({ limit: 1000 })).length;
    const again = await new DemoService(store, { analyze, scrypt: FAST_SCRYPT }).prepare();
    assert.deepEqual(again.reports, { read: entries.length, new: 0, unchanged: entries.length, failed: 0 });
    assert.equal(again.incidents.total, incidents);
    assert.equal(again.incidents.created, 0);
    assert.deepEqual(again.findings, first.findings);
    assert.equal(again.admin, null);
    assert.equal((await store.audit.list({ limit: 1000 })).length, audit, 'no audit entry for a no-op start');
  });

  it('--reset-admin makes a new one-time password and ends the old sessions', async () => {
    const accounts = new AccountsService(store, { scrypt: FAST_SCRYPT });
    const old = first.admin!;
    const session = await accounts.login(old.email, old.password);
    const reset = await new DemoService(store, { analyze, scrypt: FAST_SCRYPT, resetAdmin: true }).prepare();
    assert.ok(reset.admin?.reset);
    assert.notEqual(reset.admin.password, old.password);
    assert.equal(await accounts.fromSession(session.sessionId), null, 'old session revoked');
    await assert.rejects(accounts.login(old.email, old.password), /E020|wrong/);
    const fresh = await accounts.login(reset.admin.email, reset.admin.password);
    assert.equal(fresh.user.mustChangePassword, true);
  });
});

test('truce demo: prints the address and the password, and serves the examples', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'truce-demo-cli-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(ROOT, 'src/cli/main.ts'), 'demo', '--db', join(dir, 'd.db'), '--port', '0'],
    { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  try {
    const url = await new Promise<string>((done, fail) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /Open (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) done(m[1] as string);
      });
      child.once('exit', (code) => fail(new Error(`demo exited ${code}: ${out}${err}`)));
    });
    assert.match(out, /password\s+\S{20}/);
    const reports = (await (await fetch(`${url}/api/reports?limit=100`)).json()) as { items: unknown[] };
    const restricted = entries.filter((e) => e.visibility && e.visibility !== 'public').length;
    assert.equal(reports.items.length, entries.length - restricted, 'the public sees the public examples');
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
});
