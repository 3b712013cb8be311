import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Relation } from '../../src/ingest/dedupe/index.js';
import { agreement, binaryScore, confusion, sameStory, storedRelation, type StoredLink } from './score.js';

test('binaryScore counts same-story pairs, weighted by the pairs each stands for', () => {
  const rows = [
    { gold: 'copy', predicted: 'copy' },
    { gold: 'version', predicted: 'distinct' },
    { gold: 'distinct', predicted: 'version', weight: 3 },
    { gold: 'distinct', predicted: 'distinct', weight: 100 },
  ] as const;
  const s = binaryScore(rows, sameStory);
  assert.deepEqual([s.tp, s.fp, s.fn], [1, 3, 1]);
  assert.equal(s.precision, 0.25);
  assert.equal(s.recall, 0.5);
  assert.equal(binaryScore([], sameStory).f1, 1);
});

test('confusion is gold x predicted in the order copy, version, distinct', () => {
  const m = confusion([
    { gold: 'copy', predicted: 'version' },
    { gold: 'distinct', predicted: 'distinct' },
  ]);
  assert.deepEqual(m, [
    [0, 1, 0],
    [0, 0, 0],
    [0, 0, 1],
  ]);
});

const link = (reportId: number, canonical: number | null, relation: StoredLink['relation'] = null): StoredLink => ({
  reportId,
  canonical,
  relation,
});

const rows: ReadonlyArray<[string, StoredLink | undefined, StoredLink | undefined, Relation]> = [
  ['a post never stored (quarantined)', undefined, link(1, null), 'distinct'],
  ['identical content is one stored report', link(4, null), link(4, null), 'copy'],
  ['two canonical reports', link(1, null), link(2, null), 'distinct'],
  ['a copy and its canonical', link(2, 1, 'copy'), link(1, null), 'copy'],
  ['a version and its canonical', link(1, null), link(3, 1, 'version'), 'version'],
  ['two copies of one canonical', link(2, 1, 'copy'), link(5, 1, 'copy'), 'copy'],
  ['a copy and a version of one canonical', link(2, 1, 'copy'), link(3, 1, 'version'), 'version'],
  ['linked to different stories', link(2, 1, 'copy'), link(6, 9, 'copy'), 'distinct'],
];
for (const [name, a, b, expected] of rows) {
  test(`storedRelation: ${name} -> ${expected}`, () => {
    assert.equal(storedRelation(a, b), expected);
    assert.equal(storedRelation(b, a), expected, 'symmetric');
  });
}

test('agreement: raw share and kappa on the same-story decision', () => {
  const same = agreement([
    { x: 'copy', y: 'copy' },
    { x: 'distinct', y: 'distinct' },
  ]);
  assert.deepEqual([same.n, same.same, same.kappa], [2, 2, 1]);
  const half = agreement([
    { x: 'copy', y: 'distinct' },
    { x: 'distinct', y: 'distinct' },
    { x: 'version', y: 'version' },
    { x: 'distinct', y: 'version' },
  ]);
  assert.equal(half.same, 2);
  assert.equal(half.kappa, 0);
});
