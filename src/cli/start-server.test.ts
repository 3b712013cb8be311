/** `truce serve --tile-url`: the option reaches /api/config and the page's CSP, and only when given. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openSqliteStore } from '../store/sqlite/sqlite.store.js';
import type { Store } from '../store/store.js';
import {
  checkTileOptions,
  parseFetchPorts,
  parseTrustProxy,
  serviceOptions,
  startServer,
  type Started,
} from './start-server.js';

const TILES = 'https://tiles.example.org/{z}/{x}/{y}.png';

describe('--trust-proxy', () => {
  it('takes explicit addresses and ranges only', () => {
    assert.equal(parseTrustProxy(undefined), undefined);
    assert.deepEqual(parseTrustProxy('127.0.0.1, 10.0.0.0/8,::1,fd00::/8'), [
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
    ]);
    for (const bad of ['', 'true', '*', 'proxy.example.org', '10.0.0.0/33', '300.1.1.1', '10.0.0.1/8/2'])
      assert.throws(() => parseTrustProxy(bad), /--trust-proxy/, bad);
  });
});

describe('--fetch-ports', () => {
  it('takes whole port numbers 1-65535 and names the one that is not', () => {
    assert.equal(parseFetchPorts(undefined), undefined);
    assert.deepEqual(parseFetchPorts('8080, 8443,1'), [8080, 8443, 1]);
    for (const bad of ['', ',', '0', '65536', '80.5', '-1', 'http', '8080;8443', '1e3'])
      assert.throws(() => parseFetchPorts(bad), /--fetch-ports/, bad);
    assert.throws(() => parseFetchPorts('8080,99999'), /"99999" is not a port number/);
  });

  it('reaches the service options (none unless given)', () => {
    assert.deepEqual(serviceOptions({ fetchPorts: '8080' }).fetchPorts, [8080]);
    assert.equal(serviceOptions({}).fetchPorts, undefined);
  });
});

describe('tile options', () => {
  it('accepts a template and refuses what the map could not use', () => {
    assert.doesNotThrow(() => checkTileOptions({}));
    assert.doesNotThrow(() => checkTileOptions({ tileUrl: TILES, tileAttribution: '© Example tiles' }));
    assert.throws(() => checkTileOptions({ tileUrl: 'ftp://tiles.example.org/{z}/{x}/{y}.png' }), /tile-url/);
    assert.throws(() => checkTileOptions({ tileUrl: 'https://tiles.example.org/tile.png' }), /\{z\}/);
    assert.throws(() => checkTileOptions({ tileAttribution: '© Example tiles' }), /needs --tile-url/);
  });

  describe('the running service', () => {
    let dir: string;
    let store: Store;
    const started: Started[] = [];
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'truce-tiles-'));
      store = await openSqliteStore({ path: join(dir, 'truce.db') });
    });
    after(async () => {
      for (const s of started) await s.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const config = async (s: Started) => {
      const r = await fetch(`${s.url}/api/config`);
      assert.equal(r.status, 200);
      return (await r.json()) as { tileUrl: string | null; tileAttribution: string | null };
    };
    const csp = async (s: Started) => (await fetch(`${s.url}/`)).headers.get('content-security-policy') ?? '';

    it('tells the dashboard the tile layer and lets the page load images from that origin', async () => {
      const s = await startServer({
        store,
        host: '127.0.0.1',
        port: 0,
        tileUrl: TILES,
        tileAttribution: '© Example tiles',
      });
      started.push(s);
      assert.deepEqual(await config(s), {
        tileUrl: TILES,
        tileAttribution: '© Example tiles',
        agreement: null,
        session: null,
      });
      assert.match(await csp(s), /img-src 'self' data: https:\/\/tiles\.example\.org;/);
    });

    it('without --tile-url: no tiles, and images from our own origin only', async () => {
      const s = await startServer({ store, host: '127.0.0.1', port: 0 });
      started.push(s);
      const c = await config(s);
      assert.equal(c.tileUrl, null);
      assert.equal(c.tileAttribution, null);
      assert.match(await csp(s), /img-src 'self' data:;/);
    });
  });
});
