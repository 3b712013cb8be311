import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, dayToDate, type IsoDay } from '../../core/date.js';
import { dayMs, shiftDay } from './days.js';

/** Days of many shapes: every month and day 00-32 of some years (leap, century, small, large), and malformed ones. */
function days(): string[] {
  const out: string[] = [];
  for (const y of [0, 1, 99, 100, 999, 1000, 1900, 1999, 2000, 2015, 2016, 2024, 2100, 9999])
    for (let m = 0; m <= 13; m++)
      for (let d = 0; d <= 32; d++)
        out.push(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  out.push(
    '2016-1-01',
    '2016-01-1',
    '20160101',
    '2016-01-01x',
    ' 2016-01-01',
    '2016-0a-01',
    '2016/01/01',
    '',
    '-2016-01-01',
  );
  return out;
}

const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));

test('dayMs is dayToDate(day).getTime(), roll-over and invalid days included', () => {
  for (const day of days()) assert.ok(same(dayMs(day), dayToDate(day as IsoDay).getTime()), day);
});

test('shiftDay is addDays, or throws as it does', () => {
  for (const day of days())
    for (const n of [0, -7, 1, -1, 30, -400]) {
      let want: string;
      try {
        want = addDays(day as IsoDay, n);
      } catch {
        assert.throws(() => shiftDay(day as IsoDay, n), day);
        continue;
      }
      assert.equal(shiftDay(day as IsoDay, n), want, `${day} ${n}`);
    }
  assert.equal(shiftDay('2016-03-01' as IsoDay, -1), '2016-02-29');
  assert.equal(shiftDay('2016-01-03' as IsoDay, -7), '2015-12-27');
});
