import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, dayRange, daysBetween, formatDay, isDay } from './dates.js';
import { dayToIndex, extent, indexToDay, overlaps, windowRange } from './time-window.js';

const record = { from: '2016-09-10', to: '2016-09-25' };

describe('days', () => {
  it('checks, adds and counts days across month ends', () => {
    assert.equal(isDay('2016-09-31'), false);
    assert.equal(isDay('2016-02-29'), true);
    assert.equal(addDays('2016-09-30', 1), '2016-10-01');
    assert.equal(daysBetween('2016-09-28', '2016-10-02'), 4);
    assert.deepEqual(dayRange('2016-09-29', '2016-10-01'), ['2016-09-29', '2016-09-30', '2016-10-01']);
    assert.equal(formatDay('2016-09-09'), '9 Sep 2016');
  });
});

describe('time window', () => {
  it('finds the record from the earliest to the latest start', () => {
    assert.deepEqual(
      extent([
        { start: '2016-09-12', end: '2016-09-12' },
        { start: '2016-09-01', end: '2016-09-30' },
        { start: null, end: null },
        { start: '2016-09-20T04:00:00Z', end: null },
      ]),
      { from: '2016-09-01', to: '2016-09-20' },
    );
    assert.equal(extent([]), null);
  });

  const table = [
    { win: '1d', end: undefined, want: { from: '2016-09-25', to: '2016-09-25' } },
    { win: '7d', end: undefined, want: { from: '2016-09-19', to: '2016-09-25' } },
    { win: '7d', end: '2016-09-12', want: { from: '2016-09-10', to: '2016-09-12' } },
    { win: '30d', end: '2016-09-20', want: { from: '2016-09-10', to: '2016-09-20' } },
    { win: 'all', end: '2016-09-15', want: { from: '2016-09-10', to: '2016-09-15' } },
    { win: '1d', end: '2017-01-01', want: { from: '2016-09-25', to: '2016-09-25' } },
    { win: '1d', end: 'not-a-day', want: { from: '2016-09-25', to: '2016-09-25' } },
  ] as const;
  for (const t of table) {
    it(`${t.win} ending ${t.end ?? 'on the last day'} is ${t.want.from}..${t.want.to}`, () => {
      assert.deepEqual(windowRange(record, t.win, t.end), t.want);
    });
  }

  it('maps slider positions to days and back, clamped to the record', () => {
    assert.equal(dayToIndex('2016-09-10', record), 0);
    assert.equal(dayToIndex('2016-09-25', record), 15);
    assert.equal(dayToIndex('2017-01-01', record), 15);
    assert.equal(indexToDay(3, record), '2016-09-13');
    assert.equal(indexToDay(-4, record), '2016-09-10');
    assert.equal(indexToDay(99, record), '2016-09-25');
  });

  it('counts an incident whose uncertain dates touch the window', () => {
    const w = { from: '2016-09-19', to: '2016-09-25' };
    assert.equal(overlaps({ start: '2016-09-19', end: '2016-09-19' }, w), true);
    assert.equal(overlaps({ start: '2016-09-18', end: '2016-09-18' }, w), false);
    assert.equal(overlaps({ start: '2016-09-01', end: '2016-09-30' }, w), true, 'month precision');
    assert.equal(overlaps({ start: '2016-09-26', end: null }, w), false);
    assert.equal(overlaps({ start: null, end: null }, w), false);
  });
});
