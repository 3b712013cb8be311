import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fnv1a32 } from '../../../core/hash.js';
import { documentFeatures } from './document.js';
import { sentenceFeatures, wordFeatures } from './features.js';
import { FastDecoder } from './fast-decoder.js';
import { decode, train, transitionMask, NER_CLASSES } from './perceptron.js';
import { decodeWeights, encodeWeights } from './weights-file.js';
import { CASE_SHIFT, GAZ, GAZ_SHIFT, setWordTable } from './word-table.js';

const CLASSES = [...NER_CLASSES] as string[];

describe('word table', () => {
  const table = new Map([
    [fnv1a32('harbourtown'), 37 | (3 << CASE_SHIFT) | (1 << (GAZ_SHIFT + GAZ.city))],
    [fnv1a32('said'), 5 | (1 << CASE_SHIFT)],
  ]);

  it('adds cluster, case and gazetteer features to the words it lists', () => {
    setWordTable(null);
    const plain = wordFeatures('Harbourtown').own.length;
    setWordTable(table);
    try {
      const rich = wordFeatures('Harbourtown');
      assert.equal(rich.own.length, plain + 4); // coarse, fine, case class, one gazetteer bit
      assert.equal(rich.ctx.length, 4);
      assert.equal(wordFeatures('Elsewhere').ctx.length, 0);
    } finally {
      setWordTable(null);
    }
  });

  it('travels in the weights file and decodes the same with the fast decoder', () => {
    const words = [
      ['Mayor', 'Tomas', 'Berg', 'said', 'Harbourtown', 'was', 'calm', '.'],
      ['Harbourtown', 'Council', 'said', 'no', '.'],
      ['Berg', 'visited', 'Harbourtown', '.'],
    ];
    const tags = [
      ['O', 'B-PER', 'I-PER', 'O', 'B-LOC', 'O', 'O', 'O'],
      ['B-ORG', 'I-ORG', 'O', 'O', 'O'],
      ['B-PER', 'O', 'B-LOC', 'O'],
    ];
    setWordTable(table);
    try {
      const m = train(words, tags, { epochs: 4, seed: 5, bits: 12 });
      const back = decodeWeights(encodeWeights(m, {}, table));
      assert.deepEqual([...back.wordTable!].sort(), [...table].sort());
      const inside = Uint8Array.from(CLASSES, (c) => (c.startsWith('I-') ? 1 : 0));
      const fast = new FastDecoder(
        back.weights as Int16Array,
        back.bits,
        CLASSES.length,
        transitionMask(CLASSES),
        inside,
      );
      for (const s of words) {
        const n = fast.decode(s);
        assert.deepEqual([...fast.classes.subarray(0, n)], decode(back, sentenceFeatures(s)));
      }
    } finally {
      setWordTable(null);
    }
  });
});

describe('document features', () => {
  it('give a capitalised word the type its other mentions got', () => {
    const doc = [
      ['Harbourtown', 'won', '.'],
      ['Harbourtown', 'lost', 'to', 'Eastfield', '.'],
    ];
    // First pass: B-ORG for the first mention only, nothing for the second.
    const f = documentFeatures(
      doc,
      [
        [3, 0, 0],
        [0, 0, 0, 0, 0],
      ],
      CLASSES,
    );
    const alone = documentFeatures([doc[1]!], [[0, 0, 0, 0, 0]], CLASSES);
    assert.ok(f[1]![0]!.length > alone[0]![0]!.length); // sees the ORG elsewhere
    assert.equal(f[1]![1]!.length, alone[0]![1]!.length); // "lost" is never capitalised
    assert.equal(f[1]![3]!.length, alone[0]![3]!.length); // "Eastfield": mentioned once
  });

  it('give a run of capitalised words the type the same run got elsewhere, never its own', () => {
    // An invented results line, then prose naming the same club.
    const doc = [
      ['Port', 'Vale', '2', 'Eastfield', '1'],
      ['Port', 'Vale', 'signed', 'a', 'striker', '.'],
    ];
    const line = [0, 0, 0, 0, 0];
    const asOrg = documentFeatures(doc, [line, [3, 4, 0, 0, 0, 0]], CLASSES);
    const asNone = documentFeatures(doc, [line, [0, 0, 0, 0, 0, 0]], CLASSES);
    // "Port" in the results line: its features follow the type the prose run "Port Vale" got.
    assert.notDeepEqual(asOrg[0]![0], asNone[0]![0]);
    // The prose run's own tags are not evidence for itself: with the results line untagged, its
    // run-majority feature is the same whatever the first pass said there.
    const ownOrg = documentFeatures([doc[1]!], [[3, 4, 0, 0, 0, 0]], CLASSES);
    const ownNone = documentFeatures([doc[1]!], [[0, 0, 0, 0, 0, 0]], CLASSES);
    assert.equal(ownOrg[0]![0]!.length, ownNone[0]![0]!.length);
  });

  it('let a run see the name it continues through a connector', () => {
    const zeros = [[0, 0, 0, 0, 0, 0]];
    const ofA = documentFeatures([['the', 'Bank', 'of', 'Harbourtown', 'said', '.']], zeros, CLASSES);
    const ofB = documentFeatures([['the', 'Bank', 'of', 'Eastfield', 'said', '.']], zeros, CLASSES);
    // "Bank" itself: the same word, neighbours and first-pass tags; only the name's last word differs.
    assert.notDeepEqual(ofA[0]![1], ofB[0]![1]);
    const plain = documentFeatures([['the', 'Bank', 'and', 'harbour', 'said', '.']], zeros, CLASSES);
    const plainB = documentFeatures([['the', 'Bank', 'and', 'river', 'said', '.']], zeros, CLASSES);
    assert.deepEqual(plain[0]![1], plainB[0]![1]); // no capitalised word after the connector
  });
});
