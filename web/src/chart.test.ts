import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { columnOf, compressDays, countScale, dayBands, labelEvery } from './chart.js';

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

describe('quiet stretches', () => {
  const days = Array.from({ length: 30 }, (_, i) => `2016-09-${String(i + 1).padStart(2, '0')}`);
  it('folds a long quiet run into one gap, keeps a day of context around busy days and short runs as days', () => {
    const cols = compressDays(days, new Set(['2016-09-02', '2016-09-25']));
    assert.deepEqual(
      cols.map((c) => (c.kind === 'day' ? c.day.slice(8) : `gap ${c.from.slice(8)}-${c.to.slice(8)} (${c.days})`)),
      ['01', '02', '03', 'gap 04-23 (20)', '24', '25', '26', '27', '28', '29', '30'],
    );
    assert.equal(columnOf(cols, '2016-09-10'), 3, 'a day in the gap falls in the gap');
    assert.equal(columnOf(cols, '2016-09-25'), 5);
    assert.equal(columnOf(cols, '2016-10-01'), -1);
  });

  it('keeps every day when nothing is quiet for long, and folds everything when nothing happens', () => {
    assert.equal(compressDays(days.slice(0, 5), new Set(['2016-09-03'])).length, 5);
    assert.deepEqual(compressDays(days, new Set()), [{ kind: 'gap', from: '2016-09-01', to: '2016-09-30', days: 30 }]);
  });
});
