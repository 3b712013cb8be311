/** The dashboard's pages from the outside: CSP on the HTML, hashed assets, history fallback, not-built message. */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_WEB_ROOT, tileSource, webCsp } from '../../src/server/web.js';
import { startHarness, type Harness } from './server-harness.js';

const INDEX = `<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script>
<link rel="stylesheet" href="/assets/index-abc123.css"></head><body><div id="app"></div></body></html>`;

describe('dashboard serving', () => {
  let h: Harness;
  let root: string;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'truce-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), INDEX);
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log("dashboard");\n');
    writeFileSync(join(root, 'assets', 'index-abc123.css'), 'body { margin: 0 }\n');
    h = await startHarness({ web: { root, tileUrl: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png' } });
  });
  after(async () => {
    await h.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('GET / answers the page with a strict CSP that allows the configured tile host', async () => {
    const r = await h.app.inject({ method: 'GET', url: '/' });
    assert.equal(r.statusCode, 200);
    assert.match(r.headers['content-type'] as string, /^text\/html/);
    assert.equal(r.body, INDEX);
    const csp = r.headers['content-security-policy'] as string;
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data: https://*.tiles.example.org",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "form-action 'self'",
    ])
      assert.ok(csp.split('; ').includes(directive), `${directive} in ${csp}`);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.equal(r.headers['x-frame-options'], 'DENY');
  });

  it('serves the hashed assets with their types and a long cache', async () => {
    const js = await h.app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    assert.equal(js.statusCode, 200);
    assert.match(js.headers['content-type'] as string, /javascript/);
    assert.match(js.headers['cache-control'] as string, /immutable/);
    const css = await h.app.inject({ method: 'GET', url: '/assets/index-abc123.css' });
    assert.equal(css.statusCode, 200);
    assert.match(css.headers['content-type'] as string, /^text\/css/);
    const missing = await h.app.inject({ method: 'GET', url: '/assets/nothing.js' });
    assert.equal(missing.statusCode, 404);
    const escape = await h.app.inject({ method: 'GET', url: '/assets/..%2f..%2fetc%2fpasswd' });
    assert.notEqual(escape.statusCode, 200);
  });

  it('answers index.html for the dashboard routes, but JSON 404s under /api', async () => {
    for (const url of ['/incidents/incident:3', '/timeline?party=russia', '/some/deep/link'])
      assert.equal((await h.app.inject({ method: 'GET', url })).body, INDEX, url);
    const api = await h.app.inject({ method: 'GET', url: '/api/no-such-route' });
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().code, 'E022');
    assert.match(api.headers['content-security-policy'] as string, /default-src 'none'/);
    const post = await h.app.inject({ method: 'POST', url: '/timeline', payload: {} });
    assert.equal(post.statusCode, 404);
  });

  it('keeps the API on its own policy and tells the dashboard its configuration', async () => {
    const r = await h.app.inject({ method: 'GET', url: '/api/config' });
    assert.equal(r.statusCode, 200);
    assert.deepEqual(r.json(), {
      tileUrl: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png',
      tileAttribution: null,
      agreement: null,
      session: null,
    });
    assert.match(r.headers['content-security-policy'] as string, /default-src 'none'/);
  });

  it('tells a signed-in page who it is and the CSRF token its writes need (the cookie is HttpOnly)', async () => {
    const r = await h.app.inject({ method: 'GET', url: '/api/config', headers: { cookie: h.admin.cookie } });
    assert.equal(r.statusCode, 200);
    const s = r.json().session;
    assert.equal(s.user.role, 'admin');
    assert.equal(s.csrfToken, h.admin.csrf);
    assert.equal(r.headers['cache-control'], 'no-store');
    const write = await h.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie: h.admin.cookie, 'x-csrf-token': s.csrfToken },
      payload: { name: 'from the dashboard' },
    });
    assert.equal(write.statusCode, 201);
  });

  it('says how to build the dashboard when there is none', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'truce-web-empty-'));
    const h2 = await startHarness({ web: { root: join(empty, 'missing') } });
    try {
      const r = await h2.app.inject({ method: 'GET', url: '/' });
      assert.equal(r.statusCode, 503);
      assert.match(r.body, /npm run build:web/);
      assert.match(r.headers['content-security-policy'] as string, /script-src 'self'/);
    } finally {
      await h2.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('CSP helpers', () => {
  it('turns tile templates into CSP sources and refuses what is not http(s)', () => {
    assert.equal(tileSource('https://tile.example.org/{z}/{x}/{y}.png'), 'https://tile.example.org');
    assert.equal(tileSource('https://{s}.tile.example.org/{z}/{x}/{y}.png'), 'https://*.tile.example.org');
    assert.throws(() => tileSource('javascript:alert(1)//{z}'), /tileUrl/);
    assert.throws(() => tileSource('not a url'), /tileUrl/);
    assert.match(webCsp(null), /img-src 'self' data:;/);
  });
});

describe('the built dashboard (when built)', () => {
  const index = join(DEFAULT_WEB_ROOT, 'index.html');
  it('has no inline script or style in its page', { skip: !existsSync(index) && 'run npm run build:web' }, () => {
    const html = readFileSync(index, 'utf8');
    assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/i, 'every script has a src');
    assert.doesNotMatch(html, /<style[\s>]/i);
    assert.doesNotMatch(html, /\sstyle=/i);
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no event handler attributes');
    assert.match(html, /<link rel="stylesheet"[^>]*href="\/assets\/[^"]+\.css"/);
  });
});
