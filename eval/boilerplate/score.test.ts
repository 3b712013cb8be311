import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { averagePr, segmentCounts, shinglePr, shingles } from './score.js';

describe('article-extraction-benchmark shingle metric', () => {
  it('counts 4-token shingles with multiplicity', () => {
    assert.equal(shingles('a b c d e').size, 2);
    assert.equal(shingles('x y z w x y z w').get(['x', 'y', 'z', 'w'].join('\u0001')), 2);
    assert.equal(shingles('too short').size, 1);
  });
  const rows: Array<[string, string, number, number]> = [
    ['one two three four five', 'one two three four five', 1, 1],
    ['', '', 1, 1],
    ['one two three four five', 'nothing in common at all', 0, 0],
    // prediction has the article plus one extra shingle of chrome: P = 2/3, R = 1
    ['one two three four five', 'one two three four five six', 2 / 3, 1],
  ];
  for (const [truth, pred, p, r] of rows) {
    it(`P=${p.toFixed(2)} R=${r} for "${pred}"`, () => {
      const got = shinglePr(truth, pred);
      assert.ok(Math.abs(got.p - p) < 1e-9);
      assert.ok(Math.abs(got.r - r) < 1e-9);
    });
  }
  it('averages P and R over pages before taking F1', () => {
    const avg = averagePr([
      { p: 1, r: 0.5 },
      { p: 0.5, r: 1 },
    ]);
    assert.equal(avg.p, 0.75);
    assert.equal(avg.f1, 0.75);
  });
});

describe('trafilatura must / must-not segments', () => {
  it('finds segments across whitespace differences', () => {
    const c = segmentCounts(
      'The army   said\nthe road is open.',
      ['army said the road', 'missing line'],
      ['Subscribe now', 'road is'],
    );
    assert.deepEqual(c, { tp: 1, fn: 1, fp: 1, tn: 1 });
  });
});
