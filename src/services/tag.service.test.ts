import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { iobTags, joinTokens, parseConll, TagService } from './tag.service.js';

describe('CoNLL tagging helpers', () => {
  it('joins tokens with spaces and sentences with a blank line', () => {
    const j = joinTokens([
      ['Troops', 'left', 'Homs', '.'],
      ['Calm', '.'],
    ]);
    assert.equal(j.text, 'Troops left Homs .\n\nCalm .');
    assert.deepEqual(j.offsets[1], [
      [20, 24],
      [25, 26],
    ]);
  });
  it('maps spans to IOB2 tags; the longer of two overlapping spans wins', () => {
    const j = joinTokens([['Kofi', 'Annan', 'visited', 'New', 'York', '.']]);
    const tags = iobTags(j, [
      { start: 0, end: 10, label: 'PER' },
      { start: 19, end: 22, label: 'LOC' },
      { start: 19, end: 27, label: 'LOC' },
    ]);
    assert.deepEqual(tags, [['B-PER', 'I-PER', 'O', 'B-LOC', 'I-LOC', 'O']]);
  });
  it('a span that covers part of a token tags the whole token', () => {
    const j = joinTokens([['Aleppo-based', 'fighters']]);
    assert.deepEqual(iobTags(j, [{ start: 0, end: 6, label: 'LOC' }]), [['B-LOC', 'O']]);
  });
  it('reads the token and the last column, blank lines between sentences', () => {
    const parsed = parseConll('Kabul NNP B-NP B-LOC\n. . O O\n\n-DOCSTART- -X- O O\n\nCalm JJ B-NP O\n');
    assert.deepEqual(parsed.tokens, [['Kabul', '.'], ['Calm']]);
    assert.deepEqual(parsed.gold, [['B-LOC', 'O'], ['O']]);
  });
  it('tags given tokens with the name tagger, nationalities as MISC', () => {
    const tags = new TagService().tag([
      ['Norwegian', 'mediators', 'met', 'officials', 'in', 'Geneva', 'on', 'Monday', '.'],
    ]);
    assert.equal(tags[0]![0], 'B-MISC');
    assert.equal(tags[0]![5], 'B-LOC');
    assert.deepEqual(
      tags[0]!.filter((t) => t !== 'O'),
      ['B-MISC', 'B-LOC'],
    );
  });
});
