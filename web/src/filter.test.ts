import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Incident } from './api-types.js';
import { incidentsPerDay, select } from './filter.js';
import { DEFAULT_FILTERS } from './state.js';

const inc = (id: string, start: string, more: Partial<Incident> = {}): Incident => ({
  id,
  date: { start, end: start, precision: 1 },
  eventType: 'Battles',
  latitude: 36.2,
  longitude: 37.1,
  grade: 'single_source',
  reviewState: 'machine',
  parties: ['syrian-government'],
  ...more,
});

const all = [
  inc('a', '2016-09-12'),
  inc('b', '2016-09-18', { eventType: 'Explosions/Remote violence', parties: ['russia', 'syrian-government'] }),
  inc('c', '2016-09-19', { grade: 'corroborated', reviewState: 'confirmed', parties: ['opposition'] }),
  inc('d', '2016-09-01', { date: { start: '2016-09-01', end: '2016-09-30', precision: 3 }, parties: [] }),
];

describe('selection', () => {
  const table = [
    { name: 'everything, newest first', f: DEFAULT_FILTERS, want: ['c', 'b', 'a', 'd'] },
    { name: 'the last day', f: { ...DEFAULT_FILTERS, win: '1d' as const }, want: ['c', 'd'] },
    {
      name: 'seven days to the 18th',
      f: { ...DEFAULT_FILTERS, win: '7d' as const, to: '2016-09-18' },
      want: ['b', 'a', 'd'],
    },
    { name: 'one party', f: { ...DEFAULT_FILTERS, parties: ['russia'] }, want: ['b'] },
    { name: 'two parties', f: { ...DEFAULT_FILTERS, parties: ['russia', 'opposition'] }, want: ['c', 'b'] },
    { name: 'a type', f: { ...DEFAULT_FILTERS, types: ['Explosions/Remote violence' as const] }, want: ['b'] },
    { name: 'a grade', f: { ...DEFAULT_FILTERS, grades: ['corroborated' as const] }, want: ['c'] },
    { name: 'a review state', f: { ...DEFAULT_FILTERS, reviews: ['machine' as const] }, want: ['b', 'a', 'd'] },
  ];
  for (const t of table)
    it(t.name, () =>
      assert.deepEqual(
        select(all, t.f).items.map((i) => i.id),
        t.want,
      ),
    );

  it('counts the window back from the latest incident the other filters keep', () => {
    const s = select(all, { ...DEFAULT_FILTERS, win: '1d', parties: ['syrian-government'] });
    assert.deepEqual(s.range, { from: '2016-09-18', to: '2016-09-18' });
    assert.deepEqual(
      s.items.map((i) => i.id),
      ['b'],
    );
  });

  it('keeps only the agreement area unless asked for everything', () => {
    const inArea = (i: Incident) => i.id !== 'c';
    assert.deepEqual(
      select(all, DEFAULT_FILTERS, inArea).items.map((i) => i.id),
      ['b', 'a', 'd'],
    );
    assert.deepEqual(
      select(all, { ...DEFAULT_FILTERS, area: 'all' }, inArea).items.map((i) => i.id),
      ['c', 'b', 'a', 'd'],
    );
  });

  it('reports the record and the window it used', () => {
    const s = select(all, { ...DEFAULT_FILTERS, win: '7d' });
    assert.deepEqual(s.record, { from: '2016-09-01', to: '2016-09-19' });
    assert.deepEqual(s.range, { from: '2016-09-13', to: '2016-09-19' });
  });

  it('counts incidents per day and party, once per party', () => {
    const m = incidentsPerDay(all);
    assert.equal(m.get('2016-09-18')?.get('russia'), 1);
    assert.equal(m.get('2016-09-18')?.get('syrian-government'), 1);
    assert.equal(m.get('2016-09-01')?.get('unattributed'), 1);
  });

  it("by default moves the window in the agreement's period, not across years of later incidents", () => {
    const later = [...all, inc('y', '2019-05-07'), inc('z', '2020-03-10')];
    const time = { from: '2016-09-12T19:00' };
    const s = select(later, DEFAULT_FILTERS, null, time);
    assert.deepEqual(s.record, { from: '2016-09-12', to: '2016-09-19' }, 'the slider spans the truce');
    assert.deepEqual(s.period, s.record);
    assert.deepEqual(s.whole, { from: '2016-09-01', to: '2020-03-10' });
    assert.deepEqual(
      s.items.map((i) => i.id),
      ['c', 'b', 'a', 'd'],
      'the month-long report overlapping the start stays; the later ones wait for span=all',
    );
    const wide = select(later, { ...DEFAULT_FILTERS, span: 'all' }, null, time);
    assert.deepEqual(wide.record, { from: '2016-09-01', to: '2020-03-10' });
    assert.equal(wide.items.length, 6);
    // "Last 7 days" ends on the period's last day.
    assert.deepEqual(select(later, { ...DEFAULT_FILTERS, win: '7d' }, null, time).range, {
      from: '2016-09-13',
      to: '2016-09-19',
    });
    // Without an agreement's time, the record is what the filters keep.
    assert.deepEqual(select(later, DEFAULT_FILTERS).record, { from: '2016-09-01', to: '2020-03-10' });
  });
});
