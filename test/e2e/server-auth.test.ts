/** Accounts, sessions, CSRF, tokens, rate limits, headers and the audit chain, from the outside. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { AuditService } from '../../src/services/audit.service.js';
import { runCli } from './cli.js';
import { as, PASSWORD, startHarness, type Harness } from './server-harness.js';

let h: Harness;
before(async () => {
  h = await startHarness({ rateLimits: { login: 30 } });
});
after(() => h.close());

describe('sessions', () => {
  it('sets an HttpOnly, SameSite=Strict cookie and refuses a wrong password with E020', async () => {
    await h.user('m@example.org', 'monitor');
    const bad = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'm@example.org', password: 'wrong password!' },
    });
    assert.equal(bad.statusCode, 401);
    assert.equal(bad.json().code, 'E020');
    const ok = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'm@example.org', password: PASSWORD },
    });
    const c = ok.cookies.find((x) => x.name === 'truce_session');
    assert.ok(c?.httpOnly);
    assert.equal(c?.sameSite, 'Strict');
  });

  it('needs the CSRF token on writes made with a cookie, and logout revokes the session', async () => {
    const s = await h.user('analyst@example.org', 'analyst');
    const noCsrf = await h.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie: s.cookie },
      payload: { name: 'x' },
    });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(noCsrf.json().code, 'E026');
    const out = await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: as(s) });
    assert.equal(out.statusCode, 204);
    const me = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(s) });
    assert.equal(me.statusCode, 401);
  });

  it('a password change signs out the account elsewhere but keeps the session that made it', async () => {
    const here = await h.user('moved@example.org', 'analyst');
    const elsewhere = await h.login('moved@example.org', PASSWORD);
    const changed = await h.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: as(here),
      payload: { current: PASSWORD, next: 'another long passphrase' },
    });
    assert.equal(changed.statusCode, 204);
    assert.equal((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(here) })).statusCode, 200);
    const other = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(elsewhere) });
    assert.equal(other.statusCode, 401);
    await h.login('moved@example.org', 'another long passphrase');
  });

  it('a session on a one-time password may only replace it: other writes refused, reads as the public', async () => {
    await h.user('reset.me@example.org', 'monitor');
    const u = await h.store.accounts.getUserByEmail('reset.me@example.org');
    await h.store.accounts.setPassword(u!.id, u!.passwordHash, true); // as an admin's reset leaves it
    const s = await h.login('reset.me@example.org', PASSWORD);
    const me = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(s) });
    assert.equal(me.json().mustChangePassword, true);
    const write = await h.app.inject({ method: 'POST', url: '/api/tokens', headers: as(s), payload: { name: 'x' } });
    assert.equal(write.statusCode, 403);
    assert.equal(write.json().code, 'E021');
    const audit = await h.app.inject({ method: 'GET', url: '/api/audit', headers: as(s) });
    assert.equal(audit.statusCode, 401); // answered as for the public
    const changed = await h.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: as(s),
      payload: { current: PASSWORD, next: 'a passphrase of my own' },
    });
    assert.equal(changed.statusCode, 204);
    const after = await h.app.inject({ method: 'POST', url: '/api/tokens', headers: as(s), payload: { name: 'x' } });
    assert.equal(after.statusCode, 201);
  });

  it('API tokens are listed without secrets and revoked by their owner only; a revoked one is refused', async () => {
    const owner = await h.user('scripts@example.org', 'analyst');
    const other = await h.user('other.scripts@example.org', 'analyst');
    const made = await h.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: as(owner),
      payload: { name: 'nightly export' },
    });
    const { id, token } = made.json() as { id: number; token: string };
    const bearer = { authorization: `Bearer ${token}` };
    const revoke = (s: typeof owner) => h.app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: as(s) });
    assert.equal((await revoke(other)).statusCode, 404);
    const listed = await h.app.inject({ method: 'GET', url: '/api/tokens', headers: as(owner) });
    const mine = listed.json().items.find((t: { id: number }) => t.id === id);
    assert.deepEqual(Object.keys(mine).sort(), ['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'name', 'revokedAt']);
    assert.equal(mine.revokedAt, null);
    assert.doesNotMatch(listed.body, /tok_/, 'secrets are never listed');
    assert.equal((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode, 200);
    assert.equal((await revoke(owner)).statusCode, 204);
    assert.equal((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode, 401);
    assert.equal((await revoke(owner)).statusCode, 404, 'twice is unknown');
  });

  it('API tokens are shown once, stored hashed, and work as Bearer without CSRF', async () => {
    const s = await h.user('bot@example.org', 'analyst');
    const t = await h.app.inject({ method: 'POST', url: '/api/tokens', headers: as(s), payload: { name: 'feed bot' } });
    assert.equal(t.statusCode, 201);
    const token = t.json().token as string;
    const row = h.store.connection.prepare('SELECT token_hash FROM api_tokens WHERE id = ?').get(t.json().id) as {
      token_hash: string;
    };
    assert.equal(row.token_hash, createHash('sha256').update(token).digest('hex'));
    const me = await h.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(me.json().via, 'token');
    const wrong = await h.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer tok_${'A'.repeat(43)}` },
    });
    assert.equal(wrong.statusCode, 401);
  });
});

describe('invitations and resets', () => {
  it('only an admin invites; an invitation works once', async () => {
    const m = await h.user('m2@example.org', 'monitor');
    const denied = await h.app.inject({
      method: 'POST',
      url: '/api/invitations',
      headers: as(m),
      payload: { email: 'x@example.org', role: 'admin' },
    });
    assert.equal(denied.statusCode, 403);
    const inv = await h.app.inject({
      method: 'POST',
      url: '/api/invitations',
      headers: as(h.admin),
      payload: { email: 'once@example.org', role: 'analyst' },
    });
    const url = `/api/invitations/${inv.json().token}/accept`;
    assert.equal((await h.app.inject({ method: 'POST', url, payload: { password: PASSWORD } })).statusCode, 201);
    const again = await h.app.inject({ method: 'POST', url, payload: { password: PASSWORD } });
    assert.equal(again.statusCode, 410);
    assert.equal(again.json().code, 'E023');
  });

  it('a liaison invitation needs a party', async () => {
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/invitations',
      headers: as(h.admin),
      payload: { email: 'l@example.org', role: 'liaison' },
    });
    assert.equal(r.statusCode, 400);
  });

  it('a reset link goes to the outbox, works once, and revokes open sessions', async () => {
    const s = await h.user('forgot@example.org', 'analyst');
    const req = await h.app.inject({
      method: 'POST',
      url: '/api/auth/reset',
      payload: { email: 'forgot@example.org' },
    });
    assert.equal(req.statusCode, 202);
    const unknown = await h.app.inject({
      method: 'POST',
      url: '/api/auth/reset',
      payload: { email: 'nobody@example.org' },
    });
    assert.equal(unknown.statusCode, 202);
    const mail = (await h.app.inject({ method: 'GET', url: '/api/outbox', headers: as(h.admin) })).json().items[0];
    assert.equal(mail.recipient, 'forgot@example.org');
    const token = /\/reset\/(rst_[\w-]+)/.exec(mail.body)?.[1];
    const url = `/api/auth/reset/${token}`;
    assert.equal(
      (await h.app.inject({ method: 'POST', url, payload: { password: 'a brand new passphrase' } })).statusCode,
      204,
    );
    assert.equal(
      (await h.app.inject({ method: 'POST', url, payload: { password: 'a brand new passphrase' } })).statusCode,
      410,
    );
    assert.equal((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(s) })).statusCode, 401);
    await h.login('forgot@example.org', 'a brand new passphrase');
  });
});

describe('hostile input and headers', () => {
  it('serves report text only as JSON under a strict CSP, with nosniff', async () => {
    const para =
      '<p>Jets struck a market in eastern Aleppo on Monday, residents and a monitoring group said, and rescue workers searched the rubble for hours afterwards.<script>alert(2)</script></p>';
    const html = `<html><head><title>Strike</title></head><body><article><h1>Strike <img src=x onerror=alert(1)></h1>${para.repeat(6)}</article></body></html>`;
    const put = await h.app.inject({
      method: 'POST',
      url: '/api/reports',
      headers: { ...as(h.admin), 'content-type': 'text/html' },
      payload: html,
    });
    assert.equal(put.statusCode, 201, put.body);
    const r = await h.app.inject({ method: 'GET', url: `/api/reports/${put.json().id}` });
    assert.equal(r.statusCode, 404); // monitors-only by default: the public cannot see it
    const m = await h.app.inject({ method: 'GET', url: `/api/reports/${put.json().id}`, headers: as(h.admin) });
    assert.match(String(m.headers['content-type']), /^application\/json/);
    assert.equal(
      m.headers['content-security-policy'],
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    assert.equal(m.headers['x-content-type-options'], 'nosniff');
    assert.ok(!m.json().analysis.report.body.includes('<script'));
  });

  it('unknown routes and bad input answer {code, message} from the catalogue', async () => {
    const nf = await h.app.inject({ method: 'GET', url: '/api/nothing' });
    assert.deepEqual([nf.statusCode, nf.json().code], [404, 'E022']);
    const bad = await h.app.inject({ method: 'GET', url: '/api/events?from=yesterday' });
    assert.deepEqual([bad.statusCode, bad.json().code], [400, 'E007']);
  });

  it('serves the OpenAPI document at /docs/json', async () => {
    const r = await h.app.inject({ method: 'GET', url: '/docs/json' });
    assert.equal(r.statusCode, 200);
    assert.ok(r.json().paths['/api/reports']);
  });

  it('rate-limits sign-in attempts', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 32; i++)
      codes.push(
        (
          await h.app.inject({
            method: 'POST',
            url: '/api/auth/login',
            remoteAddress: '10.0.0.9',
            payload: { email: 'x@example.org', password: 'nope' },
          })
        ).statusCode,
      );
    assert.equal(codes.at(-1), 429);
  });
});

describe('audit chain', () => {
  it('records every change and verifies; an altered row is named by truce audit verify', async () => {
    const audit = await h.app.inject({ method: 'GET', url: '/api/audit?limit=500', headers: as(h.admin) });
    const actions = new Set(audit.json().items.map((e: { action: string }) => e.action));
    for (const a of [
      'user.bootstrap',
      'invitation.create',
      'user.create',
      'session.login',
      'token.create',
      'report.create',
      'password.reset',
    ])
      assert.ok(actions.has(a), a);
    assert.equal((await new AuditService(h.store).verify()).ok, true);
    const ok = runCli(['audit', 'verify', '--db', h.dbPath]);
    assert.equal(ok.status, 0, ok.stderr);

    // Tamper as someone with the file would: past the append-only trigger, rewrite one entry.
    const db = new Database(h.dbPath);
    db.exec('DROP TRIGGER audit_log_no_update');
    const victim = (
      db.prepare("SELECT id FROM audit_log WHERE action = 'invitation.create' ORDER BY id LIMIT 1").get() as {
        id: number;
      }
    ).id;
    db.prepare(`UPDATE audit_log SET after = json_set(after, '$.role', 'admin') WHERE id = ?`).run(victim);
    db.close();
    const v = await new AuditService(h.store).verify();
    assert.deepEqual([v.ok, v.broken?.id], [false, victim]);
    const cli = runCli(['audit', 'verify', '--db', h.dbPath]);
    assert.equal(cli.status, 1);
    assert.match(cli.stderr, new RegExp(`BROKEN at entry ${victim}:`));
  });

  it('the append-only trigger refuses edits through SQL', () => {
    assert.throws(() => h.store.connection.prepare('DELETE FROM audit_log').run(), /append-only/);
  });
});
