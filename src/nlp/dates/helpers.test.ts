import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { wordBefore } from './word-before.js';

const REGEX = /([A-Za-z]+)[\s-]*$/;

test('wordBefore agrees with the regex it replaces', () => {
  const chars = fc.constantFrom('a', 'Z', 'm', ' ', '-', '\n', '\u00a0', '.', ',', '7', 'é', ';');
  fc.assert(
    fc.property(
      fc.array(chars, { maxLength: 30 }).map((cs) => cs.join('')),
      fc.nat(30),
      (text, n) => {
        const end = Math.min(n, text.length);
        assert.equal(wordBefore(text, end), REGEX.exec(text.slice(0, end))?.[1]);
      },
    ),
    { numRuns: 2000 },
  );
});

test('wordBefore: examples', () => {
  assert.equal(wordBefore('fighting in mid-', 16), 'mid');
  assert.equal(wordBefore('Late on ', 8), 'on');
  assert.equal(wordBefore('"', 1), undefined);
});

test('toIso agrees with Date.toISOString from year 1000 to 2999', async () => {
  const { toIso } = await import('./resolve.js');
  const dayMs = 86_400_000;
  fc.assert(
    fc.property(fc.integer({ min: -354_285, max: 376_199 }), (day) => {
      assert.equal(toIso(day), new Date(day * dayMs).toISOString().slice(0, 10));
    }),
    { numRuns: 5000 },
  );
});
