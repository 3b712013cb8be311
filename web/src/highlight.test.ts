import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { locate, normalizeSpans, splitHighlights } from './highlight.js';

const text = 'Jets struck the market. Nine people died. The army denied it.';

describe('evidence highlighting', () => {
  const table = [
    { name: 'no spans: one plain piece', spans: [], marked: [] },
    { name: 'one sentence', spans: [{ start: 0, end: 23 }], marked: ['Jets struck the market.'] },
    {
      name: 'two sentences, given out of order',
      spans: [
        { start: 42, end: 61 },
        { start: 24, end: 41 },
      ],
      marked: ['Nine people died.', 'The army denied it.'],
    },
    {
      name: 'overlapping spans merge',
      spans: [
        { start: 0, end: 10 },
        { start: 5, end: 23 },
      ],
      marked: ['Jets struck the market.'],
    },
    {
      name: 'spans past either end are clamped, empty and NaN ones dropped',
      spans: [
        { start: -5, end: 4 },
        { start: 51, end: 999 },
        { start: 30, end: 30 },
        { start: Number.NaN, end: 3 },
      ],
      marked: ['Jets', 'denied it.'],
    },
  ];
  for (const t of table) {
    it(t.name, () => {
      const pieces = splitHighlights(text, t.spans);
      assert.equal(pieces.map((p) => p.text).join(''), text, 'pieces give the text back');
      assert.deepEqual(
        pieces.filter((p) => p.marked).map((p) => p.text),
        t.marked,
      );
      for (let i = 1; i < pieces.length; i++)
        assert.ok(!(pieces[i]!.marked && pieces[i - 1]!.marked), 'no two marks side by side');
    });
  }

  it('keeps hostile markup as text: pieces are strings, never parsed', () => {
    const hostile = '<img src=x onerror=alert(1)> said <script>alert(2)</script>';
    const pieces = splitHighlights(hostile, [{ start: 0, end: 28 }]);
    assert.equal(pieces[0]!.text, '<img src=x onerror=alert(1)>');
    assert.equal(pieces.map((p) => p.text).join(''), hostile);
  });

  it('carries event ids of merged spans to the mark', () => {
    const spans = normalizeSpans(text.length, [
      { start: 0, end: 10, ids: ['e1'] },
      { start: 10, end: 23, ids: ['e2', 'e1'] },
    ]);
    assert.deepEqual(spans, [{ start: 0, end: 23, ids: ['e1', 'e2'] }]);
  });

  it('finds a sentence sent without offsets, across different white space', () => {
    assert.deepEqual(locate(text, 'Nine people died.'), { start: 24, end: 41 });
    assert.deepEqual(locate('Jets  struck\nthe market.', 'Jets struck the market.'), { start: 0, end: 24 });
    assert.equal(locate(text, 'Nobody died (really).'), null);
    assert.equal(locate(text, '   '), null);
  });

  it('gives one empty piece for empty text', () => {
    assert.deepEqual(splitHighlights('', [{ start: 0, end: 3 }]), [{ text: '', marked: false, ids: [], start: 0 }]);
  });
});
