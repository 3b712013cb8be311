/**
 * POST /api/reports with a URL, through the whole service, with a fake resolver (no real DNS) and a
 * local HTTP server: a name that answers a public address to the first query and loopback to the
 * next (DNS rebinding) is refused with E028, nothing reaches the server and nothing is stored. The
 * loopback server is reached only when a test names its address (`allowAddresses`), never by default.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Resolver } from '../../src/ingest/public-address.js';
import { as, startHarness, type Harness } from './server-harness.js';

let site: Server;
let port: number;
let hits = 0;
const queries: string[] = [];
let rebindAnswers = 0;

/** news.example is this loopback server; rebind.example answers public first, then 127.0.0.1. */
const resolve: Resolver = async (host) => {
  queries.push(host);
  if (host === 'news.example') return [{ address: '127.0.0.1', family: 4 }];
  if (host === 'rebind.example') return [{ address: rebindAnswers++ === 0 ? '93.184.216.34' : '127.0.0.1', family: 4 }];
  if (host === 'six.example') return [{ address: '::ffff:127.0.0.1', family: 6 }];
  throw Object.assign(new Error(`ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
};

let pinned: Harness; // reaches 127.0.0.1 because the test says so
let strict: Harness; // the defaults but for the port: no loopback at all

before(async () => {
  site = createServer((_req, res) => {
    hits++;
    res
      .writeHead(200, { 'content-type': 'text/plain' })
      .end('Shelling was reported near the river crossing on Monday.');
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  port = (site.address() as AddressInfo).port;
  // Both name the test server's random port (only 80 and 443 otherwise).
  pinned = await startHarness({
    fetch: { resolve, allowAddresses: ['127.0.0.1'], allowPorts: [port], timeoutMs: 2000 },
  });
  strict = await startHarness({ fetch: { resolve, allowPorts: [port], timeoutMs: 2000 } });
});
after(async () => {
  await pinned.close();
  await strict.close();
  site.closeAllConnections();
  await new Promise((r) => site.close(r));
});

const submit = (h: Harness, url: string) =>
  h.app.inject({ method: 'POST', url: '/api/reports', headers: as(h.admin), payload: { url } });

describe('URL submission and DNS rebinding', () => {
  it('fetches through the name, connected to the address that was checked', async () => {
    const before = hits;
    const r = await submit(pinned, `http://news.example:${port}/story`);
    assert.equal(r.statusCode, 201, r.body);
    assert.equal(hits, before + 1);
    assert.equal((await pinned.store.getReport(r.json().id))?.sourceName, 'news.example');
  });

  it('refuses a name that rebinds to loopback between the check and the connection', async () => {
    rebindAnswers = 0;
    const before = { hits, queries: queries.length };
    const r = await submit(strict, `http://rebind.example:${port}/story`);
    assert.equal(r.statusCode, 400, r.body);
    assert.equal(r.json().code, 'E028');
    assert.match(r.json().message, /rebind\.example is a private or special address \(127\.0\.0\.1\)/);
    assert.deepEqual(queries.slice(before.queries), ['rebind.example', 'rebind.example']);
    assert.equal(hits, before.hits, 'no request reached the loopback server');
    assert.equal((await strict.app.inject({ url: '/api/reports', headers: as(strict.admin) })).json().total, 0);
  });

  it('by default refuses loopback in every form: names, mapped IPv6, decimal and octal literals, 0.0.0.0', async () => {
    const before = hits;
    for (const url of [
      `http://news.example:${port}/story`,
      `http://six.example:${port}/story`,
      `http://127.0.0.1:${port}/story`,
      `http://2130706433:${port}/story`,
      `http://0177.0.0.01:${port}/story`,
      `http://0.0.0.0:${port}/story`,
      `http://[::1]:${port}/story`,
      `http://[::ffff:127.0.0.1]:${port}/story`,
      `http://[fc00::1]:${port}/story`,
    ]) {
      const r = await submit(strict, url);
      assert.equal(r.statusCode, 400, `${url}: ${r.body}`);
      assert.equal(r.json().code, 'E028', url);
    }
    assert.equal(hits, before);
  });
});
