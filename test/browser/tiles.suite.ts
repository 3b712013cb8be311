/**
 * `truce serve --tile-url`: a service told of a tile server hands it to the dashboard (/api/config),
 * whose map then draws those tiles as its base, and the page's CSP lets them load (a blocked image
 * would be a console error). The tile server is a loopback one of our own: no network.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { buildServer } from '../../src/server/app.js';
import type { App } from '../../src/server/context.js';
import { DEMO_AGREEMENT } from '../../src/services/demo.service.js';
import type { BrowserHarness, Watched } from './harness.js';

/** A 1×1 PNG, grey: Leaflet stretches each tile to 256×256. */
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export function tilesSuite(harness: () => BrowserHarness): void {
  describe('a configured tile server', () => {
    let h: BrowserHarness;
    let tiles: Server;
    let app: App;
    let url: string;
    const requested: string[] = [];
    const opened: Watched[] = [];

    before(async () => {
      h = harness();
      tiles = createServer((req, res) => {
        requested.push(req.url ?? '');
        if (!/^\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')) return void res.writeHead(404).end();
        res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' }).end(TILE);
      });
      await new Promise<void>((done) => tiles.listen(0, '127.0.0.1', done));
      const tilePort = (tiles.address() as AddressInfo).port;
      app = await buildServer({
        store: h.store,
        secureCookies: false,
        analyze: h.analyze,
        agreement: DEMO_AGREEMENT,
        web: {
          agreement: DEMO_AGREEMENT,
          root: h.webRoot,
          tileUrl: `http://127.0.0.1:${tilePort}/{z}/{x}/{y}.png`,
          tileAttribution: 'Tiles: loopback test server',
        },
      });
      await app.listen({ host: '127.0.0.1', port: 0 });
      url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    });
    after(async () => {
      for (const w of opened) await w.context.close().catch(() => undefined);
      await app?.close();
      await new Promise((done) => tiles?.close(done));
    });

    it('draws the tiles as the base, with their attribution, and the CSP lets them in', async () => {
      const w = await h.openAt(url);
      opened.push(w);
      await w.page.goto('/#/');
      await w.page.locator('[data-testid="map"][data-base="tiles"]').waitFor();
      assert.ok(requested.length > 0, 'the tile server was asked');
      const loaded = await w.page
        .locator('img.leaflet-tile-loaded')
        .evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length);
      assert.ok(loaded > 0, 'tiles are on the page');
      const attribution = (await w.page.locator('.leaflet-control-attribution').textContent()) ?? '';
      assert.match(attribution, /Tiles: loopback test server/);
      assert.doesNotMatch(attribution, /Natural Earth/, 'the tiles replace the bundled base');
      assert.deepEqual(w.problems, [], 'no CSP violation or other error');
      await h.screenshot(w.page, 'map-tiles-laptop');
    });

    it('the service without --tile-url does not let a page load images from that host', async () => {
      const r = await fetch(`${h.url}/`);
      const csp = r.headers.get('content-security-policy') ?? '';
      assert.match(csp, /img-src 'self' data:;/);
    });
  });
}
