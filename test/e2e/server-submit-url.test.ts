/**
 * POST /api/reports with only a URL: fetched from a local HTTP server on loopback (allowed for this
 * harness only, like its port), with the size, time and redirect limits; refused for other schemes
 * and, by default, for private addresses and ports other than 80 and 443. The report is stored with the URL it came from, and audited.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fetchBounded } from '../../src/ingest/fetch-url.js';
import { as, startHarness, type Harness } from './server-harness.js';

const STORY = `<!doctype html><html><head><title>Shelling in Harasta</title></head><body>
<article><h1>Shelling in Harasta</h1>
<p>HARASTA, Syria - Government artillery shelled the town of Harasta on Tuesday, killing four people, a local monitor said.</p>
</article></body></html>`;

let site: Server;
let base: string;
let open: Harness;
let strict: Harness;

before(async () => {
  site = createServer((req, res) => {
    if (req.url === '/story') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(STORY);
    if (req.url === '/moved') return res.writeHead(302, { location: '/story' }).end();
    if (req.url === '/loop') return res.writeHead(302, { location: '/loop' }).end();
    if (req.url === '/big') return res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(5000));
    if (req.url === '/private-hop') return res.writeHead(302, { location: '/private' }).end();
    if (req.url === '/hang') return; // never answers: only the time limit ends it
    res.writeHead(404).end('missing');
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  const port = (site.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  open = await startHarness({
    fetch: { allowPrivate: true, allowPorts: [port], maxBytes: 4096, timeoutMs: 300, maxRedirects: 3 },
  });
  strict = await startHarness();
});
after(async () => {
  await open.close();
  await strict.close();
  site.closeAllConnections();
  await new Promise((r) => site.close(r));
});

const submit = (h: Harness, payload: object) =>
  h.app.inject({ method: 'POST', url: '/api/reports', headers: as(h.admin), payload });

describe('URL submission', () => {
  it('fetches the page (after a redirect), stores it with its final URL and source, and audits it', async () => {
    const r = await submit(open, { url: `${base}/moved`, visibility: 'public' });
    assert.equal(r.statusCode, 201, r.body);
    assert.equal(r.json().fetchedUrl, `${base}/story`);
    const report = await open.store.getReport(r.json().id);
    assert.equal(report?.url, `${base}/story`);
    assert.equal(report?.mediaType, 'text/html');
    assert.equal(report?.sourceName, '127.0.0.1');
    const analysis = await open.store.getAnalysis(r.json().id);
    assert.match(analysis?.analysis.report.body ?? '', /Government artillery shelled/);
    const [entry] = (await open.store.audit.list({ subject: `report:${r.json().id}` })) ?? [];
    assert.equal(entry?.action, 'report.create');
    assert.deepEqual((entry?.after as { fetchedFrom: string }).fetchedFrom, `${base}/story`);
  });

  it('keeps to the limits: size (E003), time (E029), redirects (E029), HTTP errors (E029)', async () => {
    const cases: [string, number, string][] = [
      ['/big', 413, 'E003'],
      ['/hang', 502, 'E029'],
      ['/loop', 502, 'E029'],
      ['/nowhere', 502, 'E029'],
    ];
    for (const [path, status, code] of cases) {
      const r = await submit(open, { url: `${base}${path}` });
      assert.equal(r.statusCode, status, `${path}: ${r.body}`);
      assert.equal(r.json().code, code, path);
    }
  });

  it('refuses other schemes, and private addresses unless the server allows them (E028)', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.org/report.txt'])
      assert.equal((await submit(open, { url })).json().code, 'E028', url);
    const r = await submit(strict, { url: `${base}/story` });
    assert.equal(r.statusCode, 400, r.body);
    assert.equal(r.json().code, 'E028');
    assert.match(r.json().message, /private or special address/);
    assert.equal((await submit(strict, { url: 'http://localhost/x' })).json().code, 'E028');
    // Only ports 80 and 443 by default, checked before any connection (a public literal address here).
    const port = await submit(strict, { url: 'http://93.184.216.34:25/x' });
    assert.equal(port.json().code, 'E028', port.body);
    assert.match(port.json().message, /port 25 is not allowed/);
    assert.equal((await submit(strict, {})).statusCode, 400, 'neither text nor url');
  });

  it('checks every hop of a redirect', async () => {
    const seen: string[] = [];
    await assert.rejects(
      fetchBounded(`${base}/private-hop`, {
        checkUrl: async (u) => {
          seen.push(u.pathname);
          if (u.pathname === '/private') throw new Error('refused hop');
        },
      }),
      /refused hop/,
    );
    assert.deepEqual(seen, ['/private-hop', '/private']);
  });
});
