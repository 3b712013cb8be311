/**
 * Rate limits on exports of the whole record (GET /api/exports, /api/incidents?format=csv|geojson):
 * per account (its sessions and tokens share one bucket), the public per client address; 429 with
 * the catalogue's E025 and Retry-After. The dashboard's JSON pages are not limited.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { as, startHarness, type Harness, type Session } from './server-harness.js';

let h: Harness;
let analyst: Session;
let monitor: Session;

before(async () => {
  h = await startHarness({ rateLimits: { export: 3, login: 4 } });
  analyst = await h.user('analyst@example.org', 'analyst');
  monitor = await h.user('monitor@example.org', 'monitor');
});
after(() => h.close());

const get = (url: string, headers: Record<string, string | undefined> = {}, remoteAddress = '127.0.0.1') =>
  h.app.inject({ method: 'GET', url, headers, remoteAddress });

function assertLimited(r: Awaited<ReturnType<typeof get>>, what: string) {
  assert.equal(r.statusCode, 429, `${what}: ${r.body}`);
  assert.equal(r.json().code, 'E025', what);
  assert.match(r.json().message, /^Too many requests: try again in \d+ (seconds?|minutes?)$/, what);
  const retry = Number(r.headers['retry-after']);
  assert.ok(Number.isInteger(retry) && retry > 0 && retry <= 60, `${what}: Retry-After ${r.headers['retry-after']}`);
}

describe('export rate limits', () => {
  it('limits /api/exports per account, sessions and tokens together; other accounts are not affected', async () => {
    for (const format of ['acled', 'geojson', 'jsonl'])
      assert.equal((await get(`/api/exports?format=${format}`, as(analyst))).statusCode, 200, format);
    assertLimited(await get('/api/exports?format=acled', as(analyst)), 'analyst, 4th export');
    const token = await h.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: as(analyst),
      payload: { name: 'script' },
    });
    assert.equal(token.statusCode, 201, token.body);
    assertLimited(
      await get('/api/exports', { authorization: `Bearer ${token.json().token}` }),
      "analyst's token after the session used the limit",
    );
    // Another account, and the public from another address, have their own buckets.
    assert.equal((await get('/api/exports', as(monitor))).statusCode, 200);
    assert.equal((await get('/api/exports', {}, '10.1.1.1')).statusCode, 200);
  });

  it('limits the public per client address', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await get('/api/exports', {}, '10.2.2.2')).statusCode, 200);
    assertLimited(await get('/api/exports', {}, '10.2.2.2'), 'public 10.2.2.2');
    assert.equal((await get('/api/exports', {}, '10.3.3.3')).statusCode, 200);
  });

  it('limits the CSV and GeoJSON files of /api/incidents, not its JSON pages', async () => {
    const who = as(monitor);
    assert.equal((await get('/api/incidents?format=csv', who)).statusCode, 200);
    assert.equal((await get('/api/incidents?format=geojson', who)).statusCode, 200);
    assert.equal((await get('/api/incidents?format=csv&limit=10000', who)).statusCode, 200);
    assertLimited(await get('/api/incidents?format=geojson', who), 'monitor, 4th incidents file');
    for (let i = 0; i < 6; i++)
      assert.equal((await get('/api/incidents?limit=10000', who)).statusCode, 200, 'JSON page not limited');
  });

  it('sign-in answers the same E025 with Retry-After', async () => {
    const attempt = () =>
      h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.9.9.9',
        payload: { email: 'nobody@example.org', password: 'wrong password' },
      });
    for (let i = 0; i < 4; i++) assert.equal((await attempt()).statusCode, 401);
    assertLimited(await attempt(), 'fifth sign-in');
  });
});

describe('behind a reverse proxy (--trust-proxy)', () => {
  const attempts = (p: Harness, forwardedFor: string) =>
    p.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@example.org', password: 'wrong password!' },
      headers: { 'x-forwarded-for': forwardedFor },
      remoteAddress: '10.0.0.5', // the proxy
    });

  it('counts sign-ins per client named by a trusted proxy, each with its own limit', async () => {
    const p = await startHarness({ rateLimits: { login: 2 }, trustProxy: ['10.0.0.0/8'] });
    try {
      assert.equal((await attempts(p, '203.0.113.1')).statusCode, 401);
      assert.equal((await attempts(p, '203.0.113.1')).statusCode, 401);
      assertLimited(await attempts(p, '203.0.113.1'), 'third attempt of one client');
      assert.equal((await attempts(p, '203.0.113.2')).statusCode, 401, 'another client behind the same proxy');
    } finally {
      await p.close();
    }
  });

  it('without it, X-Forwarded-For is ignored: a client cannot pick a fresh address to dodge the limit', async () => {
    const p = await startHarness({ rateLimits: { login: 2 } });
    try {
      assert.equal((await attempts(p, '203.0.113.1')).statusCode, 401);
      assert.equal((await attempts(p, '203.0.113.2')).statusCode, 401);
      assertLimited(await attempts(p, '203.0.113.3'), 'a made-up address does not reset the count');
    } finally {
      await p.close();
    }
  });
});
