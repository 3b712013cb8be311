import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CleanLayer, ReportInput } from '../../core/document.js';
import { createCleanStage } from './clean.stage.js';

const stage = createCleanStage();
const run = (raw: string, extra: Partial<ReportInput> = {}): CleanLayer =>
  stage.run({ input: { raw, mediaType: 'text/html', ...extra } });

// Invented article paragraphs, long enough for an extractor to see an article.
const PARAS = [
  'Government forces shelled the northern outskirts of Hama on Tuesday, residents said, hours after both sides had promised to respect the local truce.',
  'The Syrian Observatory for Human Rights said three civilians were killed and a school was damaged in the village of Kafr Zita.',
  'A rebel commander said his fighters had not fired a shot since the agreement took effect and accused the army of trying to provoke a response.',
  'United Nations officials said a convoy carrying food and medicine for twelve thousand people was still waiting at the edge of the town.',
];

function page(head: string, article: string, extra = ''): string {
  return `<!DOCTYPE html><html><head>${head}</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Shelling hits Hama despite truce</h1>${article}</article>${extra}<footer><p>Powered by ExamplePress</p></footer></body></html>`;
}

const ARTICLE = PARAS.map((p) => `<p>${p}</p>`).join('\n');

test('html: article paragraphs become blank-line separated body; headline from og:title without site suffix', () => {
  const c = run(
    page(
      '<title>Shelling hits Hama despite truce | The Example Times</title><meta property="og:title" content="Shelling hits Hama despite truce | The Example Times">',
      ARTICLE,
    ),
  );
  assert.equal(c.headline, 'Shelling hits Hama despite truce');
  assert.equal(c.body, PARAS.join('\n\n'));
  assert.deepEqual(c.warnings, []);
});

test('html: publication date from article:published_time, as written', () => {
  const c = run(page('<meta property="article:published_time" content="2016-09-04T23:30:00-04:00">', ARTICLE));
  assert.equal(c.published, '2016-09-04');
  assert.equal(c.publishedFrom, 'metadata');
});

test('html: publication date and author from JSON-LD', () => {
  const ld = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'NewsArticle', datePublished: '2016-02-27', author: [{ '@type': 'Person', name: 'Jane Doe' }] },
    ],
  };
  const c = run(page(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`, ARTICLE));
  assert.equal(c.published, '2016-02-27');
  assert.equal(c.byline, 'Jane Doe');
});

test('html: a <time datetime> gives the date; the input date always wins', () => {
  const html = page('', `<time datetime="2016-03-01T10:00:00Z">1 March</time>${ARTICLE}`);
  assert.equal(run(html).published, '2016-03-01');
  const given = run(html, { published: '2016-03-02' as never });
  assert.equal(given.published, '2016-03-02');
  assert.equal(given.publishedFrom, 'input');
});

test('html: a marked-up dateline stays in the body and is reported', () => {
  const html = page(
    '',
    `<p><span class="articleLocation">HAMA, Syria</span> ${PARAS[0]}</p>${PARAS.slice(1)
      .map((p) => `<p>${p}</p>`)
      .join('')}`,
  );
  const c = run(html);
  assert.ok(c.body.startsWith(`HAMA, Syria ${PARAS[0]}`));
  assert.deepEqual(
    { text: c.dateline?.text, place: c.dateline?.place, start: c.dateline?.start },
    { text: 'HAMA, Syria', place: 'Hama, Syria', start: 0 },
  );
});

test('html: aggregator fragment without <html>, with [ad_1] markers and a wire trailer', () => {
  const html = ` [ad_1]\n<br><div id="articleText">${ARTICLE}<p> (Reporting by Jane Doe; Editing by John Roe)</p></div>\n<br>[ad_2]\n<br><a href="http://example.com/x">Source </a>`;
  const c = run(html);
  assert.equal(c.body, PARAS.join('\n\n'));
  assert.deepEqual(
    c.removed.map((r) => r.reason),
    ['aggregator ad marker', 'wire credits trailer', 'aggregator ad marker', 'aggregator source link'],
  );
});

test('html: a page with no article text gives an empty body and W001, not a crash', () => {
  const c = run(
    '<html><head><title>Menu</title></head><body><nav><ul><li><a href="/a">News</a></li><li><a href="/b">Sport</a></li></ul></nav></body></html>',
  );
  assert.equal(c.body, '');
  assert.match(c.warnings[0] ?? '', /^W001/);
});

test('html: broken and hostile HTML never crashes', () => {
  const rows = [
    '',
    '<',
    '<html><body><p>unclosed <b>bold <i>text',
    '<<<>>>&&&;;',
    '<p>' + '<div>'.repeat(5000) + 'deep',
    '<script>alert(1)</script>',
    '\uFEFF<p>BOM</p>',
    '<html><body>' + PARAS[0] + '</p></div></span></body>',
  ];
  for (const raw of rows) {
    const c = run(raw);
    assert.equal(typeof c.body, 'string');
    for (const s of c.offsets)
      assert.equal(raw.slice(s.raw, s.raw + s.length), c.body.slice(s.body, s.body + s.length));
  }
});

test('html: offsets map article text back to the raw HTML, across entities and inline tags', () => {
  const raw = page(
    '<meta name="description" content="' + PARAS[0] + '">',
    `<p>${PARAS[0]}</p><p>Rebels &amp; troops met at <a href="/x">the crossing</a> near the town of Morek late on Monday night.</p>`,
  );
  const c = run(raw);
  for (const s of c.offsets) assert.equal(raw.slice(s.raw, s.raw + s.length), c.body.slice(s.body, s.body + s.length));
  // The first paragraph maps into <body>, not into the meta description.
  assert.ok((c.offsets[0]?.raw ?? 0) > raw.indexOf('<body'));
  const crossing = c.body.indexOf('the crossing');
  assert.ok(c.offsets.some((s) => s.body <= crossing && crossing < s.body + s.length));
});

test('html: an unspaced Japanese article is an article, not W001', () => {
  const sentences = [
    '停戦合意は月曜日の朝に発効したと当局者が述べた。',
    '北部の村では火曜日にも砲撃の音が聞こえたと住民が話した。',
    '国連の車列は食料と医薬品を積んで町に到着した。',
    '双方は互いに合意違反を非難したが、証拠は示さなかった。',
  ];
  const c = run(page('', sentences.map((s) => `<p>${s}</p>`).join('')));
  assert.deepEqual(c.warnings, []);
  assert.equal(c.body, sentences.join('\n\n'));
});
