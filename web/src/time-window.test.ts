import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, dayRange, daysBetween, formatDay, formatMoment, formatSpan, isDay } from './dates.js';
import { agreementPeriod, dayToIndex, extent, indexToDay, overlaps, windowRange } from './time-window.js';

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

describe("the agreement's period", () => {
  const days = ['2016-09-14', '2016-09-22', '2016-09-19', '2016-08-30', '2017-01-31', '2019-05-07'];
  it('runs from its start to its agreed end', () => {
    assert.deepEqual(agreementPeriod({ from: '2016-09-12T19:00', to: '2016-10-03T00:00' }, days), {
      from: '2016-09-12',
      to: '2016-10-03',
    });
  });
  it('open-ended: to the last incident before the record falls silent, not years later', () => {
    assert.deepEqual(agreementPeriod({ from: '2016-09-12T19:00' }, days), { from: '2016-09-12', to: '2016-09-22' });
    assert.deepEqual(agreementPeriod({ from: '2016-09-12T19:00', to: null }, ['2016-09-12', '2016-10-10']), {
      from: '2016-09-12',
      to: '2016-10-10',
    });
  });
  it('with nothing after its start, is its first day; without a start, there is none', () => {
    assert.deepEqual(agreementPeriod({ from: '2016-09-12' }, ['2016-09-01']), { from: '2016-09-12', to: '2016-09-12' });
    assert.equal(agreementPeriod(null, days), null);
    assert.equal(agreementPeriod({ from: 'soon' }, days), null);
  });
});

describe('spans in words', () => {
  it('says the month and year once when they are shared', () => {
    assert.equal(formatSpan({ from: '2016-09-12', to: '2016-09-22' }), '12–22 Sep 2016');
    assert.equal(formatSpan({ from: '2016-08-30', to: '2016-09-22' }), '30 Aug – 22 Sep 2016');
    assert.equal(formatSpan({ from: '2016-08-30', to: '2020-03-10' }), '30 Aug 2016 – 10 Mar 2020');
    assert.equal(formatSpan({ from: '2016-09-12', to: '2016-09-12' }), '12 Sep 2016');
    assert.equal(formatSpan(null), '');
  });
});

describe('moments in words', () => {
  it('to the minute, in UTC; anything else unchanged', () => {
    assert.equal(formatMoment('2026-11-28T12:35:59.123Z'), '28 Nov 2026, 12:35 UTC');
    assert.equal(formatMoment('2026-11-28T23:30:00-02:00'), '29 Nov 2026, 01:30 UTC');
    assert.equal(formatMoment('2026-11-28'), '2026-11-28');
    assert.equal(formatMoment('2026-13-45Tnonsense'), '2026-13-45Tnonsense');
  });
});
