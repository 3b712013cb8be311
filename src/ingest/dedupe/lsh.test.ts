import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DuplicateIndex, candidateProbability, signature } from './index.js';
import { FLASH, ORIGINAL, OTHER_STORY, SYNDICATED, UPDATED } from './fixtures.test-data.js';

test('DuplicateIndex: copies and versions are candidates, a different story is not', () => {
  const index = new DuplicateIndex<string>();
  index.add('original', signature(ORIGINAL));
  index.add('other', signature(OTHER_STORY));
  for (const text of [SYNDICATED, UPDATED, FLASH]) assert.deepEqual(index.candidates(signature(text)), ['original']);
});

test('DuplicateIndex: remove and re-add', () => {
  const index = new DuplicateIndex<number>();
  index.add(1, signature(ORIGINAL));
  index.add(1, signature(ORIGINAL));
  assert.equal(index.size, 1);
  assert.deepEqual(index.candidates(signature(SYNDICATED)), [1]);
  assert.equal(index.remove(1), true);
  assert.deepEqual(index.candidates(signature(SYNDICATED)), []);
  assert.equal(index.remove(1), false);
});

test('DuplicateIndex: an empty text is nobody\u2019s candidate', () => {
  const index = new DuplicateIndex<string>();
  index.add('empty', signature(''));
  assert.deepEqual(index.candidates(signature('')), []);
});

test('DuplicateIndex refuses a layout larger than the signature', () => {
  const index = new DuplicateIndex<string>({ bands: 100, rows: 4 });
  assert.throws(() => index.add('x', signature(ORIGINAL)), RangeError);
});

test('candidateProbability is an S-curve', () => {
  assert.ok(candidateProbability(0.05) < 0.3);
  assert.ok(candidateProbability(0.2) > 0.99);
  assert.equal(candidateProbability(1), 1);
});
