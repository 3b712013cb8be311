import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseCanonical, loadThresholds, signature, type LinkCandidate } from './index.js';
import { FLASH, ORIGINAL, OTHER_STORY, SYNDICATED, UPDATED } from './fixtures.test-data.js';

const thresholds = loadThresholds();
const sig = {
  original: signature(ORIGINAL),
  syndicated: signature(SYNDICATED),
  updated: signature(UPDATED),
  flash: signature(FLASH),
  other: signature(OTHER_STORY),
};
const cand = (reportId: number, s: Uint32Array, canonicalReportId: number | null = null): LinkCandidate => ({
  reportId,
  canonicalReportId,
  signature: s,
});

const rows: ReadonlyArray<
  [string, Uint32Array, readonly LinkCandidate[], { relation: string; canonical: number } | null]
> = [
  ['no candidates', sig.syndicated, [], null],
  ['only a different story', sig.syndicated, [cand(1, sig.other)], null],
  ['a copy of a canonical report', sig.syndicated, [cand(1, sig.original)], { relation: 'copy', canonical: 1 }],
  [
    'links to the canonical of a matched copy, not to the copy',
    sig.syndicated,
    [cand(2, sig.original, 1)],
    { relation: 'copy', canonical: 1 },
  ],
  [
    'a copy beats a version found first',
    sig.syndicated,
    [cand(1, sig.updated), cand(2, sig.original)],
    { relation: 'copy', canonical: 2 },
  ],
  ['an update is a version', sig.updated, [cand(1, sig.original)], { relation: 'version', canonical: 1 }],
  [
    'among versions the higher Jaccard wins',
    sig.updated,
    [cand(1, sig.flash), cand(2, sig.original)],
    { relation: 'version', canonical: 2 },
  ],
  ['the report itself is never its own match', sig.original, [cand(7, sig.original)], null],
  ['a match whose canonical is the report itself links nothing', sig.original, [cand(3, sig.syndicated, 7)], null],
];

for (const [name, probe, candidates, expected] of rows) {
  test(`chooseCanonical: ${name}`, () => {
    const got = chooseCanonical(7, probe, candidates, thresholds);
    assert.deepEqual(got && { relation: got.relation, canonical: got.canonical }, expected);
  });
}

test('chooseCanonical: the thresholds passed decide (a strict copy threshold makes the copy a version)', () => {
  const strict = { ...thresholds, copy: { jaccard: 1.01 } };
  assert.equal(chooseCanonical(7, sig.syndicated, [cand(1, sig.original)], strict)?.relation, 'version');
});
