import assert from 'node:assert/strict';
import { test } from 'node:test';
import { filterAndTrim, filterBlocks, textWords } from './boilerplate.js';
import { loadChromeRules } from './chrome.js';
import type { TextBlock } from './html-text.js';
import { compilePruneRules, loadPruneRules, pruneElements } from './prune.js';
import { paragraphsOf, parseDocument } from './html-text.js';

const p = (text: string, linkChars = 0, tag = 'p'): TextBlock => ({ text, linkChars, tag });
const link = (text: string, tag = 'li'): TextBlock => p(text, text.length, tag);

// Invented article paragraphs.
const A = p(
  'Shelling resumed near the northern checkpoint on Tuesday morning, two residents of the village said by phone.',
);
const B = p(
  'A convoy of eleven lorries carrying flour and medicine reached the town later that day, the relief agency said.',
);
const C = p('Both sides accused each other of breaking the truce, and neither side offered evidence for its claims.');

test('block filter: link lists before and after the article go; links inside it and bare addresses stay', () => {
  const blocks = [
    link('Home'),
    link('World news'),
    A,
    link('Buy the field guide for $12', 'p'),
    B,
    C,
    link('Ceasefire talks stall as envoys leave the capital'),
    p('By Staff Writer'),
    link('Aid agencies warn of a hard winter in the camps'),
    link('https://example.org/report.pdf', 'p'),
  ];
  const { reasons } = filterBlocks(blocks);
  assert.deepEqual(reasons, ['link list', 'link list', null, null, null, null, 'link list', null, 'link list', null]);
});

test('block filter: a long link reading as a sentence stays at the edge; a long tag cloud goes', () => {
  const linked = link(
    'One of the guides explains how to route the backup through an encrypted tunnel, and it took me a long afternoon to get the examples in it working on my own machine.',
    'p',
  );
  const cloud = link(
    'aid convoy crossing truce shelling refugees winter flour medicine camps border talks envoys army rebels villages school hospital water power roads bridges fuel market checkpoint night',
    'div',
  );
  const { reasons } = filterBlocks([linked, A, B, cloud]);
  assert.deepEqual(reasons, [null, null, null, 'link list']);
});

test('block filter: a run of four link blocks inside the article goes', () => {
  const run = ['One', 'Two', 'Three', 'Four'].map((w) => link(`${w} more story about the talks`, 'p'));
  const { reasons } = filterBlocks([A, ...run, B]);
  assert.deepEqual(reasons, [null, 'link list', 'link list', 'link list', 'link list', null]);
});

test('block filter then chrome: removed pieces in document order, chrome reasons first', () => {
  const rules = loadChromeRules();
  const out = filterAndTrim(rules, [link('Home'), A, B, C, link('Source', 'p')]);
  assert.deepEqual(out.paragraphs, [A.text, B.text, C.text]);
  assert.deepEqual(
    out.removed.map((r) => r.reason),
    ['link list', 'aggregator source link'],
  );
});

test('textWords: unspaced Chinese and Japanese text counts two characters as a word', () => {
  assert.equal(textWords('three plain words'), 3);
  // 13 Han and kana characters and a full stop, no space: one run, six pairs.
  assert.equal(textWords('停戦合意は月曜日に発効した。'), 1 + 6);
});

test('prune: class-marked captions and figcaptions go before extraction; a large wrapper stays', () => {
  const doc = parseDocument(
    `<div class="story-with-caption"><p>${A.text}</p><div class="photo-caption">A convoy waits at the checkpoint (Photo: Example Agency)</div>` +
      `<figure><img src="x.jpg"><figcaption>Lorries at the crossing</figcaption></figure><p>${B.text}</p><p>${C.text}</p>` +
      `<span id="imageCredit">Example Agency</span></div>`,
  );
  const rules = compilePruneRules([
    { id: 'caption', tags: ['figcaption'], classPattern: 'caption|credit', maxWords: 30, description: 'd' },
  ]);
  assert.equal(pruneElements(doc, rules), 3);
  assert.deepEqual(paragraphsOf(doc.body), [A.text, B.text, C.text]);
  assert.ok(loadPruneRules().rules.length > 0);
});
