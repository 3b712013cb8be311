import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { endOf, firstAbove, firstAtLeast, itself, startOf } from './search.js';

test('search: first at least / first above a value, within a range', () => {
  const xs = [1, 3, 3, 5, 8];
  assert.equal(firstAtLeast(xs, 3, itself), 1);
  assert.equal(firstAbove(xs, 3, itself), 3);
  assert.equal(firstAtLeast(xs, 0, itself), 0);
  assert.equal(firstAtLeast(xs, 9, itself), 5);
  assert.equal(firstAbove(xs, 8, itself), 5);
  assert.equal(firstAtLeast(xs, 1, itself, 2, 4), 2);
  assert.equal(firstAtLeast([], 1, itself), 0);
  const spans = [
    { start: 0, end: 2 },
    { start: 4, end: 6 },
  ];
  assert.equal(firstAtLeast(spans, 3, startOf), 1);
  assert.equal(firstAbove(spans, 2, endOf), 1);
});

test('search: agrees with a linear scan on any sorted list and range', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: -20, max: 20 })),
      fc.integer({ min: -25, max: 25 }),
      fc.nat(),
      fc.nat(),
      (raw, v, a, b) => {
        const xs = [...raw].sort((x, y) => x - y);
        const lo = Math.min(a, b) % (xs.length + 1);
        const hi = Math.max(lo, Math.max(a, b) % (xs.length + 1));
        let atLeast = hi;
        let above = hi;
        for (let i = hi - 1; i >= lo; i--) {
          if (xs[i]! >= v) atLeast = i;
          if (xs[i]! > v) above = i;
        }
        assert.equal(firstAtLeast(xs, v, itself, lo, hi), atLeast);
        assert.equal(firstAbove(xs, v, itself, lo, hi), above);
      },
    ),
  );
});
