import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleFromHtml, articleFromText, loadExamplesCorpus, loadReutersCorpus, recombine } from './corpus.js';
import { countWords } from './stats.js';

// Our own invented sentences (never text from ../shared).
const TEXT = `Shelling resumes near Kramatorsk

KRAMATORSK, Ukraine (Test Wire) - Artillery hit the outskirts of the town on Monday, officials said.

"We heard explosions all night," a resident said.

Leave a Reply
Powered by Test CMS`;

const HTML = `<html><head><title>Page title | Test Daily</title>
<meta property="article:published_time" content="2019-05-08T09:30:00Z"></head>
<body><nav><p>Home</p></nav><article><h1>Clashes &amp; arrests in Sanaa</h1>
<p class="byline">By Test Daily staff</p>
<p><span class="x">SANAA, Yemen</span> - Police detained <b>ten</b> protesters on Friday, a rights group said.</p>
</article><footer><p>Subscribe to our newsletter.</p></footer></body></html>`;

test('articleFromText: headline, prose paragraphs and chrome', () => {
  const a = articleFromText('t.txt', TEXT);
  assert.equal(a.headline, 'Shelling resumes near Kramatorsk');
  assert.equal(a.paragraphs.length, 2);
  assert.ok(a.paragraphs[1]!.endsWith('a resident said.'));
  assert.deepEqual(a.chrome, ['Leave a Reply\nPowered by Test CMS']);
});

test('articleFromHtml: h1, paragraphs of the article only, entities decoded, date from metadata', () => {
  const a = articleFromHtml('p.html', HTML);
  assert.equal(a.headline, 'Clashes & arrests in Sanaa');
  assert.deepEqual(a.paragraphs, ['SANAA, Yemen - Police detained ten protesters on Friday, a rights group said.']);
  assert.deepEqual(a.chrome, ['By Test Daily staff']);
  assert.equal(a.published, '2019-05-08');
});

function article(name: string, n: number, words: number) {
  const para = (k: number) => `${name} paragraph ${k} ${'word '.repeat(words - 3)}end.`;
  return {
    name,
    headline: `Headline ${name}`,
    paragraphs: Array.from({ length: n }, (_, k) => para(k)),
    chrome: [`Chrome ${name}`],
  };
}

test('recombine: deterministic reports of at least the target length, lead article first, chrome last', () => {
  const articles = [article('a', 4, 50), article('b', 5, 40), article('c', 3, 60)];
  const reports = recombine(articles, { targetWords: 300 });
  assert.deepEqual(recombine(articles, { targetWords: 300 }), reports);
  assert.equal(reports.length, 12); // one per pooled paragraph by default
  reports.forEach((r, i) => {
    const lead = articles[i % 3]!;
    const blocks = r.input.raw.trim().split('\n\n');
    assert.equal(blocks[0], lead.headline);
    assert.deepEqual(blocks.slice(1, 1 + lead.paragraphs.length), lead.paragraphs);
    assert.equal(blocks.at(-1), lead.chrome[0]);
    assert.ok(r.words >= 300, `${r.name} has ${r.words} words`);
    assert.equal(r.words, countWords(r.input.raw));
    assert.equal(new Set(blocks).size, blocks.length, 'no paragraph twice in one report');
    assert.equal(r.input.mediaType, 'text/plain');
  });
  assert.ok(new Set(reports.map((r) => r.input.raw)).size > 3, 'reports differ');
  assert.throws(() => recombine([{ name: 'x', headline: 'x', paragraphs: [], chrome: [] }]), RangeError);
});

test('the project examples recombine into ~800-word reports', () => {
  const reports = loadExamplesCorpus('examples/manifest.yaml');
  assert.ok(reports.length >= 20);
  for (const r of reports) assert.ok(r.words >= 800 && r.words < 1000, `${r.name}: ${r.words} words`);
});

test('an absent shared corpus gives null, not an error', () => {
  assert.equal(loadReutersCorpus('/nonexistent/posts.jsonl'), null);
});
