/**
 * Report text is hostile. A report full of script and HTML injection (script tags, event-handler
 * attributes, javascript: URLs, SVG, iframes, template syntax, mutation-XSS shapes) is submitted
 * through the API, in its text, its source name and a comment, and every page that shows it is
 * opened: nothing may run (no flag set on window, no dialog, no CSP violation in the console), no
 * active element may appear, and the payloads must show as the literal text they are.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { corroborateEvents } from '../../src/services/corroborate.service.js';
import type { BrowserHarness, Watched } from './harness.js';

const HEADLINE = `<script>window.__pwned='headline';alert('headline')</script> Jets strike <b>Aleppo</b> market`;
const IMG = `<img src=x onerror="window.__pwned='img';alert('img')">`;
const SVG = `<svg onload="window.__pwned='svg'"></svg>`;
const TEXT = [
  HEADLINE,
  '',
  `ALEPPO, Syria (Example Wire) - Warplanes struck the Sukkari district of eastern Aleppo on Monday ${IMG}, killing at least 9 civilians ${SVG}, the Syrian Observatory for Human Rights said.`,
  '',
  `A witness told us "<a href="javascript:window.__pwned='link'">see the video</a>" and <iframe src="javascript:window.__pwned='iframe'"></iframe> {{constructor.constructor('window.__pwned=1')()}} \${window.__pwned='tpl'} <style>body{display:none}</style> <math><mtext><table><mglyph><style><img src=x onerror=window.__pwned='mxss'>`,
].join('\n');
const SOURCE = `<img src=x onerror="window.__pwned='source'">Example Wire"><script>alert('source')</script>`;
const COMMENT = `<script>window.__pwned='comment'</script><img src=x onerror="alert('comment')"> <a href="javascript:alert('c')">link</a>`;
/** An HTML page: its escaped payloads become literal text after cleaning; its live ones are dropped. */
const HTML = `<html><head><title>&lt;script&gt;alert('title')&lt;/script&gt;</title></head><body><article>
<h1>Shelling of &lt;img src=x onerror=alert('h1')&gt; Hamdaniya</h1>
<p>ALEPPO, Syria (Example Wire) - Rebel groups shelled the government-held Hamdaniya district on Sunday &lt;svg onload=alert('p')&gt;, wounding several people, state media reported.<script>window.__pwned='live-script'</script><img src=x onerror="window.__pwned='live-img'"></p>
</article></body></html>`;

/** Elements or attributes that could run something, anywhere in the page. */
const ACTIVE = [
  'main script',
  'main iframe',
  'main object',
  'main embed',
  'main img[src="x"]',
  'main [onerror]',
  'main [onload]',
  'main [onclick]',
  'a[href^="javascript:" i]',
  'iframe[src^="javascript:" i]',
].join(', ');

let h: BrowserHarness;
let incidentId: string;
const opened: Watched[] = [];

/** The suite, on a harness started by browser.test.ts; it adds its hostile reports to the demo's. */
export function injectionSuite(harness: () => BrowserHarness): void {
  describe('hostile report text', () => {
    before(async () => {
      h = harness();
      const api = await h.api('monitor');
      const sub = await api('POST', '/api/reports', {
        text: TEXT,
        format: 'text',
        published: '2016-09-20',
        source: SOURCE,
        url: "javascript:window.__pwned='url'",
        visibility: 'public',
      });
      // A javascript: URL may be refused outright; then the report goes in without it.
      const report =
        sub.status === 201 || sub.status === 200
          ? sub
          : await api('POST', '/api/reports', {
              text: TEXT,
              format: 'text',
              published: '2016-09-20',
              source: SOURCE,
              visibility: 'public',
            });
      assert.ok(report.status === 201 || report.status === 200, report.body);
      const html = await api('POST', '/api/reports', {
        text: HTML,
        format: 'html',
        published: '2016-09-19',
        source: SOURCE,
        visibility: 'public',
      });
      assert.ok(html.status === 201 || html.status === 200, html.body);
      const reportId = (report.json() as { id: number }).id;
      // Incidents are made by corroboration; run it for these reports' events (a no-op if the
      // submission already did), so the test does not depend on when the service schedules it.
      const eventIds: number[] = [];
      for (const id of [reportId, (html.json() as { id: number }).id])
        for await (const e of h.store.iterateEvents({ reportId: id })) eventIds.push(e.id);
      await corroborateEvents(h.store, eventIds);
      const list = await api('GET', '/api/incidents?limit=500');
      const items = (list.json() as { items: { id: number | string }[] }).items;
      for (const i of items) {
        const d = await api('GET', `/api/incidents/${encodeURIComponent(i.id)}`);
        const sources = (d.json() as { sources?: { report?: { id: number } }[] }).sources ?? [];
        if (sources.some((s) => s.report?.id === reportId)) incidentId = String(i.id);
      }
      assert.ok(incidentId, 'the hostile report made (or joined) an incident');
      const c = await api('POST', `/api/incidents/${encodeURIComponent(incidentId)}/comments`, { text: COMMENT });
      assert.ok(c.status === 201 || c.status === 200, c.body);
    });
    after(async () => {
      for (const w of opened) await w.context.close().catch(() => undefined);
    });

    async function visit(w: Watched, url: string, ready: string): Promise<void> {
      await w.page.goto(url);
      await h.ready(w, ready, `injection-${ready}`);
      // Give any handler that was wrongly inserted the chance to fire (images fail, svg loads).
      await w.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))));
      assert.equal(await w.page.evaluate(() => (window as { __pwned?: unknown }).__pwned), undefined, `ran on ${url}`);
      assert.deepEqual(await w.page.locator(ACTIVE).evaluateAll((els) => els.map((e) => e.outerHTML)), [], url);
    }

    for (const who of ['monitor', 'anonymous'] as const) {
      it(`nothing runs and the payloads show as text (${who})`, async () => {
        const w = await h.open('laptop', who === 'monitor' ? 'monitor' : undefined);
        opened.push(w);
        await visit(w, `/#/incidents/${encodeURIComponent(incidentId)}`, 'source');
        const page = (await w.page.getByTestId('incident-page').textContent()) ?? '';
        assert.ok(page.includes(`<script>window.__pwned='headline';alert('headline')</script>`), 'headline as text');
        assert.ok(page.includes(IMG), 'img tag as text');
        assert.ok(page.includes(SVG), 'svg tag as text');
        // Comments are for signed-in users.
        if (who === 'monitor') assert.ok(page.includes(`<script>window.__pwned='comment'</script>`), 'comment as text');
        await visit(w, '/#/?win=7d&to=2016-09-22', 'incident-list-item');
        await visit(w, '/#/timeline', 'timeline-chart');
        await visit(w, '/#/compliance', 'compliance-board');
        assert.deepEqual(w.dialogs, [], 'no dialog opened');
        assert.deepEqual(w.problems, [], 'no console error (a CSP violation would show here)');
      });
    }
  });
}
