import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findQuotedSpans } from './marks.js';

/** Paragraph spans of a body whose paragraphs are separated by blank lines. */
function paragraphsOf(body: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (const part of body.split('\n\n')) {
    out.push({ start, end: start + part.length });
    start += part.length + 2;
  }
  return out;
}

test('marks: a two-character mark that starts on the last character of a paragraph still counts', () => {
  const body = "The envoy added ``we will stay in the valley until spring''";
  const spans = findQuotedSpans(body, [{ start: 0, end: body.length - 1 }]);
  assert.equal(spans.length, 1);
  assert.equal(spans[0]!.runsOn, false);
  assert.equal(spans[0]!.close, body.length);
});

test('marks: a two-character closing mark at the very end of a paragraph closes the quote', () => {
  const body = "The envoy added ``we will stay in the valley until spring''\n\nTalks resume next week.";
  const spans = findQuotedSpans(body, paragraphsOf(body));
  assert.equal(spans.length, 1);
  assert.equal(spans[0]!.runsOn, false);
  assert.equal(spans[0]!.close, body.indexOf('\n'));
  assert.equal(body.slice(spans[0]!.content.start, spans[0]!.content.end), 'we will stay in the valley until spring');
});

test('marks: each paragraph reads only its own marks, whatever comes after it', () => {
  const body =
    'Farmers said the river “had never risen so fast before this year”\n\nNo marks here at all.\n\n“The bridge is gone for good now,” an engineer said.';
  const spans = findQuotedSpans(body, paragraphsOf(body));
  assert.deepEqual(
    spans.map((s) => [s.paragraph, s.runsOn, body.slice(s.content.start, s.content.end)]),
    [
      [0, false, 'had never risen so fast before this year'],
      [2, false, 'The bridge is gone for good now'],
    ],
  );
});
