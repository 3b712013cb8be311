import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countWords, median, medianRatio, perSecond, ratio, sumByStage, verdict } from './stats.js';

test('median of odd and even lists, unsorted input untouched', () => {
  const rows: Array<[number[], number]> = [
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[10, 10, 1000, 10, 9], 10],
  ];
  for (const [input, expected] of rows) {
    const copy = [...input];
    assert.equal(median(input), expected, `median(${input})`);
    assert.deepEqual(input, copy);
  }
  assert.throws(() => median([]), RangeError);
});

test('ratio, perSecond and medianRatio', () => {
  const rows: Array<[number, number, number]> = [
    [6, 2, 3],
    [1, 4, 0.25],
    [1, 0, Number.NaN],
    [Number.NaN, 1, Number.NaN],
  ];
  for (const [a, b, expected] of rows) assert.deepEqual(ratio(a, b), expected, `${a}/${b}`);
  assert.equal(perSecond(5), 200);
  assert.ok(Number.isNaN(perSecond(0)));
  // One noisy round (a slow pipeline round paired with a slow peer round) does not move the median.
  assert.equal(medianRatio([10, 20, 12, 11], [5, 10, 4, 5]), 2.1);
  assert.throws(() => medianRatio([1], [1, 2]), RangeError);
});

test('countWords', () => {
  const rows: Array<[string, number]> = [
    ['', 0],
    ['   ', 0],
    ['one', 1],
    ['Rebels shelled\nthe town  on Monday.', 6],
  ];
  for (const [input, expected] of rows) assert.equal(countWords(input), expected, JSON.stringify(input));
});

test('sumByStage keeps stage order and adds across reports', () => {
  const totals = sumByStage([
    { stage: 'clean', ms: 1 },
    { stage: 'sentences', ms: 2 },
    { stage: 'clean', ms: 0.5 },
  ]);
  assert.deepEqual(
    [...totals],
    [
      ['clean', 1.5],
      ['sentences', 2],
    ],
  );
});

test('verdict against targets', () => {
  assert.equal(verdict(250, { atLeast: 200 }), 'ok');
  assert.equal(verdict(150, { atLeast: 200 }), 'MISSED');
  assert.equal(verdict(2.9, { atMost: 3 }), 'ok');
  assert.equal(verdict(3.1, { atMost: 3 }), 'MISSED');
  assert.equal(verdict(Number.NaN, { atMost: 3 }), '?');
});
