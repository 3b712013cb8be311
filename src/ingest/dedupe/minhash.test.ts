import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  DEFAULT_PARAMS,
  estimateJaccard,
  fromBytes,
  normaliseText,
  shingleHashes,
  signature,
  signatureInfo,
  toBytes,
} from './index.js';
import { ORIGINAL } from './fixtures.test-data.js';

const normRows: ReadonlyArray<[string, string]> = [
  ['Assad\u2019s forces  SHELLED\tHoms.', 'assads forces shelled homs'],
  ["Assad's forces shelled Homs", 'assads forces shelled homs'],
  ['\u201cNo truce,\u201d he said \u2014 again!', 'no truce he said again'],
  ['ﬁghters in Dar\u2019a', 'fighters in dara'],
  ['  ', ''],
];
for (const [input, expected] of normRows) {
  test(`normaliseText(${JSON.stringify(input)})`, () => assert.equal(normaliseText(input), expected));
}

test('shingles: k consecutive words, repeats counted once, short text is one shingle', () => {
  assert.equal(shingleHashes('a b c d e f', 5).length, 2);
  assert.equal(shingleHashes('a b a b a b a b', 2).length, 2);
  assert.equal(shingleHashes('only three words', 5).length, 1);
  assert.equal(shingleHashes('', 5).length, 0);
  assert.notDeepEqual(shingleHashes('a b', 2), shingleHashes('b a', 2));
});

test('signature: deterministic, with header and shingle count', () => {
  const s = signature(ORIGINAL);
  assert.deepEqual(s, signature(ORIGINAL));
  const info = signatureInfo(s);
  assert.equal(info.k, DEFAULT_PARAMS.k);
  assert.equal(info.permutations, DEFAULT_PARAMS.permutations);
  assert.equal(info.shingles, shingleHashes(ORIGINAL, DEFAULT_PARAMS.k).length);
});

test('estimateJaccard is close to the exact Jaccard of the shingle sets', () => {
  const a = ORIGINAL;
  const b = ORIGINAL.split('\n\n').slice(0, 5).join('\n\n');
  const A = new Set(shingleHashes(a, 5));
  const B = new Set(shingleHashes(b, 5));
  const inter = [...A].filter((x) => B.has(x)).length;
  const exact = inter / (A.size + B.size - inter);
  assert.ok(Math.abs(estimateJaccard(signature(a), signature(b)) - exact) < 0.1);
});

test('signatures of different parameters are refused, not compared', () => {
  assert.throws(() => estimateJaccard(signature('a b c', { k: 5, permutations: 64 }), signature('a b c')), RangeError);
});

test('property: toBytes/fromBytes round trip', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), (text) => {
      const s = signature(text);
      assert.deepEqual(fromBytes(toBytes(s)), s);
    }),
  );
});

test('fromBytes refuses a truncated or foreign blob', () => {
  const bytes = toBytes(signature(ORIGINAL));
  assert.throws(() => fromBytes(bytes.subarray(0, bytes.length - 4)), RangeError);
  assert.throws(() => fromBytes(bytes.subarray(0, 6)), RangeError);
  assert.throws(() => fromBytes(new Uint8Array(16)), RangeError);
});
