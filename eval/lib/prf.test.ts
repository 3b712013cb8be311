import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { prf, weightedF1 } from './prf.js';

describe('precision, recall, F1', () => {
  it('from counts', () => assert.deepEqual(prf({ tp: 2, fp: 2, fn: 0 }), { p: 0.5, r: 1, f1: 2 / 3 }));
  it('zero counts give zeros', () => assert.deepEqual(prf({ tp: 0, fp: 0, fn: 0 }), { p: 0, r: 0, f1: 0 }));
  it('weighted F1 weights each gold label by its support', () => {
    // label a: P=1 R=0.5 F1=2/3 (support 2); label b: P=0.5 R=1 F1=2/3 (support 1)
    const got = weightedF1(['a', 'a', 'b'], ['a', 'b', 'b']);
    assert.ok(Math.abs(got - 2 / 3) < 1e-9);
    assert.equal(weightedF1(['a'], ['(none)']), 0);
  });
});
