import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { asRe3dMention, chunksOf, conllCounts, matchCounts, nonOverlapping, overlapCounts } from './score.js';

describe('conlleval chunks', () => {
  const rows: Array<[string[], string[]]> = [
    [
      ['B-PER', 'I-PER', 'O', 'B-LOC'],
      ['PER:0-2', 'LOC:3-4'],
    ],
    [
      ['B-ORG', 'B-ORG'],
      ['ORG:0-1', 'ORG:1-2'],
    ],
    [['I-MISC', 'I-MISC', 'O'], ['MISC:0-2']],
    [
      ['B-PER', 'I-LOC'],
      ['PER:0-1', 'LOC:1-2'],
    ],
    [['O', 'O'], []],
  ];
  for (const [tags, expected] of rows) {
    it(tags.join(' '), () =>
      assert.deepEqual(
        chunksOf(tags).map((c) => `${c.type}:${c.start}-${c.end}`),
        expected,
      ),
    );
  }
  it('scores exact typed chunks per type and overall', () => {
    const c = conllCounts([['B-PER', 'I-PER', 'O', 'B-LOC']], [['B-PER', 'O', 'O', 'B-LOC']]);
    assert.deepEqual(c.get('ALL'), { tp: 1, fp: 1, fn: 1 });
    assert.deepEqual(c.get('LOC'), { tp: 1, fp: 0, fn: 0 });
  });
});

describe('span matching', () => {
  const gold = [
    { start: 0, end: 10, type: 'person' },
    { start: 20, end: 30, type: 'place' },
  ];
  it('exact', () => {
    const c = matchCounts(gold, [
      { start: 0, end: 10, type: 'person' },
      { start: 20, end: 25, type: 'place' },
    ]);
    assert.deepEqual(c.get('person'), { tp: 1, fp: 0, fn: 0 });
    assert.deepEqual(c.get('place'), { tp: 0, fp: 1, fn: 1 });
  });
  it('overlap, one to one, same type', () => {
    const pred = [
      { start: 22, end: 25, type: 'place' },
      { start: 24, end: 28, type: 'place' },
      { start: 0, end: 3, type: 'place' },
    ];
    assert.deepEqual(overlapCounts(gold, pred), { tp: 1, fp: 2, fn: 1 });
  });
  it('keeps the longer of two overlapping spans', () => {
    const kept = nonOverlapping([
      { start: 0, end: 4, type: 'a' },
      { start: 0, end: 9, type: 'b' },
      { start: 10, end: 12, type: 'c' },
    ]);
    assert.deepEqual(
      kept.map((k) => k.type),
      ['b', 'c'],
    );
  });
});

describe('re3d mentions', () => {
  const titles = ['Prime Minister', 'Minister', 'Mr'];
  const text = 'Then the Harbour Guild met Prime Minister Ana Vell and Mr Oduya near theRiver Bank.';
  const span = (word: string, type: string) => {
    const start = text.indexOf(word);
    return { start, end: start + word.length, type };
  };
  it('takes in a leading "the" before an organisation or place', () => {
    const got = asRe3dMention(text, span('Harbour Guild', 'organisation'), titles);
    assert.equal(text.slice(got.start, got.end), 'the Harbour Guild', 'determiner kept');
  });
  it('takes in the longest title before a person', () => {
    const got = asRe3dMention(text, span('Ana Vell', 'person'), titles);
    assert.equal(text.slice(got.start, got.end), 'Prime Minister Ana Vell', 'whole title kept');
    const mr = asRe3dMention(text, span('Oduya', 'person'), titles);
    assert.equal(text.slice(mr.start, mr.end), 'Mr Oduya', 'short title kept');
  });
  it('leaves other spans alone', () => {
    const person = span('Harbour Guild', 'person');
    assert.deepEqual(asRe3dMention(text, person, titles), person, 'no determiner on a person');
    const glued = span('River Bank', 'place');
    assert.deepEqual(asRe3dMention(text, glued, titles), glued, '"the" glued to the name is not a determiner');
  });
});
