/**
 * Response headers on every kind of answer (JSON, a streamed export, errors 400/401/403/404/429/500,
 * the OpenAPI page, a dashboard page): CSP with frame-ancestors 'none', nosniff, no referrer, no
 * framing, no caching of the API; the session cookie behind https (Secure, HttpOnly, SameSite=Strict,
 * the __Host- prefix) and HSTS; and a 500 that says nothing of what failed.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { API_CSP } from '../../src/server/security.js';
import { as, PASSWORD, startHarness, type Harness, type Session } from './server-harness.js';

type Reply = Awaited<ReturnType<Harness['app']['inject']>>;

function assertBaseline(r: Reply, what: string) {
  const csp = String(r.headers['content-security-policy'] ?? '');
  assert.match(csp, /frame-ancestors 'none'/, `${what}: CSP ${csp}`);
  assert.doesNotMatch(csp, /unsafe-eval/, what);
  assert.equal(r.headers['x-content-type-options'], 'nosniff', what);
  assert.equal(r.headers['referrer-policy'], 'no-referrer', what);
  assert.equal(r.headers['x-frame-options'], 'DENY', what);
  assert.equal(r.headers['cross-origin-opener-policy'], 'same-origin', what);
  assert.equal(r.headers['x-powered-by'], undefined, what);
  assert.equal(r.headers['access-control-allow-origin'], undefined, `${what}: no CORS`);
}

/** Behind https: secure cookies and HSTS (the default of buildServer). */
describe('behind https (secureCookies, the default)', () => {
  let h: Harness;
  let analyst: Session;
  before(async () => {
    h = await startHarness({ secureCookies: true, rateLimits: { export: 1 } });
    // The harness signs in over the plain cookie name; invite and sign in here by hand.
    const admin = await signIn(h, 'admin@localhost', null);
    const inv = await h.app.inject({
      method: 'POST',
      url: '/api/invitations',
      headers: admin.headers,
      payload: { email: 'analyst@example.org', role: 'analyst' },
    });
    assert.equal(inv.statusCode, 201, inv.body);
    await h.app.inject({
      method: 'POST',
      url: `/api/invitations/${inv.json().token}/accept`,
      payload: { password: PASSWORD },
    });
    analyst = (await signIn(h, 'analyst@example.org', PASSWORD)).session;
  });
  after(() => h.close());

  it('sets the session cookie Secure, HttpOnly, SameSite=Strict, Path=/, no Domain, with the __Host- prefix', async () => {
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'analyst@example.org', password: PASSWORD },
    });
    assert.equal(r.statusCode, 200);
    const raw = String(r.headers['set-cookie']);
    assert.match(raw, /^__Host-truce_session=ses_/);
    for (const attr of ['Secure', 'HttpOnly', 'SameSite=Strict', 'Path=/'])
      assert.ok(raw.includes(attr), `${attr}: ${raw}`);
    assert.doesNotMatch(raw, /Domain=/i);
    assert.match(String(r.headers['strict-transport-security']), /max-age=\d{8,}; includeSubDomains/);
    assert.equal(r.headers['cache-control'], 'no-store');
    assertBaseline(r, 'login');
    assert.equal(r.json().csrfToken.length > 20, true);
    assert.doesNotMatch(r.body, /ses_/, 'the session id is only in the cookie');
  });

  it('the plain cookie name is not accepted when cookies are secure', async () => {
    const me = await h.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: analyst.cookie.replace('__Host-truce_session', 'truce_session') },
    });
    assert.equal(me.statusCode, 401);
    assert.equal((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(analyst) })).statusCode, 200);
  });

  it('sign-out clears the cookie with the same attributes', async () => {
    const s = (await signIn(h, 'analyst@example.org', PASSWORD)).session;
    const r = await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: as(s) });
    assert.equal(r.statusCode, 204);
    const raw = String(r.headers['set-cookie']);
    assert.match(raw, /^__Host-truce_session=;/);
    for (const attr of ['Secure', 'HttpOnly', 'SameSite=Strict', 'Path=/'])
      assert.ok(raw.includes(attr), `${attr}: ${raw}`);
  });

  it('every kind of answer carries the headers, errors and streamed exports included', async () => {
    const cases: [string, Reply, number][] = [
      ['JSON', await h.app.inject({ method: 'GET', url: '/api/agreements' }), 200],
      ['export', await h.app.inject({ method: 'GET', url: '/api/exports', headers: as(analyst) }), 200],
      ['429', await h.app.inject({ method: 'GET', url: '/api/exports', headers: as(analyst) }), 429],
      ['400', await h.app.inject({ method: 'GET', url: '/api/reports?limit=nope' }), 400],
      [
        'bad JSON',
        await h.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: { 'content-type': 'application/json' },
          payload: '{"email": ',
        }),
        400,
      ],
      ['401', await h.app.inject({ method: 'GET', url: '/api/auth/me' }), 401],
      [
        '401 token',
        await h.app.inject({ method: 'GET', url: '/api/reports', headers: { authorization: 'Bearer nope' } }),
        401,
      ],
      ['403', await h.app.inject({ method: 'GET', url: '/api/audit', headers: as(analyst) }), 403],
      ['404', await h.app.inject({ method: 'GET', url: '/api/nothing-here' }), 404],
    ];
    for (const [what, r, status] of cases) {
      assert.equal(r.statusCode, status, `${what}: ${r.body}`);
      assertBaseline(r, what);
      if (what !== 'export') assert.equal(r.headers['content-security-policy'], API_CSP, what);
      assert.equal(r.headers['cache-control'], 'no-store', what);
      assert.ok(r.headers['strict-transport-security'], what);
      if (status >= 400) {
        assert.match(String(r.headers['content-type']), /^application\/json/, what);
        assert.doesNotMatch(r.body, /\n\s+at |node_modules|\/src\//, `${what}: no stack or paths`);
      }
    }
    const exp = cases[1]![1];
    assert.match(String(exp.headers['content-disposition']), /^attachment; filename=/);
    assert.match(String(cases[2]![1].headers['retry-after']), /^\d+$/);
  });

  it('a 500 says only that something failed: no message, stack or path of the error', async () => {
    const store = h.store.access as unknown as Record<string, unknown>;
    const original = store.listReports;
    store.listReports = async () => {
      throw new Error('SQLITE_CORRUPT: database disk image is malformed at /srv/secret/truce.db');
    };
    try {
      const r = await h.app.inject({ method: 'GET', url: '/api/reports' });
      assert.equal(r.statusCode, 500);
      assert.deepEqual(r.json(), { code: 'E000', message: 'Internal error; it has been logged' });
      assertBaseline(r, '500');
      assert.equal(r.headers['content-security-policy'], API_CSP);
    } finally {
      store.listReports = original;
    }
  });

  it('the OpenAPI page keeps its own policy, without framing or remote sources', async () => {
    const r = await h.app.inject({ method: 'GET', url: '/docs/' });
    assert.equal(r.statusCode, 200);
    assertBaseline(r, '/docs');
    const csp = String(r.headers['content-security-policy']);
    assert.doesNotMatch(csp, /https:|validator\.swagger\.io|\*/);
    assertBaseline(await h.app.inject({ method: 'GET', url: '/docs/json' }), '/docs/json');
  });
});

describe('plain http on localhost (secureCookies: false)', () => {
  let h: Harness;
  let root: string;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'truce-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(
      join(root, 'index.html'),
      '<!doctype html><title>t</title><script type="module" src="/assets/a.js"></script>',
    );
    writeFileSync(join(root, 'assets', 'a.js'), 'export {};\n');
    h = await startHarness({ web: { root } });
  });
  after(async () => {
    await h.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('no Secure attribute and no HSTS (they would break plain http), the rest as strict', async () => {
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@example.org', password: 'wrong password' },
    });
    assert.equal(r.statusCode, 401);
    assert.equal(r.headers['strict-transport-security'], undefined);
    assertBaseline(r, 'login 401');
    const cookie = String(h.admin.cookie);
    assert.match(cookie, /^truce_session=ses_/);
  });

  it("the dashboard's pages and assets have the page policy: nothing inline, nothing framed", async () => {
    for (const url of ['/', '/incidents/12', '/assets/a.js', '/assets/missing.js']) {
      const r = await h.app.inject({ method: 'GET', url });
      assertBaseline(r, url);
      assert.doesNotMatch(String(r.headers['content-security-policy']), /unsafe-inline/, url);
    }
  });
});

async function signIn(h: Harness, email: string, password: string | null) {
  let pw = password;
  if (pw === null) {
    // The bootstrap admin's one-time password is not known here: reset it through the outbox.
    await h.app.inject({ method: 'POST', url: '/api/auth/reset', payload: { email } });
    const [mail] = await h.store.accounts.listOutbox(1);
    const token = /\/reset\/([A-Za-z0-9_-]+)/.exec(mail?.body ?? '')?.[1];
    pw = PASSWORD;
    const r = await h.app.inject({ method: 'POST', url: `/api/auth/reset/${token}`, payload: { password: pw } });
    assert.equal(r.statusCode, 204, r.body);
  }
  const r = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: pw } });
  assert.equal(r.statusCode, 200, r.body);
  const c = r.cookies.find((x) => x.name === '__Host-truce_session');
  const session: Session = { cookie: `__Host-truce_session=${c?.value}`, csrf: r.json().csrfToken };
  return { session, headers: as(session) };
}
