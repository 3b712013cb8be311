import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { IngestService } from '../../src/services/ingest.service.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite.store.js';
import { ROOT } from './cli.js';

// Invented reports (no text from ../shared). B is a syndicated copy of A under another headline;
// C is an updated version of A (new lede, most paragraphs kept); D is a different story.
const PARAS = [
  'Government forces shelled the eastern districts of Aleppo on Saturday, killing at least nine people, according to a monitoring group based in the city.',
  'The monitor said the shells fell near a bakery where residents had queued since dawn, and that rescue workers were still searching the rubble in the afternoon.',
  'Rebel commanders said they would answer the attack, while a spokesman for the army said its units had only targeted positions used to fire on western neighbourhoods.',
  'The fighting came two days after both sides said they would respect a local truce negotiated to let an aid convoy reach the besieged districts.',
  'United Nations officials said the convoy of forty trucks was still waiting at a checkpoint on the Castello road and called on all parties to allow it through.',
];
const A = `Shelling kills nine in Aleppo\n\n${PARAS.join('\n\n')}`;
const B = `Nine dead as shells hit Aleppo districts\n\nBy a staff reporter\n\n${PARAS.join('\n\n')}`;
const C = `Aleppo death toll rises to fourteen\n\nThe death toll from Saturday's shelling of eastern Aleppo rose to fourteen, the monitoring group said on Sunday, as rescue workers pulled more bodies from the rubble.\n\n${PARAS.slice(1).join('\n\n')}`;
const D = `Protest in Idlib over bread prices\n\nHundreds of people marched through the centre of Idlib on Friday to protest against the price of bread, witnesses said.\n\nThe protesters gathered outside the offices of the local council and dispersed peacefully in the evening, a local journalist said.`;

const dir = mkdtempSync(join(tmpdir(), 'truce-ingest-'));
let server: Server;
let base = '';
const hits: string[] = [];

before(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const page = (body: string) =>
      `<!doctype html><html><head><title>x</title></head><body><article><h1>${body.split('\n')[0]}</h1>${body
        .split('\n\n')
        .slice(1)
        .map((p) => `<p>${p}</p>`)
        .join('')}</article></body></html>`;
    const routes: Record<string, () => void> = {
      '/a.html': () => res.writeHead(200, { 'content-type': 'text/html' }).end(page(A)),
      '/d.html': () => res.writeHead(200, { 'content-type': 'text/html' }).end(page(D)),
      '/moved': () => res.writeHead(302, { location: '/d.html' }).end(),
      '/loop': () => res.writeHead(302, { location: '/loop' }).end(),
      '/big.html': () => res.writeHead(200, { 'content-type': 'text/html' }).end(page(A) + ' '.repeat(50_000)),
      '/slow.html': () => setTimeout(() => res.writeHead(200).end(page(D)), 3000),
      '/feed.rss': () =>
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?>
<rss version="2.0"><channel><title>Invented Wire</title>
<item><title>one</title><link>${base}/a.html</link><pubDate>Sat, 03 Sep 2016 23:30:00 +0300</pubDate></item>
<item><title>two</title><link>${base}/missing.html</link><pubDate>Sun, 04 Sep 2016 08:00:00 GMT</pubDate></item>
<item><title>three</title><link>${base}/moved</link></item>
<item><title>four</title><link>${base}/loop</link></item>
<item><title>five</title><link>${base}/big.html</link></item>
<item><title>six</title><link>${base}/slow.html</link></item>
</channel></rss>`),
      '/feed.atom': () =>
        res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Invented Atom</title>
<entry><title>d</title><link rel="alternate" href="${base}/d.html"/><published>2016-09-02T10:00:00Z</published></entry>
</feed>`),
    };
    (routes[req.url ?? ''] ?? (() => res.writeHead(404).end('not here')))();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('truce ingest: feeds and URLs (local server only)', () => {
  it('fetches each RSS item with size, time and redirect limits; bad items quarantined, the rest stored', async () => {
    const store = await openSqliteStore({ path: ':memory:' });
    const service = new IngestService(store);
    const summary = await service.ingest([`${base}/feed.rss`], {
      fetch: { maxBytes: 20_000, timeoutMs: 1000, maxRedirects: 3 },
    });
    assert.deepEqual(
      { read: summary.read, new: summary.new, quarantined: summary.quarantined, failed: summary.failed },
      { read: 6, new: 2, quarantined: 4, failed: 0 },
    );
    const reasons = (await store.listQuarantine()).map((q) => q.reason).join('\n');
    assert.match(reasons, /HTTP 404/);
    assert.match(reasons, /more than 3 redirects/);
    assert.match(reasons, /E003/);
    assert.match(reasons, /timed out after 1000 ms/);
    const hit = (await store.searchReports('bakery'))[0]!;
    const report = (await store.getReport(hit.id))!;
    assert.equal(report.published, '2016-09-03', 'the day the publisher wrote, not UTC');
    assert.equal(report.url, `${base}/a.html`);
    // Running the feed again stores nothing twice.
    const again = await service.ingest([`${base}/feed.rss`], { fetch: { maxBytes: 20_000, timeoutMs: 1000 } });
    assert.equal(again.new, 0);
    assert.equal(again.unchanged, 2);
    await store.close();
  });

  it('reads Atom feeds and plain page URLs', async () => {
    const store = await openSqliteStore({ path: ':memory:' });
    const summary = await new IngestService(store).ingest([`${base}/feed.atom`, `${base}/a.html`]);
    assert.equal(summary.new, 2);
    const idlib = (await store.searchReports('idlib AND bread'))[0]!;
    assert.equal(idlib.published, '2016-09-02');
    await store.close();
  });
});

describe('truce ingest: files, copies and versions', () => {
  it('links a syndicated copy and an updated version to the first report, never as new sources', async () => {
    const store = await openSqliteStore({ path: ':memory:' });
    const service = new IngestService(store);
    const outcomes: string[] = [];
    const summary = await service.ingest([], {});
    assert.equal(summary.read, 0);
    for (const [name, text] of [
      ['a', A],
      ['b', B],
      ['c', C],
      ['d', D],
    ] as const) {
      const o = await service.ingestOne(name, { text, mediaType: 'text/plain' });
      outcomes.push(`${name}:${o.status}${o.canonicalReportId ? `->${o.canonicalReportId}` : ''}`);
    }
    assert.deepEqual(outcomes, ['a:new', 'b:copy->1', 'c:version->1', 'd:new']);
    assert.equal((await store.getReport(2))!.canonicalReportId, 1);
    assert.equal((await store.getReport(4))!.canonicalReportId, null);
    await store.close();
  });

  it('the command: folders, JSON Lines with --map, a binary file quarantined, a JSON summary', async () => {
    const reports = join(dir, 'reports');
    mkdirSync(join(reports, 'sub'), { recursive: true });
    writeFileSync(join(reports, 'a.txt'), A);
    writeFileSync(join(reports, 'sub', 'b.txt'), B);
    writeFileSync(join(reports, 'broken.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2]));
    const jsonl = join(dir, 'corpus.jsonl');
    writeFileSync(
      jsonl,
      [
        JSON.stringify({
          body: `<p>${D.split('\n\n').slice(1).join('</p><p>')}</p>`,
          day: '2016-09-02 10:00:00',
          head: 'Bread protest',
          link: 'http://example.org/d',
        }),
        '{not json',
        JSON.stringify({ body: '', day: 'x' }),
      ].join('\n'),
    );
    const db = join(dir, 'cli.db');
    const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          resolve(ROOT, 'src/cli/main.ts'),
          'ingest',
          reports,
          jsonl,
          '--map',
          'html=body,published=day,title=head,url=link',
          '--db',
          db,
          '--format',
          'json',
        ],
        { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (status) => done({ status, stdout, stderr }));
    });
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), {
      read: 6,
      new: 2,
      copies: 1,
      versions: 0,
      unchanged: 0,
      reanalysed: 0,
      quarantined: 3,
      failed: 0,
      // The bread protest (dated by the JSON Lines record) is one incident; the Aleppo story has no
      // publication date, so its shelling cannot be placed in time and joins no incident.
      incidentsCreated: 1,
      incidentsUpdated: 0,
    });
  });
});
