/**
 * Attribution constructions of the fifth pass over the PolNeAR train misses (eval/quotes/misses.ts):
 * invented sentences, one construction each.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from './quotes.stage.js';
import { loadLexicon } from './lexicon.js';
import { docParts } from './test-doc.js';

const lex = loadLexicon();
const one = (text: string) => {
  const { body, sentences, entities } = docParts([text], []);
  return findQuotes(body, sentences, entities, lex);
};

describe('nested attributions and split subjects (2026-11-29 fifth pass)', () => {
  it('gives a parenthetical cue with no clause before it the attribution after it', () => {
    const quotes = one('Instead, she said, her aide told her the convoy had left.');
    assert.equal(quotes.length, 1, `the inner "told" is part of the outer content: ${JSON.stringify(quotes)}`);
    assert.equal(quotes[0]!.speakerMention?.text, 'she', 'the outer source speaks');
    assert.ok(quotes[0]!.text.endsWith('the convoy had left'), 'the content runs to the end of the inner clause');
  });
  it('still ends the content before a new clause joined after the cue', () => {
    const quotes = one('The road, the mayor said, is closed, and the governor said it would stay closed.');
    assert.deepEqual(
      quotes.map((q) => q.speakerMention?.text),
      ['the mayor', 'the governor'],
      'two sources, one content each',
    );
  });
  it('reads a subject the splitter cut inside its parenthesis', () => {
    const q = one('Rep. Jane Roe (D-N.Y.) said the bridge would reopen in May.')[0];
    assert.equal(q?.speakerMention?.text, 'Rep. Jane Roe', 'the subject before the cut is the source');
    assert.equal(q?.text, 'the bridge would reopen in May', 'the content after the cue');
  });
  it('reads a subject the splitter cut after its parenthesis, past a date', () => {
    const q = one('Sen. Jane Roe (I-Vt.) on Saturday criticized the new accord on water.')[0];
    assert.equal(q?.speakerMention?.text, 'Sen. Jane Roe', 'not the date after the cut');
    assert.equal(q?.text, 'the new accord on water', 'the object of the stance');
  });
  it('gives a participle cue the subject the splitter cut off', () => {
    const quotes = one('Sen. Jane Roe (I-Vt.) criticized the accord, saying the deal goes nowhere near far enough.');
    assert.equal(quotes.length, 2, 'the stance and the participle cue');
    assert.equal(quotes[1]!.cue?.text, 'saying', 'the second is the participle');
    assert.equal(quotes[1]!.speakerMention?.text, 'Sen. Jane Roe', 'its subject stands before the cut');
  });
});
