import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flagsOf, sentenceFeatures, shapeOf, shortShapeOf, wordFeatures } from './features.js';
import { FastDecoder } from './fast-decoder.js';
import { decode, train, transitionMask, viterbi, NER_CLASSES } from './perceptron.js';
import { NameTagger, spansOfTags } from './tagger.js';
import { decodeWeights, encodeWeights } from './weights-file.js';

describe('features', () => {
  const shapes: Array<[string, string, string]> = [
    ['Aleppo', 'Xxxxxx', 'Xx'],
    ['UN', 'XX', 'X'],
    ['1996', 'dddd', 'd'],
    ['U.S.', 'X.X.', 'X.X.'],
    ['al-Nusra', 'xx-Xxxxx', 'x-Xx'],
    ['x.y.', 'x.x.', 'x.x.'],
  ];
  for (const [word, shape, short] of shapes) {
    it(`shape of ${word}`, () => {
      assert.equal(shapeOf(word), shape);
      assert.equal(shortShapeOf(shapeOf(word)), short);
    });
  }
  const flags: Array<[string, string[]]> = [
    ['Kabul', ['cap']],
    ['NATO', ['cap', 'allcaps']],
    ['rebels', ['lower']],
    ['F-16', ['cap', 'allcaps', 'digit', 'hyphen']],
    ['42', ['digit', 'number']],
    [',', ['punct', 'len1']],
  ];
  for (const [word, expected] of flags) it(`flags of ${word}`, () => assert.deepEqual(flagsOf(word), expected));

  it('gives each token its word features plus context features', () => {
    const f = sentenceFeatures(['Rebels', 'shelled', 'Idlib']);
    assert.equal(f.offsets.length, 4);
    assert.equal(f.offsets[1]! - f.offsets[0]!, wordFeatures('Rebels').own.length + 13);
    assert.equal(f.offsets[3], f.ids.length);
  });

  it('is the same for the same word in the same context, different in another', () => {
    const a = sentenceFeatures(['in', 'Homs', 'today']);
    const b = sentenceFeatures(['in', 'Homs', 'today']);
    const c = sentenceFeatures(['by', 'Homs', 'today']);
    const slice = (f: typeof a) => [...f.ids.slice(f.offsets[1]!, f.offsets[2]!)];
    assert.deepEqual(slice(a), slice(b));
    assert.notDeepEqual(slice(a), slice(c));
  });
});

// An invented corpus: names in a few fixed frames, so a tiny model can learn it.
const PEOPLE = ['Omar Haddad', 'Lina Saleh', 'Karim Nasser', 'Yusuf Darwish', 'Rana Khalil'];
const ORGS = ['Red Crescent', 'Free Army', 'Relief Council', 'Tiger Brigade'];
const TOWNS = ['Homs', 'Hama', 'Daraa', 'Raqqa', 'Idlib'];

function corpus(): { words: string[][]; tags: string[][] } {
  const words: string[][] = [];
  const tags: string[][] = [];
  const name = (n: string, type: string) => n.split(' ').map((w, i) => [w, `${i === 0 ? 'B' : 'I'}-${type}`] as const);
  for (let i = 0; i < 20; i++) {
    const p = name(PEOPLE[i % PEOPLE.length]!, 'PER');
    const o = name(ORGS[i % ORGS.length]!, 'ORG');
    const t = name(TOWNS[i % TOWNS.length]!, 'LOC');
    const frame: Array<readonly [string, string]> =
      i % 2 === 0
        ? [...p, ['said', 'O'], ['the', 'O'], ...o, ['entered', 'O'], ...t, ['.', 'O']]
        : [['In', 'O'], ...t, [',', 'O'], ['the', 'O'], ...o, ['met', 'O'], ...p, ['.', 'O']];
    words.push(frame.map(([w]) => w));
    tags.push(frame.map(([, g]) => g));
  }
  return { words, tags };
}

describe('perceptron', () => {
  it('learns to tag a small invented corpus', () => {
    const { words, tags } = corpus();
    const m = train(words, tags, { epochs: 10, seed: 1, bits: 14 });
    words.forEach((s, i) =>
      assert.deepEqual(
        decode(m, sentenceFeatures(s)).map((c) => m.classes[c]),
        tags[i],
      ),
    );
  });

  it('Viterbi decoding tags the learnt corpus too, and only with valid moves', () => {
    const { words, tags } = corpus();
    const m = train(words, tags, { epochs: 10, seed: 1, bits: 14 });
    let max = 0;
    for (const v of m.weights) max = Math.max(max, Math.abs(v));
    words.forEach((s, i) =>
      assert.deepEqual(
        viterbi(m, sentenceFeatures(s), max * 0.01).map((c) => m.classes[c]),
        tags[i],
      ),
    );
    const weak = train(words, tags, { epochs: 1, seed: 3, bits: 10 });
    for (const s of [['Rebels', 'said', 'Homs'], ['the', 'of', 'Aleppo', 'Aleppo', 'x'], []]) {
      const out = viterbi(weak, sentenceFeatures(s), 0.5).map((c) => weak.classes[c]!);
      assert.equal(out.length, s.length);
      out.forEach((t, k) => {
        if (t.startsWith('I-')) assert.equal(out[k - 1]?.slice(2), t.slice(2), out.join(' '));
      });
    }
  });

  it('trains deterministically', () => {
    const { words, tags } = corpus();
    const a = train(words, tags, { epochs: 3, seed: 7, bits: 12 });
    const b = train(words, tags, { epochs: 3, seed: 7, bits: 12 });
    assert.deepEqual(a.weights, b.weights);
  });

  it('never decodes an I- tag that continues nothing', () => {
    const { words, tags } = corpus();
    const m = train(words, tags, { epochs: 2, seed: 3, bits: 12 });
    const odd = [
      ['Brigade', 'Tiger', 'said'],
      ['the', 'Council', 'Relief', 'Omar'],
      ['Saleh', ',', 'Haddad'],
    ];
    for (const s of odd) {
      const out = decode(m, sentenceFeatures(s)).map((c) => m.classes[c]!);
      out.forEach((t, i) => {
        if (t.startsWith('I-')) assert.ok(i > 0 && out[i - 1]!.slice(2) === t.slice(2), out.join(' '));
      });
    }
  });

  it('forbids I-X after O or another type', () => {
    const mask = transitionMask(NER_CLASSES);
    const iPer = NER_CLASSES.indexOf('I-PER');
    assert.equal(mask[0]![iPer], 0); // sentence start
    assert.equal(mask[1 + NER_CLASSES.indexOf('B-ORG')]![iPer], 0);
    assert.equal(mask[1 + NER_CLASSES.indexOf('B-PER')]![iPer], 1);
  });

  it('survives the weights file round trip with the same tags', () => {
    const { words, tags } = corpus();
    const m = train(words, tags, { epochs: 10, seed: 1, bits: 14 });
    const back = new NameTagger(decodeWeights(encodeWeights(m, { note: 'test' })));
    for (const s of words)
      assert.deepEqual(
        back.tags(s),
        decode(m, sentenceFeatures(s)).map((c) => m.classes[c]),
      );
  });

  it('decodes int16 weights on the fast path exactly as decode(), and names() as the filtered spans', () => {
    const { words, tags } = corpus();
    const q = decodeWeights(encodeWeights(train(words, tags, { epochs: 4, seed: 5, bits: 12 })));
    const tagger = new NameTagger(q);
    const odd = [
      ...words,
      ['Brigade', 'Tiger', 'said'],
      ['the', 'council', 'of', 'Omar', 'Saleh'],
      ['rebels', 'left'],
      [],
    ];
    for (const s of odd) {
      assert.deepEqual(
        tagger.tags(s),
        decode(q, sentenceFeatures(s)).map((c) => q.classes[c]),
      );
      const expected = tagger
        .spans(s)
        .filter((x) => (x.type === 'PER' || x.type === 'ORG') && s.slice(x.from, x.to).some((w) => /^\p{Lu}/u.test(w)));
      assert.deepEqual(tagger.names(s), expected);
      // With anchors, every span holding an anchored word is still found, whatever else is flagged.
      for (let a = 0; a < s.length; a++) {
        const anchors = new Uint8Array(s.length);
        anchors[a] = 1;
        if (a + 2 < s.length) anchors[a + 2] = 1;
        const held = (x: { from: number; to: number }) => anchors.subarray(x.from, x.to).includes(1);
        assert.deepEqual(tagger.names(s, anchors).filter(held), expected.filter(held), `${s.join(' ')} @${a}`);
      }
    }
  });
});

describe('FastDecoder', () => {
  it('gives the same classes while its word pool grows and is emptied', () => {
    const { words, tags } = corpus();
    const q = decodeWeights(encodeWeights(train(words, tags, { epochs: 4, seed: 5, bits: 12 })));
    const allowed = transitionMask(q.classes);
    const inside = Uint8Array.from(q.classes, (c) => (c.startsWith('I-') ? 1 : 0));
    const small = new FastDecoder(q.weights as Int16Array, q.bits, q.classes.length, allowed, inside, 12);
    for (let round = 0; round < 3; round++) {
      for (const s of words) {
        const n = small.decode(s);
        assert.deepEqual([...small.classes.slice(0, n)], decode(q, sentenceFeatures(s)));
      }
    }
  });
});

describe('spansOfTags', () => {
  const rows: Array<[string[], Array<[number, number, string]>]> = [
    [
      ['B-PER', 'I-PER', 'O', 'B-LOC'],
      [
        [0, 2, 'PER'],
        [3, 4, 'LOC'],
      ],
    ],
    [
      ['B-ORG', 'B-ORG'],
      [
        [0, 1, 'ORG'],
        [1, 2, 'ORG'],
      ],
    ],
    [['O', 'I-MISC', 'I-MISC'], [[1, 3, 'MISC']]],
    [
      ['B-PER', 'I-ORG'],
      [
        [0, 1, 'PER'],
        [1, 2, 'ORG'],
      ],
    ],
  ];
  for (const [tags, expected] of rows) {
    it(tags.join(' '), () =>
      assert.deepEqual(
        spansOfTags(tags).map((s) => [s.from, s.to, s.type]),
        expected,
      ),
    );
  }
});
