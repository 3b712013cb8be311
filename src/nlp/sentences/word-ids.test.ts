import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { readSentences } from './sentences.stage.js';
import { tokenTexts } from './token-text.js';
import { PerWord, PerWordBits, WordTable, wordTable } from './word-ids.js';

/** Every token's id names its text, for the stage's own layer and for a copy (which interns its slices). */
function check(body: string): void {
  const layer = readSentences(body);
  for (const [label, known] of [
    ['stage', tokenTexts(layer, body)],
    ['copy', tokenTexts({ ...layer }, body)],
  ] as const) {
    assert.equal(known.ids.length, layer.tokens.length, `${label}: one id per token in ${JSON.stringify(body)}`);
    layer.tokens.forEach((t, i) => {
      const text = body.slice(t.start, t.end);
      const id = known.ids[i]!;
      assert.equal(wordTable.text(id), text, `${label}: token ${i} of ${JSON.stringify(body)}`);
      assert.equal(wordTable.lowerText(id), text.toLowerCase(), `${label}: lower case of ${JSON.stringify(text)}`);
      assert.equal(wordTable.intern(text), id, `${label}: ${JSON.stringify(text)} has one id`);
    });
  }
}

test('word ids: each token id is the id of its text, as read by the stage and as interned', () => {
  for (const body of [
    'Envoys met on Monday. The envoys met again, and THE talks went on.',
    "The İstanbul talks can't “resume” — ÉLYSÉE said the U.S. envoy's plan won't do.\n\nSecond  paragraph\u00a0here.",
    'Dots after a digit: A0..A and A0.... end',
    '',
  ])
    check(body);
  fc.assert(
    fc.property(fc.string({ maxLength: 120 }), (body) => check(body)),
    { numRuns: 300 },
  );
});

test('word ids: a text read again, in another report, keeps its id', () => {
  const idsOf = (body: string): Map<string, number> => {
    const layer = readSentences(body);
    const ids = tokenTexts(layer, body).ids;
    return new Map(layer.tokens.map((t, i) => [body.slice(t.start, t.end), ids[i]!]));
  };
  const first = idsOf('Monitors counted the convoys near the river.');
  const second = idsOf('The convoys left; monitors stayed near the Monitors office.');
  for (const word of ['convoys', 'near', 'Monitors'])
    assert.equal(first.get(word), second.get(word), `${word}: same id in both reports`);
  assert.notEqual(second.get('Monitors'), second.get('monitors'), 'ids are case-sensitive');
  assert.equal(wordTable.lowerId(first.get('Monitors')!), second.get('monitors'), 'lowerId: the lower-case word');
});

test('word ids: a table of its own hands out dense ids, and wink indexes map to them once', () => {
  const table = new WordTable();
  const cases: Array<[string, () => number, number]> = [
    ['first text gets id 0', () => table.intern('alpha'), 0],
    ['second text gets id 1', () => table.intern('Beta'), 1],
    ['a text seen before keeps its id', () => table.intern('alpha'), 0],
    ['a wink index far beyond the table maps to the text id', () => table.fromWink(5000, 'Beta'), 1],
    ['the same wink index again, without the text looked up', () => table.fromWink(5000, 'ignored'), 1],
    ['a new wink index with a new text', () => table.fromWink(7, 'gamma'), 2],
    ['lower case of a capitalised text is interned', () => table.lowerId(1), 3],
    ['lower case of a lower-case text is itself', () => table.lowerId(0), 0],
  ];
  for (const [name, run, expected] of cases) assert.equal(run(), expected, name);
  assert.equal(table.text(3), 'beta', 'the interned lower case');
  assert.equal(table.size, 4, 'four texts');
});

test('per-word caches compute once per id and grow past their first size', () => {
  const calls: number[] = [];
  const bits = new PerWordBits((id) => {
    calls.push(id);
    return id % 7;
  });
  const values = new PerWord((id) => {
    calls.push(-id);
    return `w${id}`;
  });
  for (const id of [3, 3, 5000, 3, 5000, 0]) {
    assert.equal(bits.get(id), id % 7, `bits of ${id}`);
    assert.equal(values.get(id), `w${id}`, `value of ${id}`);
  }
  assert.deepEqual(calls, [3, -3, 5000, -5000, 0, -0], 'one computation per id and cache');
});
