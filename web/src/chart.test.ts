import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countScale, dayBands, labelEvery } from './chart.js';

describe('chart scales', () => {
  it('gives every day an equal band and refuses days outside', () => {
    const s = dayBands('2016-09-12', '2016-09-21', 40, 500);
    assert.equal(s.band, 50);
    assert.equal(s.x('2016-09-12'), 40);
    assert.equal(s.x('2016-09-21'), 490);
    assert.equal(s.x('2016-09-11'), null);
    assert.equal(s.x('2016-09-22'), null);
  });

  it('maps counts onto heights with a nice top and clamps', () => {
    const s = countScale(7, 100);
    assert.equal(s.max, 10);
    assert.deepEqual(s.ticks, [0, 5, 10]);
    assert.equal(s.h(5), 50);
    assert.equal(s.h(15), 100);
    assert.equal(s.h(-2), 0);
    assert.deepEqual(countScale(0, 60).ticks, [0, 1]);
  });

  it('thins day labels', () => {
    assert.equal(labelEvery(10, 12), 1);
    assert.equal(labelEvery(30, 10), 3);
    assert.equal(labelEvery(31, 10), 4);
  });
});
