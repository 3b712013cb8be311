import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { classify, compare, estimateContainment, loadThresholds, signature, type Relation } from './index.js';
import { FLASH, ORIGINAL, OTHER_STORY, SYNDICATED, UPDATED } from './fixtures.test-data.js';

const thresholds = loadThresholds();

const rows: ReadonlyArray<[string, string, string, Relation]> = [
  ['copy under another headline and chrome', ORIGINAL, SYNDICATED, 'copy'],
  ['update with a rewritten lede and added paragraphs', ORIGINAL, UPDATED, 'version'],
  ['short first version contained in the longer report', FLASH, ORIGINAL, 'version'],
  ['syndicated copy against the update', SYNDICATED, UPDATED, 'version'],
  ['different story with the same places and sources', ORIGINAL, OTHER_STORY, 'distinct'],
  ['different story against the update', UPDATED, OTHER_STORY, 'distinct'],
  ['empty text against a story', '', ORIGINAL, 'distinct'],
];

for (const [name, a, b, expected] of rows) {
  test(`compare: ${name} -> ${expected}`, () => {
    const c = compare(signature(a), signature(b), thresholds);
    assert.equal(c.relation, expected, `J=${c.jaccard.toFixed(3)} C=${c.containment.toFixed(3)}`);
  });
}

test('classify applies each threshold rule', () => {
  const t = thresholds;
  assert.equal(classify(t.copy.jaccard, 1, t), 'copy');
  assert.equal(classify(t.version.jaccard, 0, t), 'version');
  assert.equal(classify(t.version.containmentMinJaccard, t.version.containment, t), 'version');
  assert.equal(classify(t.version.containmentMinJaccard / 2, 1, t), 'distinct');
  assert.equal(classify(0, 0, t), 'distinct');
});

test('estimateContainment: a subset is fully contained; disjoint sets not at all', () => {
  assert.equal(estimateContainment(0.25, 100, 400), 1);
  assert.equal(estimateContainment(0, 100, 400), 0);
  assert.equal(estimateContainment(0.5, 0, 10), 0);
});

const paragraph = fc
  .array(
    fc.constantFrom(
      'army',
      'rebels',
      'shelled',
      'Aleppo',
      'on',
      'Monday',
      'the',
      'truce',
      'killed',
      'five',
      'near',
      'Idlib',
      'said',
    ),
    {
      minLength: 1,
      maxLength: 60,
    },
  )
  .map((w) => w.join(' '));

test('property: a text is a copy of itself', () => {
  fc.assert(
    fc.property(paragraph, (text) => {
      assert.equal(compare(signature(text), signature(text), thresholds).relation, 'copy');
    }),
  );
});

test('property: the order of the arguments does not change the result', () => {
  fc.assert(
    fc.property(paragraph, paragraph, (a, b) => {
      const sa = signature(a);
      const sb = signature(b);
      assert.deepEqual(compare(sa, sb, thresholds), compare(sb, sa, thresholds));
    }),
  );
});
